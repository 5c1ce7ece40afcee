/* key-input.h: an MFA key as people give it — typed or pasted text, or a
 * picture of the QR code that bound it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "otpauth-uri.h"

G_BEGIN_DECLS

/* A screenshot or photo of a QR code: a few megabytes. */
#define MFA_KEY_MAX_IMAGE_SIZE (64 * 1024 * 1024)

/* Base32 text (the code check's defaults: SHA-1, 6 digits, 30 s) or an
 * otpauth:// URI; surrounding white space is ignored. */
MfaOtpauth *mfa_key_from_text     (const gchar   *text,
                                   GError       **error);
/* The first of the QR codes found in an image (MfaQrSymbol, qr/qr-image.h)
 * that holds an otpauth:// URI; name is how messages call the image. */
MfaOtpauth *mfa_key_from_qr_symbols (GPtrArray     *symbols,
                                     const gchar   *name,
                                     GError       **error);
/* FALSE, saying so, unless the bytes (is_image: as mfa_qr_is_image found
 * them) are a PNG or JPEG image of a size worth decoding. */
gboolean    mfa_key_check_image     (const guint8  *data,
                                     gsize          len,
                                     gboolean       is_image,
                                     const gchar   *name,
                                     GError       **error);

/* The code check works with time-based keys only: FALSE, with a message
 * that says so, for a counter-based (HOTP) one. */
gboolean    mfa_key_check_time_based (const MfaOtpauth  *key,
                                      GError           **error);

G_END_DECLS
