/* mfa-ticket-assistant.c: collecting what support needs into one ticket file
 *
 * Five pages, in the order the FAQ asks: whose account, when it failed, what
 * happened in the user's words, screenshots, and a review of everything the
 * bundle will hold before it is saved. What the checks of this session found
 * goes in by itself. Nothing typed is lost when saving fails: the pages stay
 * as they are until the window is closed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-ticket-assistant"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mfa-attachment-list.h"
#include "mfa-save-error.h"
#include "mfa-show-in-files.h"
#include "mfa-ticket-assistant.h"
#include "mfa-widgets.h"
#include "mfa-ticket-review.h"
#include "mfa-ticket-uploader.h"
#include "mfa-time-picker.h"

struct _MfaTicketAssistant
{
  AdwWindow          parent_instance;

  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkStack          *pages;
  GtkWidget         *next_button;
  GtkWidget         *save_button;
  GtkCheckButton    *ram_user_button;
  GtkWidget         *name_entry;     /* an AdwEntryRow */
  GtkLabel          *account_message;
  GtkCheckButton    *keep_name_button;
  MfaTimePicker     *time_picker;
  GtkTextView       *words_view;
  GtkLabel          *words_message;
  MfaAttachmentList *attachment_list;
  MfaTicketReview   *review;
  GtkLabel          *save_status;
  GtkLinkButton     *ticket_link;
  GtkBox            *uploader_holder;

  MfaSession        *session;
  gint64             opened_usec;   /* "just now": the same moment in review, file and summary */
  GtkWidget         *uploader;
  GCancellable      *cancellable;
  gboolean           saving;
  gboolean           account_tried; /* Next was pressed: say what is missing */
  gboolean           type_chosen;   /* the user picked the type here: the flow no longer decides */
  gboolean           following;     /* the flow is setting the type, not the user */
};

G_DEFINE_FINAL_TYPE (MfaTicketAssistant, mfa_ticket_assistant, ADW_TYPE_WINDOW)

static const gchar *const page_names[] = { "account", "time", "words", "attachments", "review" };

typedef enum
{
  MESSAGE_NOTE,
  MESSAGE_WARNING,
  MESSAGE_ERROR,
} MessageKind;

/* A label under a field or the buttons: hidden when there is nothing to say. */
static void
show_message (GtkLabel    *label,
              const gchar *text,
              MessageKind  kind)
{
  mfa_label_show (label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
  if (kind != MESSAGE_NOTE)
    gtk_widget_add_css_class (GTK_WIDGET (label), kind == MESSAGE_ERROR ? "error" : "warning");
}

/* ---- what was typed ----------------------------------------------------------- */

static const gchar *
account_type (MfaTicketAssistant *self)
{
  return gtk_check_button_get_active (self->ram_user_button) ? "ram-user"
                                                             : "alibaba-cloud-account";
}

static gchar *
account_name (MfaTicketAssistant *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
}

static gchar *
words (MfaTicketAssistant *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->words_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static MfaBundleContent *
build_content (MfaTicketAssistant *self)
{
  MfaBundleContent *content = mfa_bundle_content_new ();
  g_autoptr(GPtrArray) rows = mfa_attachment_list_get_rows (self->attachment_list);

  content->account_type = g_strdup (account_type (self));
  content->account_name = account_name (self);
  mfa_time_picker_get_time (self->time_picker, self->opened_usec,
                            &content->operation_time_usec, &content->operation_zone,
                            &content->operation_time_given);
  content->description = words (self);
  for (guint i = 0; i < rows->len; i++)
    mfa_bundle_content_add_attachment (content, mfa_attachment_row_get_kind (rows->pdata[i]),
                                       mfa_attachment_row_get_path (rows->pdata[i]),
                                       mfa_attachment_row_get_caption (rows->pdata[i]),
                                       mfa_attachment_row_get_taken (rows->pdata[i]));
  mfa_session_fill_bundle (self->session, content);
  return content;
}

/* ---- checks on each page ------------------------------------------------------ */

/* An error blocks; a warning needs the user's word that the name is right. */
static gboolean
check_account (MfaTicketAssistant *self)
{
  g_autofree gchar *name = account_name (self);
  g_autofree gchar *warning = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = mfa_bundle_check_account (account_type (self), name, &warning, &error)
                && mfa_bundle_check_text (_("The account name"), name, &error);

  if (!ok)
    {
      g_autofree gchar *text = g_strdup (error->message);

      /* The library's messages start in lower case to fit after a colon. */
      text[0] = g_ascii_toupper (text[0]);
      show_message (self->account_message, self->account_tried || name[0] != '\0' ? text : NULL,
                    MESSAGE_ERROR);
    }
  else
    show_message (self->account_message, warning, MESSAGE_WARNING);
  gtk_widget_set_visible (GTK_WIDGET (self->keep_name_button), ok && warning != NULL);
  return ok && (warning == NULL || gtk_check_button_get_active (self->keep_name_button));
}

static void
account_changed (MfaTicketAssistant *self)
{
  /* Template set-up toggles too, before there is a session to follow. */
  if (!self->following && self->session != NULL)
    self->type_chosen = TRUE;
  gtk_check_button_set_active (self->keep_name_button, FALSE);
  check_account (self);
}

static gboolean
check_words (MfaTicketAssistant *self)
{
  g_autofree gchar *text = words (self);
  g_autoptr(GError) error = NULL;

  if (!mfa_bundle_check_text (_("The description"), text, &error))
    {
      show_message (self->words_message, error->message, MESSAGE_ERROR);
      return FALSE;
    }
  show_message (self->words_message, NULL, MESSAGE_ERROR);
  return TRUE;
}

static gboolean
check_page (MfaTicketAssistant *self,
            const gchar        *name)
{
  if (g_str_equal (name, "account"))
    {
      self->account_tried = TRUE;
      return check_account (self);
    }
  if (g_str_equal (name, "words"))
    return check_words (self);
  if (g_str_equal (name, "attachments"))
    return mfa_attachment_list_validate (self->attachment_list);
  return TRUE;
}

/* ---- moving between pages ----------------------------------------------------- */

static guint
current_index (MfaTicketAssistant *self)
{
  const gchar *name = gtk_stack_get_visible_child_name (self->pages);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    if (g_strcmp0 (name, page_names[i]) == 0)
      return i;
  return 0;
}

static void
refresh_review (MfaTicketAssistant *self)
{
  g_autoptr(MfaBundleContent) content = build_content (self);
  g_autoptr(GPtrArray) rows = mfa_attachment_list_get_rows (self->attachment_list);

  mfa_ticket_review_show (self->review, content, self->session, rows);
}

static void
session_changed (MfaTicketAssistant *self)
{
  if (current_index (self) + 1 == G_N_ELEMENTS (page_names))
    refresh_review (self);
}

static void
page_changed (MfaTicketAssistant *self)
{
  guint index = current_index (self);
  g_autofree gchar *position = g_strdup_printf (_("Step %u of %u"), index + 1,
                                                (guint) G_N_ELEMENTS (page_names));
  gboolean last = index + 1 == G_N_ELEMENTS (page_names);

  adw_window_title_set_subtitle (self->window_title, position);
  /* Typing goes where the page asks for words: no Tab through the header
   * bar first. */
  if (index == 0)
    gtk_widget_grab_focus (self->name_entry);
  else if (g_str_equal (page_names[index], "words"))
    gtk_widget_grab_focus (GTK_WIDGET (self->words_view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ticket.back", index > 0);
  gtk_widget_set_visible (self->next_button, !last);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ticket.next", !last);
  if (last)
    refresh_review (self);
}

static void
go_back (GtkWidget   *widget,
         const gchar *action_name,
         GVariant    *parameter)
{
  MfaTicketAssistant *self = MFA_TICKET_ASSISTANT (widget);
  guint index = current_index (self);

  if (index > 0)
    gtk_stack_set_visible_child_name (self->pages, page_names[index - 1]);
}

static void
go_next (GtkWidget   *widget,
         const gchar *action_name,
         GVariant    *parameter)
{
  MfaTicketAssistant *self = MFA_TICKET_ASSISTANT (widget);
  guint index = current_index (self);

  if (index + 1 < G_N_ELEMENTS (page_names) && check_page (self, page_names[index]))
    gtk_stack_set_visible_child_name (self->pages, page_names[index + 1]);
}

/* Every page's checks again, landing on the first that fails. */
static gboolean
check_all (MfaTicketAssistant *self)
{
  for (guint i = 0; i + 1 < G_N_ELEMENTS (page_names); i++)
    if (!check_page (self, page_names[i]))
      {
        gtk_stack_set_visible_child_name (self->pages, page_names[i]);
        return FALSE;
      }
  return TRUE;
}

/* ---- saving ------------------------------------------------------------------- */

/* What the callback needs: the assistant, and where the bundle went. */
typedef struct
{
  MfaTicketAssistant *self;    /* a reference, dropped on the main thread */
  gchar              *target;
} Write;

static void
write_free (Write *write)
{
  g_object_unref (write->self);
  g_free (write->target);
  g_free (write);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Write, write_free)

/* An upper bound of the bundle's size, to tell a full disk from other
 * failures: the attachments as they are, and room for the text members. */
static guint64
estimated_size (MfaTicketAssistant *self)
{
  g_autoptr(GPtrArray) rows = mfa_attachment_list_get_rows (self->attachment_list);
  guint64 size = 64 * 1024;

  for (guint i = 0; i < rows->len; i++)
    {
      GStatBuf info;

      if (g_stat (mfa_attachment_row_get_path (rows->pdata[i]), &info) == 0)
        size += info.st_size;
    }
  return size;
}

/* The error stays in place, under the buttons, until the next save. */
static void
show_save_error (MfaTicketAssistant *self,
                 const gchar        *target,
                 const GError       *error)
{
  g_autofree gchar *dir = g_path_get_dirname (target);
  MfaSaveFailure failure = mfa_save_failure_classify (dir, estimated_size (self), error);
  g_autofree gchar *cause = mfa_save_failure_describe (failure, dir, error);
  g_autofree gchar *text = g_strdup_printf (_("The ticket was not saved. %s Everything you "
                                              "entered is still here."), cause);

  show_message (self->save_status, text, MESSAGE_ERROR);
  /* Brings the buttons and the error under them into view. */
  gtk_widget_grab_focus (self->save_button);
}

static void
show_toast (MfaTicketAssistant *self,
            const gchar        *title,
            const gchar        *saved_path)
{
  mfa_show_in_files_toast (self->toast_overlay, title, "ticket.show-in-files", saved_path);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Write) write = user_data;
  MfaTicketAssistant *self = write->self;
  const gchar *target = write->target;
  /* The name alone: in a sandbox the path is the document portal's
   * (…/doc/3f2a9c1e/name), which means nothing to the user, and Show in
   * Files shows the folder. */
  g_autofree gchar *display = g_filename_display_basename (target);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *text = NULL;

  g_assert (MFA_IS_TICKET_ASSISTANT (self));

  /* Closed while saving: the window is gone, there is no one to tell. */
  if (!mfa_bundle_write_finish (result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->saving = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ticket.save", TRUE);
  if (error != NULL)
    {
      show_save_error (self, target, error);
      return;
    }
  show_message (self->save_status, NULL, MESSAGE_NOTE);
  text = g_strdup_printf (_("Saved as %s"), display);
  show_toast (self, text, target);
  mfa_ticket_uploader_set_file (MFA_TICKET_UPLOADER (self->uploader), target);
}

static void
save_to (MfaTicketAssistant *self,
         const gchar        *target)
{
  Write *write = g_new0 (Write, 1);

  self->saving = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ticket.save", FALSE);
  show_message (self->save_status, _("Saving…"), MESSAGE_NOTE);
  write->self = g_object_ref (self);
  write->target = g_strdup (target);
  mfa_bundle_write_async (build_content (self), target, self->cancellable, written_cb, write);
}

static void
save_chosen (GtkNativeDialog *dialog,
             gint             response,
             gpointer         user_data)
{
  g_autoptr(MfaTicketAssistant) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree gchar *path = g_file_get_path (file);

      if (path != NULL)
        save_to (self, path);
      else
        show_message (self->save_status, _("Choose a place on this computer."),
                      MESSAGE_ERROR);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  gtk_window_present (GTK_WINDOW (self));
}

/* mfa-ticket-<account>-<date>.mfaticket, with only safe characters. */
static gchar *
default_name (MfaTicketAssistant *self)
{
  g_autofree gchar *name = account_name (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree gchar *date = g_date_time_format (now, "%Y-%m-%d");

  for (gchar *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '@' && *p != '-')
      *p = '-';
  return g_strdup_printf ("mfa-ticket-%s-%s.mfaticket", name, date);
}

static void
save (GtkWidget   *widget,
      const gchar *action_name,
      GVariant    *parameter)
{
  MfaTicketAssistant *self = MFA_TICKET_ASSISTANT (widget);
  g_autofree gchar *name = NULL;
  GtkFileChooserNative *dialog;

  if (self->saving || !check_all (self))
    return;
  name = default_name (self);
  dialog = gtk_file_chooser_native_new (_("Save Ticket"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (save_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The same text as summary.txt; checked once more, as the clipboard is
 * readable by every application. */
static void
copy_summary (GtkWidget   *widget,
              const gchar *action_name,
              GVariant    *parameter)
{
  MfaTicketAssistant *self = MFA_TICKET_ASSISTANT (widget);
  g_autoptr(MfaBundleContent) content = NULL;
  g_autofree gchar *summary = NULL;
  g_autoptr(GError) error = NULL;

  if (!check_all (self))
    return;
  content = build_content (self);
  summary = mfa_bundle_content_summary (content);
  if (!mfa_bundle_check_text (_("The summary"), summary, &error))
    {
      show_message (self->save_status, error->message, MESSAGE_ERROR);
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), summary);
  show_message (self->save_status, NULL, MESSAGE_NOTE);
  show_toast (self, _("Summary copied: paste it into the ticket form"), NULL);
}

static void
paste_image (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  MfaTicketAssistant *self = MFA_TICKET_ASSISTANT (widget);

  gtk_stack_set_visible_child_name (self->pages, "attachments");
  mfa_attachment_list_paste (self->attachment_list);
}

/* ---- the class ------------------------------------------------------------------ */

static void
mfa_ticket_assistant_dispose (GObject *object)
{
  MfaTicketAssistant *self = MFA_TICKET_ASSISTANT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), MFA_TYPE_TICKET_ASSISTANT);
  G_OBJECT_CLASS (mfa_ticket_assistant_parent_class)->dispose (object);
}

static void
mfa_ticket_assistant_class_init (MfaTicketAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mfa_ticket_assistant_dispose;

  g_type_ensure (MFA_TYPE_TIME_PICKER);
  g_type_ensure (MFA_TYPE_ATTACHMENT_LIST);
  g_type_ensure (MFA_TYPE_TICKET_REVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mfa-ticket-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaTicketAssistant, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketAssistant, pages);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketAssistant, save_button);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketAssistant, ram_user_button);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketAssistant, name_entry);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketAssistant, account_message);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketAssistant, keep_name_button);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketAssistant, time_picker);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketAssistant, words_view);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketAssistant, words_message);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketAssistant, attachment_list);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketAssistant, review);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketAssistant, save_status);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketAssistant, ticket_link);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketAssistant, uploader_holder);
  gtk_widget_class_bind_template_callback (widget_class, account_changed);
  gtk_widget_class_bind_template_callback (widget_class, page_changed);

  gtk_widget_class_install_action (widget_class, "ticket.back", NULL, go_back);
  gtk_widget_class_install_action (widget_class, "ticket.next", NULL, go_next);
  gtk_widget_class_install_action (widget_class, "ticket.save", NULL, save);
  gtk_widget_class_install_action (widget_class, "ticket.copy-summary", NULL, copy_summary);
  gtk_widget_class_install_action (widget_class, "ticket.show-in-files", "s",
                                   mfa_show_in_files_activate);
  gtk_widget_class_install_action (widget_class, "ticket.paste-image", NULL, paste_image);
  /* Text fields take Ctrl+V first; elsewhere it pastes a screenshot. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK,
                                       "ticket.paste-image", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "ticket.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "ticket.next", NULL);
}

static void
mfa_ticket_assistant_init (MfaTicketAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->words_view), "changed",
                            G_CALLBACK (check_words), self);
  page_changed (self);
}

MfaTicketAssistant *
mfa_ticket_assistant_new (GtkWindow   *parent,
                          MfaSession  *session,
                          const gchar *ticket_url)
{
  MfaTicketAssistant *self = g_object_new (MFA_TYPE_TICKET_ASSISTANT,
                                           "transient-for", parent, NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree gchar *upload_url = g_settings_get_string (settings, "upload-endpoint");

  g_return_val_if_fail (MFA_IS_SESSION (session), self);

  self->session = g_object_ref (session);
  /* Rounded to the second, as a person would say it. */
  self->opened_usec = mfa_session_get_true_time (session) / G_USEC_PER_SEC * G_USEC_PER_SEC;
  /* A check run in the wizard meanwhile shows up on the review at once. */
  g_signal_connect_object (session, "changed", G_CALLBACK (session_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_link_button_set_uri (self->ticket_link, ticket_url);
  self->uploader = mfa_ticket_uploader_new (upload_url);
  gtk_box_append (self->uploader_holder, self->uploader);
  mfa_ticket_assistant_follow_session (self);
  return self;
}

void
mfa_ticket_assistant_follow_session (MfaTicketAssistant *self)
{
  const gchar *type = mfa_session_get_fact (self->session, "account-type");
  const gchar *name = mfa_session_get_fact (self->session, "account-name");

  g_return_if_fail (MFA_IS_TICKET_ASSISTANT (self));

  self->following = TRUE;
  if (type != NULL && !self->type_chosen)
    gtk_check_button_set_active (self->ram_user_button, g_str_equal (type, "ram-user"));
  if (name != NULL && gtk_editable_get_text (GTK_EDITABLE (self->name_entry))[0] == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);
  self->following = FALSE;
}
