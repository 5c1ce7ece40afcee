/* test-window.c: the start page, built in-process under a real display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include <adwaita.h>

#include "mfa-application.h"
#include "mfa-check-page.h"
#include "mfa-flow-view.h"
#include "mfa-action-row.h"
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
  /* The window's pages: the stack that holds the topics. */
  pages = GTK_STACK (gtk_widget_get_ancestor (find_by_type (GTK_WIDGET (window), MFA_TYPE_TOPIC_ROW),
                                              GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "start");
  /* The flow view is built when a topic is first opened. */
  g_assert_null (find_by_type (GTK_WIDGET (window), MFA_TYPE_FLOW_VIEW));

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

/* Runs the main loop for `ms` milliseconds, frames included. */
static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
pump (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The header bar says where the user is, and the answers are rows that
 * run flow.choose with their index. */
static void
test_header_and_choose (void)
{
  MfaWindow *window = mfa_window_new (shared_app);
  AdwWindowTitle *title;
  MfaFlowView *view;
  const MfaFlowStep *step;

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  title = ADW_WINDOW_TITLE (find_by_type (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "MFA Troubleshooter");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "");

  g_assert_true (mfa_window_open_topic (window, "device-lost", NULL));
  iterate ();
  view = MFA_FLOW_VIEW (find_by_type (GTK_WIDGET (window), MFA_TYPE_FLOW_VIEW));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Authenticator Deleted or Phone Lost");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Step 1");
  /* 1 is "A RAM user". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "flow.choose", "u", 1));
  step = mfa_flow_run_get_step (mfa_flow_view_get_run (view));
  g_assert_cmpstr (step->id, ==, "reset-ram");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Step 2");
  /* The header's back button: a step back, then (from the first step) the topics. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "flow.back", NULL));
  g_assert_cmpstr (mfa_flow_run_get_step (mfa_flow_view_get_run (view))->id, ==, "ask-account");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "flow.back", NULL));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "MFA Troubleshooter");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* A check step opens at its top with the focus in the check, and brings
 * the result into view once the verdict is there. */
static void
test_check_step_result_in_view (void)
{
  MfaWindow *window = mfa_window_new (shared_app);
  GtkScrolledWindow *scroller;
  GtkAdjustment *vadjustment;
  GtkWidget *page, *result, *focus;
  g_autoptr(JsonNode) evidence = NULL;
  graphene_rect_t bounds;
  gdouble top;

  gtk_window_set_default_size (GTK_WINDOW (window), 720, 420);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (mfa_window_open_topic (window, "binding-code-rejected", NULL));
  pump (500);
  page = find_by_type (GTK_WIDGET (window), MFA_TYPE_CHECK_PAGE);
  g_assert_nonnull (page);
  g_assert_true (mfa_check_page_get_embedded (MFA_CHECK_PAGE (page)));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, page));
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (page, GTK_TYPE_SCROLLED_WINDOW));
  vadjustment = gtk_scrolled_window_get_vadjustment (scroller);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);
  /* The page's last part stands in for its result: below the fold here. */
  result = gtk_widget_get_last_child (page);
  mfa_check_page_set_result_widget (MFA_CHECK_PAGE (page), result);
  g_assert_true (gtk_widget_compute_bounds (result, gtk_scrolled_window_get_child (scroller),
                                            &bounds));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, >,
                     gtk_adjustment_get_page_size (vadjustment));

  evidence = json_node_init_object (json_node_alloc (), json_object_new ());
  mfa_check_page_record (MFA_CHECK_PAGE (page), "phone-clock", "ok", "Test result", evidence);
  pump (800);
  top = gtk_adjustment_get_value (vadjustment);
  /* In view: all of it, or as much as fits from its top. */
  g_assert_cmpfloat (top, >, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, top);
  g_assert_cmpfloat (MIN (bounds.origin.y + bounds.size.height,
                          top + gtk_adjustment_get_page_size (vadjustment)), >, bounds.origin.y);
  g_assert_cmpfloat (bounds.origin.y + MIN (bounds.size.height,
                                            gtk_adjustment_get_page_size (vadjustment)), <=,
                     top + gtk_adjustment_get_page_size (vadjustment) + 1);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The window's narrowest, on the start page, on the first step of every
 * topic, and on the ticket steps, whose link's subtitle is the flows'
 * longest web address: no wider than a phone's 360 px. */
static void
assert_window_fits_phone (MfaWindow   *window,
                          const gchar *where)
{
  gint min;

  /* The content: the window itself asks for 360 px whatever it holds. */
  gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)),
                      GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_test_message ("%s: %d px at the narrowest", where, min);
  if (min > 360)
    g_test_fail_printf ("%s needs %d px", where, min);
}

/* The answers that lead from `flow`'s start to a ticket step with links
 * (whose address is the flows' longest) through questions and advice only;
 * NULL if none does. */
static GArray *
path_to_ticket_links (const MfaFlow *flow)
{
  g_autoptr(GHashTable) paths = g_hash_table_new_full (NULL, NULL, NULL,
                                                       (GDestroyNotify) g_array_unref);
  g_autoptr(GQueue) queue = g_queue_new ();
  const MfaFlowStep *start = mfa_flow_get_start (flow);

  g_hash_table_insert (paths, (gpointer) start, g_array_new (FALSE, FALSE, sizeof (guint)));
  g_queue_push_tail (queue, (gpointer) start);
  while (!g_queue_is_empty (queue))
    {
      const MfaFlowStep *step = g_queue_pop_head (queue);
      GArray *path = g_hash_table_lookup (paths, step);

      if (step->type == MFA_STEP_TICKET && step->links->len > 0)
        return g_array_ref (path);
      if (step->type != MFA_STEP_QUESTION && step->type != MFA_STEP_ADVICE)
        continue;
      for (guint i = 0; i < step->edges->len; i++)
        {
          const MfaFlowEdge *edge = g_ptr_array_index (step->edges, i);
          const MfaFlowStep *next = mfa_flow_find_step (flow, edge->next);
          GArray *next_path;

          if (next == NULL || g_hash_table_contains (paths, next))
            continue;
          next_path = g_array_copy (path);
          g_array_append_val (next_path, i);
          g_hash_table_insert (paths, (gpointer) next, next_path);
          g_queue_push_tail (queue, (gpointer) next);
        }
    }
  return NULL;
}

static void
test_fits_phone (void)
{
  g_autoptr(MfaFlowSet) flows = mfa_flow_set_load_default (NULL);
  MfaWindow *window = mfa_window_new (shared_app);
  guint n_tickets = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  assert_window_fits_phone (window, "the start page");
  for (guint i = 0; i < mfa_flow_set_get_n_flows (flows); i++)
    {
      const MfaFlow *flow = mfa_flow_set_get_flow (flows, i);

      g_autoptr(GArray) path = path_to_ticket_links (flow);

      g_assert_true (mfa_window_open_topic (window, flow->id, NULL));
      iterate ();
      assert_window_fits_phone (window, flow->id);
      if (path == NULL)
        continue;
      for (guint step = 0; step < path->len; step++)
        g_assert_true (gtk_widget_activate_action (
          find_by_type (GTK_WIDGET (window), MFA_TYPE_FLOW_VIEW), "flow.choose", "u",
          g_array_index (path, guint, step)));
      iterate ();
      g_assert_cmpint (mfa_flow_run_get_step (mfa_flow_view_get_run (MFA_FLOW_VIEW (
        find_by_type (GTK_WIDGET (window), MFA_TYPE_FLOW_VIEW))))->type, ==, MFA_STEP_TICKET);
      assert_window_fits_phone (window, flow->id);
      n_tickets++;
    }
  /* The ticket step and its long address were reached. */
  g_assert_cmpuint (n_tickets, >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* A web address without a place to break (an organisation's own flows may
 * link to one) wraps anywhere in a link row, not only between words. */
static gint
address_row_min_width (const gchar *address,
                       gboolean     wrap_anywhere)
{
  GtkWidget *row = g_object_ref_sink (mfa_action_row_new ("Open the Page", address,
                                                          "adw-external-link-symbolic",
                                                          NULL, NULL));
  gint min;

  if (wrap_anywhere)
    mfa_action_row_wrap_subtitle_anywhere (MFA_ACTION_ROW (row));
  g_assert_cmpstr (mfa_action_row_get_subtitle (MFA_ACTION_ROW (row)), ==, address);
  gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_object_unref (row);
  return min;
}

static void
test_action_row_address (void)
{
  const gchar *address = "https://support.example.com/"
                         "ThisAddressHasNoPlaceWhereALineMayBreakBetweenWordsAtAll";
  gint between_words = address_row_min_width (address, FALSE);
  gint anywhere = address_row_min_width (address, TRUE);

  g_test_message ("between words %d px, anywhere %d px", between_words, anywhere);
  g_assert_cmpint (between_words, >, 336);
  g_assert_cmpint (anywhere, <, 200);
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
  g_test_add_func ("/window/header-and-choose", test_header_and_choose);
  g_test_add_func ("/window/check-step-result-in-view", test_check_step_result_in_view);
  g_test_add_func ("/window/flows-file-setting", test_flows_file_setting);
  g_test_add_func ("/window/fits-phone", test_fits_phone);
  g_test_add_func ("/window/action-row-address", test_action_row_address);
  return g_test_run ();
}
