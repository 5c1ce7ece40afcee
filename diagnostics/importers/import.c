/* import.c: choosing the importer for a file and reading collections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
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
static const MfaImporter *const importers[] = {
  &mfa_importer_aegis,
  &mfa_importer_2fas,
  &mfa_importer_freeotp,
  &mfa_importer_bitwarden,
  &mfa_importer_andotp,
  &mfa_importer_google,
  &mfa_importer_uri,
};

gboolean
mfa_import_format_from_string (const gchar     *text,
                               MfaImportFormat *format)
{
  if (g_strcmp0 (text, "auto") == 0)
    {
      *format = MFA_IMPORT_AUTO;
      return TRUE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (importers); i++)
    if (g_strcmp0 (text, importers[i]->name) == 0)
      {
        *format = importers[i]->format;
        return TRUE;
      }
  return FALSE;
}

const gchar *
mfa_import_format_to_string (MfaImportFormat format)
{
  for (gsize i = 0; i < G_N_ELEMENTS (importers); i++)
    if (importers[i]->format == format)
      return importers[i]->name;
  return "auto";
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

static void
json_node_wipe_and_free (JsonNode *node)
{
  wipe_json (node);
  json_node_unref (node);
}

static gboolean
looks_like_json (const gchar *data,
                 gsize        len)
{
  gsize skip = 0;

  while (skip < len && g_ascii_isspace (data[skip]))
    skip++;
  return skip < len && (data[skip] == '{' || data[skip] == '[');
}

static JsonNode *
parse_json (const gchar  *data,
            gsize         len,
            GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  if (!mfa_json_check_depth (data, len, _("the export"), MFA_ERROR_INVALID_EXPORT, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT,
                   _("the file looks like JSON but is damaged: %s"), local_error->message);
      return NULL;
    }
  return json_parser_steal_root (parser);
}

static const MfaImporter *
choose_importer (const MfaImportInput  *input,
                 MfaImportFormat        format,
                 GError               **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (importers); i++)
    {
      if (format != MFA_IMPORT_AUTO && importers[i]->format == format)
        return importers[i];
      if (format == MFA_IMPORT_AUTO && importers[i]->detect (input))
        return importers[i];
    }
  g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT,
               _("this is no authenticator export this tool knows (otpauth:// lists, Google "
                 "Authenticator, Aegis, andOTP, 2FAS, FreeOTP+, Bitwarden)"));
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
      json = parse_json (input.data, input.len, error);
      if (json == NULL)
        return FALSE;
      input.json = json;
    }
  importer = choose_importer (&input, format, error);
  if (importer == NULL)
    ok = FALSE;
  else if (importer->format >= MFA_IMPORT_AEGIS && json == NULL)
    ok = mfa_import_fail (error, _("a %s export is JSON, and this file is not"),
                          importer->title);
  else
    ok = importer->parse (&input, entries, error);
  if (json != NULL)
    json_node_wipe_and_free (g_steal_pointer (&json));
  return ok;
}

GPtrArray *
mfa_import_data (const gchar      *file,
                 const gchar      *data,
                 gsize             len,
                 MfaImportFormat   format,
                 GError          **error)
{
  g_autoptr(GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) mfa_import_entry_free);
  g_autoptr(MfaGoogleBatches) batches = mfa_google_batches_new ();
  MfaImportInput input = { file, data, len, NULL, batches };

  if (!import_into (&input, format, entries, error) || !mfa_google_batches_check (batches, error))
    return NULL;
  return g_steal_pointer (&entries);
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

      text.data = symbol->text;
      text.len = symbol->len;
      if (!import_into (&text, MFA_IMPORT_URI, entries, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_file (const gchar       *file,
             const gchar       *name,
             MfaImportFormat    format,
             MfaGoogleBatches  *batches,
             GPtrArray         *entries,
             GError           **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  MfaImportInput input = { name, NULL, 0, NULL, batches };
  g_autofree gchar *copy = NULL;
  GStatBuf info;
  gboolean ok;

  if (g_stat (file, &info) == 0 && !S_ISREG (info.st_mode))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_IO,
                   _("not a regular file (a device, a pipe or a folder)"));
      return FALSE;
    }
  mapped = g_mapped_file_new (file, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }
  input.len = g_mapped_file_get_length (mapped);
  if (input.len > MFA_IMPORT_MAX_FILE_SIZE)
    return mfa_import_fail (error, _("the file is larger than any authenticator export"));
  /* JSON and images are read straight from the mapping (the file itself,
   * already on disk). The line readers need a NUL at the end: they get a
   * copy, wiped after use. */
  input.data = input.len > 0 ? g_mapped_file_get_contents (mapped) : "";
  if (mfa_qr_is_image ((const guint8 *) input.data, input.len))
    return import_image (&input, entries, error);
  if (looks_like_json (input.data, input.len))
    return import_into (&input, format, entries, error);
  copy = g_strndup (input.data, input.len);
  input.data = copy;
  ok = import_into (&input, format, entries, error);
  mfa_wipe (copy, input.len);
  return ok;
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
  g_autoptr(GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) mfa_import_entry_free);
  g_autoptr(MfaGoogleBatches) batches = mfa_google_batches_new ();

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree gchar *display = names != NULL ? g_strdup (names[i])
                                                : g_filename_display_name (files[i]);

      if (given_before (files, i))
        {
          /* Read twice, every entry would look like a harmless copy. */
          g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                       _("%s: the same file is given twice"), display);
          return NULL;
        }
      if (!import_file (files[i], names != NULL ? names[i] : files[i], format, batches, entries,
                        &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code, "%s: %s", display,
                       local_error->message);
          return NULL;
        }
    }
  if (!mfa_google_batches_check (batches, error))
    return NULL;
  return g_steal_pointer (&entries);
}
