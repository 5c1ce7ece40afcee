/* ticket-commands.h: the subcommands of mfa-ticket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

int mfa_ticket_create_main  (int argc, char **argv);
int mfa_ticket_verify_main  (int argc, char **argv);
int mfa_ticket_show_main    (int argc, char **argv);
int mfa_ticket_extract_main (int argc, char **argv);
