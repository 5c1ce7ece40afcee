/* mfa-attachment-window.c: a ticket's screenshot or photo, zoomable, with
 * the areas the bundle writer painted over outlined so no one mistakes them
 * for part of the picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-attachment-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mfa-attachment-window.h"

#define MIN_SCALE 0.05
#define MAX_SCALE 8.0
#define MAX_DECODED_SIDE 4096

struct _MfaAttachmentWindow
{
  AdwWindow          parent_instance;

  GtkScrolledWindow *scroller;
  GtkPicture        *picture;
  GtkDrawingArea    *masks;
  GtkLabel          *caption_label;
  GtkButton         *zoom_button;

  GArray            *masked;      /* GdkRectangle, shared with the attachment */
  GdkTexture        *texture;
  gint               original_width;
  GCancellable      *cancellable;
  gdouble            scale;
};

G_DEFINE_FINAL_TYPE (MfaAttachmentWindow, mfa_attachment_window, ADW_TYPE_WINDOW)

/* ---- the attachment ------------------------------------------------------- */

static JsonObject *
file_entry (JsonNode    *manifest,
            const gchar *path)
{
  JsonArray *array = mfa_json_member_array (mfa_json_object (manifest), "files");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = mfa_json_object (json_array_get_element (array, i));

      if (g_strcmp0 (mfa_json_member_string (object, "path"), path) == 0)
        return object;
    }
  return NULL;
}

static gint
int_member (JsonObject  *object,
            const gchar *name)
{
  gint64 value;

  return mfa_json_member_integer (object, name, &value) ? (gint) CLAMP (value, 0, G_MAXINT / 2) : 0;
}

MfaAttachment *
mfa_attachment_new (JsonNode            *manifest,
                    const MfaBundleFile *file,
                    const gchar         *bundle)
{
  MfaAttachment *attachment = g_new0 (MfaAttachment, 1);
  JsonObject *entry = file_entry (manifest, file->path);
  JsonArray *masked = mfa_json_member_array (entry, "masked");
  const gchar *taken = mfa_json_member_string (entry, "taken");

  attachment->path = g_strdup (file->path);
  attachment->kind = g_strdup (file->kind);
  attachment->caption = mfa_format_printable (file->caption);
  attachment->taken = taken != NULL ? mfa_format_printable (taken) : NULL;
  attachment->masked = g_array_new (FALSE, FALSE, sizeof (GdkRectangle));
  attachment->bundle = g_strdup (bundle);
  attachment->sha256 = g_strdup (file->sha256);
  for (guint i = 0; masked != NULL && i < MIN (json_array_get_length (masked), 100); i++)
    {
      JsonObject *area = mfa_json_object (json_array_get_element (masked, i));
      GdkRectangle rect;

      if (area == NULL)
        continue;
      rect = (GdkRectangle) { int_member (area, "x"), int_member (area, "y"),
                              int_member (area, "width"), int_member (area, "height") };
      g_array_append_val (attachment->masked, rect);
    }
  return attachment;
}

void
mfa_attachment_free (MfaAttachment *attachment)
{
  g_free (attachment->path);
  g_free (attachment->kind);
  g_free (attachment->caption);
  g_free (attachment->taken);
  g_array_unref (attachment->masked);
  g_free (attachment->bundle);
  g_free (attachment->sha256);
  g_clear_object (&attachment->thumbnail);
  g_free (attachment);
}

/* "The error page: caption\nTaken 2026-…\n1 area painted over (a QR code)" */
gchar *
mfa_attachment_describe (const MfaAttachment *attachment)
{
  GString *text = g_string_new (mfa_bundle_attachment_kind_label (attachment->kind));

  if (attachment->caption[0] != '\0')
    g_string_append_printf (text, _(": %s"), attachment->caption);
  if (attachment->taken != NULL)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Taken %s"), attachment->taken);
    }
  if (attachment->masked->len > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u area masked: it showed a QR code, which "
                                                 "may carry an MFA key",
                                                 "%u areas masked: they showed QR codes, which "
                                                 "may carry an MFA key",
                                                 attachment->masked->len),
                              attachment->masked->len);
    }
  return g_string_free (text, FALSE);
}

/* ---- zooming -------------------------------------------------------------- */

static void
set_scale (MfaAttachmentWindow *self,
           gdouble              scale)
{
  g_autofree gchar *label = NULL;

  if (self->texture == NULL)
    return;
  self->scale = CLAMP (scale, MIN_SCALE, MAX_SCALE);
  gtk_widget_set_size_request (GTK_WIDGET (self->picture),
                               MAX (1, (gint) (gdk_texture_get_width (self->texture) * self->scale)),
                               MAX (1, (gint) (gdk_texture_get_height (self->texture) * self->scale)));
  label = g_strdup_printf ("%.0f %%", self->scale * 100);
  gtk_button_set_label (self->zoom_button, label);
  gtk_widget_queue_draw (GTK_WIDGET (self->masks));
}

static void
zoom_fit (MfaAttachmentWindow *self)
{
  gint width = gtk_widget_get_width (GTK_WIDGET (self->scroller));
  gint height = gtk_widget_get_height (GTK_WIDGET (self->scroller));

  if (self->texture == NULL)
    return;
  if (width <= 0 || height <= 0)
    width = 880, height = 600;
  set_scale (self, MIN (1.0, MIN ((gdouble) width / gdk_texture_get_width (self->texture),
                                  (gdouble) height / gdk_texture_get_height (self->texture))));
}

static void
zoom_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  MfaAttachmentWindow *self = MFA_ATTACHMENT_WINDOW (widget);

  if (g_str_equal (action_name, "zoom.in"))
    set_scale (self, self->scale * 1.25);
  else if (g_str_equal (action_name, "zoom.out"))
    set_scale (self, self->scale / 1.25);
  else if (g_str_equal (action_name, "zoom.original"))
    set_scale (self, 1.0);
  else
    zoom_fit (self);
}

static void
draw_masks (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  MfaAttachmentWindow *self = MFA_ATTACHMENT_WINDOW (user_data);
  gdouble scale;

  if (self->texture == NULL || self->masked->len == 0)
    return;
  /* The areas are in the picture's own pixels, the texture maybe smaller. */
  scale = (gdouble) width / (self->original_width > 0 ? self->original_width
                                                      : gdk_texture_get_width (self->texture));
  cairo_set_line_width (cr, 3);
  cairo_set_source_rgb (cr, 0.88, 0.11, 0.14);
  for (guint i = 0; i < self->masked->len; i++)
    {
      const GdkRectangle *rect = &g_array_index (self->masked, GdkRectangle, i);
      const double dashes[] = { 8, 5 };

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_rectangle (cr, rect->x * scale, rect->y * scale, rect->width * scale,
                       rect->height * scale);
      cairo_stroke (cr);
    }
}

/* ---- the full image, read and decoded by the library ---------------------- */

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(MfaAttachmentWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gint original_width = 0;
  g_autoptr(GdkPixbuf) pixbuf = mfa_bundle_read_image_finish (result, &original_width, &error);

  g_assert (MFA_IS_ATTACHMENT_WINDOW (self));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (pixbuf == NULL)
    {
      g_autofree gchar *text = g_strdup_printf (_("This image cannot be shown: %s"),
                                                error->message);

      gtk_label_set_label (self->caption_label, text);
      return;
    }
  self->texture = gdk_texture_new_for_pixbuf (pixbuf);
  self->original_width = original_width;
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (self->texture));
  zoom_fit (self);
}

void
mfa_attachment_window_show (GtkWindow     *parent,
                            MfaAttachment *attachment)
{
  MfaAttachmentWindow *self = g_object_new (MFA_TYPE_ATTACHMENT_WINDOW,
                                            "transient-for", parent,
                                            "destroy-with-parent", TRUE,
                                            NULL);
  g_autofree gchar *description = mfa_attachment_describe (attachment);

  self->masked = g_array_ref (attachment->masked);
  gtk_window_set_title (GTK_WINDOW (self), mfa_bundle_attachment_kind_label (attachment->kind));
  gtk_label_set_label (self->caption_label, description);
  gtk_picture_set_alternative_text (self->picture, description);
  gtk_drawing_area_set_draw_func (self->masks, draw_masks, self, NULL);
  gtk_window_present (GTK_WINDOW (self));
  /* No thumbnail means the image was too large or not an image: not decoded. */
  if (attachment->thumbnail == NULL)
    {
      gtk_label_set_label (self->caption_label, _("This image cannot be shown."));
      return;
    }
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (attachment->thumbnail));
  /* Decoded no larger than a screen shows it (zooming in further shows its
   * pixels larger). */
  mfa_bundle_read_image_async (attachment->bundle, attachment->path, attachment->sha256,
                               MAX_DECODED_SIDE, MFA_VIEWER_MAX_PIXELS, self->cancellable,
                               loaded_cb, g_object_ref (self));
}

static void
mfa_attachment_window_dispose (GObject *object)
{
  MfaAttachmentWindow *self = MFA_ATTACHMENT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->texture);
  gtk_widget_dispose_template (GTK_WIDGET (self), MFA_TYPE_ATTACHMENT_WINDOW);
  G_OBJECT_CLASS (mfa_attachment_window_parent_class)->dispose (object);
}

static void
mfa_attachment_window_finalize (GObject *object)
{
  g_clear_object (&MFA_ATTACHMENT_WINDOW (object)->cancellable);
  g_clear_pointer (&MFA_ATTACHMENT_WINDOW (object)->masked, g_array_unref);
  G_OBJECT_CLASS (mfa_attachment_window_parent_class)->finalize (object);
}

static void
mfa_attachment_window_class_init (MfaAttachmentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mfa_attachment_window_dispose;
  object_class->finalize = mfa_attachment_window_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mfa-attachment-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaAttachmentWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, MfaAttachmentWindow, picture);
  gtk_widget_class_bind_template_child (widget_class, MfaAttachmentWindow, masks);
  gtk_widget_class_bind_template_child (widget_class, MfaAttachmentWindow, caption_label);
  gtk_widget_class_bind_template_child (widget_class, MfaAttachmentWindow, zoom_button);
  gtk_widget_class_install_action (widget_class, "zoom.in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "zoom.out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "zoom.original", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "zoom.fit", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "zoom.in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "zoom.in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "zoom.out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "zoom.original", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mfa_attachment_window_init (MfaAttachmentWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->scale = 1.0;
  gtk_widget_init_template (GTK_WIDGET (self));
}
