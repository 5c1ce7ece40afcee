/* diag-commands.h: the subcommands of mfa-diag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

int mfa_diag_code_main (int    argc,
                        char **argv);
int mfa_diag_duplicates_main (int    argc,
                              char **argv);
int mfa_diag_flows_main (int    argc,
                         char **argv);
int mfa_diag_clock_main (int    argc,
                        char **argv);
