/* mfa-input.h: reading files we did not write, within limits, before parsing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Far beyond any phone screenshot (about 12 megapixels); a PNG or JPEG that
 * claims more is refused from its header, before a decoder allocates. */
#define MFA_IMAGE_MAX_PIXELS (64 * 1024 * 1024)

/* A regular file's bytes, at most `max_len` of them: anything else (a FIFO,
 * a device such as /dev/zero, a folder) is refused without reading, and no
 * more than max_len + 1 bytes are read to find a file too large. Errors are
 * MFA_ERROR_IO (MFA_ERROR_INVALID_ARGUMENT: too large), naming the
 * file as people read it. */
GBytes   *mfa_input_read_file        (const gchar  *path,
                                      gsize         max_len,
                                      GError      **error);

/* Frees bytes that may show a key (a QR image), overwriting them first
 * when this was the last reference. */
void      mfa_input_free_wiped       (GBytes       *bytes);
typedef GBytes MfaWipedBytes;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaWipedBytes, mfa_input_free_wiped)

/* The width and height a PNG (IHDR) or JPEG (first SOF marker) header
 * declares; FALSE when neither can be found in the bytes. */
gboolean  mfa_input_image_size       (const guint8 *data,
                                      gsize         len,
                                      guint        *width,
                                      guint        *height);
/* FALSE, with MFA_ERROR_INVALID_ARGUMENT naming `name` and the size, when
 * the header declares more than MFA_IMAGE_MAX_PIXELS (a pixel bomb). An
 * image whose size cannot be found is left to the decoder. */
gboolean  mfa_input_check_image_size (const guint8 *data,
                                      gsize         len,
                                      const gchar  *name,
                                      GError      **error);

G_END_DECLS
