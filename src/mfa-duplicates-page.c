/* mfa-duplicates-page.c: the duplicates check, on a page of its own or on a
 * flow step
 *
 * Exports hold every key the user has. They are read in a thread with the
 * library's importers, the entries (whose keys are wiped when freed) stay
 * only while the page is shown, and the page and the session get labels
 * only. All files are read again as one collection when one is added, so
 * the images of one Google Authenticator export combine, and a file that
 * cannot be read at all leaves what was read before as it was; an entry
 * that cannot be read is named, and the rest reported.
 *
 * An encrypted export asks for its password. The password lives in the
 * password entry (GTK keeps it in non-swappable memory and wipes it) while
 * the page holds the files, so that adding a file can read them all again;
 * the reading thread's copy is wiped as soon as the files are read, and
 * Clear or leaving the page empties the entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-duplicates-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "mfa-widgets.h"
#include "mfa-duplicates-page.h"
#include "mfa-file-check-page.h"

struct _MfaDuplicatesPage
{
  MfaFileCheckPage      parent_instance;

  GtkLabel             *intro_label;
  GtkWidget            *cancel_button;
  GtkSpinner           *spinner;
  GtkLabel             *error_label;
  GtkWidget            *clear_button;
  GtkWidget            *password_box;
  GtkEditable          *password_entry;
  GtkLabel             *skipped_label;
  GtkLabel             *files_label;
  GtkWidget            *result_box;
  GtkImage             *verdict_icon;
  GtkLabel             *summary_label;
  GtkWidget            *groups_box;
  GtkWidget            *rebind_label;

  GPtrArray            *paths;      /* the files read, as paths */
  GPtrArray            *attempted;  /* the files last given (NULL-terminated), for Unlock */
  MfaImportResult      *imported;   /* entries (keys wiped when freed) and skipped ones */
};

/* What a read's callback needs: the page, and which files were read. */
typedef struct
{
  MfaDuplicatesPage *self;   /* a reference, dropped on the main thread */
  GPtrArray         *paths;  /* NULL-terminated */
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_object_unref (job->self);
  g_ptr_array_unref (job->paths);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadJob, read_job_free)

G_DEFINE_FINAL_TYPE (MfaDuplicatesPage, mfa_duplicates_page, MFA_TYPE_FILE_CHECK_PAGE)

/* ---- state ------------------------------------------------------------ */

static void
set_busy (MfaFileCheckPage *page,
          gboolean          busy)
{
  MfaDuplicatesPage *self = MFA_DUPLICATES_PAGE (page);

  /* Cancel takes Clear's place: side by side with Open they would not
   * fit a phone. */
  gtk_widget_set_visible (self->cancel_button, busy);
  gtk_widget_set_visible (self->clear_button, !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duplicates.open", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duplicates.unlock",
                                 !busy && self->attempted != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duplicates.clear",
                                 !busy && self->paths->len > 0);
}

/* Entries and what was shown of them go; the session keeps its result. */
static void
forget (MfaFileCheckPage *page)
{
  MfaDuplicatesPage *self = MFA_DUPLICATES_PAGE (page);

  g_ptr_array_set_size (self->paths, 0);
  g_clear_pointer (&self->attempted, g_ptr_array_unref);
  g_clear_pointer (&self->imported, mfa_import_result_free);
  gtk_editable_set_text (self->password_entry, "");
  gtk_widget_set_visible (self->password_box, FALSE);
  mfa_box_remove_all (GTK_BOX (self->groups_box));
  gtk_widget_set_visible (self->result_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->files_label), FALSE);
  mfa_label_show (self->error_label, NULL);
  set_busy (page, FALSE);
}

/* ---- showing a report ------------------------------------------------- */

static GtkWidget *
wrapped_label (const gchar *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 70);
  return label;
}

/* A group as GNOME shows a list of things: its sentence as a heading, the
 * entries as rows of a boxed list, and what to do under it. */
static GtkWidget *
group_widget (const MfaDuplicateGroup *group)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree gchar *sentence = mfa_duplicate_group_describe (group);
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                     "label", sentence,
                                     "wrap", TRUE,
                                     "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                     "xalign", 0.0f,
                                     NULL);
  GtkWidget *list = gtk_list_box_new ();
  const gchar *advice;

  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, sentence,
                                  -1);
  for (guint i = 0; i < group->members->len; i++)
    {
      g_autofree gchar *member = mfa_duplicate_entry_describe (g_ptr_array_index (group->members,
                                                                                  i));
      GtkWidget *row = adw_action_row_new ();

      /* Names from an export are text, never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (GTK_BOX (box), list);
  advice = group->kind == MFA_DUPLICATE_DIFFERENT_KEYS
             ? _("Delete all of these entries, then bind again as described below.")
             : _("These make the same codes: keep one and delete the others, or keep them all.");
  gtk_box_append (GTK_BOX (box), wrapped_label (advice));
  return box;
}

static gchar *
describe_files (MfaDuplicatesPage *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  g_autofree gchar *joined = NULL;

  for (guint i = 0; i < self->paths->len; i++)
    {
      g_autofree gchar *name = g_filename_display_basename (g_ptr_array_index (self->paths, i));

      g_strv_builder_add (names, name);
    }
  list = g_strv_builder_end (names);
  /* TRANSLATORS: the separator between file names in a list */
  joined = g_strjoinv (_(", "), list);
  return g_strdup_printf (ngettext ("Read %u entry from %s.", "Read %u entries from %s.",
                                    self->imported->entries->len),
                          self->imported->entries->len, joined);
}

/* What could not be read, one line each, under a heading. */
static void
show_skipped (MfaDuplicatesPage        *self,
              const MfaDuplicateReport *report)
{
  g_autoptr(GString) text = NULL;

  if (report->skipped->len == 0)
    {
      mfa_label_show (self->skipped_label, NULL);
      return;
    }
  text = g_string_new (_("Could not be read, so this report is partial:"));
  for (guint i = 0; i < report->skipped->len; i++)
    {
      g_autofree gchar *line = mfa_import_skip_describe (g_ptr_array_index (report->skipped, i));

      g_string_append_printf (text, "\n• %s", line);
    }
  mfa_label_show (self->skipped_label, text->str);
}

static gboolean
needs_password (const MfaImportResult *result)
{
  for (guint i = 0; result != NULL && i < result->skipped->len; i++)
    {
      const MfaImportSkip *skip = g_ptr_array_index (result->skipped, i);

      if (skip->code == MFA_ERROR_ENCRYPTED_EXPORT || skip->code == MFA_ERROR_WRONG_PASSWORD)
        return TRUE;
    }
  return FALSE;
}

static void
show_report (MfaDuplicatesPage *self)
{
  g_autoptr(MfaAliasTable) aliases = mfa_alias_table_new ();
  g_autoptr(MfaDuplicateReport) report = mfa_duplicates_find_in_result (self->imported,
                                                                        aliases);
  g_autoptr(JsonNode) evidence = mfa_duplicate_report_to_json (report);
  g_autofree gchar *summary = mfa_duplicate_report_summarize (report);
  g_autofree gchar *files = describe_files (self);
  const gchar *verdict = mfa_duplicate_report_verdict (report);

  gtk_label_set_text (self->files_label, files);
  gtk_widget_set_visible (GTK_WIDGET (self->files_label), TRUE);
  mfa_check_page_show_verdict (self->verdict_icon, verdict);
  gtk_label_set_text (self->summary_label, summary);
  mfa_box_remove_all (GTK_BOX (self->groups_box));
  for (guint i = 0; i < report->groups->len; i++)
    gtk_box_append (GTK_BOX (self->groups_box), group_widget (g_ptr_array_index (report->groups,
                                                                                 i)));
  show_skipped (self, report);
  gtk_widget_set_visible (self->rebind_label, g_str_equal (verdict, "problem"));
  gtk_widget_set_visible (self->result_box, TRUE);
  mfa_check_page_record (MFA_CHECK_PAGE (self), "duplicates", verdict, summary,
                         evidence);
}

/* ---- reading files ---------------------------------------------------- */

/* A heading that says what kind of failure it is, then the library's
 * message, which names the file. */
static gchar *
describe_error (const GError *error)
{
  if (g_error_matches (error, MFA_ERROR, MFA_ERROR_ENCRYPTED_EXPORT))
    return g_strdup_printf (_("This export is encrypted: type its password below, then choose "
                              "Unlock. (%s.)"),
                            error->message);
  if (g_error_matches (error, MFA_ERROR, MFA_ERROR_WRONG_PASSWORD))
    return g_strdup_printf (_("The password does not open this export: %s. Check it and "
                              "choose Unlock again."),
                            error->message);
  if (g_error_matches (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT))
    return g_strdup_printf (_("This file cannot be read as an authenticator export: %s."),
                            error->message);
  return g_strdup_printf (_("This file cannot be read: %s."), error->message);
}

static void
ask_password (MfaDuplicatesPage *self)
{
  gtk_widget_set_visible (self->password_box, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
}

static void
files_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ReadJob) job = user_data;
  MfaDuplicatesPage *self = job->self;
  g_autoptr(MfaImportResult) imported = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (MFA_IS_DUPLICATES_PAGE (self));

  imported = mfa_import_read_finish (result, &error);
  if (!mfa_file_check_page_end_work (MFA_FILE_CHECK_PAGE (self), result))
    return;
  g_clear_pointer (&self->attempted, g_ptr_array_unref);
  self->attempted = g_ptr_array_ref (job->paths);
  set_busy (MFA_FILE_CHECK_PAGE (self), FALSE);
  if (imported == NULL)
    {
      g_autofree gchar *message = describe_error (error);

      mfa_label_show (self->error_label, message);
      if (g_error_matches (error, MFA_ERROR, MFA_ERROR_ENCRYPTED_EXPORT)
          || g_error_matches (error, MFA_ERROR, MFA_ERROR_WRONG_PASSWORD))
        ask_password (self);
      return;
    }
  mfa_label_show (self->error_label, NULL);
  g_ptr_array_set_size (self->paths, 0);
  for (guint i = 0; g_ptr_array_index (job->paths, i) != NULL; i++)
    g_ptr_array_add (self->paths, g_strdup (g_ptr_array_index (job->paths, i)));
  g_clear_pointer (&self->imported, mfa_import_result_free);
  self->imported = g_steal_pointer (&imported);
  if (needs_password (self->imported))
    ask_password (self);
  else if (gtk_editable_get_text (self->password_entry)[0] == '\0')
    gtk_widget_set_visible (self->password_box, FALSE);
  set_busy (MFA_FILE_CHECK_PAGE (self), FALSE);
  show_report (self);
}

/* Reads paths (NULL-terminated) as one collection, with the password typed
 * so far. */
static void
read_paths (MfaDuplicatesPage *self,
            GPtrArray         *paths)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  ReadJob *job = g_new0 (ReadJob, 1);
  const gchar *password = gtk_editable_get_text (self->password_entry);

  /* Pages and the ticket name files, never the folders they are in. */
  for (guint i = 0; g_ptr_array_index (paths, i) != NULL; i++)
    g_ptr_array_add (names, g_filename_display_basename (g_ptr_array_index (paths, i)));
  g_ptr_array_add (names, NULL);
  job->self = g_object_ref (self);
  job->paths = g_ptr_array_ref (paths);
  mfa_import_read_async ((const gchar * const *) paths->pdata,
                         (const gchar * const *) names->pdata, MFA_IMPORT_AUTO,
                         password[0] != '\0' ? password : NULL,
                         mfa_file_check_page_start_work (MFA_FILE_CHECK_PAGE (self)),
                         files_read_cb, job);
}

static gboolean
has_path (MfaDuplicatesPage *self,
          const gchar       *path)
{
  for (guint i = 0; i < self->paths->len; i++)
    if (g_str_equal (g_ptr_array_index (self->paths, i), path))
      return TRUE;
  return FALSE;
}

void
mfa_duplicates_page_open_files (MfaDuplicatesPage *self,
                                GFile *const      *files,
                                guint              n_files)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (MFA_IS_DUPLICATES_PAGE (self));

  for (guint i = 0; i < self->paths->len; i++)
    g_ptr_array_add (paths, g_strdup (g_ptr_array_index (self->paths, i)));
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree gchar *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autofree gchar *uri = g_file_get_uri (files[i]);
          g_autofree gchar *message =
            g_strdup_printf (_("%s is not a file on this computer: save it to a folder first."),
                             uri);

          mfa_label_show (self->error_label, message);
          return;
        }
      /* Opened again, a file adds nothing; read twice it would pair with itself. */
      if (!has_path (self, path))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
  if (paths->len == self->paths->len)
    return;
  g_ptr_array_add (paths, NULL);
  read_paths (self, paths);
}

/* Reads the files last given again, with the password now typed. */
static void
unlock_action (GtkWidget   *widget,
               const gchar *action_name,
               GVariant    *parameter)
{
  MfaDuplicatesPage *self = MFA_DUPLICATES_PAGE (widget);

  if (self->attempted != NULL)
    read_paths (self, self->attempted);
}

static void
password_activated_cb (MfaDuplicatesPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "duplicates.unlock", NULL);
}

static void
open_files (MfaFileCheckPage *page,
            GFile *const     *files,
            guint             n_files)
{
  mfa_duplicates_page_open_files (MFA_DUPLICATES_PAGE (page), files, n_files);
}

static void
choose_files (GtkWidget   *widget,
              const gchar *action_name,
              GVariant    *parameter)
{
  mfa_file_check_page_choose_files (MFA_FILE_CHECK_PAGE (widget),
                                    _("Open Authenticator Exports"), NULL, TRUE);
}

static void
clear (GtkWidget   *widget,
       const gchar *action_name,
       GVariant    *parameter)
{
  forget (MFA_FILE_CHECK_PAGE (widget));
}

static void
cancel (GtkWidget   *widget,
        const gchar *action_name,
        GVariant    *parameter)
{
  mfa_file_check_page_cancel_work (MFA_FILE_CHECK_PAGE (widget));
}

/* ---- GObject ---------------------------------------------------------- */

static void
mfa_duplicates_page_dispose (GObject *object)
{
  MfaDuplicatesPage *self = MFA_DUPLICATES_PAGE (object);

  /* The keys go with the entries, and the password, as soon as the page does. */
  g_clear_pointer (&self->imported, mfa_import_result_free);
  g_clear_pointer (&self->attempted, g_ptr_array_unref);
  if (self->password_entry != NULL)
    gtk_editable_set_text (self->password_entry, "");
  G_OBJECT_CLASS (mfa_duplicates_page_parent_class)->dispose (object);
}

static void
mfa_duplicates_page_finalize (GObject *object)
{
  MfaDuplicatesPage *self = MFA_DUPLICATES_PAGE (object);

  g_ptr_array_unref (self->paths);
  G_OBJECT_CLASS (mfa_duplicates_page_parent_class)->finalize (object);
}

static void
mfa_duplicates_page_class_init (MfaDuplicatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MfaFileCheckPageClass *page_class = MFA_FILE_CHECK_PAGE_CLASS (klass);

  object_class->dispose = mfa_duplicates_page_dispose;
  object_class->finalize = mfa_duplicates_page_finalize;
  page_class->open_files = open_files;
  page_class->set_busy = set_busy;
  page_class->forget = forget;

  g_type_ensure (ADW_TYPE_PASSWORD_ENTRY_ROW);
  mfa_check_page_class_set_title (MFA_CHECK_PAGE_CLASS (klass), N_("Find Duplicate Authenticator Entries"));
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mfa-duplicates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaDuplicatesPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, MfaDuplicatesPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MfaDuplicatesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, MfaDuplicatesPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, MfaDuplicatesPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, MfaDuplicatesPage, password_box);
  gtk_widget_class_bind_template_child (widget_class, MfaDuplicatesPage, password_entry);
  gtk_widget_class_bind_template_child (widget_class, MfaDuplicatesPage, skipped_label);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, MfaDuplicatesPage, files_label);
  gtk_widget_class_bind_template_child (widget_class, MfaDuplicatesPage, result_box);
  gtk_widget_class_bind_template_child (widget_class, MfaDuplicatesPage, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, MfaDuplicatesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MfaDuplicatesPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, MfaDuplicatesPage, rebind_label);
  gtk_widget_class_install_action (widget_class, "duplicates.open", NULL, choose_files);
  gtk_widget_class_install_action (widget_class, "duplicates.clear", NULL, clear);
  gtk_widget_class_install_action (widget_class, "duplicates.cancel", NULL, cancel);
  gtk_widget_class_install_action (widget_class, "duplicates.unlock", NULL, unlock_action);
}

static void
mfa_duplicates_page_init (MfaDuplicatesPage *self)
{
  g_autofree gchar *apps = mfa_import_app_list ();
  g_autofree gchar *intro = NULL;

  self->paths = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  mfa_check_page_set_result_widget (MFA_CHECK_PAGE (self), self->result_box);
  mfa_check_page_name_row_buttons (GTK_WIDGET (self->password_entry), _("Show Password"),
                                   _("Hide Password"));
  /* The apps come from the importers' table, so the page names them all. */
  /* TRANSLATORS: %s lists authenticator apps, "Aegis, 2FAS, …" */
  intro = g_strdup_printf (_("Binding MFA more than once leaves several entries for one account "
                             "in your authenticator, and only the newest makes codes that work. "
                             "Export the entries from your authenticator app and open the "
                             "export here. It reads exports from %s, and pictures of their QR "
                             "codes; an encrypted export too, with its password."), apps);
  gtk_label_set_label (self->intro_label, intro);
  set_busy (MFA_FILE_CHECK_PAGE (self), FALSE);
}

GtkWidget *
mfa_duplicates_page_new (MfaSession *session)
{
  g_return_val_if_fail (MFA_IS_SESSION (session), NULL);

  return g_object_new (MFA_TYPE_DUPLICATES_PAGE, "session", session, NULL);
}
