/* mfa-ticket.c: ticket bundles for support staff and scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-ticket"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cli-common.h"
#include "ticket-commands.h"

int
main (int    argc,
      char **argv)
{
  const struct { const gchar *name; int (*main) (int, char **); const gchar *summary; } commands[] = {
    { "create", mfa_ticket_create_main, N_("Pack a ticket bundle") },
    { "verify", mfa_ticket_verify_main, N_("Check that a bundle is intact and safe") },
    { "show", mfa_ticket_show_main, N_("Print what a bundle says") },
    { "extract", mfa_ticket_extract_main, N_("Verify a bundle, then unpack it into a folder") },
  };

  mfa_cli_init ("mfa-ticket");

  if (argc >= 2 && g_str_equal (argv[1], "--version"))
    {
      g_print ("mfa-ticket %s\n", PACKAGE_VERSION);
      return MFA_EXIT_OK;
    }
  for (gsize i = 0; argc >= 2 && i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree gchar *prgname = g_strdup_printf ("mfa-ticket %s", commands[i].name);

        g_set_prgname (prgname);
        return commands[i].main (argc - 1, argv + 1);
      }
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      g_print ("%s\n\n%s\n", _("Usage: mfa-ticket COMMAND [OPTION…]"), _("Commands:"));
      for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
        g_print ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
      return argc < 2 ? MFA_EXIT_FAILED : MFA_EXIT_OK;
    }
  return mfa_cli_fail (_("unknown command “%s”; run “mfa-ticket --help” for the list"), argv[1]);
}
