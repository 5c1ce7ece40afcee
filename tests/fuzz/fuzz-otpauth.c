/* fuzz-otpauth.c: libFuzzer target for the otpauth:// parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mfadiag.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree gchar *text = g_strndup ((const gchar *) data, size);
  g_autoptr(MfaOtpauth) otpauth = NULL;
  g_autoptr(GError) error = NULL;

  otpauth = mfa_otpauth_parse (text, &error);
  g_assert ((otpauth == NULL) != (error == NULL));
  if (otpauth != NULL)
    {
      /* Formatting what parsed must parse to the same key and settings. */
      g_autofree gchar *uri = mfa_otpauth_format (otpauth);
      g_autoptr(MfaOtpauth) again = mfa_otpauth_parse (uri, NULL);

      g_assert (again != NULL);
      g_assert (mfa_secret_equal (otpauth->secret, again->secret));
      g_assert (mfa_otp_params_equal (&otpauth->params, &again->params));
      g_assert (g_strcmp0 (otpauth->issuer, again->issuer) == 0);
    }
  return 0;
}
