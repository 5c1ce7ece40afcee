/* mfa-diag.c: the checks of MFA Troubleshooter for scripts and support staff
 *
 * This program runs `code` itself and hands every other command to a
 * program of its own (mfa-diag-clock, …), so that each loads only the
 * libraries it needs. `code` is the one that must start fast: support staff
 * and scripts run it code by code, and its whole search (±24 h under the
 * declared settings, ±5 min under the others) takes less time than loading
 * libsoup, zbar or json-glib would. Exec'ing a second program costs about
 * half a millisecond more, so it stays here, on GLib and nettle alone (its
 * QR reader is a module, loaded for --qr only).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-diag"

#include "config.h"

#include <errno.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "cli-common.h"
#include "diag-commands.h"

typedef struct
{
  const gchar *name;
  int        (*main) (int argc, char **argv); /* NULL: a program of its own */
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

/* Replaces this process with mfa-diag-COMMAND, given the same arguments. */
static int
run_program (const gchar  *command,
             char        **argv)
{
  g_autofree gchar *name = g_strconcat ("mfa-diag-", command, NULL);
  g_autofree gchar *path = mfa_cli_find_part (name, MFA_LIBEXECDIR);

  argv[0] = path;
  execv (path, argv);
  return mfa_cli_fail (_("cannot run %s: %s"), path, g_strerror (errno));
}

int
main (int    argc,
      char **argv)
{
  const Command commands[] = {
    { "clock", NULL, N_("Measure how far this computer’s clock is off") },
    { "code", mfa_diag_code_main, N_("Find out why a verification code is rejected") },
    { "duplicates", NULL, N_("Find accounts with several authenticator entries") },
    { "flows", NULL, N_("Check troubleshooting flows for mistakes") },
  };

  mfa_cli_init ("mfa-diag");

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
        if (commands[i].main == NULL)
          return run_program (commands[i].name, argv + 1);
        return commands[i].main (argc - 1, argv + 1);
      }
  return mfa_cli_fail (_("unknown command “%s”; run “mfa-diag --help” for the list"), argv[1]);
}
