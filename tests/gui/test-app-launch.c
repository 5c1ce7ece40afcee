/* test-app-launch.c: the installed program starts without a GLib or GTK
 * warning and shows its window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <string.h>
#include <gio/gio.h>

static gboolean
stop_waiting (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_starts_cleanly (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GSubprocess) probe = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *windows = NULL;
  g_autofree gchar *err = NULL;
  g_autofree gchar *xwininfo = g_find_program_in_path ("xwininfo");
  gboolean waited = FALSE;

  if (xwininfo == NULL || g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("needs an X display and xwininfo");
      return;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", "fatal-warnings", TRUE);
  g_subprocess_launcher_setenv (launcher, "GDK_BACKEND", "x11", TRUE);
  app = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("MFA_TROUBLESHOOTER"), NULL);
  g_assert_no_error (error);

  /* Give it time to start and draw, then ask the X server for its window. */
  g_timeout_add (3000, stop_waiting, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  /* Still running: a fatal warning would have ended it by now. */
  g_assert_nonnull (g_subprocess_get_identifier (app));

  probe = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            "xwininfo", "-root", "-tree", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (probe, NULL, NULL, &windows, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (windows, "\"MFA Troubleshooter\""));

  g_subprocess_send_signal (app, SIGTERM);
  g_subprocess_communicate_utf8 (app, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
}

static gint
count (const gchar *haystack,
       const gchar *needle)
{
  gint n = 0;

  for (const gchar *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The X server's windows, their names in lower case. */
static gchar *
window_list (void)
{
  g_autoptr(GSubprocess) probe = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *windows = NULL;

  probe = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            "xwininfo", "-root", "-tree", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (probe, NULL, NULL, &windows, NULL, &error);
  g_assert_no_error (error);
  return g_ascii_strdown (windows, -1);
}

/* The running instance takes a later command line: an unknown topic is
 * told to the terminal that gave it (exit status 2) and leaves the open
 * window alone; a known one opens in that window, not in a second. */
static void
test_second_instance (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *xwininfo = g_find_program_in_path ("xwininfo");
  const gchar *program = g_getenv ("MFA_TROUBLESHOOTER");
  gboolean waited = FALSE;
  gint before;

  if (xwininfo == NULL || g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("needs an X display and xwininfo");
      return;
    }
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                        | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "GDK_BACKEND", "x11", TRUE);
  first = g_subprocess_launcher_spawn (launcher, &error, program, NULL);
  g_assert_no_error (error);
  g_timeout_add (3000, stop_waiting, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  {
    g_autofree gchar *windows = window_list ();

    before = count (windows, "\"mfa troubleshooter\"");
    g_assert_cmpint (before, >=, 1);
  }

  for (guint i = 0; i < 2; i++)
    {
      const gchar *topic = i == 0 ? "no-such-topic" : "sms-missing";
      g_autoptr(GSubprocess) later = NULL;
      g_autofree gchar *err = NULL;
      g_autofree gchar *windows = NULL;

      later = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                &error, program, "--topic", topic, NULL);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (later, NULL, NULL, NULL, &err, &error);
      g_assert_no_error (error);
      if (i == 0)
        {
          g_assert_cmpint (g_subprocess_get_exit_status (later), ==, 2);
          g_assert_nonnull (strstr (err, "There is no topic “no-such-topic”"));
        }
      else
        g_assert_cmpint (g_subprocess_get_exit_status (later), ==, 0);
      /* The first instance is still there, with as many windows; the
       * known topic is in its window, which the topic names. */
      g_assert_nonnull (g_subprocess_get_identifier (first));
      windows = window_list ();
      if (i == 0)
        g_assert_cmpint (count (windows, "\"mfa troubleshooter\""), ==, before);
      else
        g_assert_cmpint (count (windows, "\"sms codes do not arrive\""), ==, before);
    }
  g_subprocess_send_signal (first, SIGTERM);
  g_subprocess_wait (first, NULL, NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/starts-cleanly", test_starts_cleanly);
  g_test_add_func ("/app/second-instance", test_second_instance);
  return g_test_run ();
}
