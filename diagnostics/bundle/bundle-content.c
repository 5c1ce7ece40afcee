/* bundle-content.c: what goes into a ticket, and the checks on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bundle-writer.h"
#include "mfa-error.h"

static void
attachment_free (MfaBundleAttachment *attachment)
{
  g_free (attachment->kind);
  g_free (attachment->source);
  g_free (attachment->caption);
  g_free (attachment);
}

MfaBundleContent *
mfa_bundle_content_new (void)
{
  MfaBundleContent *content = g_new0 (MfaBundleContent, 1);

  content->steps = g_ptr_array_new_with_free_func (g_free);
  content->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) attachment_free);
  content->check_kinds = g_ptr_array_new_with_free_func (g_free);
  content->check_results = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  return content;
}

void
mfa_bundle_content_free (MfaBundleContent *content)
{
  if (content == NULL)
    return;
  g_free (content->account_type);
  g_free (content->account_name);
  g_free (content->operation_zone);
  g_free (content->flow_id);
  g_free (content->description);
  g_ptr_array_unref (content->steps);
  g_ptr_array_unref (content->attachments);
  g_ptr_array_unref (content->check_kinds);
  g_ptr_array_unref (content->check_results);
  g_free (content);
}

void
mfa_bundle_content_add_attachment (MfaBundleContent *content,
                                   const gchar      *kind,
                                   const gchar      *source,
                                   const gchar      *caption,
                                   gint64            taken_usec)
{
  MfaBundleAttachment *attachment = g_new0 (MfaBundleAttachment, 1);

  attachment->kind = g_strdup (kind);
  attachment->source = g_strdup (source);
  attachment->caption = g_strdup (caption != NULL ? caption : "");
  attachment->taken_usec = taken_usec;
  g_ptr_array_add (content->attachments, attachment);
}

void
mfa_bundle_content_add_check (MfaBundleContent *content,
                              const gchar      *kind,
                              JsonNode         *evidence)
{
  g_ptr_array_add (content->check_kinds, g_strdup (kind));
  g_ptr_array_add (content->check_results, json_node_ref (evidence));
}

/* A RAM user signs in as name@<account alias or ID>.onaliyun.com. */
gboolean
mfa_bundle_check_account (const gchar  *type,
                          const gchar  *name,
                          gchar       **warning,
                          GError      **error)
{
  g_autofree gchar *folded = NULL;
  g_autofree gchar *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  *warning = NULL;
  if (g_strcmp0 (type, "alibaba-cloud-account") != 0 && g_strcmp0 (type, "ram-user") != 0)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("the account type must be alibaba-cloud-account or ram-user, not “%s”"),
                   type != NULL ? type : "");
      return FALSE;
    }
  if (trimmed[0] == '\0')
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("give the account name support should look at"));
      return FALSE;
    }
  folded = g_utf8_strdown (trimmed, -1);
  if (g_str_equal (type, "ram-user"))
    {
      g_autoptr(GRegex) shape = g_regex_new ("^[^@\\s]+@[^@\\s]+\\.onaliyun\\.com$", 0, 0, NULL);

      if (!g_regex_match (shape, folded, 0, NULL))
        *warning = g_strdup (_("A RAM user’s logon name looks like name@<account alias or "
                               "ID>.onaliyun.com; this one does not. Check it, or keep it if "
                               "you are sure."));
    }
  else if (g_str_has_suffix (folded, ".onaliyun.com"))
    *warning = g_strdup (_("This looks like a RAM user’s logon name, not an Alibaba Cloud "
                           "account: check the account type."));
  return TRUE;
}

/* An otpauth:// URI, or base32 as keys are shown: 16 or more characters in
 * one run, or groups of four (“JBSW Y3DP EHPK 3PXP”), with digits 2–7 among
 * letters (ordinary words have none). */
gboolean
mfa_bundle_check_text (const gchar  *field,
                       const gchar  *text,
                       GError      **error)
{
  g_autoptr(GRegex) key = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree gchar *folded = NULL;

  if (text == NULL)
    return TRUE;
  folded = g_ascii_strdown (text, -1);
  if (strstr (folded, "otpauth://") != NULL || strstr (folded, "otpauth-migration://") != NULL)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_SECRET_IN_TEXT,
                   _("%s holds an otpauth:// link, which carries an MFA key: remove it. Support "
                     "never needs your key."), field);
      return FALSE;
    }
  key = g_regex_new ("(?<![a-z2-7])(?:[a-z2-7]{16,}|(?:[a-z2-7]{4}[ -]){3,}[a-z2-7]{4})"
                     "(?![a-z2-7])", 0, 0, NULL);
  g_regex_match (key, folded, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree gchar *run = g_match_info_fetch (match, 0);
      guint digits = 0, letters = 0;

      for (const gchar *p = run; *p != '\0'; p++)
        {
          digits += *p >= '2' && *p <= '7';
          letters += g_ascii_isalpha (*p);
        }
      if (digits >= 2 && letters >= 4)
        {
          g_set_error (error, MFA_ERROR, MFA_ERROR_SECRET_IN_TEXT,
                       _("%s holds something that looks like an MFA key (a long run of "
                         "letters and the digits 2–7): remove it. Support never needs your "
                         "key."), field);
          return FALSE;
        }
    }
  return TRUE;
}
