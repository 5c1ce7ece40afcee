/* diag-program.c: the main of one mfa-diag command built as a program of its
 * own (see mfa-diag.c); MFA_DIAG_COMMAND and MFA_DIAG_COMMAND_MAIN name it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "diag-program"

#include "config.h"

#include "cli-common.h"
#include "diag-commands.h"

int
main (int    argc,
      char **argv)
{
  mfa_cli_init ("mfa-diag " MFA_DIAG_COMMAND);
  return MFA_DIAG_COMMAND_MAIN (argc, argv);
}
