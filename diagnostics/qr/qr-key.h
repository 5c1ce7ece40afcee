/* qr-key.h: an MFA key from a picture of the QR code that bound it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "code/otpauth-uri.h"

G_BEGIN_DECLS

/* The first QR code in a PNG or JPEG image that holds an otpauth:// URI;
 * name is how messages call the image. */
MfaOtpauth *mfa_key_from_qr_image (const guint8  *data,
                                   gsize          len,
                                   const gchar   *name,
                                   GError       **error);

/* mfa_key_from_qr_image() on a file (at most MFA_KEY_MAX_IMAGE_SIZE), read
 * and decoded in a worker thread. display_name: how the file manager calls
 * the file, when it could be asked. */
void        mfa_key_from_qr_file_async  (GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
MfaOtpauth *mfa_key_from_qr_file_finish (GAsyncResult         *result,
                                         gchar               **display_name,
                                         GError              **error);

G_END_DECLS
