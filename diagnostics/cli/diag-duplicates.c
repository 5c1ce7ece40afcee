/* diag-duplicates.c: mfa-diag duplicates — stale authenticator entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cli-common.h"
#include "cli-json.h"
#include "diag-commands.h"
#include "mfadiag.h"

typedef struct
{
  gchar    *format;
  gboolean  json;
  gchar   **files;
} DuplicatesOptions;

static void
duplicates_options_clear (DuplicatesOptions *options)
{
  g_free (options->format);
  g_strfreev (options->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DuplicatesOptions, duplicates_options_clear)

static void
print_group (const MfaDuplicateGroup *group)
{
  g_autofree gchar *sentence = mfa_duplicate_group_describe (group);

  g_print ("%s\n", sentence);
  for (guint i = 0; i < group->members->len; i++)
    {
      g_autofree gchar *member =
        mfa_duplicate_entry_describe (g_ptr_array_index (group->members, i));

      g_print ("  %s\n", member);
    }
}

static void
print_report (const MfaDuplicateReport *report)
{
  g_print (g_dngettext (GETTEXT_PACKAGE, "Read %u entry.\n", "Read %u entries.\n",
                        report->n_entries),
           report->n_entries);
  if (report->groups->len == 0)
    g_print ("%s\n", _("No account has more than one entry."));
  for (guint i = 0; i < report->groups->len; i++)
    print_group (g_ptr_array_index (report->groups, i));
}

int
mfa_diag_duplicates_main (int    argc,
                          char **argv)
{
  g_auto(DuplicatesOptions) options = { 0 };
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.format,
      N_("auto (default), uri, google, aegis, andotp, 2fas, freeotp or bitwarden"), N_("FORMAT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json, N_("Print the result as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(MfaAliasTable) aliases = mfa_alias_table_new ();
  g_autoptr(MfaDuplicateReport) report = NULL;
  g_autoptr(GError) error = NULL;
  MfaImportFormat format = MFA_IMPORT_AUTO;
  int status;

  mfa_secret_protect_process (); /* decrypted vaults and keys: no core dump */
  g_option_context_set_summary (context, _("Find accounts with several authenticator entries "
                                           "in an export. Several FILEs are read as one "
                                           "collection."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  status = mfa_cli_parse (context, &argc, &argv);
  if (status != MFA_EXIT_OK)
    return status;
  if (options.format != NULL && !mfa_import_format_from_string (options.format, &format))
    return mfa_cli_fail (_("--format must be auto, uri, google, aegis, andotp, 2fas, freeotp "
                           "or bitwarden, not “%s”"), options.format);
  if (options.files == NULL || options.files[0] == NULL)
    return mfa_cli_fail (_("give at least one exported FILE"));

  imported = mfa_import_files ((const gchar * const *) options.files, format, &error);
  if (imported == NULL)
    return mfa_cli_fail ("%s", error->message);
  report = mfa_duplicates_find (imported, aliases);
  if (options.json)
    {
      g_autoptr(JsonNode) node = mfa_duplicate_report_to_json (report);

      mfa_cli_print_json (node);
    }
  else
    print_report (report);
  return report->groups->len == 0 ? MFA_EXIT_OK : MFA_EXIT_PROBLEM;
}
