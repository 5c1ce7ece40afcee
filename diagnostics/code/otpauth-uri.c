/* otpauth-uri.c: parsing and formatting Key URIs as authenticators write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "otpauth-uri"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "base32.h"
#include "mfa-error.h"
#include "otpauth-uri.h"

void
mfa_otpauth_free (MfaOtpauth *otpauth)
{
  if (otpauth == NULL)
    return;
  g_free (otpauth->issuer);
  g_free (otpauth->account);
  g_free (otpauth->label_issuer);
  mfa_secret_free (otpauth->secret);
  g_free (otpauth);
}

MfaOtpauth *
mfa_otpauth_new (MfaOtpType          type,
                 const gchar        *issuer,
                 const gchar        *account,
                 const MfaSecret    *secret,
                 const MfaOtpParams *params)
{
  MfaOtpauth *otpauth = g_new0 (MfaOtpauth, 1);

  otpauth->type = type;
  otpauth->issuer = g_strdup (issuer);
  otpauth->account = g_strdup (account != NULL ? account : "");
  otpauth->secret = mfa_secret_copy (secret);
  otpauth->params = *params;
  return otpauth;
}

/* Percent-decoding that also turns '+' into a space in the query, as the
 * form-encoding some generators use; rejects NUL and broken escapes. */
static gchar *
percent_decode (const gchar  *text,
                gsize         len,
                gboolean      plus_is_space,
                const gchar  *what,
                GError      **error)
{
  gchar *out = g_malloc0 (len + 1);
  gsize n = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '%')
        {
          gint hi, lo;

          if (i + 2 >= len)
            {
              mfa_error_fail (error, MFA_ERROR_INVALID_URI,
                              _("The %s has an incomplete percent escape"), what);
              mfa_free_string (out);
              return NULL;
            }
          hi = g_ascii_xdigit_value (text[i + 1]);
          lo = g_ascii_xdigit_value (text[i + 2]);
          if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
            {
              /* The bytes are not quoted: in the secret they would be part
               * of the key, and the message reaches reports and bundles. */
              mfa_error_fail (error, MFA_ERROR_INVALID_URI,
                              _("The %s has an invalid percent escape: “%%” must be followed "
                                "by two hexadecimal digits"), what);
              mfa_free_string (out);
              return NULL;
            }
          out[n++] = (gchar) (hi << 4 | lo);
          i += 2;
        }
      else if (plus_is_space && text[i] == '+')
        out[n++] = ' ';
      else
        out[n++] = text[i];
    }
  out[n] = '\0';
  if (!g_utf8_validate (out, n, NULL))
    {
      mfa_error_fail (error, MFA_ERROR_INVALID_URI, _("The %s is not valid UTF-8 text"), what);
      mfa_free_string (out);
      return NULL;
    }
  return out;
}

static gboolean
parse_uint (const gchar *text,
            guint64      max,
            guint64     *value)
{
  return g_ascii_string_to_unsigned (text, 10, 0, max, value, NULL);
}

/* Sets the fields of one query parameter; unknown parameters (image, color,
 * icon…) are ignored as the format allows. */
static gboolean
apply_parameter (MfaOtpauth   *otpauth,
                 const gchar  *name,
                 gchar        *value,
                 gboolean     *has_counter,
                 GError      **error)
{
  guint64 number;

  if (g_ascii_strcasecmp (name, "secret") == 0)
    {
      g_autoptr(GError) local_error = NULL;

      otpauth->secret = mfa_base32_decode (value, &local_error);
      if (otpauth->secret == NULL)
        return mfa_error_fail (error, MFA_ERROR_INVALID_URI,
                               _("The secret parameter is not a valid key. %s"),
                               local_error->message);
    }
  else if (g_ascii_strcasecmp (name, "issuer") == 0)
    otpauth->issuer = g_strstrip (g_strdup (value));
  else if (g_ascii_strcasecmp (name, "algorithm") == 0)
    {
      if (!mfa_algorithm_from_string (value, &otpauth->params.algorithm))
        return mfa_error_fail (error, MFA_ERROR_INVALID_URI,
                               _("The algorithm “%s” is not supported: it must be SHA1, SHA256 "
                                 "or SHA512"), value);
    }
  else if (g_ascii_strcasecmp (name, "digits") == 0)
    {
      /* Steam entries make 5 characters whatever the URI says; Aegis and
       * Ente write digits=5 into them. */
      if (otpauth->type == MFA_OTP_TYPE_STEAM)
        return TRUE;
      if (!parse_uint (value, 99, &number) || number < MFA_OTP_MIN_DIGITS
          || number > MFA_OTP_MAX_DIGITS)
        return mfa_error_fail (error, MFA_ERROR_INVALID_URI,
                               _("The digits parameter “%s” is not supported: codes have 6, 7 "
                                 "or 8 digits"), value);
      otpauth->params.digits = number;
    }
  else if (g_ascii_strcasecmp (name, "period") == 0)
    {
      if (!parse_uint (value, MFA_OTP_MAX_PERIOD, &number) || number == 0)
        return mfa_error_fail (error, MFA_ERROR_INVALID_URI,
                               _("The period parameter “%s” is not a number of seconds between "
                                 "1 and %d"), value, MFA_OTP_MAX_PERIOD);
      otpauth->params.period = number;
    }
  else if (g_ascii_strcasecmp (name, "counter") == 0)
    {
      if (!parse_uint (value, G_MAXUINT64, &number))
        return mfa_error_fail (error, MFA_ERROR_INVALID_URI,
                               _("The counter parameter “%s” is not a whole number"), value);
      otpauth->counter = number;
      *has_counter = TRUE;
    }
  return TRUE;
}

static gboolean
parse_query (MfaOtpauth   *otpauth,
             const gchar  *query,
             GError      **error)
{
  g_autoptr(MfaSecretStrv) pairs = g_strsplit (query, "&", -1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean has_counter = FALSE;

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const gchar *eq = strchr (pairs[i], '=');
      g_autofree gchar *name = NULL;
      g_autoptr(MfaSecretString) value = NULL;

      if (pairs[i][0] == '\0')
        continue;
      if (eq == NULL)
        /* Not quoted: a parameter without "=" may be a bare key. */
        return mfa_error_fail (error, MFA_ERROR_INVALID_URI,
                               _("Query parameter %u has no value (“name=value” expected)"), i + 1);
      name = percent_decode (pairs[i], eq - pairs[i], TRUE, _("parameter name"), error);
      if (name == NULL)
        return FALSE;
      value = percent_decode (eq + 1, strlen (eq + 1), TRUE, name, error);
      if (value == NULL)
        return FALSE;
      if (!g_hash_table_add (seen, g_ascii_strdown (name, -1)))
        return mfa_error_fail (error, MFA_ERROR_INVALID_URI,
                               _("The parameter “%s” appears twice"), name);
      if (!apply_parameter (otpauth, name, value, &has_counter, error))
        return FALSE;
    }

  if (otpauth->secret == NULL)
    return mfa_error_fail (error, MFA_ERROR_INVALID_URI,
                           _("The URI has no secret parameter: it does not carry a key"));
  if (otpauth->type == MFA_OTP_TYPE_HOTP && !has_counter)
    return mfa_error_fail (error, MFA_ERROR_INVALID_URI,
                           _("The URI is for counter-based codes (hotp) but has no counter "
                             "parameter"));
  /* Counter-based codes have no period: one given anyway means nothing, and
   * keeping it would make two URIs for the same key compare unequal. */
  if (otpauth->type == MFA_OTP_TYPE_HOTP)
    otpauth->params.period = MFA_OTP_DEFAULT_PERIOD;
  if (otpauth->type == MFA_OTP_TYPE_STEAM)
    otpauth->params = MFA_OTP_PARAMS_STEAM;
  return TRUE;
}

/* "Issuer:account" (or "Issuer: account"); the parameter wins when both name
 * an issuer, as Google's Key URI format asks, and a disagreement is kept so a
 * report can show it. */
static void
split_label (MfaOtpauth *otpauth,
             gchar      *label)
{
  gchar *colon = strchr (label, ':');
  gsize issuer_len = otpauth->issuer != NULL ? strlen (otpauth->issuer) : 0;

  /* An issuer that holds a colon itself is told apart by its parameter. */
  if (issuer_len > 0 && strncmp (label, otpauth->issuer, issuer_len) == 0
      && label[issuer_len] == ':')
    colon = label + issuer_len;

  if (colon != NULL)
    {
      *colon = '\0';
      otpauth->label_issuer = g_strstrip (g_strdup (label));
      otpauth->account = g_strstrip (g_strdup (colon + 1));
    }
  else
    otpauth->account = g_strstrip (g_strdup (label));

  if (otpauth->label_issuer != NULL && otpauth->label_issuer[0] == '\0')
    g_clear_pointer (&otpauth->label_issuer, g_free);
  if (otpauth->issuer != NULL && otpauth->issuer[0] == '\0')
    g_clear_pointer (&otpauth->issuer, g_free);

  if (otpauth->issuer == NULL)
    otpauth->issuer = g_strdup (otpauth->label_issuer);
  else if (otpauth->label_issuer != NULL
           && g_utf8_collate (otpauth->issuer, otpauth->label_issuer) != 0)
    otpauth->issuer_mismatch = TRUE;
}

static const gchar *const otp_type_names[] = { "totp", "hotp", "steam" };

const gchar *
mfa_otp_type_to_string (MfaOtpType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (otp_type_names), "totp");

  return otp_type_names[type];
}

static gboolean
otp_type_from_text (const gchar *text,
                    gsize        len,
                    MfaOtpType  *type)
{
  for (gsize i = 0; i < G_N_ELEMENTS (otp_type_names); i++)
    if (len == strlen (otp_type_names[i]) && g_ascii_strncasecmp (text, otp_type_names[i], len) == 0)
      {
        *type = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
check_name_length (const gchar  *what,
                   const gchar  *name,
                   GError      **error)
{
  gsize len = name != NULL ? strlen (name) : 0;

  if (len <= MFA_OTPAUTH_MAX_NAME)
    return TRUE;
  /* TRANSLATORS: the first %s is "issuer" or "account name". */
  return mfa_error_fail (error, MFA_ERROR_INVALID_URI,
                         _("The %s is too long (%lu bytes; at most %d)"),
                         what, (gulong) len, MFA_OTPAUTH_MAX_NAME);
}

MfaOtpauth *
mfa_otpauth_parse (const gchar  *uri,
                   GError      **error)
{
  g_autoptr(MfaOtpauth) otpauth = g_new0 (MfaOtpauth, 1);
  g_autofree gchar *label = NULL;
  g_autoptr(MfaSecretString) trimmed = NULL;
  const gchar *rest, *slash, *question;
  gsize len;

  g_return_val_if_fail (uri != NULL, NULL);

  trimmed = g_strstrip (g_strdup (uri));
  len = strlen (trimmed);
  if (len > MFA_OTPAUTH_MAX_LENGTH)
    {
      mfa_error_fail (error, MFA_ERROR_INVALID_URI,
                      _("The URI is too long (%lu characters; at most %d)"),
                      (gulong) len, MFA_OTPAUTH_MAX_LENGTH);
      return NULL;
    }
  if (g_ascii_strncasecmp (trimmed, "otpauth://", 10) != 0)
    {
      if (g_ascii_strncasecmp (trimmed, "otpauth-migration://", 20) == 0)
        mfa_error_fail (error, MFA_ERROR_INVALID_URI,
                        _("This is a Google Authenticator export (otpauth-migration://), not "
                          "the URI of one key"));
      else
        mfa_error_fail (error, MFA_ERROR_INVALID_URI, _("The text does not start with otpauth://"));
      return NULL;
    }

  rest = trimmed + 10;
  slash = strchr (rest, '/');
  if (slash == NULL || !otp_type_from_text (rest, slash - rest, &otpauth->type))
    {
      mfa_error_fail (error, MFA_ERROR_INVALID_URI,
                      _("The URI's type “%.*s” is unknown: it must be totp, hotp or steam"),
                      (int) (slash != NULL ? MIN (slash - rest, 20) : MIN ((gssize) strlen (rest), 20)),
                      rest);
      return NULL;
    }
  otpauth->params = MFA_OTP_PARAMS_DEFAULT;

  question = strchr (slash + 1, '?');
  if (question == NULL)
    {
      mfa_error_fail (error, MFA_ERROR_INVALID_URI,
                      _("The URI has no parameters (nothing after “?”), so it carries no key"));
      return NULL;
    }
  label = percent_decode (slash + 1, question - (slash + 1), FALSE, _("label"), error);
  if (label == NULL || !parse_query (otpauth, question + 1, error))
    return NULL;
  split_label (otpauth, label);
  if (!check_name_length (_("issuer"), otpauth->issuer, error)
      || !check_name_length (_("account name"), otpauth->account, error))
    return NULL;
  return g_steal_pointer (&otpauth);
}

static void
append_escaped (GString     *out,
                const gchar *text)
{
  g_autofree gchar *escaped = g_uri_escape_string (text, NULL, FALSE);

  g_string_append (out, escaped);
}

gchar *
mfa_otpauth_label (const MfaOtpauth *otpauth)
{
  if (otpauth->issuer != NULL && otpauth->issuer[0] != '\0')
    return g_strdup_printf ("%s:%s", otpauth->issuer, otpauth->account);
  return g_strdup (otpauth->account);
}

/* The canonical form: every parameter explicit, so no authenticator falls
 * back to a default of its own. */
gchar *
mfa_otpauth_format (const MfaOtpauth *otpauth)
{
  GString *out = g_string_sized_new (256);
  g_autoptr(MfaSecretString) secret = NULL;

  g_return_val_if_fail (otpauth != NULL && otpauth->secret != NULL, NULL);

  g_string_append_printf (out, "otpauth://%s/", mfa_otp_type_to_string (otpauth->type));
  if (otpauth->issuer != NULL && otpauth->issuer[0] != '\0')
    {
      append_escaped (out, otpauth->issuer);
      g_string_append_c (out, ':');
    }
  else if (strchr (otpauth->account, ':') != NULL)
    g_string_append_c (out, ':'); /* an empty prefix, so the account's colon splits nothing */
  append_escaped (out, otpauth->account);

  secret = mfa_base32_encode (otpauth->secret->data, otpauth->secret->len);
  g_string_append_printf (out, "?secret=%s", secret);
  if (otpauth->issuer != NULL && otpauth->issuer[0] != '\0')
    {
      g_string_append (out, "&issuer=");
      append_escaped (out, otpauth->issuer);
    }
  g_string_append_printf (out, "&algorithm=%s&digits=%u",
                          mfa_algorithm_to_string (otpauth->params.algorithm),
                          otpauth->params.digits);
  if (otpauth->type == MFA_OTP_TYPE_HOTP)
    g_string_append_printf (out, "&counter=%" G_GUINT64_FORMAT, otpauth->counter);
  else
    g_string_append_printf (out, "&period=%u", otpauth->params.period);
  return g_string_free (out, FALSE);
}
