/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "main"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "mfa-application.h"
#include "mfa-secret.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(MfaApplication) app = NULL;

  mfa_secret_protect_process (); /* keys and decrypted vaults live in this process */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = mfa_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
