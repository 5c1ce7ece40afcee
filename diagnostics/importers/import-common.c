/* import-common.c: helpers the importers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "base32.h"
#include "import-common.h"
#include "mfa-error.h"

void
mfa_import_entry_free (MfaImportEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->issuer);
  g_free (entry->account);
  g_free (entry->label);
  mfa_secret_free (entry->secret);
  g_free (entry->file);
  g_free (entry);
}

/* A new entry at the end of entries, numbered among this file's entries. */
MfaImportEntry *
mfa_import_entry_new (const MfaImportInput *input,
                      GPtrArray            *entries)
{
  MfaImportEntry *entry = g_new0 (MfaImportEntry, 1);
  MfaImportEntry *previous = entries->len > 0 ? g_ptr_array_index (entries, entries->len - 1)
                                              : NULL;
  guint index = 0;

  /* A collection never holds one file twice: the entries of this file are
   * the last ones. */
  if (previous != NULL && g_strcmp0 (previous->file, input->file) == 0)
    index = previous->index + 1;
  entry->file = g_strdup (input->file);
  entry->index = index;
  entry->type = MFA_OTP_TYPE_TOTP;
  entry->params = MFA_OTP_PARAMS_DEFAULT;
  g_ptr_array_add (entries, entry);
  return entry;
}

static gchar *
strip_or_null (const gchar *text)
{
  gchar *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

/* Authenticators often store the label as "Issuer:account"; the prefix is
 * split off when it repeats the issuer or when there is no other issuer. */
void
mfa_import_entry_set_names (MfaImportEntry *entry,
                            const gchar    *issuer,
                            const gchar    *label)
{
  g_autofree gchar *account = g_strstrip (g_strdup (label != NULL ? label : ""));
  const gchar *colon = strchr (account, ':');

  entry->issuer = strip_or_null (issuer);
  if (colon != NULL)
    {
      g_autofree gchar *prefix = g_strstrip (g_strndup (account, colon - account));

      if (entry->issuer == NULL && prefix[0] != '\0')
        entry->issuer = g_steal_pointer (&prefix);
      if (prefix == NULL || prefix[0] == '\0'
          || (entry->issuer != NULL && g_utf8_collate (prefix, entry->issuer) == 0)
          || (entry->issuer != NULL && g_ascii_strcasecmp (prefix, entry->issuer) == 0))
        {
          gchar *rest = g_strstrip (g_strdup (colon + 1));

          g_free (account);
          account = rest;
        }
    }
  entry->account = g_steal_pointer (&account);
  entry->label = entry->issuer != NULL ? g_strdup_printf ("%s:%s", entry->issuer, entry->account)
                                       : g_strdup (entry->account);
}

gboolean
mfa_import_fail (GError      **error,
                 const gchar  *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  g_set_error_literal (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT, "");
  if (error != NULL)
    {
      g_free ((*error)->message);
      (*error)->message = g_strdup_vprintf (format, args);
    }
  va_end (args);
  return FALSE;
}

/* The app never asks for a backup password: it tells how to export without
 * one instead. */
gboolean
mfa_import_refuse_encrypted (GError      **error,
                             const gchar  *app,
                             const gchar  *how)
{
  g_set_error (error, MFA_ERROR, MFA_ERROR_ENCRYPTED_EXPORT,
               _("this %s backup is encrypted and MFA Troubleshooter does not ask for "
                 "backup passwords; %s"),
               app, how);
  return FALSE;
}

gboolean
mfa_import_take_params (MfaImportEntry *entry,
                        const gchar    *type,
                        const gchar    *algorithm,
                        gint64          digits,
                        gint64          period,
                        GError        **error)
{
  if (type != NULL && g_ascii_strcasecmp (type, "hotp") == 0)
    entry->type = MFA_OTP_TYPE_HOTP;
  else if (type != NULL && g_ascii_strcasecmp (type, "totp") != 0)
    return mfa_import_fail (error, _("entry %u has the type “%s”, which is neither TOTP nor HOTP"),
                            entry->index + 1, type);
  if (algorithm != NULL && !mfa_algorithm_from_string (algorithm, &entry->params.algorithm))
    return mfa_import_fail (error, _("entry %u uses the unknown algorithm “%s”"),
                            entry->index + 1, algorithm);
  if (digits < MFA_OTP_MIN_DIGITS || digits > MFA_OTP_MAX_DIGITS)
    return mfa_import_fail (error, _("entry %u makes codes of %lld digits; "
                                     "authenticators use 6 to 8"),
                            entry->index + 1, (long long) digits);
  if (period < 1 || period > MFA_OTP_MAX_PERIOD)
    return mfa_import_fail (error, _("entry %u has a period of %lld seconds"),
                            entry->index + 1, (long long) period);
  entry->params.digits = (guint) digits;
  entry->params.period = (guint) period;
  return TRUE;
}

gboolean
mfa_import_base32_secret (MfaImportEntry *entry,
                          const gchar    *text,
                          GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (text == NULL)
    return mfa_import_fail (error, _("entry %u has no key"), entry->index + 1);
  entry->secret = mfa_base32_decode (text, &local_error);
  if (entry->secret == NULL)
    return mfa_import_fail (error, _("entry %u has a damaged key: %s"), entry->index + 1,
                            local_error->message);
  return TRUE;
}

gboolean
mfa_import_first_line_is (const MfaImportInput *input,
                          const gchar          *prefix)
{
  const gchar *text = input->data;
  const gchar *end = input->data + input->len;
  gsize prefix_len = strlen (prefix);

  while (text < end)
    {
      while (text < end && g_ascii_isspace (*text))
        text++;
      if (text < end && *text == '#')
        {
          const gchar *newline = memchr (text, '\n', end - text);

          text = newline != NULL ? newline + 1 : end;
          continue;
        }
      return (gsize) (end - text) >= prefix_len
             && g_ascii_strncasecmp (text, prefix, prefix_len) == 0;
    }
  return FALSE;
}

JsonObject *
mfa_json_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonObject *
mfa_json_member_object (JsonObject  *object,
                        const gchar *name)
{
  return object != NULL ? mfa_json_object (json_object_get_member (object, name)) : NULL;
}

JsonArray *
mfa_json_member_array (JsonObject  *object,
                       const gchar *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

const gchar *
mfa_json_member_string (JsonObject  *object,
                        const gchar *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Numbers, and numbers written as strings (andOTP and 2FAS do both). */
gint64
mfa_json_member_int (JsonObject  *object,
                     const gchar *name,
                     gint64       fallback)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return json_node_get_int (node);
  if (type == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (node);
  if (type == G_TYPE_STRING)
    {
      gint64 value;

      if (g_ascii_string_to_signed (json_node_get_string (node), 10, G_MININT64, G_MAXINT64,
                                    &value, NULL))
        return value;
    }
  return -1;
}

gboolean
mfa_json_has_member (JsonObject  *object,
                     const gchar *name)
{
  return object != NULL && json_object_has_member (object, name);
}
