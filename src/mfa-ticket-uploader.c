/* mfa-ticket-uploader.c: sending the saved bundle to the organisation's endpoint
 *
 * Only where an organisation set an upload address (GSettings
 * upload-endpoint); the upload shows its progress, can be cancelled and
 * tried again, and ends with what the server said: its ticket id when it
 * gave one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-ticket-uploader"

#include "config.h"

#include <glib/gi18n.h>

#include "mfa-ticket-uploader.h"
#include "mfadiag.h"

struct _MfaTicketUploader
{
  GtkBox          parent_instance;

  GtkButton      *upload_button;
  GtkButton      *cancel_button;
  GtkProgressBar *progress_bar;
  GtkLabel       *status_label;

  gchar          *url;
  gchar          *path;
  GCancellable   *cancellable;
  gboolean        disposed;    /* a late callback finds no widgets to update */
};

G_DEFINE_FINAL_TYPE (MfaTicketUploader, mfa_ticket_uploader, GTK_TYPE_BOX)

static void
set_busy (MfaTicketUploader *self,
          gboolean           busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "uploader.upload",
                                 !busy && self->path != NULL);
}

static void
progress (goffset  sent,
          goffset  total,
          gpointer user_data)
{
  MfaTicketUploader *self = user_data;
  g_autofree gchar *sent_text = g_format_size (sent);
  g_autofree gchar *total_text = g_format_size (total);
  /* TRANSLATORS: upload progress, e.g. "1.2 MB of 3.4 MB" */
  g_autofree gchar *text = g_strdup_printf (_("%s of %s"), sent_text, total_text);

  if (self->disposed)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (gdouble) sent / total : 0);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
uploaded (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(MfaTicketUploader) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaBundleUploadReply) reply = mfa_bundle_upload_finish (result, &error);
  g_autofree gchar *text = NULL;

  if (self->disposed)
    return;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (reply == NULL)
    {
      text = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
               ? g_strdup (_("Upload cancelled. The saved file is unchanged."))
               : g_strdup (error->message);
      gtk_button_set_label (self->upload_button, _("Try Again"));
    }
  else if (reply->ticket_id != NULL)
    text = g_strdup_printf (_("Uploaded. Your ticket number is %s."), reply->ticket_id);
  else
    text = g_strdup_printf (_("Uploaded. The server answered: %u %s%s%s"), reply->status,
                            reply->reason != NULL ? reply->reason : "",
                            reply->first_line != NULL ? " — " : "",
                            reply->first_line != NULL ? reply->first_line : "");
  gtk_label_set_label (self->status_label, text);
}

static void
upload (GtkWidget   *widget,
        const gchar *action_name,
        GVariant    *parameter)
{
  MfaTicketUploader *self = MFA_TICKET_UPLOADER (widget);

  if (self->path == NULL || self->cancellable != NULL)
    return;
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_label (self->status_label, _("Uploading…"));
  set_busy (self, TRUE);
  mfa_bundle_upload_async (self->path, self->url, progress, self, self->cancellable, uploaded,
                           g_object_ref (self));
}

static void
cancel (GtkWidget   *widget,
        const gchar *action_name,
        GVariant    *parameter)
{
  g_cancellable_cancel (MFA_TICKET_UPLOADER (widget)->cancellable);
}

/* Closing the assistant stops a running upload. */
static void
mfa_ticket_uploader_unmap (GtkWidget *widget)
{
  g_cancellable_cancel (MFA_TICKET_UPLOADER (widget)->cancellable);
  GTK_WIDGET_CLASS (mfa_ticket_uploader_parent_class)->unmap (widget);
}

static void
mfa_ticket_uploader_dispose (GObject *object)
{
  MfaTicketUploader *self = MFA_TICKET_UPLOADER (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MFA_TYPE_TICKET_UPLOADER);
  G_OBJECT_CLASS (mfa_ticket_uploader_parent_class)->dispose (object);
}

static void
mfa_ticket_uploader_finalize (GObject *object)
{
  MfaTicketUploader *self = MFA_TICKET_UPLOADER (object);

  g_free (self->url);
  g_free (self->path);
  G_OBJECT_CLASS (mfa_ticket_uploader_parent_class)->finalize (object);
}

static void
mfa_ticket_uploader_class_init (MfaTicketUploaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mfa_ticket_uploader_dispose;
  object_class->finalize = mfa_ticket_uploader_finalize;
  widget_class->unmap = mfa_ticket_uploader_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mfa-ticket-uploader.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaTicketUploader, upload_button);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketUploader, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketUploader, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketUploader, status_label);
  gtk_widget_class_install_action (widget_class, "uploader.upload", NULL, upload);
  gtk_widget_class_install_action (widget_class, "uploader.cancel", NULL, cancel);
}

static void
mfa_ticket_uploader_init (MfaTicketUploader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mfa_ticket_uploader_new (const gchar *url)
{
  MfaTicketUploader *self = g_object_new (MFA_TYPE_TICKET_UPLOADER, NULL);
  g_autoptr(GError) error = NULL;

  self->url = g_strdup (url != NULL ? url : "");
  gtk_widget_set_visible (GTK_WIDGET (self), self->url[0] != '\0');
  if (self->url[0] != '\0' && !mfa_bundle_upload_url_is_allowed (self->url, &error))
    {
      /* The organisation's setting is wrong: say so rather than send in clear. */
      g_free (self->url);
      self->url = g_strdup ("");
      gtk_label_set_label (self->status_label, error->message);
    }
  else if (self->url[0] != '\0')
    gtk_label_set_label (self->status_label,
                         _("Save the ticket first; it can then be sent to your support team."));
  set_busy (self, FALSE);
  return GTK_WIDGET (self);
}

void
mfa_ticket_uploader_set_file (MfaTicketUploader *self,
                              const gchar       *path)
{
  g_return_if_fail (MFA_IS_TICKET_UPLOADER (self));

  g_free (self->path);
  self->path = g_strdup (path);
  if (self->url[0] == '\0')
    g_clear_pointer (&self->path, g_free);
  if (self->path != NULL && self->cancellable == NULL)
    gtk_label_set_label (self->status_label, "");
  set_busy (self, self->cancellable != NULL);
}

const gchar *
mfa_ticket_uploader_get_status (MfaTicketUploader *self)
{
  g_return_val_if_fail (MFA_IS_TICKET_UPLOADER (self), NULL);
  return gtk_label_get_label (self->status_label);
}
