/* command-run.c: runs one of our commands as a script would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>

#include "command-run.h"

void
test_run_clear (TestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
test_run_mfa_diag (TestRun             *run,
                   const gchar         *subcommand,
                   const gchar * const *args,
                   const gchar         *input)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (g_getenv ("MFA_DIAG"));
  g_strv_builder_add (builder, g_getenv ("MFA_DIAG"));
  g_strv_builder_add (builder, subcommand);
  g_strv_builder_addv (builder, (const gchar **) args);
  argv = g_strv_builder_end (builder);

  test_run_clear (run);
  /* Standard input is a pipe even with nothing to say: a command never
   * waits on the terminal or reads the test runner's input. */
  process = g_subprocess_newv ((const gchar * const *) argv,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                 | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}
