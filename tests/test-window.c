/* test-window.c: the start page, built in-process under a real display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>

#include "mfa-application.h"
#include "mfa-topic-row.h"
#include "mfa-window.h"

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
  g_autoptr(MfaApplication) app = mfa_application_new ();
  MfaWindow *window;
  GtkListBox *list;
  GtkEditable *search;

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = mfa_window_new (app);
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

int
main (int argc, char **argv)
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/topics-listed-and-searchable", test_topics_listed_and_searchable);
  return g_test_run ();
}
