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

/* The text as a key hidden in it would read: compatibility forms folded
 * (full-width letters, ligatures, circled digits), invisible format
 * characters dropped (zero-width spaces and joiners, soft hyphens), every
 * dash a hyphen, every space a space, lower case. */
static gchar *
fold_text (const gchar *text)
{
  g_autofree gchar *valid = g_utf8_make_valid (text, -1);
  g_autofree gchar *nfkc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  GString *folded = g_string_sized_new (strlen (nfkc));

  for (const gchar *p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_FORMAT)
        continue;
      if (type == G_UNICODE_DASH_PUNCTUATION)
        g_string_append_c (folded, '-');
      else if (g_unichar_isspace (c))
        g_string_append_c (folded, ' ');
      else
        g_string_append_unichar (folded, g_unichar_tolower (c));
    }
  return g_string_free (folded, FALSE);
}

typedef enum { BASE32 = 1 << 0, HEX = 1 << 1 } Alphabet;

#define MAX_KEY_CHARS 160

static guint
alphabets_of (const gchar *token,
              gsize        len)
{
  guint alphabets = BASE32 | HEX;

  for (gsize i = 0; i < len; i++)
    {
      gchar c = token[i];

      if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7')))
        alphabets &= ~BASE32;
      if (!g_ascii_isxdigit (c))
        alphabets &= ~HEX;
    }
  return alphabets;
}

/* Whether letters and digits joined from `tokens` read as a key: 16 or more
 * base32 characters with at least two digits 2–7 and four letters (words
 * have no digits), or 32 or more hex digits (16 bytes) mixing both. */
static gboolean
reads_as_key (GString *joined,
              guint    alphabets)
{
  guint digits = 0, letters = 0;

  for (gsize i = 0; i < joined->len; i++)
    {
      digits += g_ascii_isdigit (joined->str[i]);
      letters += g_ascii_isalpha (joined->str[i]);
    }
  if ((alphabets & BASE32) && joined->len >= 16 && digits >= 2 && letters >= 4)
    return TRUE;
  return (alphabets & HEX) && joined->len >= 32 && digits >= 4 && letters >= 4;
}

/* Keys are shown in one run or in groups of one size (“JBSW Y3DP EHPK
 * 3PXP”, “jbswy-3dpeh-pk3px-p”), the last group maybe shorter. Looks at each
 * run of letters and digits, and at each chain of equal groups joined by
 * short separators (spaces, hyphens, dots, underscores). */
static gboolean
holds_key (const gchar *folded)
{
  const gchar *p = folded;

  while (*p != '\0')
    {
      g_autoptr(GString) joined = g_string_new (NULL);
      guint alphabets = BASE32 | HEX;
      gsize group = 0;

      while (*p != '\0' && !g_ascii_isalnum (*p))
        p++;
      for (const gchar *q = p; *q != '\0';)
        {
          gsize len = 0, gap = 0;

          while (g_ascii_isalnum (q[len]))
            len++;
          alphabets &= alphabets_of (q, len);
          /* No key is longer (64 bytes are 103 base32 or 128 hex digits):
           * a chain stops there, so a long text costs linear time. */
          if (alphabets == 0 || (group > 0 && len > group) || joined->len + len > MAX_KEY_CHARS)
            break;
          g_string_append_len (joined, q, len);
          if (reads_as_key (joined, alphabets))
            return TRUE;
          if (group > 0 && len < group)
            break; /* a shorter group ends the chain */
          group = len;
          while (gap < 3 && q[len + gap] != '\0' && strchr (" -_.", q[len + gap]) != NULL)
            gap++;
          if (gap == 0 || !g_ascii_isalnum (q[len + gap]))
            break;
          q += len + gap;
        }
      while (g_ascii_isalnum (*p))
        p++;
    }
  return FALSE;
}

/* An otpauth:// URI, or a key in base32 or hex, however it is disguised:
 * see fold_text and holds_key. */
gboolean
mfa_bundle_check_text (const gchar  *field,
                       const gchar  *text,
                       GError      **error)
{
  g_autofree gchar *folded = NULL;

  if (text == NULL)
    return TRUE;
  folded = fold_text (text);
  if (strstr (folded, "otpauth:") != NULL || strstr (folded, "otpauth-migration:") != NULL)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_SECRET_IN_TEXT,
                   _("%s holds an otpauth:// link, which carries an MFA key: remove it. Support "
                     "never needs your key."), field);
      return FALSE;
    }
  if (holds_key (folded))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_SECRET_IN_TEXT,
                   _("%s holds something that looks like an MFA key (a long run of "
                     "letters and the digits 2–7): remove it. Support never needs your "
                     "key."), field);
      return FALSE;
    }
  return TRUE;
}
