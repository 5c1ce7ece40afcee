/* mfa-ticket-window.c: one ticket bundle, as support staff read it
 *
 * Two passes over the file, both in worker threads. The first reads only
 * the head (the manifest and the check evidence, a few kilobytes before any
 * attachment) and shows the diagnosis, the account and the times at once,
 * whatever the attachments weigh. The second verifies every entry against
 * the manifest, reporting progress, and hands each attachment over as it is
 * verified, with a thumbnail made in the thread. Nothing here writes unless
 * the user saves the attachments of an intact bundle.
 *
 * Everything in the file is untrusted: text is made printable, members of
 * the wrong type are ignored, images too large to decode are not decoded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-ticket-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mfadiag.h"
#include "mfa-attachment-window.h"
#include "mfa-save-error.h"
#include "mfa-show-in-files.h"
#include "mfa-ticket-window.h"
#include "mfa-zone-names.h"

#define THUMB_SIZE 200

struct _MfaTicketWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;

  GtkBox           *integrity_box;
  GtkLabel         *integrity_label;
  GtkProgressBar   *progress_bar;
  GtkLabel         *notice_label;
  GtkLabel         *diagnosis_label;
  GtkButton        *copy_button;
  GtkListBox       *facts_list;
  GtkLabel         *words_heading;
  GtkLabel         *words_label;
  GtkLabel         *steps_heading;
  GtkLabel         *steps_label;
  GtkBox           *checks_box;
  GtkLabel         *gallery_heading;
  GtkFlowBox       *gallery;

  GFile            *file;
  GCancellable     *cancellable;
  JsonNode         *manifest;
  JsonObject       *evidence;     /* kind → diagnostics/KIND.json */
  gchar            *integrity;    /* one line, for the copied text */
  gboolean          intact;
};

G_DEFINE_FINAL_TYPE (MfaTicketWindow, mfa_ticket_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_FILE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* ---- small helpers ----------------------------------------------------- */

static JsonObject *
manifest_root (MfaTicketWindow *self)
{
  return mfa_json_object (self->manifest);
}

static gchar *
manifest_text (MfaTicketWindow *self,
               const gchar     *object,
               const gchar     *member)
{
  return mfa_bundle_manifest_text (self->manifest, object, member);
}

static GtkWidget *
text_label (const gchar *text,
            gboolean     selectable)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), selectable);
  return label;
}

static void
set_integrity (MfaTicketWindow *self,
               const gchar     *css_class,
               const gchar     *text)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->integrity_box), "intact");
  gtk_widget_remove_css_class (GTK_WIDGET (self->integrity_box), "damaged");
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->integrity_box), css_class);
  gtk_label_set_label (self->integrity_label, text);
}

/* ---- showing the head ------------------------------------------------------ */

/* A row of the facts list: the name, and under it the value, which wraps
 * and can be long (an account name, a bundle's own text). */
static void
add_fact (MfaTicketWindow *self,
          const gchar     *name,
          const gchar     *value)
{
  GtkWidget *row;

  if (value == NULL || value[0] == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->facts_list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->facts_list), TRUE);
}

/* An ISO 8601 time from the manifest in `zone` (NULL: as written), with the
 * zone's name: a support engineer elsewhere reads it in their own zone too.
 * NULL when the text is no time. */
static gchar *
format_time (const gchar *iso,
             GTimeZone   *zone,
             const gchar *zone_name)
{
  g_autoptr(GDateTime) time = iso != NULL && iso[0] != '\0'
                                ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) shown = NULL;

  if (time == NULL)
    return NULL;
  shown = zone != NULL ? g_date_time_to_timezone (time, zone) : g_date_time_ref (time);
  return mfa_format_wall_time (shown, zone_name);
}

/* The user's zone (recorded in the bundle) and this viewer's: one zone when
 * both name the same one, so the same time is not read twice. */
static gboolean
same_zone (const gchar *user_zone,
           const gchar *viewer_zone)
{
  if (user_zone == NULL || viewer_zone == NULL)
    return FALSE;
  return g_str_equal (user_zone, viewer_zone)
         || (mfa_zone_is_utc (user_zone) && mfa_zone_is_utc (viewer_zone));
}

/* When the failing operation happened: in UTC, as support's logs keep it;
 * then in the user's zone and in the viewer's, or in the one zone both
 * share. */
static void
show_operation_time (MfaTicketWindow *self)
{
  g_autofree gchar *utc = manifest_text (self, "operation_time", "utc");
  g_autofree gchar *local = manifest_text (self, "operation_time", "local");
  g_autofree gchar *zone = manifest_text (self, "operation_time", "timezone");
  g_autoptr(GTimeZone) viewer_zone = g_time_zone_new_local ();
  g_autoptr(GTimeZone) utc_zone = g_time_zone_new_utc ();
  const gchar *viewer_id = g_time_zone_get_identifier (viewer_zone);
  g_autofree gchar *viewer_name = mfa_zone_display_name (viewer_id);
  g_autofree gchar *user_name = zone[0] != '\0' ? mfa_zone_display_name (zone) : NULL;
  g_autofree gchar *utc_shown = format_time (utc, utc_zone, NULL);
  g_autofree gchar *here = format_time (utc, viewer_zone, viewer_name);
  g_autofree gchar *theirs = format_time (local, NULL, user_name);

  add_fact (self, _("Operation Time (UTC)"), utc_shown != NULL ? utc_shown : utc);
  if (same_zone (zone, viewer_id))
    {
      add_fact (self, _("Operation Time (User’s Zone, Same as Yours)"), theirs);
      return;
    }
  add_fact (self, _("Operation Time (User’s Zone)"), theirs);
  add_fact (self, _("Operation Time (Your Zone)"), here);
}

static void
show_facts (MfaTicketWindow *self)
{
  g_autofree gchar *name = manifest_text (self, "account", "name");
  g_autofree gchar *type = manifest_text (self, "account", "type");
  g_autofree gchar *source = manifest_text (self, "operation_time", "source");
  g_autofree gchar *flow = mfa_bundle_manifest_topic (self->manifest);
  g_autofree gchar *os = manifest_text (self, "system", "os");
  g_autofree gchar *version = manifest_text (self, "app", "version");
  g_autoptr(GTimeZone) utc_zone = g_time_zone_new_utc ();
  const gchar *made = mfa_json_member_string (manifest_root (self), "created");
  g_autofree gchar *created = made != NULL ? format_time (made, utc_zone, NULL) : NULL;
  g_autofree gchar *sender = os[0] != '\0' ? g_strdup_printf (_("%s, MFA Troubleshooter %s"),
                                                               os, version) : NULL;
  const gchar *type_label = mfa_bundle_account_type_label (type);

  add_fact (self, _("Account"), name);
  add_fact (self, _("Account Type"), type_label != NULL ? type_label : type);
  show_operation_time (self);
  add_fact (self, _("Time Given By"), g_str_equal (source, "user") ? _("the user")
                                      : g_str_equal (source, "clock") ? _("the computer’s clock")
                                                                     : NULL);
  add_fact (self, _("Topic"), flow);
  add_fact (self, _("Bundle Made"), created);
  add_fact (self, _("Sent From"), sender);
}

static void
show_words (MfaTicketWindow *self)
{
  g_autofree gchar *words = manifest_text (self, "problem", "description");
  g_auto(GStrv) steps = mfa_bundle_manifest_steps (self->manifest);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; steps[i] != NULL; i++)
    g_string_append_printf (list, "%s%u. %s", i > 0 ? "\n" : "", i + 1, steps[i]);
  gtk_label_set_label (self->words_label, words);
  gtk_widget_set_visible (GTK_WIDGET (self->words_heading), words[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->words_label), words[0] != '\0');
  gtk_label_set_label (self->steps_label, list->str);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_heading), list->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_label), list->len > 0);
}

static void
show_checks (MfaTicketWindow *self)
{
  JsonObject *checks = mfa_json_member_object (manifest_root (self), "checks");
  g_autoptr(GList) kinds = checks != NULL ? json_object_get_members (checks) : NULL;

  for (GList *l = kinds; l != NULL; l = l->next)
    {
      const gchar *kind = l->data;
      JsonObject *check = mfa_json_member_object (checks, kind);
      JsonNode *evidence = json_object_get_member (self->evidence, kind);
      g_autofree gchar *name = mfa_bundle_check_title (kind);
      g_autofree gchar *verdict = mfa_bundle_verdict_name (mfa_json_member_string (check,
                                                                                   "verdict"));
      g_autofree gchar *details = mfa_bundle_evidence_text (kind, evidence);
      g_autofree gchar *summary = mfa_format_printable (mfa_json_member_string (check, "summary"));
      g_autofree gchar *title = g_strdup_printf (
        /* TRANSLATORS: a check, then what it found: "The phone’s clock: a problem" */
        _("%s: %s"), name, verdict);
      GtkWidget *heading = g_object_new (GTK_TYPE_LABEL, "label", title, "wrap", TRUE,
                                         "wrap-mode", PANGO_WRAP_WORD_CHAR, "xalign", 0.0f,
                                         "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
      GtkWidget *body = text_label (details != NULL ? details : summary, TRUE);

      gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                      -1);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_margin_top (heading, 12);
      gtk_box_append (self->checks_box, heading);
      if (details != NULL || summary[0] != '\0')
        gtk_box_append (self->checks_box, body);
      else
        g_object_ref_sink (body), g_object_unref (body);
    }
}

/* For tests/bench/viewer-startup.sh: quit once the diagnosis is painted. */
static void
bench_quit_after_diagnosis (MfaTicketWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (g_getenv ("MFA_BENCH_QUIT_AFTER_DIAGNOSIS") == NULL || app == NULL)
    return;
  mfa_application_quit_after_paint (MFA_APPLICATION (app), GTK_WINDOW (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* For tests/bench/viewer-memory.sh: quit once every entry is verified and
 * every thumbnail shown, so the run's peak RSS covers the whole bundle. */
static void
bench_quit_after_verify (MfaTicketWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (g_getenv ("MFA_BENCH_QUIT_AFTER_VERIFY") == NULL || app == NULL)
    return;
  mfa_application_quit_after_paint (MFA_APPLICATION (app), GTK_WINDOW (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void verify (MfaTicketWindow *self);

/* The file cannot be shown at all: say why, and offer only the copy. */
static void
show_refused (MfaTicketWindow *self,
              const gchar     *reason)
{
  g_autofree gchar *text = g_strdup_printf (_("This file is refused: %s"), reason);

  set_integrity (self, "damaged", text);
  g_free (self->integrity);
  self->integrity = g_steal_pointer (&text);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  gtk_label_set_label (self->diagnosis_label, _("This is not a ticket bundle that can be "
                                                "shown."));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-diagnosis", TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->copy_button));
  bench_quit_after_diagnosis (self);
}

static void
head_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(MfaTicketWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaBundleHead) head = mfa_bundle_read_head_finish (result, &error);
  g_autofree gchar *diagnosis = NULL;
  JsonObject *checks;

  g_assert (MFA_IS_TICKET_WINDOW (self));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (head == NULL)
    {
      show_refused (self, error->message);
      return;
    }
  self->manifest = g_steal_pointer (&head->manifest);
  self->evidence = json_object_ref (head->evidence);
  checks = mfa_json_member_object (manifest_root (self), "checks");
  diagnosis = mfa_bundle_diagnosis (checks, self->evidence);
  gtk_label_set_label (self->diagnosis_label, diagnosis);
  show_facts (self);
  show_words (self);
  show_checks (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-diagnosis", TRUE);
  /* Not a selectable label: a caret there would hide the diagnosis's start. */
  gtk_widget_grab_focus (GTK_WIDGET (self->copy_button));
  bench_quit_after_diagnosis (self);
  verify (self);
}

/* ---- verification and attachments -------------------------------------- */

/* The library verifies in a thread and decodes thumbnails as the images
 * stream by; the window is told in its main context. */
static void
verify_progress_cb (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  MfaTicketWindow *self = MFA_TICKET_WINDOW (user_data);

  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (gdouble) done / total : 1.0);
}

static GtkWidget *
gallery_item (MfaAttachment *attachment)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree gchar *label = mfa_attachment_describe (attachment);
  GtkWidget *caption = text_label (label, FALSE);
  GtkWidget *image;

  /* An image draws its paintable inside a square, aspect kept: every cell
   * the same height whatever the shape of the picture. */
  if (attachment->thumbnail != NULL)
    image = gtk_image_new_from_paintable (GDK_PAINTABLE (attachment->thumbnail));
  else
    image = gtk_image_new_from_icon_name ("image-missing-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (image), THUMB_SIZE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  /* A long caption wraps under its picture instead of widening the cell. */
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 30);
  gtk_widget_set_size_request (caption, THUMB_SIZE, -1);
  gtk_box_append (GTK_BOX (box), image);
  if (attachment->thumbnail == NULL)
    gtk_box_append (GTK_BOX (box), text_label (_("This image cannot be shown."), FALSE));
  gtk_box_append (GTK_BOX (box), caption);
  gtk_widget_set_tooltip_text (box, _("Open to zoom"));
  return box;
}

static void
image_verified_cb (const MfaBundleFile *file,
                   GdkPixbuf           *thumbnail,
                   gpointer             user_data)
{
  MfaTicketWindow *self = MFA_TICKET_WINDOW (user_data);
  g_autofree gchar *path = g_file_get_path (self->file);
  MfaAttachment *attachment = mfa_attachment_new (self->manifest, file, path);
  g_autofree gchar *description = NULL;
  GtkWidget *child;

  attachment->thumbnail = thumbnail != NULL ? gdk_texture_new_for_pixbuf (thumbnail) : NULL;
  child = gtk_flow_box_child_new ();
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), gallery_item (attachment));
  description = mfa_attachment_describe (attachment);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
  g_object_set_data_full (G_OBJECT (child), "attachment", attachment,
                          (GDestroyNotify) mfa_attachment_free);
  gtk_flow_box_append (self->gallery, child);
  gtk_widget_set_visible (GTK_WIDGET (self->gallery), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->gallery_heading), TRUE);
}

static void
verified_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(MfaTicketWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaBundle) bundle = mfa_bundle_verify_finish (result, &error);
  guint n;

  g_assert (MFA_IS_TICKET_WINDOW (self));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_free (self->integrity);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  if (bundle == NULL)
    {
      self->integrity = g_strdup_printf (
        g_error_matches (error, MFA_ERROR, MFA_ERROR_BUNDLE_DAMAGED)
          ? _("Damaged: %s. Do not trust this bundle; ask the user to send it again.")
          : _("This file is refused: %s"),
        error->message);
      set_integrity (self, "damaged", self->integrity);
      return;
    }
  n = bundle->files->len;
  self->intact = TRUE;
  self->integrity = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Intact: the %d file matches the size and "
                                                  "SHA-256 the manifest lists.",
                                                  "Intact: all %d files match the sizes and "
                                                  "SHA-256 checksums the manifest lists.",
                                                  (gulong) n),
                                     (gint) n);
  set_integrity (self, "intact", self->integrity);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-attachments",
                                 gtk_widget_get_first_child (GTK_WIDGET (self->gallery)) != NULL);
  bench_quit_after_verify (self);
}

static void
verify (MfaTicketWindow *self)
{
  g_autofree gchar *path = g_file_get_path (self->file);

  mfa_bundle_verify_async (path, THUMB_SIZE, MFA_VIEWER_MAX_PIXELS, verify_progress_cb,
                           image_verified_cb, self->cancellable, verified_cb,
                           g_object_ref (self));
}

/* ---- what the user can do --------------------------------------------------- */

static void
attachment_activated (MfaTicketWindow *self,
                      GtkFlowBoxChild *child)
{
  MfaAttachment *attachment = g_object_get_data (G_OBJECT (child), "attachment");

  if (attachment != NULL)
    mfa_attachment_window_show (GTK_WINDOW (self), attachment);
}

static void
show_toast (MfaTicketWindow *self,
            const gchar     *title,
            const gchar     *saved_path)
{
  mfa_show_in_files_toast (self->toast_overlay, title, "win.show-in-files", saved_path);
}

static void
copy_diagnosis (GtkWidget   *widget,
                const gchar *action_name,
                GVariant    *parameter)
{
  MfaTicketWindow *self = MFA_TICKET_WINDOW (widget);
  g_autofree gchar *text = NULL;

  if (self->manifest != NULL)
    text = mfa_bundle_report_text (self->manifest, self->evidence, self->integrity);
  else
    text = g_strdup (self->integrity != NULL ? self->integrity : "");
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  show_toast (self, _("Diagnosis copied as plain text"), NULL);
}

/* Saving runs in a thread through the library, which names the files,
 * checks their bytes and never writes through a link or over a file
 * unasked: the bundle chose none of it. What the callback needs: */
typedef struct
{
  MfaTicketWindow *self;  /* a reference, dropped on the main thread */
  gchar           *dir;
} Save;

static void
save_free (Save *save)
{
  g_object_unref (save->self);
  g_free (save->dir);
  g_free (save);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Save, save_free)

static void start_saving (MfaTicketWindow *self, const gchar *dir, gboolean replace);

/* A failure stays in place, in the integrity band above the diagnosis. */
static void
show_notice (MfaTicketWindow *self,
             const gchar     *text)
{
  gtk_label_set_label (self->notice_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), text != NULL);
}

static void
replace_answered (GtkDialog *dialog,
                  gint       response,
                  gpointer   user_data)
{
  MfaTicketWindow *self = MFA_TICKET_WINDOW (user_data);
  const gchar *dir = g_object_get_data (G_OBJECT (dialog), "dir");

  if (response == GTK_RESPONSE_ACCEPT)
    start_saving (self, dir, TRUE);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
ask_replace (MfaTicketWindow *self,
             const gchar     *dir,
             const gchar     *existing)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL
                                                | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                              _("Replace existing files?"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", existing);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Replace"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                                GTK_RESPONSE_ACCEPT),
                            "destructive-action");
  g_object_set_data_full (G_OBJECT (dialog), "dir", g_strdup (dir), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (replace_answered), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Save) save = user_data;
  MfaTicketWindow *self = save->self;
  g_autoptr(GError) error = NULL;
  guint skipped = 0;
  g_autoptr(GPtrArray) saved = mfa_bundle_save_attachments_finish (result, &skipped, &error);
  g_autofree gchar *text = NULL;

  g_assert (MFA_IS_TICKET_WINDOW (self));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      ask_replace (self, save->dir, error->message);
      return;
    }
  if (error != NULL)
    {
      MfaSaveFailure failure = mfa_save_failure_classify (save->dir, 0, error);
      g_autofree gchar *cause = mfa_save_failure_describe (failure, save->dir, error);

      text = g_strdup_printf (_("The attachments were not saved. %s"), cause);
      show_notice (self, text);
      return;
    }
  show_notice (self, NULL);
  if (skipped > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Attachments saved, except %u that is not the image "
                                         "the bundle claims",
                                         "Attachments saved, except %u that are not the images "
                                         "the bundle claims", skipped), skipped);
  else
    text = g_strdup (_("Attachments saved"));
  if (saved != NULL && saved->len > 0)
    {
      g_autofree gchar *first = g_build_filename (save->dir, saved->pdata[0], NULL);

      show_toast (self, text, first);
    }
  else
    show_toast (self, text, NULL);
}

static void
start_saving (MfaTicketWindow *self,
              const gchar     *dir,
              gboolean         replace)
{
  g_autofree gchar *path = g_file_get_path (self->file);
  Save *save = g_new0 (Save, 1);

  save->self = g_object_ref (self);
  save->dir = g_strdup (dir);
  mfa_bundle_save_attachments_async (path, dir, replace, self->cancellable, saved_cb, save);
}

static void
folder_chosen (GtkNativeDialog *dialog,
               gint             response,
               gpointer         user_data)
{
  MfaTicketWindow *self = MFA_TICKET_WINDOW (user_data);
  g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autofree gchar *dir = folder != NULL ? g_file_get_path (folder) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && dir != NULL && self->intact)
    start_saving (self, dir, FALSE);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_attachments (GtkWidget   *widget,
                  const gchar *action_name,
                  GVariant    *parameter)
{
  MfaTicketWindow *self = MFA_TICKET_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (!self->intact)
    return;
  chooser = gtk_file_chooser_native_new (_("Save Attachments To"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Save"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (folder_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the object -------------------------------------------------------- */

static void
mfa_ticket_window_constructed (GObject *object)
{
  MfaTicketWindow *self = MFA_TICKET_WINDOW (object);
  g_autofree gchar *name = g_file_get_basename (self->file);
  g_autofree gchar *shown = mfa_format_printable (name);
  g_autofree gchar *path = g_file_get_path (self->file);

  G_OBJECT_CLASS (mfa_ticket_window_parent_class)->constructed (object);
  gtk_window_set_title (GTK_WINDOW (self), shown);
  adw_window_title_set_title (self->window_title, shown);
  if (path == NULL)
    show_refused (self, _("Only local files can be opened"));
  else
    mfa_bundle_read_head_async (path, self->cancellable, head_read_cb, g_object_ref (self));
}

static void
mfa_ticket_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MfaTicketWindow *self = MFA_TICKET_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_set_object (&self->file, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mfa_ticket_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, MFA_TICKET_WINDOW (object)->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mfa_ticket_window_dispose (GObject *object)
{
  MfaTicketWindow *self = MFA_TICKET_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MFA_TYPE_TICKET_WINDOW);
  G_OBJECT_CLASS (mfa_ticket_window_parent_class)->dispose (object);
}

static void
mfa_ticket_window_finalize (GObject *object)
{
  MfaTicketWindow *self = MFA_TICKET_WINDOW (object);

  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->manifest, json_node_unref);
  g_clear_pointer (&self->evidence, json_object_unref);
  g_free (self->integrity);
  G_OBJECT_CLASS (mfa_ticket_window_parent_class)->finalize (object);
}

static void
mfa_ticket_window_class_init (MfaTicketWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mfa_ticket_window_constructed;
  object_class->set_property = mfa_ticket_window_set_property;
  object_class->get_property = mfa_ticket_window_get_property;
  object_class->dispose = mfa_ticket_window_dispose;
  object_class->finalize = mfa_ticket_window_finalize;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                 | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mfa-ticket-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaTicketWindow, integrity_box);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketWindow, integrity_label);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketWindow, notice_label);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketWindow, diagnosis_label);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketWindow, copy_button);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketWindow, facts_list);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketWindow, words_heading);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketWindow, words_label);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketWindow, steps_heading);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketWindow, steps_label);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketWindow, checks_box);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketWindow, gallery_heading);
  gtk_widget_class_bind_template_child (widget_class, MfaTicketWindow, gallery);
  gtk_widget_class_bind_template_callback (widget_class, attachment_activated);
  gtk_widget_class_install_action (widget_class, "win.copy-diagnosis", NULL, copy_diagnosis);
  gtk_widget_class_install_action (widget_class, "win.save-attachments", NULL, save_attachments);
  gtk_widget_class_install_action (widget_class, "win.show-in-files", "s",
                                   mfa_show_in_files_activate);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-diagnosis", NULL);
}

static void
mfa_ticket_window_init (MfaTicketWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-diagnosis", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-attachments", FALSE);
  mfa_application_add_drop_target (GTK_WIDGET (self));
}

MfaTicketWindow *
mfa_ticket_window_new (MfaApplication *application,
                       GFile          *file)
{
  return g_object_new (MFA_TYPE_TICKET_WINDOW, "application", application, "file", file, NULL);
}
