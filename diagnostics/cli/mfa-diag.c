/* mfa-diag.c: the checks of MFA Troubleshooter for scripts and support staff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "cli-common.h"
#include "diag-commands.h"

typedef struct
{
  const gchar *name;
  int        (*main) (int argc, char **argv);
  const gchar *summary;
} Command;

static void
print_usage (const Command *commands,
             gsize          n_commands)
{
  g_print ("%s\n\n", _("Usage: mfa-diag COMMAND [OPTION…]"));
  g_print ("%s\n", _("Commands:"));
  for (gsize i = 0; i < n_commands; i++)
    g_print ("  %-12s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("Run “mfa-diag COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  const Command commands[] = {
    { "clock", mfa_diag_clock_main, N_("Measure how far this computer’s clock is off") },
    { "code", mfa_diag_code_main, N_("Find out why a verification code is rejected") },
    { "duplicates", mfa_diag_duplicates_main, N_("Find accounts with several authenticator entries") },
    { "flows", mfa_diag_flows_main, N_("Check troubleshooting flows for mistakes") },
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_set_prgname ("mfa-diag");

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage (commands, G_N_ELEMENTS (commands));
      return argc < 2 ? MFA_EXIT_FAILED : MFA_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("mfa-diag %s\n", PACKAGE_VERSION);
      return MFA_EXIT_OK;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree gchar *prgname = g_strdup_printf ("mfa-diag %s", commands[i].name);

        g_set_prgname (prgname);
        return commands[i].main (argc - 1, argv + 1);
      }
  return mfa_cli_fail (_("unknown command “%s”; run “mfa-diag --help” for the list"), argv[1]);
}
