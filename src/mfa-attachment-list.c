/* mfa-attachment-list.c: the images a ticket carries, and the ways to add them
 *
 * Screenshots come through the desktop's screenshot portal, files through
 * the file chooser (a portal too, in Flatpak), drag and drop, or the
 * clipboard. Each file is checked off the main thread as the bundle writer
 * will check it (size, PNG or JPEG, QR codes), so a refusal is said at once
 * and the row can tell which image will have a QR code painted over.
 * Pasted and dropped pictures are written to a private folder that goes
 * away with the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-attachment-list"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libportal-gtk4/portal-gtk4.h>

#include "mfa-attachment-list.h"
#include "mfa-widgets.h"
#include "mfadiag.h"

struct _MfaAttachmentList
{
  GtkBox        parent_instance;

  GtkFlowBox   *button_box;
  GtkListBox   *list_box;
  GtkLabel     *attach_message;
  GtkWidget    *choose_button;

  GCancellable *cancellable;
  gchar        *paste_dir;     /* pictures from the clipboard or a drop */
  guint         n_pasted;
  XdpPortal    *portal;
};

G_DEFINE_FINAL_TYPE (MfaAttachmentList, mfa_attachment_list, GTK_TYPE_BOX)

/* ---- adding a file ---------------------------------------------------------- */

/* What the callback needs: the list, and the file it asked about. */
typedef struct
{
  MfaAttachmentList *self;        /* a reference, dropped on the main thread */
  gchar             *path;
  gint64             taken_usec;
} Inspection;

static void
inspection_free (Inspection *inspection)
{
  g_object_unref (inspection->self);
  g_free (inspection->path);
  g_free (inspection);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Inspection, inspection_free)

static void
remove_row (MfaAttachmentList *self,
            GtkWidget         *row)
{
  gtk_list_box_remove (self->list_box, row);
}

static void
inspected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Inspection) inspection = user_data;
  MfaAttachmentList *self = inspection->self;
  g_autoptr(GBytes) masked = NULL;
  g_autoptr(GError) error = NULL;
  guint n_qr_codes = 0;
  GtkWidget *row;

  g_assert (MFA_IS_ATTACHMENT_LIST (self));

  if (!mfa_bundle_inspect_image_finish (result, &n_qr_codes, &masked, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        mfa_label_show (self->attach_message, error->message);
      return;
    }
  mfa_label_show (self->attach_message, NULL);
  /* The first image is most likely the error page, the second the phone. */
  row = mfa_attachment_row_new (inspection->path,
                                mfa_attachment_list_get_rows (self)->len == 0 ? "error-page"
                                : mfa_attachment_list_get_rows (self)->len == 1 ? "phone-time"
                                : "other", inspection->taken_usec);
  mfa_attachment_row_set_qr_codes (MFA_ATTACHMENT_ROW (row), n_qr_codes, masked);
  g_signal_connect_swapped (row, "remove-requested", G_CALLBACK (remove_row), self);
  gtk_list_box_append (self->list_box, row);
}

void
mfa_attachment_list_add_file (MfaAttachmentList *self,
                              const gchar       *path,
                              gint64             taken_usec)
{
  Inspection *inspection;

  g_return_if_fail (MFA_IS_ATTACHMENT_LIST (self) && path != NULL);

  inspection = g_new0 (Inspection, 1);
  inspection->self = g_object_ref (self);
  inspection->path = g_strdup (path);
  inspection->taken_usec = taken_usec;
  mfa_bundle_inspect_image_async (path, self->cancellable, inspected_cb, inspection);
}

static void
add_gfile (MfaAttachmentList *self,
           GFile             *file,
           gint64             taken_usec)
{
  g_autofree gchar *path = g_file_get_path (file);

  if (path == NULL)
    mfa_label_show (self->attach_message, _("Only images on this computer can be attached."));
  else
    mfa_attachment_list_add_file (self, path, taken_usec);
}

/* A picture with no file of its own is written as PNG where only the list
 * can see it. */
static void
add_texture (MfaAttachmentList *self,
             GdkTexture        *texture)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *name = NULL;
  g_autofree gchar *path = NULL;

  if (self->paste_dir == NULL)
    self->paste_dir = g_dir_make_tmp ("mfa-ticket-XXXXXX", &error);
  if (self->paste_dir == NULL)
    {
      mfa_label_show (self->attach_message, error->message);
      return;
    }
  name = g_strdup_printf ("pasted-%u.png", ++self->n_pasted);
  path = g_build_filename (self->paste_dir, name, NULL);
  if (!gdk_texture_save_to_png (texture, path))
    {
      mfa_label_show (self->attach_message, _("The picture could not be kept: the temporary folder is not "
                            "writable."));
      return;
    }
  mfa_attachment_list_add_file (self, path, g_get_real_time ());
}

/* ---- the ways in ------------------------------------------------------------ */

static void
chosen (GtkNativeDialog *dialog,
        gint             response,
        gpointer         user_data)
{
  MfaAttachmentList *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          add_gfile (self, file, 0);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  /* Back to the assistant, keyboard focus included, to caption the image. */
  if (GTK_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    gtk_window_present (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_object_unref (self);
}

static void
choose_image (GtkWidget   *widget,
              const gchar *action_name,
              GVariant    *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Choose Images"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                                 : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("PNG and JPEG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (chosen), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
screenshot_taken (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(MfaAttachmentList) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *uri = xdp_portal_take_screenshot_finish (XDP_PORTAL (source), result, &error);
  g_autoptr(GFile) file = NULL;

  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;  /* the list is going away */
  if (uri == NULL)
    {
      g_debug ("screenshot portal: %s", error->message);
      /* The portal answers a closed screenshot dialog with "cancelled". */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        mfa_label_show (self->attach_message, _("No screenshot was taken. You can also choose an "
                                                "image file, paste one with Ctrl+V or drop it "
                                                "here."));
      else
        mfa_label_show (self->attach_message, _("Screenshots are taken through the desktop’s screenshot service, "
                              "which is not available here. Take the screenshot with your "
                              "desktop’s own tool, then choose the file."));
      gtk_widget_grab_focus (self->choose_button);
      return;
    }
  file = g_file_new_for_uri (uri);
  add_gfile (self, file, g_get_real_time ());
}

static void
take_screenshot (GtkWidget   *widget,
                 const gchar *action_name,
                 GVariant    *parameter)
{
  MfaAttachmentList *self = MFA_ATTACHMENT_LIST (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  XdpParent *parent = GTK_IS_WINDOW (root) ? xdp_parent_new_gtk (GTK_WINDOW (root)) : NULL;

  if (self->portal == NULL)
    self->portal = xdp_portal_new ();
  mfa_label_show (self->attach_message, NULL);
  xdp_portal_take_screenshot (self->portal, parent, XDP_SCREENSHOT_FLAG_INTERACTIVE,
                              self->cancellable, screenshot_taken, g_object_ref (self));
  g_clear_pointer (&parent, xdp_parent_free);
}

static void
clipboard_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source),
                                                                      result, &error);
  MfaAttachmentList *self = user_data;

  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        mfa_label_show (self->attach_message, _("The clipboard holds no image. Copy a screenshot first, then "
                              "paste it here."));
      return;
    }
  add_texture (self, texture);
}

void
mfa_attachment_list_paste (MfaAttachmentList *self)
{
  g_return_if_fail (MFA_IS_ATTACHMENT_LIST (self));

  gdk_clipboard_read_texture_async (gtk_widget_get_clipboard (GTK_WIDGET (self)),
                                    self->cancellable, clipboard_read, self);
}

static void
paste_image (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  mfa_attachment_list_paste (MFA_ATTACHMENT_LIST (widget));
}

static gboolean
dropped (GtkDropTarget     *target,
         const GValue      *value,
         gdouble            x,
         gdouble            y,
         MfaAttachmentList *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
        add_gfile (self, l->data, 0);
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, GDK_TYPE_TEXTURE))
    {
      add_texture (self, g_value_get_object (value));
      return TRUE;
    }
  return FALSE;
}

/* ---- the list ---------------------------------------------------------------- */

GPtrArray *
mfa_attachment_list_get_rows (MfaAttachmentList *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  g_return_val_if_fail (MFA_IS_ATTACHMENT_LIST (self), rows);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (MFA_IS_ATTACHMENT_ROW (child))
      g_ptr_array_add (rows, child);
  return rows;
}

const gchar *
mfa_attachment_list_get_message (MfaAttachmentList *self)
{
  g_return_val_if_fail (MFA_IS_ATTACHMENT_LIST (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->attach_message))
           ? gtk_label_get_label (self->attach_message) : NULL;
}

gboolean
mfa_attachment_list_validate (MfaAttachmentList *self)
{
  g_autoptr(GPtrArray) rows = mfa_attachment_list_get_rows (self);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!mfa_bundle_check_text (_("A caption"),
                                  mfa_attachment_row_get_caption (rows->pdata[i]), &error))
        {
          mfa_label_show (self->attach_message, error->message);
          return FALSE;
        }
    }
  mfa_label_show (self->attach_message, NULL);
  return TRUE;
}

static void
remove_paste_dir (const gchar *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const gchar *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree gchar *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
mfa_attachment_list_dispose (GObject *object)
{
  MfaAttachmentList *self = MFA_ATTACHMENT_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->portal);
  gtk_widget_dispose_template (GTK_WIDGET (self), MFA_TYPE_ATTACHMENT_LIST);
  G_OBJECT_CLASS (mfa_attachment_list_parent_class)->dispose (object);
}

static void
mfa_attachment_list_finalize (GObject *object)
{
  MfaAttachmentList *self = MFA_ATTACHMENT_LIST (object);

  if (self->paste_dir != NULL)
    remove_paste_dir (self->paste_dir);
  g_free (self->paste_dir);
  G_OBJECT_CLASS (mfa_attachment_list_parent_class)->finalize (object);
}

static void
mfa_attachment_list_class_init (MfaAttachmentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mfa_attachment_list_dispose;
  object_class->finalize = mfa_attachment_list_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mfa-attachment-list.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaAttachmentList, button_box);
  gtk_widget_class_bind_template_child (widget_class, MfaAttachmentList, list_box);
  gtk_widget_class_bind_template_child (widget_class, MfaAttachmentList, attach_message);
  gtk_widget_class_bind_template_child (widget_class, MfaAttachmentList, choose_button);
  gtk_widget_class_install_action (widget_class, "attachments.screenshot", NULL, take_screenshot);
  gtk_widget_class_install_action (widget_class, "attachments.choose-image", NULL, choose_image);
  gtk_widget_class_install_action (widget_class, "attachments.paste-image", NULL, paste_image);
}

static void
mfa_attachment_list_init (MfaAttachmentList *self)
{
  GType types[] = { GDK_TYPE_FILE_LIST, GDK_TYPE_TEXTURE };
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The flow box only lays the buttons out: Tab goes to the buttons. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->button_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  self->cancellable = g_cancellable_new ();
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
