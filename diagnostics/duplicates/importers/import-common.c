/* import-common.c: helpers the importers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "import-common"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "code/base32.h"
#include "import-common.h"
#include "mfa-error.h"

void
mfa_import_entry_free (MfaImportEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->label);   /* and with it issuer and account */
  mfa_secret_free (entry->secret);
  g_ref_string_release (entry->file);
  g_free (entry);
}

MfaImportEntry *
mfa_import_entry_new (const MfaImportInput *input,
                      GPtrArray            *entries)
{
  MfaImportEntry *entry = g_new0 (MfaImportEntry, 1);

  /* One string for all the entries of a file (there may be 100,000). */
  entry->file = g_ref_string_new_intern (input->file);
  entry->index = input->state->next_index++;
  entry->type = MFA_OTP_TYPE_TOTP;
  entry->params = MFA_OTP_PARAMS_DEFAULT;
  g_ptr_array_add (entries, entry);
  return entry;
}

void
mfa_import_skip_free (MfaImportSkip *skip)
{
  if (skip == NULL)
    return;
  g_free (skip->file);
  g_free (skip->reason);
  g_free (skip);
}

static const gchar *const place_names[] = { "file", "entry", "line", "qr-code" };

const gchar *
mfa_import_place_to_string (MfaImportPlace place)
{
  g_return_val_if_fail (place < G_N_ELEMENTS (place_names), "file");

  return place_names[place];
}

gchar *
mfa_import_skip_describe (const MfaImportSkip *skip)
{
  g_return_val_if_fail (skip != NULL, NULL);

  if (skip->file[0] == '\0')
    return g_strdup (skip->reason);
  switch (skip->place)
    {
    case MFA_IMPORT_AT_ENTRY:
      /* TRANSLATORS: file, position in the export: the reason it was skipped */
      return g_strdup_printf (_("%s, entry %u: %s"), skip->file, skip->number, skip->reason);
    case MFA_IMPORT_AT_LINE:
      return g_strdup_printf (_("%s, line %u: %s"), skip->file, skip->number, skip->reason);
    case MFA_IMPORT_AT_QR_CODE:
      return g_strdup_printf (_("%s, QR code %u: %s"), skip->file, skip->number, skip->reason);
    case MFA_IMPORT_AT_FILE:
    default:
      /* TRANSLATORS: a file, and why it could not be read */
      return g_strdup_printf (_("%s: %s"), skip->file, skip->reason);
    }
}

void
mfa_import_skip (const MfaImportInput *input,
                 GPtrArray            *entries,
                 guint                 keep,
                 MfaImportPlace        place,
                 guint                 number,
                 GError               *error)
{
  MfaImportSkip *skip = g_new0 (MfaImportSkip, 1);

  g_return_if_fail (error != NULL);

  if (entries->len > keep)
    g_ptr_array_remove_range (entries, keep, entries->len - keep);
  /* Text read from a QR code is named by the code, not its line. */
  if (place == MFA_IMPORT_AT_LINE && input->state->qr_code > 0)
    {
      place = MFA_IMPORT_AT_QR_CODE;
      number = input->state->qr_code;
    }
  skip->file = g_strdup (input->file);
  skip->place = place;
  skip->number = number;
  skip->code = error->domain == MFA_ERROR ? error->code : MFA_ERROR_INVALID_EXPORT;
  skip->reason = g_strdup (error->message);
  g_ptr_array_add (input->state->skipped, skip);
  g_error_free (error);
}

void
mfa_import_json_entries (const MfaImportInput   *input,
                         JsonArray              *list,
                         MfaImportJsonEntryFunc  parse_entry,
                         GPtrArray              *entries)
{
  guint n = mfa_import_json_length (input, list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MfaImportJson) parsed = NULL;
      JsonNode *element;
      GError *error = NULL;
      guint keep = entries->len;

      input->state->next_index = i;
      element = mfa_import_json_element (input, list, i, &parsed, &error);
      if (element != NULL && mfa_json_object (element) == NULL)
        mfa_import_fail (&error, _("it is not an object"));
      else if (element != NULL)
        parse_entry (input, mfa_json_object (element), entries, &error);
      if (error != NULL)
        mfa_import_skip (input, entries, keep, MFA_IMPORT_AT_ENTRY, i + 1, error);
    }
  input->state->next_index = n;
}

/* Each line is copied on its own (NUL-terminated, wiped after use): the
 * file itself is read where it lies, never copied whole. */
void
mfa_import_lines (const MfaImportInput *input,
                  MfaImportLineFunc     parse_line,
                  GPtrArray            *entries)
{
  const gchar *text = input->data;
  const gchar *end = input->data + input->len;
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint number = 1; text < end; number++)
    {
      const gchar *newline = memchr (text, '\n', end - text);
      const gchar *stop = newline != NULL ? newline : end;
      GError *error = NULL;
      guint keep = entries->len;

      mfa_wipe (line->str, line->len);
      g_string_truncate (line, 0);
      g_string_append_len (line, text, stop - text);
      text = newline != NULL ? newline + 1 : end;
      g_strstrip (line->str);
      if (line->str[0] == '\0' || line->str[0] == '#')
        continue;
      if (!parse_line (input, line->str, entries, &error))
        mfa_import_skip (input, entries, keep, MFA_IMPORT_AT_LINE, number, error);
    }
  mfa_wipe (line->str, line->allocated_len);
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

/* One block holds the label ("Issuer:account", or the account), the
 * account and the issuer: one allocation instead of three, for exports of
 * 100,000 entries. entry->label owns it. */
static void
store_names (MfaImportEntry *entry,
             const gchar    *issuer,
             const gchar    *account)
{
  gsize issuer_len = issuer != NULL ? strlen (issuer) : 0;
  gsize account_len = strlen (account);
  gsize label_len = issuer != NULL ? issuer_len + 1 + account_len : account_len;
  gchar *block = g_malloc (label_len + 1 + account_len + 1 + issuer_len + 1);
  gchar *p = block;

  g_free (entry->label);
  entry->label = block;
  if (issuer != NULL)
    p = g_stpcpy (g_stpcpy (p, issuer), ":");
  p = g_stpcpy (p, account) + 1;
  entry->account = strcpy (p, account);
  p += account_len + 1;
  entry->issuer = issuer != NULL ? strcpy (p, issuer) : NULL;
}

/* Authenticators often store the label as "Issuer:account"; the prefix is
 * split off when it repeats the issuer or when there is no other issuer. */
void
mfa_import_entry_set_names (MfaImportEntry *entry,
                            const gchar    *issuer,
                            const gchar    *label)
{
  g_autofree gchar *account = g_strstrip (g_strdup (label != NULL ? label : ""));
  g_autofree gchar *own_issuer = strip_or_null (issuer);
  const gchar *colon = strchr (account, ':');

  if (colon != NULL)
    {
      g_autofree gchar *prefix = g_strstrip (g_strndup (account, colon - account));

      if (own_issuer == NULL && prefix[0] != '\0')
        own_issuer = g_steal_pointer (&prefix);
      if (prefix == NULL || prefix[0] == '\0'
          || (own_issuer != NULL && g_utf8_collate (prefix, own_issuer) == 0)
          || (own_issuer != NULL && g_ascii_strcasecmp (prefix, own_issuer) == 0))
        {
          gchar *rest = g_strstrip (g_strdup (colon + 1));

          g_free (account);
          account = rest;
        }
    }
  store_names (entry, own_issuer, account);
}

/* Standard or URL-safe base64, padded or not, turned into standard in
 * place; anything else is damage (g_base64_decode would skip it silently). */
static gboolean
normalize_base64 (gchar *text,
                  gsize  n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (text[i] == '-')
        text[i] = '+';
      else if (text[i] == '_')
        text[i] = '/';
      else if (!g_ascii_isalnum (text[i]) && text[i] != '+' && text[i] != '/'
               && !(text[i] == '=' && i + 2 >= n))
        return FALSE;
    }
  return n > 0 && n % 4 != 1;
}

guint8 *
mfa_import_base64_decode_strict (gchar *text,
                                 gsize *len)
{
  if (!normalize_base64 (text, strlen (text)))
    return NULL;
  return g_base64_decode (text, len);
}

guint8 *
mfa_import_decode_base64 (const gchar  *text,
                          gsize        *len,
                          const gchar  *field,
                          GError      **error)
{
  g_autoptr(MfaSecretString) copy = g_strdup (text != NULL ? text : "");
  guint8 *data = mfa_import_base64_decode_strict (copy, len);

  if (data == NULL)
    mfa_import_fail (error, _("its “%s” is missing or damaged"), field);
  return data;
}

guint8 *
mfa_import_decode_base64_text (const gchar  *text,
                               gsize         text_len,
                               gsize        *len,
                               const gchar  *field,
                               GError      **error)
{
  gchar *buffer = g_malloc (text_len + 1);
  gsize n = 0;

  for (gsize i = 0; i < text_len; i++)
    if (!(text[i] == '\\' && i + 1 < text_len && text[i + 1] == '/'))
      buffer[n++] = text[i];
  buffer[n] = '\0';
  if (!normalize_base64 (buffer, n))
    {
      mfa_wipe (buffer, n);
      g_free (buffer);
      mfa_import_fail (error, _("its “%s” is missing or damaged"), field);
      return NULL;
    }
  /* Decoded where it stands: the bytes start at buffer. */
  g_base64_decode_inplace (buffer, len);
  return (guint8 *) buffer;
}

guint8 *
mfa_import_decode_hex (const gchar  *text,
                       gsize         want_len,
                       gsize        *len,
                       const gchar  *field,
                       GError      **error)
{
  gsize n = text != NULL ? strlen (text) : 0;
  guint8 *data;

  if (n == 0 || n % 2 != 0 || (want_len > 0 && n != 2 * want_len))
    {
      mfa_import_fail (error, _("its “%s” is missing or damaged"), field);
      return NULL;
    }
  data = g_malloc (n / 2);
  for (gsize i = 0; i < n / 2; i++)
    {
      gint hi = g_ascii_xdigit_value (text[2 * i]);
      gint lo = g_ascii_xdigit_value (text[2 * i + 1]);

      if (hi < 0 || lo < 0)
        {
          g_free (data);
          mfa_import_fail (error, _("its “%s” is missing or damaged"), field);
          return NULL;
        }
      data[i] = (guint8) (hi << 4 | lo);
    }
  *len = n / 2;
  return data;
}

gboolean
mfa_import_need_password (const gchar  *app,
                          GError      **error)
{
  g_set_error (error, MFA_ERROR, MFA_ERROR_ENCRYPTED_EXPORT,
               _("this %s backup is encrypted: give its password to read it"), app);
  return FALSE;
}

gboolean
mfa_import_wrong_password (GError **error)
{
  g_set_error_literal (error, MFA_ERROR, MFA_ERROR_WRONG_PASSWORD, _("wrong password"));
  return FALSE;
}

gboolean
mfa_import_fail (GError      **error,
                 const gchar  *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  mfa_error_fail_valist (error, MFA_ERROR_INVALID_EXPORT, format, args);
  va_end (args);
  return FALSE;
}

/* A backup encrypted in a way no password given here opens: say what it
 * is, and how to get a file this tool reads. */
gboolean
mfa_import_refuse_encrypted (GError      **error,
                             const gchar  *app,
                             const gchar  *how)
{
  g_set_error (error, MFA_ERROR, MFA_ERROR_UNSUPPORTED,
               _("this is an encrypted %s backup, which MFA Troubleshooter cannot open; %s"),
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
  if (type != NULL && g_ascii_strcasecmp (type, "steam") == 0)
    {
      /* Steam's codes are fixed; apps write 5 digits (or nothing) into them. */
      entry->type = MFA_OTP_TYPE_STEAM;
      entry->params = MFA_OTP_PARAMS_STEAM;
      return TRUE;
    }
  if (type != NULL && g_ascii_strcasecmp (type, "hotp") == 0)
    entry->type = MFA_OTP_TYPE_HOTP;
  else if (type != NULL && g_ascii_strcasecmp (type, "totp") != 0)
    return mfa_import_fail (error, _("its type “%s” is none of TOTP, HOTP or Steam"), type);
  if (algorithm != NULL && !mfa_algorithm_from_string (algorithm, &entry->params.algorithm))
    return mfa_import_fail (error, _("it uses the unknown algorithm “%s”"), algorithm);
  if (digits < MFA_OTP_MIN_DIGITS || digits > MFA_OTP_MAX_DIGITS)
    return mfa_import_fail (error, _("it makes codes of %lld digits; authenticators use 6 to 8"),
                            (long long) digits);
  if (period < 1 || period > MFA_OTP_MAX_PERIOD)
    return mfa_import_fail (error, _("it has a period of %lld seconds"), (long long) period);
  entry->params.digits = (guint) digits;
  entry->params.period = entry->type == MFA_OTP_TYPE_HOTP ? MFA_OTP_DEFAULT_PERIOD
                                                          : (guint) period;
  return TRUE;
}

gboolean
mfa_import_base32_secret (MfaImportEntry *entry,
                          const gchar    *text,
                          GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (text == NULL || text[0] == '\0')
    return mfa_import_fail (error, _("it has no key"));
  entry->secret = mfa_base32_decode (text, &local_error);
  if (entry->secret == NULL)
    return mfa_import_fail (error, _("its key is damaged: %s"), local_error->message);
  return TRUE;
}

gboolean
mfa_import_take_key_text (MfaImportEntry *entry,
                          const gchar    *text,
                          const gchar    *issuer,
                          const gchar    *account,
                          GError        **error)
{
  g_autoptr(MfaOtpauth) uri = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_ascii_strncasecmp (text, "otpauth://", 10) == 0)
    {
      uri = mfa_otpauth_parse (text, &local_error);
      if (uri == NULL)
        return mfa_import_fail (error, _("its otpauth:// URI is damaged: %s"),
                                local_error->message);
      if (uri->account[0] != '\0')
        account = uri->account;
      if (uri->issuer != NULL)
        issuer = uri->issuer;
      else if (g_strcmp0 (issuer, account) == 0)
        issuer = NULL;
      mfa_import_entry_set_names (entry, issuer, account);
      entry->type = uri->type;
      entry->params = uri->params;
      entry->secret = g_steal_pointer (&uri->secret);
      return TRUE;
    }
  /* steam://KEY: Bitwarden and Proton make Steam Guard codes from it. */
  if (g_ascii_strncasecmp (text, "steam://", 8) == 0)
    {
      text += 8;
      entry->type = MFA_OTP_TYPE_STEAM;
      entry->params = MFA_OTP_PARAMS_STEAM;
    }
  if (g_strcmp0 (issuer, account) == 0)
    issuer = NULL;
  mfa_import_entry_set_names (entry, issuer, account);
  return mfa_import_base32_secret (entry, text, error);
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
      if (text == end)
        break;
      if (*text == '#')
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
