/* key-input.c: an MFA key from text or from a QR code image
 *
 * The command line and the desktop app take keys the same way, so a key one
 * accepts the other accepts too, with the same messages. Decoding the image
 * is not done here: the code check links GLib and nettle alone (see
 * qr/qr-key.c for the app, cli/qr-module.c for mfa-diag).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "key-input"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "base32.h"
#include "key-input.h"
#include "mfa-error.h"
#include "qr/qr-image.h"

MfaOtpauth *
mfa_key_from_text (const gchar  *text,
                   GError      **error)
{
  g_autoptr(MfaSecretString) copy = NULL;
  g_autoptr(MfaSecret) secret = NULL;
  MfaOtpParams defaults = MFA_OTP_PARAMS_DEFAULT;

  g_return_val_if_fail (text != NULL, NULL);

  copy = g_strstrip (g_strdup (text));
  if (g_ascii_strncasecmp (copy, "otpauth", 7) == 0)
    return mfa_otpauth_parse (copy, error);
  secret = mfa_base32_decode (copy, error);
  if (secret == NULL)
    return NULL;
  return mfa_otpauth_new (MFA_OTP_TYPE_TOTP, NULL, NULL, secret, &defaults);
}

MfaOtpauth *
mfa_key_from_qr_symbols (GPtrArray    *symbols,
                         const gchar  *name,
                         GError      **error)
{
  g_return_val_if_fail (symbols != NULL && name != NULL, NULL);

  for (guint i = 0; i < symbols->len; i++)
    {
      const MfaQrSymbol *symbol = g_ptr_array_index (symbols, i);

      if (g_ascii_strncasecmp (symbol->text, "otpauth://", 10) == 0)
        return mfa_otpauth_parse (symbol->text, error);
    }
  if (symbols->len == 0)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("%s holds no QR code that could be read"), name);
      return NULL;
    }
  g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
               g_dngettext (GETTEXT_PACKAGE,
                            "%s holds no QR code with an otpauth:// key (it holds %u other QR "
                            "code)",
                            "%s holds no QR code with an otpauth:// key (it holds %u other QR "
                            "codes)",
                            symbols->len),
               name, symbols->len);
  return NULL;
}

gboolean
mfa_key_check_image (const guint8  *data,
                     gsize          len,
                     gboolean       is_image,
                     const gchar   *name,
                     GError       **error)
{
  if (len <= MFA_KEY_MAX_IMAGE_SIZE && is_image)
    return TRUE;
  g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
               _("%s is not a PNG or JPEG image"), name);
  return FALSE;
}

gboolean
mfa_key_check_time_based (const MfaOtpauth  *key,
                          GError           **error)
{
  g_return_val_if_fail (key != NULL, FALSE);

  if (key->type == MFA_OTP_TYPE_TOTP)
    return TRUE;
  if (key->type == MFA_OTP_TYPE_STEAM)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_UNSUPPORTED,
                   _("This key makes Steam Guard codes (5 letters and digits); the code check "
                     "works with codes of 6 to 8 digits"));
      return FALSE;
    }
  g_set_error (error, MFA_ERROR, MFA_ERROR_UNSUPPORTED,
               _("This key makes counter-based (HOTP) codes; the code check works with "
                 "time-based (TOTP) codes"));
  return FALSE;
}
