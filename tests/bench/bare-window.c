/* bare-window.c: the baseline for tests/bench/startup.sh — an AdwApplication
 * with one 720×600 AdwApplicationWindow holding only an AdwHeaderBar, and
 * default (unique) flags like the app, quitting after its first frame exactly as
 * mfa-troubleshooter does under MFA_BENCH_QUIT_AFTER_FIRST_FRAME.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

static void
quit_after_paint (GdkFrameClock *clock,
                  gpointer       user_data)
{
  const gchar *record = g_getenv ("MFA_BENCH_FIRST_FRAME_FILE");

  g_signal_handlers_disconnect_by_func (clock, quit_after_paint, user_data);
  if (record != NULL)
    {
      g_autofree gchar *now = g_strdup_printf ("%" G_GINT64_FORMAT "\n", g_get_real_time ());

      g_file_set_contents (record, now, -1, NULL);
    }
  g_application_quit (G_APPLICATION (user_data));
}

static void
activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (content), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), content);

  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 600);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (quit_after_paint), app);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.mfatroubleshooter.BareWindow",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
