/* test-window.c: the start page, built in-process under a real display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "mfa-application.h"
#include "mfa-flow-view.h"
#include "mfa-topic-row.h"
#include "mfa-window.h"

/* One registered application for all cases: a second instance in the same
 * process cannot register the same id again. */
static MfaApplication *shared_app;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_visible_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n += MFA_IS_TOPIC_ROW (row) && gtk_widget_get_child_visible (row);
  return n;
}

static void
test_topics_listed_and_searchable (void)
{
  MfaWindow *window;
  GtkListBox *list;
  GtkEditable *search;

  window = mfa_window_new (shared_app);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  list = GTK_LIST_BOX (find_by_type (GTK_WIDGET (window), GTK_TYPE_LIST_BOX));
  search = GTK_EDITABLE (find_by_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (list);
  g_assert_cmpuint (count_visible_rows (list), ==, 12);

  gtk_editable_set_text (search, "sms");
  g_signal_emit_by_name (search, "search-changed");
  iterate ();
  g_assert_cmpuint (count_visible_rows (list), ==, 1);

  gtk_editable_set_text (search, "no such topic at all");
  g_signal_emit_by_name (search, "search-changed");
  iterate ();
  g_assert_cmpuint (count_visible_rows (list), ==, 0);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (list)));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_open_topic (void)
{
  g_autoptr(GError) error = NULL;
  MfaWindow *window;
  MfaFlowView *view;
  GtkStack *pages;

  window = mfa_window_new (shared_app);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  pages = GTK_STACK (gtk_widget_get_parent (find_by_type (GTK_WIDGET (window), MFA_TYPE_FLOW_VIEW)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "start");

  g_assert_false (mfa_window_open_topic (window, "no-such-topic", &error));
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "sms-missing"));
  g_clear_error (&error);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "start");

  g_assert_true (mfa_window_open_topic (window, "sms-missing", NULL));
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "flow");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "SMS Codes Do Not Arrive");

  /* A check page reports its verdict through the view, which moves on. */
  g_assert_true (mfa_window_open_topic (window, "binding-code-rejected", NULL));
  view = MFA_FLOW_VIEW (find_by_type (GTK_WIDGET (window), MFA_TYPE_FLOW_VIEW));
  g_assert_cmpstr (mfa_flow_run_get_step (mfa_flow_view_get_run (view))->id, ==, "phone-clock");
  g_assert_true (mfa_flow_view_report_verdict (view, "ok", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mfa_flow_run_get_step (mfa_flow_view_get_run (view))->id, ==, "latest-code");
  g_assert_false (mfa_flow_view_report_verdict (view, "ok", &error));
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* An organisation's own flows, through the flows-file setting. */
static void
test_flows_file_setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.mfatroubleshooter.MfaTroubleshooter");
  g_autoptr(GError) error = NULL;
  g_autofree gchar *path = NULL;
  MfaWindow *window;
  GtkListBox *list;
  gint fd;

  fd = g_file_open_tmp ("flows-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, "{\"format\": \"mfa-flows\", \"version\": 1, \"flows\": [{"
                             "\"id\": \"vpn\", \"title\": \"Our VPN token\", \"subtitle\": \"S\","
                             " \"steps\": [{\"id\": \"done\", \"type\": \"done\", \"title\": \"D\"}]}]}",
                       -1, &error);
  g_assert_no_error (error);
  g_settings_set_string (settings, "flows-file", path);

  window = mfa_window_new (shared_app);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  list = GTK_LIST_BOX (find_by_type (GTK_WIDGET (window), GTK_TYPE_LIST_BOX));
  g_assert_cmpuint (count_visible_rows (list), ==, 1);
  g_assert_true (mfa_window_open_topic (window, "vpn", NULL));
  g_assert_false (mfa_window_open_topic (window, "sms-missing", NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_settings_reset (settings, "flows-file");
  g_unlink (path);
}

int
main (int argc, char **argv)
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  g_test_init (&argc, &argv, NULL);
  shared_app = mfa_application_new ();
  g_application_register (G_APPLICATION (shared_app), NULL, NULL);

  g_test_add_func ("/window/topics-listed-and-searchable", test_topics_listed_and_searchable);
  g_test_add_func ("/window/open-topic", test_open_topic);
  g_test_add_func ("/window/flows-file-setting", test_flows_file_setting);
  return g_test_run ();
}
