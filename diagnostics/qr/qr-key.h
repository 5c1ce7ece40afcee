/* qr-key.h: an MFA key from a picture of the QR code that bound it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "code/otpauth-uri.h"

G_BEGIN_DECLS

/* The first QR code in a PNG or JPEG image that holds an otpauth:// URI;
 * name is how messages call the image. */
MfaOtpauth *mfa_key_from_qr_image (const guint8  *data,
                                   gsize          len,
                                   const gchar   *name,
                                   GError       **error);

G_END_DECLS
