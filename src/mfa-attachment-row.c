/* mfa-attachment-row.c: one attached image in the ticket assistant
 *
 * The row shows the image small, what it shows (the FAQ asks for the error
 * page and the phone's time), an editable caption, and whether the bundle
 * will paint over QR codes in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-attachment-row"

#include "config.h"

#include <glib/gi18n.h>

#include "mfa-accessible-names.h"
#include "mfa-attachment-row.h"
#include "mfadiag.h"

static const gchar *const kinds[] = { "error-page", "phone-time", "other" };

struct _MfaAttachmentRow
{
  GtkListBoxRow  parent_instance;

  GtkPicture    *thumbnail;
  GtkLabel      *name_label;
  GtkDropDown   *kind_dropdown;
  GtkEntry      *caption_entry;
  GtkLabel      *note_label;
  GtkButton     *remove_button;

  gchar         *path;
  gint64         taken_usec;
  gint           n_qr_codes;
  GdkTexture    *masked;      /* NULL: the bundle holds the image as it is */
};

G_DEFINE_FINAL_TYPE (MfaAttachmentRow, mfa_attachment_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
remove_activated (GtkWidget   *widget,
                  const gchar *action_name,
                  GVariant    *parameter)
{
  g_signal_emit (widget, signals[REMOVE_REQUESTED], 0);
}

/* The caption names the row for screen readers once there is one. */
static void
caption_changed (MfaAttachmentRow *self)
{
  const gchar *caption = gtk_editable_get_text (GTK_EDITABLE (self->caption_entry));
  g_autofree gchar *name = g_path_get_basename (self->path);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  caption[0] != '\0' ? caption : name, -1);
}

static void
mfa_attachment_row_finalize (GObject *object)
{
  MfaAttachmentRow *self = MFA_ATTACHMENT_ROW (object);

  g_free (self->path);
  g_clear_object (&self->masked);
  G_OBJECT_CLASS (mfa_attachment_row_parent_class)->finalize (object);
}

static void
mfa_attachment_row_class_init (MfaAttachmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mfa_attachment_row_finalize;

  /* The list that holds the row removes it (and forgets its file). */
  signals[REMOVE_REQUESTED] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mfa-attachment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaAttachmentRow, thumbnail);
  gtk_widget_class_bind_template_child (widget_class, MfaAttachmentRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, MfaAttachmentRow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MfaAttachmentRow, caption_entry);
  gtk_widget_class_bind_template_child (widget_class, MfaAttachmentRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, MfaAttachmentRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, caption_changed);
  gtk_widget_class_install_action (widget_class, "attachment.remove", NULL, remove_activated);
}

static void
mfa_attachment_row_init (MfaAttachmentRow *self)
{
  self->n_qr_codes = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  mfa_accessible_name_drop_down (self->kind_dropdown, _("What the image shows"));
}

GtkWidget *
mfa_attachment_row_new (const gchar *path,
                        const gchar *kind,
                        gint64       taken_usec)
{
  MfaAttachmentRow *self = g_object_new (MFA_TYPE_ATTACHMENT_ROW, NULL);
  g_autofree gchar *name = g_filename_display_basename (path);
  g_autofree gchar *remove_label = g_strdup_printf (_("Remove %s"), name);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = G_N_ELEMENTS (kinds) - 1;

  self->path = g_strdup (path);
  self->taken_usec = taken_usec;
  gtk_picture_set_filename (self->thumbnail, path);
  gtk_label_set_label (self->name_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), name);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gtk_string_list_append (labels, mfa_bundle_attachment_kind_label (kinds[i]));
      if (g_strcmp0 (kind, kinds[i]) == 0)
        selected = i;
    }
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->kind_dropdown, selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  caption_changed (self);
  return GTK_WIDGET (self);
}

const gchar *
mfa_attachment_row_get_path (MfaAttachmentRow *self)
{
  g_return_val_if_fail (MFA_IS_ATTACHMENT_ROW (self), NULL);
  return self->path;
}

const gchar *
mfa_attachment_row_get_kind (MfaAttachmentRow *self)
{
  guint selected;

  g_return_val_if_fail (MFA_IS_ATTACHMENT_ROW (self), NULL);
  selected = gtk_drop_down_get_selected (self->kind_dropdown);
  return kinds[MIN (selected, G_N_ELEMENTS (kinds) - 1)];
}

const gchar *
mfa_attachment_row_get_caption (MfaAttachmentRow *self)
{
  g_return_val_if_fail (MFA_IS_ATTACHMENT_ROW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->caption_entry));
}

gint64
mfa_attachment_row_get_taken (MfaAttachmentRow *self)
{
  g_return_val_if_fail (MFA_IS_ATTACHMENT_ROW (self), 0);
  return self->taken_usec;
}

void
mfa_attachment_row_set_qr_codes (MfaAttachmentRow *self,
                                 gint              n_codes,
                                 GBytes           *masked)
{
  g_return_if_fail (MFA_IS_ATTACHMENT_ROW (self));

  self->n_qr_codes = n_codes;
  g_clear_object (&self->masked);
  if (masked != NULL)
    self->masked = gdk_texture_new_from_bytes (masked, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), n_codes > 0);
  if (n_codes > 0)
    gtk_label_set_label (self->note_label,
                         _("Shows a QR code, which may carry your MFA key: the ticket will have "
                           "it painted over."));
}

gint
mfa_attachment_row_get_qr_codes (MfaAttachmentRow *self)
{
  g_return_val_if_fail (MFA_IS_ATTACHMENT_ROW (self), -1);
  return self->n_qr_codes;
}

GtkWidget *
mfa_attachment_row_new_thumbnail (MfaAttachmentRow *self)
{
  GtkWidget *picture;

  g_return_val_if_fail (MFA_IS_ATTACHMENT_ROW (self), NULL);
  picture = gtk_picture_new_for_paintable (self->masked != NULL
                                             ? GDK_PAINTABLE (self->masked)
                                             : gtk_picture_get_paintable (self->thumbnail));
  gtk_widget_set_size_request (picture, 120, 80);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  return picture;
}
