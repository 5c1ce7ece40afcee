/* fuzz-base32.c: libFuzzer target for the base32 decoder
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
  g_autoptr(MfaSecret) secret = NULL;
  g_autoptr(GError) error = NULL;

  secret = mfa_base32_decode (text, &error);
  g_assert ((secret == NULL) != (error == NULL));
  if (secret != NULL)
    {
      /* What decodes must encode back to the same bytes. */
      g_autofree gchar *encoded = mfa_base32_encode (secret->data, secret->len);
      g_autoptr(MfaSecret) again = mfa_base32_decode (encoded, NULL);

      g_assert (again != NULL && mfa_secret_equal (secret, again));
    }
  return 0;
}
