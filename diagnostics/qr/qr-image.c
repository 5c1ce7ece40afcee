/* qr-image.c: finding QR codes in images with gdk-pixbuf and zbar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "qr-image"

#include "config.h"

#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <zbar.h>

#include "mfa-error.h"
#include "mfa-input.h"
#include "mfa-secret.h"
#include "qr-image.h"

/* Phone screenshots are a few megapixels; refuse what is far beyond. */
#define MAX_PIXELS MFA_IMAGE_MAX_PIXELS

void
mfa_qr_symbol_free (MfaQrSymbol *symbol)
{
  if (symbol == NULL)
    return;
  mfa_wipe (symbol->text, symbol->len);
  g_free (symbol->text);
  g_free (symbol->points);
  g_free (symbol);
}

gboolean
mfa_qr_is_image (const guint8 *data,
                 gsize         len)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff };

  return (len >= sizeof png && memcmp (data, png, sizeof png) == 0)
         || (len >= sizeof jpeg && memcmp (data, jpeg, sizeof jpeg) == 0);
}

static MfaQrSymbol *
symbol_from_zbar (const zbar_symbol_t *found)
{
  MfaQrSymbol *symbol = g_new0 (MfaQrSymbol, 1);
  guint n = zbar_symbol_get_loc_size (found);
  gint min_x = G_MAXINT, min_y = G_MAXINT, max_x = G_MININT, max_y = G_MININT;

  symbol->len = zbar_symbol_get_data_length (found);
  symbol->text = g_malloc (symbol->len + 1);
  memcpy (symbol->text, zbar_symbol_get_data (found), symbol->len);
  symbol->text[symbol->len] = '\0';
  symbol->n_points = n;
  symbol->points = g_new (gint, 2 * MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      gint x = zbar_symbol_get_loc_x (found, i);
      gint y = zbar_symbol_get_loc_y (found, i);

      symbol->points[2 * i] = x;
      symbol->points[2 * i + 1] = y;
      min_x = MIN (min_x, x);
      min_y = MIN (min_y, y);
      max_x = MAX (max_x, x);
      max_y = MAX (max_y, y);
    }
  if (n > 0)
    {
      symbol->x = min_x;
      symbol->y = min_y;
      symbol->width = max_x - min_x + 1;
      symbol->height = max_y - min_y + 1;
    }
  return symbol;
}

GPtrArray *
mfa_qr_find_in_grey (const guint8 *grey,
                     guint         width,
                     guint         height)
{
  GPtrArray *symbols = g_ptr_array_new_with_free_func ((GDestroyNotify) mfa_qr_symbol_free);
  zbar_image_scanner_t *scanner = zbar_image_scanner_create ();
  zbar_image_t *image = zbar_image_create ();

  zbar_image_scanner_set_config (scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config (scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  zbar_image_set_format (image, zbar_fourcc ('Y', '8', '0', '0'));
  zbar_image_set_size (image, width, height);
  zbar_image_set_data (image, grey, (unsigned long) width * height, NULL);
  if (zbar_scan_image (scanner, image) > 0)
    for (const zbar_symbol_t *found = zbar_image_first_symbol (image); found != NULL;
         found = zbar_symbol_next (found))
      if (zbar_symbol_get_type (found) == ZBAR_QRCODE)
        g_ptr_array_add (symbols, symbol_from_zbar (found));
  zbar_image_destroy (image);
  zbar_image_scanner_destroy (scanner);
  return symbols;
}

/* Luma of each pixel, with transparent pixels as white (screenshots of QR
 * codes on a transparent background). */
static guint8 *
pixbuf_to_grey (GdkPixbuf *pixbuf)
{
  guint width = gdk_pixbuf_get_width (pixbuf);
  guint height = gdk_pixbuf_get_height (pixbuf);
  guint stride = gdk_pixbuf_get_rowstride (pixbuf);
  guint channels = gdk_pixbuf_get_n_channels (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  guint8 *grey = g_malloc ((gsize) width * height);

  for (guint y = 0; y < height; y++)
    for (guint x = 0; x < width; x++)
      {
        const guint8 *p = pixels + (gsize) y * stride + (gsize) x * channels;
        guint luma = (299 * p[0] + 587 * p[1] + 114 * p[2]) / 1000;

        if (alpha)
          luma = (luma * p[3] + 255 * (255 - p[3])) / 255;
        grey[(gsize) y * width + x] = (guint8) luma;
      }
  return grey;
}

/* Called before the pixels are allocated: a small file that claims
 * gigapixels is decoded to one pixel instead, and refused afterwards. */
static void
refuse_huge_size (GdkPixbufLoader *loader,
                  gint             width,
                  gint             height,
                  gpointer         user_data)
{
  gboolean *too_large = user_data;

  if ((guint64) width * height > MAX_PIXELS)
    {
      *too_large = TRUE;
      gdk_pixbuf_loader_set_size (loader, 1, 1);
    }
}

GPtrArray *
mfa_qr_find_in_data (const guint8  *data,
                     gsize          len,
                     GError       **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *grey = NULL;
  GdkPixbuf *pixbuf;
  GPtrArray *symbols;
  guint width, height;
  gboolean too_large = FALSE;

  /* The header first: gdk-pixbuf decodes every row even when told a smaller size. */
  if (!mfa_input_check_image_size (data, len, _("the image"), error))
    return NULL;
  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (refuse_huge_size), &too_large);
  /* A loader is closed even after a failed write: gdk-pixbuf warns of one
   * finalized open. */
  if (!gdk_pixbuf_loader_write (loader, data, len, &local_error))
    gdk_pixbuf_loader_close (loader, NULL);
  else
    gdk_pixbuf_loader_close (loader, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT,
                   _("the image cannot be read: %s"), local_error->message);
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT, _("the image holds no picture"));
      return NULL;
    }
  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  if (too_large || (guint64) width * height > MAX_PIXELS
      || gdk_pixbuf_get_n_channels (pixbuf) < 3)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT,
                   _("the image is too large or has an unusual pixel format"));
      return NULL;
    }
  grey = pixbuf_to_grey (pixbuf);
  symbols = mfa_qr_find_in_grey (grey, width, height);
  mfa_wipe (grey, (gsize) width * height);
  return symbols;
}
