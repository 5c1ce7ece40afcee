/* test-height-for-width-bin.c: the bin between a scrolled window's viewport
 * and a page of wrapped text answers as the page would, without the
 * questions whose answers nobody uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mfa-height-for-width-bin.h"

#define TEXT "A paragraph long enough to wrap onto several lines at any width the " \
             "window may have, as the text of a troubleshooting step does."

static GtkWidget *
wrapped_label (void)
{
  GtkWidget *label = gtk_label_new (TEXT);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

/* A scrolled window → viewport → bin → label. */
static GtkWidget *
scrolled_page (GtkWidget     **bin,
               GtkPolicyType   vertical_policy,
               gboolean        propagate_natural_height)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *viewport = gtk_viewport_new (NULL, NULL);

  *bin = g_object_new (MFA_TYPE_HEIGHT_FOR_WIDTH_BIN, "child", wrapped_label (), NULL);
  gtk_viewport_set_child (GTK_VIEWPORT (viewport), *bin);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), viewport);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  vertical_policy);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller),
                                                    propagate_natural_height);
  return g_object_ref_sink (scroller);
}

/* Widths and heights for a width are the label's own; a width for a height
 * is its width without one. */
static void
test_same_answers (void)
{
  g_autoptr(GtkWidget) label = g_object_ref_sink (wrapped_label ());
  g_autoptr(GtkWidget) scroller = NULL;
  GtkWidget *bin;
  gint bin_min, bin_nat, label_min, label_nat;

  scroller = scrolled_page (&bin, GTK_POLICY_AUTOMATIC, FALSE);
  g_assert_true (gtk_widget_get_request_mode (bin) == GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);

  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, -1, &bin_min, &bin_nat, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &label_min, &label_nat, NULL, NULL);
  g_assert_cmpint (bin_min, ==, label_min);
  g_assert_cmpint (bin_nat, ==, label_nat);

  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, 40, &bin_min, &bin_nat, NULL, NULL);
  g_assert_cmpint (bin_min, ==, label_min);
  g_assert_cmpint (bin_nat, ==, label_nat);

  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, 200, &bin_min, &bin_nat, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 200, &label_min, &label_nat, NULL, NULL);
  g_assert_cmpint (bin_min, ==, label_min);
  g_assert_cmpint (bin_nat, ==, label_nat);
  g_assert_cmpint (bin_min, >, 0);
}

/* A height without a width: nothing where the scrolled window does not
 * use it, the label's where it grows with its content (the scrolled
 * window's policies are set when it is built, before it is measured). */
static void
test_height_without_width (void)
{
  const struct
  {
    GtkPolicyType vertical_policy;
    gboolean      propagate_natural_height;
    gboolean      used;
  } cases[] = {
    { GTK_POLICY_AUTOMATIC, FALSE, FALSE },
    { GTK_POLICY_ALWAYS, FALSE, FALSE },
    { GTK_POLICY_AUTOMATIC, TRUE, TRUE },
    { GTK_POLICY_NEVER, FALSE, TRUE },
  };
  g_autoptr(GtkWidget) label = g_object_ref_sink (wrapped_label ());
  gint label_min, label_nat;

  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, &label_min, &label_nat, NULL, NULL);
  g_assert_cmpint (label_min, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *bin;
      g_autoptr(GtkWidget) scroller = scrolled_page (&bin, cases[i].vertical_policy,
                                                     cases[i].propagate_natural_height);
      gint bin_min, bin_nat;

      gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, -1, &bin_min, &bin_nat, NULL, NULL);
      g_assert_cmpint (bin_min, ==, cases[i].used ? label_min : 0);
      g_assert_cmpint (bin_nat, ==, cases[i].used ? label_nat : 0);
    }
}

/* The child is the bin's: replaced and disposed with it. */
static void
test_child (void)
{
  g_autoptr(GtkWidget) bin = g_object_ref_sink (g_object_new (MFA_TYPE_HEIGHT_FOR_WIDTH_BIN, NULL));
  GtkWidget *first = wrapped_label ();
  GtkWidget *second = wrapped_label ();
  gint min = -1;

  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, 100, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, ==, 0);
  mfa_height_for_width_bin_set_child (MFA_HEIGHT_FOR_WIDTH_BIN (bin), first);
  g_assert_true (gtk_widget_get_parent (first) == bin);
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  mfa_height_for_width_bin_set_child (MFA_HEIGHT_FOR_WIDTH_BIN (bin), second);
  g_assert_null (first);
  g_assert_true (mfa_height_for_width_bin_get_child (MFA_HEIGHT_FOR_WIDTH_BIN (bin)) == second);
  g_object_add_weak_pointer (G_OBJECT (second), (gpointer *) &second);
  g_clear_object (&bin);
  g_assert_null (second);
}

int
main (int    argc,
      char **argv)
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/height-for-width-bin/same-answers", test_same_answers);
  g_test_add_func ("/height-for-width-bin/height-without-width", test_height_without_width);
  g_test_add_func ("/height-for-width-bin/child", test_child);
  return g_test_run ();
}
