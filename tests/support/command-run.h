/* command-run.h: runs one of our commands as a script would, and keeps
 * what it printed and how it exited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint   status;  /* the exit status */
  gchar *out;     /* standard output, UTF-8 */
  gchar *err;     /* standard error, UTF-8 */
} TestRun;

void test_run_clear   (TestRun             *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TestRun, test_run_clear)

/* Runs `mfa-diag SUBCOMMAND ARGS…` (the build's, from $MFA_DIAG); input,
 * when not NULL, is what it reads on standard input (else it reads
 * nothing). A command that cannot
 * be started fails the test. */
void test_run_mfa_diag (TestRun             *run,
                        const gchar         *subcommand,
                        const gchar * const *args,
                        const gchar         *input);

G_END_DECLS
