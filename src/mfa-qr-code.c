/* mfa-qr-code.c: a QR code (libqrencode) drawn as whole-pixel rectangles,
 * so it stays sharp at any scale: no image is scaled and nothing is
 * smoothed. Dark modules on white with the four-module quiet zone the
 * standard asks for, also in a dark style, since scanners expect that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-qr-code"

#include "config.h"

#include <qrencode.h>

#include "mfadiag.h"
#include "mfa-qr-code.h"

#define QUIET_ZONE 4        /* modules of white around the code */
/* Phone cameras read 4 px modules off a screen well. The minimum is the
 * natural size too: a scrolled window hands its child the minimum height. */
#define MODULE_PIXELS 4

struct _MfaQrCode
{
  GtkWidget  parent_instance;

  guint8    *modules; /* width × width, 1 for dark; may encode a key */
  gint       width;   /* modules a side, 0 when there is no code */
};

G_DEFINE_FINAL_TYPE (MfaQrCode, mfa_qr_code, GTK_TYPE_WIDGET)

static void
clear_modules (MfaQrCode *self)
{
  if (self->modules != NULL)
    mfa_wipe (self->modules, (gsize) self->width * self->width);
  g_clear_pointer (&self->modules, g_free);
  self->width = 0;
}

gboolean
mfa_qr_code_set_text (MfaQrCode   *self,
                      const gchar *text)
{
  QRcode *code;

  g_return_val_if_fail (MFA_IS_QR_CODE (self), FALSE);

  clear_modules (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  if (text == NULL)
    return TRUE;
  /* Level M: the error correction authenticator QR codes commonly use. */
  code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    return FALSE;
  self->width = code->width;
  self->modules = g_malloc ((gsize) code->width * code->width);
  for (gsize i = 0; i < (gsize) code->width * code->width; i++)
    self->modules[i] = code->data[i] & 1;
  mfa_wipe (code->data, (gsize) code->width * code->width);
  QRcode_free (code);
  return TRUE;
}

static void
mfa_qr_code_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  MfaQrCode *self = MFA_QR_CODE (widget);
  gint side = self->width > 0 ? self->width + 2 * QUIET_ZONE : 0;

  *minimum = *natural = side * MODULE_PIXELS;
}

static void
mfa_qr_code_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  MfaQrCode *self = MFA_QR_CODE (widget);
  const GdkRGBA white = { 1, 1, 1, 1 }, black = { 0, 0, 0, 1 };
  gint available = MIN (gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  gint side = self->width + 2 * QUIET_ZONE;
  gint pixels, x0, y0;

  if (self->width == 0 || available < side)
    return;
  /* Whole pixels per module: a fraction would blur module edges. */
  pixels = available / side;
  x0 = (gtk_widget_get_width (widget) - side * pixels) / 2;
  y0 = (gtk_widget_get_height (widget) - side * pixels) / 2;
  gtk_snapshot_append_color (snapshot, &white,
                             &GRAPHENE_RECT_INIT (x0, y0, side * pixels, side * pixels));
  x0 += QUIET_ZONE * pixels;
  y0 += QUIET_ZONE * pixels;
  for (gint row = 0; row < self->width; row++)
    for (gint column = 0; column < self->width;)
      {
        gint run = 0;

        /* A run of dark modules as one rectangle: fewer nodes, no seams. */
        while (column + run < self->width && self->modules[row * self->width + column + run])
          run++;
        if (run == 0)
          {
            column++;
            continue;
          }
        gtk_snapshot_append_color (snapshot, &black,
                                   &GRAPHENE_RECT_INIT (x0 + column * pixels, y0 + row * pixels,
                                                        run * pixels, pixels));
        column += run;
      }
}

static void
mfa_qr_code_finalize (GObject *object)
{
  clear_modules (MFA_QR_CODE (object));
  G_OBJECT_CLASS (mfa_qr_code_parent_class)->finalize (object);
}

static void
mfa_qr_code_class_init (MfaQrCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mfa_qr_code_finalize;
  widget_class->measure = mfa_qr_code_measure;
  widget_class->snapshot = mfa_qr_code_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mfa_qr_code_init (MfaQrCode *self)
{
}

GtkWidget *
mfa_qr_code_new (void)
{
  return g_object_new (MFA_TYPE_QR_CODE, NULL);
}
