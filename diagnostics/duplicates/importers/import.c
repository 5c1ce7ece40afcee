/* import.c: choosing the importer for a file and reading collections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "google.h"
#include "import-common.h"
#include "mfa-error.h"
#include "mfa-json-depth.h"
#include "qr/qr-image.h"

/* JSON formats first, the most specific detection first. */
const MfaImporter *const mfa_importers[] = {
  &mfa_importer_aegis,
  &mfa_importer_2fas,
  &mfa_importer_authenticator_pro,
  &mfa_importer_proton,
  &mfa_importer_freeotp_plus,
  &mfa_importer_bitwarden,
  &mfa_importer_andotp,
  &mfa_importer_google,
  &mfa_importer_freeotp,
  &mfa_importer_bitwarden_csv,
  &mfa_importer_uri,
  NULL,
};
#define N_IMPORTERS (G_N_ELEMENTS (mfa_importers) - 1)

gboolean
mfa_import_format_from_string (const gchar     *text,
                               MfaImportFormat *format)
{
  if (g_strcmp0 (text, "auto") == 0)
    {
      *format = MFA_IMPORT_AUTO;
      return TRUE;
    }
  for (gsize i = 0; i < N_IMPORTERS; i++)
    if (g_strcmp0 (text, mfa_importers[i]->name) == 0)
      {
        *format = mfa_importers[i]->format;
        return TRUE;
      }
  return FALSE;
}

const gchar *
mfa_import_format_to_string (MfaImportFormat format)
{
  for (gsize i = 0; i < N_IMPORTERS; i++)
    if (mfa_importers[i]->format == format)
      return mfa_importers[i]->name;
  return "auto";
}

gchar *
mfa_import_format_list (void)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (gsize i = 0; i < N_IMPORTERS; i++)
    {
      if (i > 0)
        g_string_append (list, i + 1 == N_IMPORTERS ? _(" or ") : _(", "));
      g_string_append (list, mfa_importers[i]->name);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* The JSON tree holds every key (and, in a Bitwarden export, passwords) as
 * strings: overwrite them before the tree is freed. */
static void
wipe_json (JsonNode *node)
{
  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        wipe_json (member);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        wipe_json (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    mfa_wipe_string ((gchar *) json_node_get_string (node));
}

void
mfa_import_json_free (JsonNode *node)
{
  if (node == NULL)
    return;
  wipe_json (node);
  json_node_unref (node);
}

/* Text as far as its first 4 KiB tell: no NUL, and UTF-8 (a character cut
 * by the end of that window aside). An encrypted backup's random bytes
 * fail this within a few bytes. */
static gboolean
starts_as_text (const gchar *data,
                gsize        len)
{
  gsize window = MIN (len, 4096);
  const gchar *end = NULL;

  if (memchr (data, '\0', window) != NULL)
    return FALSE;
  if (g_utf8_validate_len (data, window, &end))
    return TRUE;
  return window < len && (gsize) (end - data) + 4 > window;
}

/* JSON text: "{" or "[" first, after white space. Not a test of the first
 * byte alone: an andOTP backup in its old layout begins with a random IV,
 * one in 128 of them with "{" or "[". */
static gboolean
looks_like_json (const gchar *data,
                 gsize        len)
{
  gsize skip = 0;

  while (skip < len && g_ascii_isspace (data[skip]))
    skip++;
  return skip < len && (data[skip] == '{' || data[skip] == '[') && starts_as_text (data, len);
}

JsonNode *
mfa_import_parse_json (const gchar  *data,
                       gsize         len,
                       GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  /* Exports and the decrypted vaults read through here alike. */
  if (!mfa_json_check_depth (data, len, _("the export"), MFA_ERROR_INVALID_EXPORT, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT,
                   _("the file looks like JSON but is damaged: %s"), local_error->message);
      return NULL;
    }
  /* json-glib takes a text of only white space as a document with no root:
   * a vault that decrypts to nothing is as damaged as any other. */
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT,
                           _("the file looks like JSON but is damaged: it holds no value"));
      return NULL;
    }
  return json_parser_steal_root (parser);
}

/* Apps that keep their entries to themselves leave files a user may find
 * on a rooted phone or in a backup: say there is no export, and what to
 * look at instead. TRUE with error set when it is one of them. */
static gboolean
refuse_no_export (GError **error)
{
  g_set_error (error, MFA_ERROR, MFA_ERROR_UNSUPPORTED,
               _("this is an app's database, not an export. Microsoft Authenticator and Authy "
                 "offer no export: look through their list in the app for entries with the "
                 "same account name, and check each with the code check"));
  return TRUE;
}

static gboolean
from_app_without_export (const MfaImportInput  *input,
                         GError               **error)
{
  static const gchar *const marks[] = { "com.authy.storage", "com.azure.authenticator",
                                        "PhoneFactor" };
  gsize window = MIN (input->len, 65536);

  for (gsize i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_strstr_len (input->data, window, marks[i]) != NULL)
      return refuse_no_export (error);
  return FALSE;
}

gchar *
mfa_import_app_list (void)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (gsize i = 0; i < N_IMPORTERS; i++)
    {
      if (i > 0)
        g_string_append (list, _(", "));
      g_string_append (list, mfa_importers[i]->title);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static const MfaImporter *
choose_importer (const MfaImportInput  *input,
                 MfaImportFormat        format,
                 GError               **error)
{
  for (gsize i = 0; i < N_IMPORTERS; i++)
    {
      if (format != MFA_IMPORT_AUTO && mfa_importers[i]->format == format)
        return mfa_importers[i];
      if (format == MFA_IMPORT_AUTO && mfa_importers[i]->detect (input))
        return mfa_importers[i];
    }
  if (from_app_without_export (input, error))
    return NULL;
  {
    g_autofree gchar *known = mfa_import_app_list ();

    g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT,
                 _("this is no authenticator export this tool knows (%s)"), known);
  }
  return NULL;
}

static gboolean
import_into (const MfaImportInput  *input_template,
             MfaImportFormat        format,
             GPtrArray             *entries,
             GError               **error)
{
  MfaImportInput input = *input_template;
  g_autoptr(JsonNode) json = NULL;
  const MfaImporter *importer;
  gboolean ok;

  if (looks_like_json (input.data, input.len))
    {
      json = mfa_import_parse_json_lazy (&input, error);
      if (json == NULL)
        return FALSE;
      input.json = json;
    }
  importer = choose_importer (&input, format, error);
  if (importer == NULL)
    ok = FALSE;
  else if (!importer->reads_text && json == NULL)
    ok = mfa_import_fail (error, _("exports from %s are JSON, and this file is not"),
                          importer->title);
  else
    ok = importer->parse (&input, entries, error);
  if (json != NULL)
    mfa_import_json_free (g_steal_pointer (&json));
  if (input.state->lazy != NULL)
    g_ptr_array_set_size (input.state->lazy, 0);
  return ok;
}

/* Each QR code's text is one line of an otpauth:// list. */
static gboolean
import_image (const MfaImportInput  *input,
              GPtrArray             *entries,
              GError               **error)
{
  g_autoptr(GPtrArray) symbols = mfa_qr_find_in_data ((const guint8 *) input->data, input->len,
                                                      error);

  if (symbols == NULL)
    return FALSE;
  if (symbols->len == 0)
    return mfa_import_fail (error, _("the image holds no QR code that could be read"));
  for (guint i = 0; i < symbols->len; i++)
    {
      MfaQrSymbol *symbol = g_ptr_array_index (symbols, i);
      MfaImportInput text = *input;
      GError *code_error = NULL;
      guint keep = entries->len;

      text.data = symbol->text;
      text.len = symbol->len;
      input->state->qr_code = i + 1;
      if (!import_into (&text, MFA_IMPORT_URI, entries, &code_error))
        mfa_import_skip (input, entries, keep, MFA_IMPORT_AT_QR_CODE, i + 1, code_error);
    }
  input->state->qr_code = 0;
  return TRUE;
}

static gboolean
looks_binary (const gchar *data,
              gsize        len)
{
  return memchr (data, '\0', len) != NULL || !g_utf8_validate (data, len, NULL);
}

/* Files that are no export but that users give all the same: backups
 * encrypted in ways no password here opens, and the databases of apps
 * that have no export at all. TRUE when it is one, with error set. */
#define JAVA_SERIALIZATION_MAGIC "\xac\xed\x00\x05"
#define SQLITE_MAGIC "SQLite format 3"

static gboolean
refuse_known_binary (const MfaImportInput  *input,
                     GError               **error)
{
  if (input->len >= 4 && memcmp (input->data, JAVA_SERIALIZATION_MAGIC, 4) == 0)
    return !mfa_import_refuse_encrypted (error, "FreeOTP",
                                        _("FreeOTP has no plain export: compare the entries in "
                                          "FreeOTP itself, or import the backup into Aegis "
                                          "and export its vault from there"));
  if (input->len >= strlen (SQLITE_MAGIC)
      && memcmp (input->data, SQLITE_MAGIC, strlen (SQLITE_MAGIC)) == 0)
    return refuse_no_export (error);
  return FALSE;
}

/* Binary files: encrypted andOTP backups (named *.json.aes by andOTP, or
 * given with --format andotp), or files we can name. */
static gboolean
import_binary (const MfaImportInput  *input,
               MfaImportFormat        format,
               GPtrArray             *entries,
               GError               **error)
{
  if (format == MFA_IMPORT_ANDOTP
      || (format == MFA_IMPORT_AUTO && g_str_has_suffix (input->file, ".aes")))
    return mfa_andotp_parse_encrypted (input, entries, error);
  if (refuse_known_binary (input, error))
    return FALSE;
  return mfa_import_fail (error, _("this is a binary file, and no authenticator export this tool "
                                   "knows (encrypted andOTP backups are read when their name "
                                   "ends in .aes)"));
}

/* Reads the bytes of one file, where they lie (a mapping of the file):
 * every reader takes data and len, none needs a NUL at the end. */
static gboolean
import_bytes (const MfaImportInput  *input,
              MfaImportFormat        format,
              GPtrArray             *entries,
              GError               **error)
{
  if (mfa_qr_is_image ((const guint8 *) input->data, input->len))
    return import_image (input, entries, error);
  if (looks_like_json (input->data, input->len))
    return import_into (input, format, entries, error);
  if (looks_binary (input->data, input->len))
    return import_binary (input, format, entries, error);
  /* Blank lines and comments only: no export this tool could name. */
  if (!mfa_import_first_line_is (input, ""))
    return mfa_import_fail (error, _("the file holds no entries"));
  return import_into (input, format, entries, error);
}

/* Reads one file's entries into entries; entries it cannot read are
 * recorded in the state. A file that yields nothing at all, neither
 * entries nor skipped ones, is an error: an empty list is no all-clear. */
static gboolean
import_input (const MfaImportInput  *input,
              MfaImportFormat        format,
              GPtrArray             *entries,
              GError               **error)
{
  guint n_entries = entries->len;
  guint n_skipped = input->state->skipped->len;

  input->state->next_index = 0;
  if (!import_bytes (input, format, entries, error))
    return FALSE;
  if (entries->len == n_entries && input->state->skipped->len == n_skipped)
    return mfa_import_fail (error, _("the file holds no entries"));
  return TRUE;
}

static gboolean
map_file (const gchar   *file,
          GMappedFile  **mapped,
          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GStatBuf info;

  /* Mapping a folder fails with "No such device"; say what it is. */
  if (g_file_test (file, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_IO,
                   _("this is a folder; give the export file inside it"));
      return FALSE;
    }
  /* Devices and pipes map to nothing useful, or never end (/dev/zero). */
  if (g_stat (file, &info) == 0 && !S_ISREG (info.st_mode))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_IO,
                   _("not a regular file (a device, a pipe or a folder)"));
      return FALSE;
    }
  *mapped = g_mapped_file_new (file, FALSE, &local_error);
  if (*mapped == NULL)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }
  if (g_mapped_file_get_length (*mapped) > MFA_IMPORT_MAX_FILE_SIZE)
    {
      g_autofree gchar *limit = g_format_size (MFA_IMPORT_MAX_FILE_SIZE);

      return mfa_import_fail (error, _("the file is larger than any authenticator export (at "
                                       "most %s are read)"), limit);
    }
  return TRUE;
}

static gboolean
import_file (const gchar      *file,
             const gchar      *name,
             MfaImportFormat   format,
             MfaImportState   *state,
             GPtrArray        *entries,
             GError          **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  MfaImportInput input = { name, "", 0, NULL, state };

  if (!map_file (file, &mapped, error))
    return FALSE;
  input.len = g_mapped_file_get_length (mapped);
  if (input.len > 0)
    input.data = g_mapped_file_get_contents (mapped);
  return import_input (&input, format, entries, error);
}

/* The same file under another name counts too (./a.json and a.json). */
static gboolean
given_before (const gchar * const *files,
              guint                position)
{
  GStatBuf this_file;

  if (g_stat (files[position], &this_file) != 0)
    return FALSE;
  for (guint i = 0; i < position; i++)
    {
      GStatBuf earlier;

      if (g_stat (files[i], &earlier) == 0 && earlier.st_dev == this_file.st_dev
          && earlier.st_ino == this_file.st_ino)
        return TRUE;
    }
  return FALSE;
}

void
mfa_import_result_free (MfaImportResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->entries);
  g_ptr_array_unref (result->skipped);
  g_free (result);
}

static MfaImportResult *
import_result_new (void)
{
  MfaImportResult *result = g_new0 (MfaImportResult, 1);

  result->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) mfa_import_entry_free);
  result->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) mfa_import_skip_free);
  return result;
}

/* A whole file (or an incomplete Google export) that could not be read. */
static void
skip_file (MfaImportState *state,
           const gchar    *name,
           GError         *error)
{
  MfaImportInput input = { name, "", 0, NULL, state };
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  mfa_import_skip (&input, none, 0, MFA_IMPORT_AT_FILE, 0, error);
}

/* Nothing could be read: one reason, or the first of several. The error
 * keeps the first reason's code, so callers can ask for a password. */
static void
fail_unread (const MfaImportResult  *result,
             GError                **error)
{
  const MfaImportSkip *first = g_ptr_array_index (result->skipped, 0);
  g_autofree gchar *described = mfa_import_skip_describe (first);

  if (result->skipped->len == 1)
    g_set_error_literal (error, MFA_ERROR, first->code, described);
  else
    g_set_error (error, MFA_ERROR, first->code,
                 g_dngettext (GETTEXT_PACKAGE,
                              "no entry could be read; %s (and %u more problem)",
                              "no entry could be read; %s (and %u more problems)",
                              result->skipped->len - 1),
                 described, result->skipped->len - 1);
}

/* All files together are bounded too: memory grows with what is read. */
static gboolean
check_total_size (const gchar * const  *files,
                  GError              **error)
{
  guint64 total = 0;

  for (guint i = 0; files[i] != NULL; i++)
    {
      GStatBuf info;

      if (g_stat (files[i], &info) == 0 && S_ISREG (info.st_mode))
        total += info.st_size;
    }
  if (total > MFA_IMPORT_MAX_TOTAL_SIZE)
    {
      g_autofree gchar *given = g_format_size (total);
      g_autofree gchar *limit = g_format_size (MFA_IMPORT_MAX_TOTAL_SIZE);

      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("the files given hold %s together; at most %s of exports are read at "
                     "once, more than any authenticator's: give fewer files"),
                   given, limit);
      return FALSE;
    }
  return TRUE;
}

MfaImportResult *
mfa_import_read (const gchar * const *files,
                 const gchar * const *names,
                 MfaImportFormat      format,
                 const gchar         *password,
                 GError             **error)
{
  g_autoptr(MfaImportResult) result = import_result_new ();
  g_autoptr(MfaGoogleBatches) batches = mfa_google_batches_new ();
  g_autoptr(GPtrArray) lazy = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  MfaImportState state = { batches, result->skipped, password, 0, 0, lazy,
                           MFA_IMPORT_LAZY_THRESHOLD };
  GError *batch_error = NULL;

  if (!check_total_size (files, error))
    return NULL;
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree gchar *display = names != NULL ? g_strdup (names[i])
                                                : g_filename_display_name (files[i]);
      GError *file_error = NULL;

      if (given_before (files, i))
        {
          /* Read twice, every entry would look like a harmless copy. */
          g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                       _("%s: the same file is given twice"), display);
          return NULL;
        }
      if (!import_file (files[i], display, format, &state, result->entries, &file_error))
        skip_file (&state, display, file_error);
    }
  if (!mfa_google_batches_check (batches, &batch_error))
    skip_file (&state, "", batch_error);
  if (result->entries->len == 0)
    {
      fail_unread (result, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

/* The strict readers: the first entry that could not be read fails all. */
static GPtrArray *
strict_entries (MfaImportResult  *taken,
                GError          **error)
{
  g_autoptr(MfaImportResult) result = taken;

  if (result == NULL)
    return NULL;
  if (result->skipped->len > 0)
    {
      const MfaImportSkip *first = g_ptr_array_index (result->skipped, 0);
      g_autofree gchar *described = mfa_import_skip_describe (first);

      g_set_error_literal (error, MFA_ERROR, first->code, described);
      return NULL;
    }
  return g_ptr_array_ref (result->entries);
}

GPtrArray *
mfa_import_data (const gchar      *file,
                 const gchar      *data,
                 gsize             len,
                 MfaImportFormat   format,
                 GError          **error)
{
  g_autoptr(MfaImportResult) result = import_result_new ();
  g_autoptr(MfaGoogleBatches) batches = mfa_google_batches_new ();
  g_autoptr(GPtrArray) lazy = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  MfaImportState state = { batches, result->skipped, NULL, 0, 0, lazy,
                           MFA_IMPORT_LAZY_THRESHOLD };
  MfaImportInput input = { file, data, len, NULL, &state };
  GError *local_error = NULL;

  if (!import_input (&input, format, result->entries, error))
    return NULL;
  if (!mfa_google_batches_check (batches, &local_error))
    skip_file (&state, file, local_error);
  return strict_entries (g_steal_pointer (&result), error);
}

GPtrArray *
mfa_import_files (const gchar * const *files,
                  MfaImportFormat      format,
                  GError             **error)
{
  return mfa_import_files_named (files, NULL, format, error);
}

GPtrArray *
mfa_import_files_named (const gchar * const *files,
                        const gchar * const *names,
                        MfaImportFormat      format,
                        GError             **error)
{
  return strict_entries (mfa_import_read (files, names, format, NULL, error), error);
}
