/* diag-duplicates.c: mfa-diag duplicates — stale authenticator entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "diag-duplicates"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cli-common.h"
#include "cli-json.h"
#include "diag-commands.h"
#include "mfadiag.h"

/* A password is a line of text; a longer file is no password file. */
#define MAX_PASSWORD_FILE_SIZE 4096

typedef struct
{
  gchar    *format;
  gchar    *password_file;
  gboolean  json;
  gboolean  list_formats;
  gchar   **files;
} DuplicatesOptions;

static void
duplicates_options_clear (DuplicatesOptions *options)
{
  g_free (options->format);
  g_free (options->password_file);
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
  g_autofree gchar *summary = mfa_duplicate_report_summarize (report);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Read %u entry.\n", "Read %u entries.\n",
                        report->n_entries),
           report->n_entries);
  for (guint i = 0; i < report->groups->len; i++)
    print_group (g_ptr_array_index (report->groups, i));
  if (report->skipped->len > 0)
    g_print ("%s\n", _("Could not be read (skipped):"));
  for (guint i = 0; i < report->skipped->len; i++)
    {
      g_autofree gchar *skip = mfa_import_skip_describe (g_ptr_array_index (report->skipped, i));

      g_print ("  %s\n", skip);
    }
  g_print ("%s\n", summary);
}

/* The documentation (README, man page) lists exactly these; a test
 * compares them. */
static void
list_formats (void)
{
  for (guint i = 0; mfa_importers[i] != NULL; i++)
    g_print ("%s\t%s\t%s\n", mfa_importers[i]->name, mfa_importers[i]->title,
             _(mfa_importers[i]->files));
}

/* The password file's text, without the line end an editor or echo adds:
 * a password is never taken from the command line, where ps shows it. */
static gchar *
read_password (const gchar  *path,
               GError      **error)
{
  gchar *password = mfa_read_secret_file (path, MAX_PASSWORD_FILE_SIZE, error);
  gsize len;

  if (password == NULL)
    return NULL;
  len = strlen (password);
  if (len > 0 && password[len - 1] == '\n')
    password[--len] = '\0';
  if (len > 0 && password[len - 1] == '\r')
    password[--len] = '\0';
  if (len == 0 || !g_utf8_validate (password, len, NULL))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   len == 0 ? _("the password file is empty")
                            : _("the password file does not hold UTF-8 text"));
      mfa_free_string (password);
      return NULL;
    }
  return password;
}

static int
run (const DuplicatesOptions *options,
     MfaImportFormat          format,
     const gchar             *password)
{
  g_autoptr(MfaImportResult) imported = NULL;
  g_autoptr(MfaAliasTable) aliases = mfa_alias_table_new ();
  g_autoptr(MfaDuplicateReport) report = NULL;
  g_autoptr(GError) error = NULL;

  imported = mfa_import_read ((const gchar * const *) options->files, NULL, format, password,
                              &error);
  if (imported == NULL && g_error_matches (error, MFA_ERROR, MFA_ERROR_ENCRYPTED_EXPORT))
    return mfa_cli_fail (_("%s (give it with --password-file FILE, or --password-file - to type "
                           "it)"), error->message);
  if (imported == NULL)
    return mfa_cli_fail ("%s", error->message);
  report = mfa_duplicates_find_in_result (imported, aliases);
  if (options->json)
    {
      g_autoptr(JsonNode) node = mfa_duplicate_report_to_json (report);

      mfa_cli_print_json (node);
    }
  else
    print_report (report);
  return report->groups->len == 0 ? MFA_EXIT_OK : MFA_EXIT_PROBLEM;
}

int
mfa_diag_duplicates_main (int    argc,
                          char **argv)
{
  g_auto(DuplicatesOptions) options = { 0 };
  g_autofree gchar *formats = mfa_import_format_list ();
  g_autofree gchar *format_help =
    g_strdup_printf (_("The export's format: auto (the default), %s"), formats);
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.format, format_help, N_("FORMAT") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &options.password_file,
      N_("Read the password of encrypted exports from FILE; - for standard input"),
      N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json, N_("Print the result as JSON"), NULL },
    { "list-formats", 0, 0, G_OPTION_ARG_NONE, &options.list_formats,
      N_("List the formats read, one a line: name, app, files"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(MfaSecretString) password = NULL;
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
  if (options.list_formats)
    {
      list_formats ();
      return MFA_EXIT_OK;
    }
  if (options.format != NULL && !mfa_import_format_from_string (options.format, &format))
    return mfa_cli_fail (_("--format must be auto, %s; not “%s”"), formats, options.format);
  if (options.format != NULL && g_str_equal (options.format, "freeotp"))
    g_printerr ("%s\n", _("Note: --format freeotp reads FreeOTP's tokens.xml and, as before, "
                          "FreeOTP+ exports; --format freeotp-plus names FreeOTP+ alone."));
  if (options.files == NULL || options.files[0] == NULL)
    return mfa_cli_fail (_("give at least one exported FILE"));
  if (options.password_file != NULL)
    {
      password = read_password (options.password_file, &error);
      if (password == NULL)
        return mfa_cli_fail ("%s", error->message);
    }
  return run (&options, format, password);
}
