/* qr-image.h: finding QR codes in images, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One QR code found in an image. Its text may hold an MFA key: it is wiped
 * when the symbol is freed. The polygon is the outline zbar traced, in
 * image pixels; the box encloses it (for masking before an image is shared). */
typedef struct
{
  gchar  *text;
  gsize   len;
  gint   *points;     /* x0, y0, x1, y1, … */
  guint   n_points;
  gint    x, y, width, height;
} MfaQrSymbol;

void       mfa_qr_symbol_free   (MfaQrSymbol *symbol);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaQrSymbol, mfa_qr_symbol_free)

/* TRUE when the bytes start like a PNG or JPEG file. */
gboolean   mfa_qr_is_image      (const guint8 *data,
                                 gsize         len);

/* Every QR code in an 8-bit grey image, in the order zbar found them; an
 * array of MfaQrSymbol (empty when there is none). */
GPtrArray *mfa_qr_find_in_grey  (const guint8 *grey,
                                 guint         width,
                                 guint         height);
/* The same for an encoded image (PNG or JPEG) held in memory. */
GPtrArray *mfa_qr_find_in_data  (const guint8 *data,
                                 gsize         len,
                                 GError      **error);

G_END_DECLS
