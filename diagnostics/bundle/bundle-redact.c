/* bundle-redact.c: painting over QR codes in attached images
 *
 * A screenshot of the binding page shows the QR code that carries the MFA
 * key. Every QR code zbar finds is covered with an opaque box (with a margin)
 * and the image is written again as PNG; the manifest records each box.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bundle-redact"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>

#include "bundle-entry.h"
#include "mfa-error.h"
#include "qr/qr-image.h"

#define MARGIN 12

static void
paint_box (GdkPixbuf *pixbuf,
           gint       x,
           gint       y,
           gint       width,
           gint       height)
{
  gint n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  gint stride = gdk_pixbuf_get_rowstride (pixbuf);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);

  for (gint row = y; row < y + height; row++)
    for (gint column = x; column < x + width; column++)
      {
        guint8 *pixel = pixels + row * stride + column * n_channels;

        pixel[0] = pixel[1] = pixel[2] = 0x40;
        if (n_channels == 4)
          pixel[3] = 0xff;
      }
}

/* TRUE with *image set to the masked PNG when codes were found, TRUE with
 * *image NULL when there were none. */
gboolean
mfa_bundle_mask_qr_codes (MfaBundleEntry  *entry,
                          GBytes         **image,
                          GError         **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (entry->data, &len);
  g_autoptr(GPtrArray) symbols = mfa_qr_find_in_data (data, len, error);
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  gchar *png = NULL;
  gsize png_len = 0;

  *image = NULL;
  if (symbols == NULL)
    return FALSE;
  if (symbols->len == 0)
    return TRUE;

  loader = gdk_pixbuf_loader_new ();
  if (!gdk_pixbuf_loader_write (loader, data, len, error))
    {
      gdk_pixbuf_loader_close (loader, NULL); /* closed even so, or gdk-pixbuf warns */
      return FALSE;
    }
  if (!gdk_pixbuf_loader_close (loader, error))
    return FALSE;
  pixbuf = gdk_pixbuf_copy (gdk_pixbuf_loader_get_pixbuf (loader));
  for (guint i = 0; i < symbols->len; i++)
    {
      MfaQrSymbol *symbol = g_ptr_array_index (symbols, i);
      gint x = MAX (symbol->x - MARGIN, 0);
      gint y = MAX (symbol->y - MARGIN, 0);
      gint right = MIN (symbol->x + symbol->width + MARGIN, gdk_pixbuf_get_width (pixbuf));
      gint bottom = MIN (symbol->y + symbol->height + MARGIN, gdk_pixbuf_get_height (pixbuf));
      gint box[4] = { x, y, right - x, bottom - y };

      paint_box (pixbuf, box[0], box[1], box[2], box[3]);
      g_array_append_vals (entry->masked, box, 4);
    }
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &png, &png_len, "png", error, NULL))
    return FALSE;
  *image = g_bytes_new_take (png, png_len);
  return TRUE;
}
