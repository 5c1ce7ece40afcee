/* mfa-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-application"

#include "config.h"

#include <glib/gi18n.h>

#include "mfa-application.h"
#include "mfa-preferences-window.h"
#include "mfa-ticket-window.h"
#include "mfa-window.h"

struct _MfaApplication
{
  AdwApplication  parent_instance;

  MfaSession     *session;
};

G_DEFINE_FINAL_TYPE (MfaApplication, mfa_application, ADW_TYPE_APPLICATION)

MfaApplication *
mfa_application_new (void)
{
  return g_object_new (MFA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

static void
quit_after_paint (GdkFrameClock *clock,
                  gpointer       user_data)
{
  const gchar *record = g_getenv ("MFA_BENCH_FIRST_FRAME_FILE");

  g_signal_handlers_disconnect_by_func (clock, quit_after_paint, user_data);
  /* When the frame was painted (wall clock, µs), apart from the time the
   * process then takes to end. */
  if (record != NULL)
    {
      g_autofree gchar *now = g_strdup_printf ("%" G_GINT64_FORMAT "\n", g_get_real_time ());

      g_file_set_contents (record, now, -1, NULL);
    }
  g_application_quit (G_APPLICATION (user_data));
}

/* For tests/bench/startup.sh: with MFA_BENCH_QUIT_AFTER_FIRST_FRAME set, the
 * app quits once its first frame is painted, and writes when that was to
 * MFA_BENCH_FIRST_FRAME_FILE if set. The bare window program does exactly
 * the same. */
void
mfa_application_quit_after_paint (MfaApplication *self,
                                  GtkWindow      *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (quit_after_paint), self);
  else
    g_application_quit (G_APPLICATION (self));
}

static void
mfa_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (mfa_window_new (MFA_APPLICATION (app)));
  gtk_window_present (window);
  if (g_getenv ("MFA_BENCH_QUIT_AFTER_FIRST_FRAME") != NULL)
    mfa_application_quit_after_paint (MFA_APPLICATION (app), window);
}

/* The wizard, at the topic or check asked for; FALSE with the error for
 * an unknown one, and no new window left behind. */
static gboolean
open_wizard (MfaApplication  *self,
             const gchar     *topic,
             const gchar     *check,
             GError         **error)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  gboolean created = window == NULL || !MFA_IS_WINDOW (window);

  if (created)
    window = GTK_WINDOW (mfa_window_new (self));
  if ((topic != NULL && !mfa_window_open_topic (MFA_WINDOW (window), topic, error))
      || (check != NULL && !mfa_window_open_check (MFA_WINDOW (window), check, error)))
    {
      if (created)
        gtk_window_destroy (window);
      return FALSE;
    }
  gtk_window_present (window);
  if (g_getenv ("MFA_BENCH_QUIT_AFTER_FIRST_FRAME") != NULL)
    mfa_application_quit_after_paint (self, window);
  return TRUE;
}

/* Runs in the first instance, for its own command line and for those of
 * later ones: `--topic` given while the app already runs reaches the
 * running window, and an error reaches the terminal that gave it. */
static gint
mfa_application_command_line (GApplication            *app,
                              GApplicationCommandLine *command_line)
{
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const gchar *topic = NULL, *check = NULL;
  g_autofree const gchar **paths = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_variant_dict_lookup (options, "topic", "&s", &topic);
  g_variant_dict_lookup (options, "check", "&s", &check);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths);
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    g_ptr_array_add (files, g_application_command_line_create_file_for_arg (command_line,
                                                                            paths[i]));
  if (files->len > 0 && (topic != NULL || check != NULL))
    {
      g_application_command_line_printerr (command_line, "mfa-troubleshooter: %s\n",
                                           _("Give either ticket bundles to open or "
                                             "--topic/--check, not both"));
      return 2;
    }
  if (files->len > 0)
    g_application_open (app, (GFile **) files->pdata, files->len, "");
  else if (topic == NULL && check == NULL)
    g_application_activate (app);
  else if (!open_wizard (MFA_APPLICATION (app), topic, check, &error))
    {
      g_application_command_line_printerr (command_line, "mfa-troubleshooter: %s\n",
                                           error->message);
      return 2;
    }
  return 0;
}

/* One viewer window per ticket bundle: from the command line, a double
 * click in the file manager, the Open dialog or a drop. */
static void
mfa_application_open (GApplication  *app,
                      GFile        **files,
                      gint           n_files,
                      const gchar   *hint)
{
  for (gint i = 0; i < n_files; i++)
    {
      MfaTicketWindow *window = mfa_ticket_window_new (MFA_APPLICATION (app), files[i]);

      gtk_window_present (GTK_WINDOW (window));
      if (g_getenv ("MFA_BENCH_QUIT_AFTER_FIRST_FRAME") != NULL)
        mfa_application_quit_after_paint (MFA_APPLICATION (app), GTK_WINDOW (window));
    }
}

static gboolean
files_dropped (GtkDropTarget *target,
               const GValue  *value,
               gdouble        x,
               gdouble        y,
               gpointer       user_data)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;
  g_application_open (g_application_get_default (), (GFile **) files->pdata, files->len, "");
  return TRUE;
}

void
mfa_application_add_drop_target (GtkWidget *widget)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (files_dropped), NULL);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
}

static void
bundles_chosen (GtkNativeDialog *dialog,
                gint             response,
                gpointer         user_data)
{
  g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; response == GTK_RESPONSE_ACCEPT && i < g_list_model_get_n_items (chosen); i++)
    g_ptr_array_add (files, g_list_model_get_item (chosen, i));
  if (files->len > 0)
    g_application_open (G_APPLICATION (user_data), (GFile **) files->pdata, files->len, "");
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_bundle (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Ticket Bundle"),
                                         gtk_application_get_active_window (app),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Ticket bundles"));
  gtk_file_filter_add_mime_type (filter, "application/x-mfa-ticket");
  gtk_file_filter_add_suffix (filter, "mfaticket");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (bundles_chosen), app);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
mfa_application_finalize (GObject *object)
{
  MfaApplication *self = MFA_APPLICATION (object);

  g_clear_object (&self->session);
  G_OBJECT_CLASS (mfa_application_parent_class)->finalize (object);
}

MfaSession *
mfa_application_get_session (MfaApplication *self)
{
  g_return_val_if_fail (MFA_IS_APPLICATION (self), NULL);
  return self->session;
}

/* The same addresses as the metainfo's homepage and bug tracker. */
#define WEBSITE_URL "https://github.com/mfatroubleshooter/mfa-troubleshooter"
#define ISSUE_URL   WEBSITE_URL "/issues"

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const gchar *developers[] = { _("The MFA Troubleshooter developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("MFA Troubleshooter"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Find out why a verification code is rejected, and get "
                                       "back into your account"),
                         "developer-name", _("The MFA Troubleshooter developers"),
                         "developers", developers,
                         "website", WEBSITE_URL,
                         "issue-url", ISSUE_URL,
                         "translator-credits", _("translator-credits"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
show_preferences (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (mfa_preferences_window_new (parent)));
}

/* Builds the window `id` of the resource `ui` for the active window. */
static void
present_window_from_resource (GtkApplication *app,
                              const gchar    *ui,
                              const gchar    *id)
{
  g_autofree gchar *path = g_strconcat (RESOURCE_PREFIX, ui, NULL);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (path);
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, id));

  gtk_window_set_transient_for (window, gtk_application_get_active_window (app));
  gtk_window_set_application (window, app);
  gtk_window_present (window);
}

static void
show_shortcuts (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  present_window_from_resource (GTK_APPLICATION (user_data), "/ui/mfa-shortcuts-window.ui",
                                "shortcuts_window");
}

static void
show_help (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  present_window_from_resource (GTK_APPLICATION (user_data), "/ui/mfa-help-window.ui",
                                "help_window");
}

static void
quit (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
mfa_application_startup (GApplication *app)
{
  const GActionEntry actions[] = {
    { "about", show_about },
    { "preferences", show_preferences },
    { "help", show_help },
    { "shortcuts", show_shortcuts },
    { "open-bundle", open_bundle },
    { "quit", quit },
  };
  const gchar *open_accels[] = { "<Control>o", NULL };
  const gchar *quit_accels[] = { "<Control>q", NULL };
  const gchar *close_accels[] = { "<Control>w", NULL };
  const gchar *search_accels[] = { "<Control>f", NULL };
  const gchar *preferences_accels[] = { "<Control>comma", NULL };
  const gchar *help_accels[] = { "F1", NULL };
  const gchar *shortcuts_accels[] = { "<Control>question", NULL };
  const gchar *new_ticket_accels[] = { "<Control>n", NULL };
  const gchar *restart_accels[] = { "<Control>r", NULL };
  const gchar *topics_accels[] = { "<Alt>Home", NULL };

  /* AdwApplication loads style.css from the resource base path itself. */
  G_APPLICATION_CLASS (mfa_application_parent_class)->startup (app);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_PREFER_LIGHT);

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.open-bundle", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.shortcuts",
                                         shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-ticket",
                                         new_ticket_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "flow.restart", restart_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "flow.topics", topics_accels);
}

static void
mfa_application_class_init (MfaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = mfa_application_finalize;
  app_class->command_line = mfa_application_command_line;
  app_class->activate = mfa_application_activate;
  app_class->open = mfa_application_open;
  app_class->startup = mfa_application_startup;
}

static void
mfa_application_init (MfaApplication *self)
{
  self->session = mfa_session_new ();
  g_application_add_main_option (G_APPLICATION (self), "topic", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_STRING,
                                 _("Open this topic directly, e.g. sms-missing"), _("ID"));
  g_application_add_main_option (G_APPLICATION (self), "check", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_STRING,
                                 _("Open one check directly: clock, phone-clock, code or "
                                   "duplicates"), _("ID"));
  g_application_add_main_option (G_APPLICATION (self), G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME_ARRAY,
                                 _("Ticket bundles to open in the viewer"), _("[BUNDLE…]"));
}
