/* qr-key.c: an MFA key from a picture of the QR code that bound it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "qr-key"

#include "config.h"

#include "code/key-input.h"
#include "qr/qr-image.h"
#include "qr/qr-key.h"

MfaOtpauth *
mfa_key_from_qr_image (const guint8  *data,
                       gsize          len,
                       const gchar   *name,
                       GError       **error)
{
  g_autoptr(GPtrArray) symbols = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!mfa_key_check_image (data, len, mfa_qr_is_image (data, len), name, error))
    return NULL;
  symbols = mfa_qr_find_in_data (data, len, error);
  if (symbols == NULL)
    return NULL;
  return mfa_key_from_qr_symbols (symbols, name, error);
}
