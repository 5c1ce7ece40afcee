/* cli-common.h: what every mfa-diag subcommand shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the design: all fine, a problem found, could not work. */
enum
{
  MFA_EXIT_OK = 0,
  MFA_EXIT_PROBLEM = 1,
  MFA_EXIT_FAILED = 2,
};

void   mfa_cli_init       (const gchar *prgname);
int    mfa_cli_fail       (const gchar *format,
                           ...) G_GNUC_PRINTF (1, 2);
int    mfa_cli_parse      (GOptionContext *context,
                           int            *argc,
                           char         ***argv);
gchar *mfa_cli_find_part  (const gchar *name,
                           const gchar *installed_dir);

G_END_DECLS
