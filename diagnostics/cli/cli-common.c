/* cli-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cli-common"

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "cli-common.h"

/* Translations, and the name error lines start with ("mfa-diag code"). */
void
mfa_cli_init (const gchar *prgname)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_set_prgname (prgname);
}

/* Where a part of the commands (a program, a module) is: beside the running
 * program when it is there (in the build tree, or an installation that keeps
 * them together), else in the folder it was installed to. */
gchar *
mfa_cli_find_part (const gchar *name,
                   const gchar *installed_dir)
{
  g_autofree gchar *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree gchar *dir = g_path_get_dirname (self);
      g_autofree gchar *beside = g_build_filename (dir, name, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&beside);
    }
  return g_build_filename (installed_dir, name, NULL);
}

/* One line on standard error, then the "could not do its work" status. */
int
mfa_cli_fail (const gchar *format,
              ...)
{
  g_autofree gchar *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  return MFA_EXIT_FAILED;
}

int
mfa_cli_parse (GOptionContext  *context,
               int             *argc,
               char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return mfa_cli_fail ("%s", error->message);
  return MFA_EXIT_OK;
}
