/* bundle-reader.c: one streaming pass over a bundle, trusting nothing
 *
 * The manifest must come first; it is read whole (bounded) and every later
 * entry is checked against it as it streams by: safe path, regular file,
 * not seen before, listed, no larger than listed, and at its end the size
 * and SHA-256 the manifest gives. Limits on entries, sizes and compression
 * ratio stop bombs before they cost anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bundle-reader"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <nettle/sha2.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "bundle-reader.h"
#include "bundle-layout.h"
#include "mfa-error.h"
#include "mfa-json-depth.h"
#include "mfa-json-read.h"

#define BLOCK_SIZE (64 * 1024)

typedef struct
{
  struct archive *archive;
  int             fd;      /* checked by mfa_bundle_check_layout, then streamed */
  GPtrArray      *layout;  /* MfaBundleLayoutEntry: what each streamed entry must be */
  GHashTable     *listed;  /* path → MfaBundleFile, borrowed from the bundle */
  GHashTable     *seen;
  guint64         total_listed;
  guint64         done;
  guint           entries;
} Reader;

static gboolean
is_sha256_hex (const gchar *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const gchar *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

/* One item of the manifest's `files`. */
static MfaBundleFile *
parse_file (JsonNode  *node,
            guint      index,
            GError   **error)
{
  g_autoptr(MfaBundleFile) file = g_new0 (MfaBundleFile, 1);
  JsonObject *object;
  JsonNode *size;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                      _("manifest.json: files[%u] is not an object"), index);
      return NULL;
    }
  object = json_node_get_object (node);
  file->path = g_strdup (mfa_json_member_string (object, "path"));
  file->sha256 = g_strdup (mfa_json_member_string (object, "sha256"));
  file->media_type = g_strdup (mfa_json_member_string (object, "media_type"));
  file->kind = g_strdup (mfa_json_member_string (object, "kind"));
  file->caption = g_strdup (mfa_json_member_string (object, "caption"));
  size = json_object_get_member (object, "size");
  if (!mfa_bundle_path_is_safe (file->path) || g_str_equal (file->path, MFA_BUNDLE_MANIFEST))
    {
      mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                      _("manifest.json: files[%u] has an unsafe or missing path"), index);
      return NULL;
    }
  if (size == NULL || !JSON_NODE_HOLDS_VALUE (size)
      || json_node_get_value_type (size) != G_TYPE_INT64 || json_node_get_int (size) < 0
      || json_node_get_int (size) > MFA_BUNDLE_MAX_ENTRY_SIZE)
    {
      mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                      _("%s: the manifest gives no valid size (at most 256 MiB)"), file->path);
      return NULL;
    }
  file->size = json_node_get_int (size);
  if (!is_sha256_hex (file->sha256))
    {
      mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                      _("%s: the manifest gives no valid SHA-256"), file->path);
      return NULL;
    }
  return g_steal_pointer (&file);
}

static gboolean
parse_manifest (MfaBundle    *bundle,
                Reader       *reader,
                const gchar  *text,
                gsize         len,
                GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *version, *files;
  const gchar *format;

  if (!mfa_json_check_depth (text, len, MFA_BUNDLE_MANIFEST, MFA_ERROR_NOT_A_BUNDLE, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, text, len, &local_error)
      || mfa_json_object (json_parser_get_root (parser)) == NULL)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_NOT_A_BUNDLE,
                   _("manifest.json is not a JSON object: %s"),
                   local_error != NULL ? local_error->message : _("wrong type"));
      return FALSE;
    }
  bundle->manifest = json_node_ref (json_parser_get_root (parser));
  root = json_node_get_object (bundle->manifest);
  format = mfa_json_member_string (root, "format");
  version = json_object_get_member (root, "version");
  if (g_strcmp0 (format, MFA_BUNDLE_FORMAT) != 0)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_NOT_A_BUNDLE,
                   _("this is not a ticket bundle (format “%s”)"),
                   format != NULL ? format : _("none"));
      return FALSE;
    }
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version)
      || json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) < 1)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_NOT_A_BUNDLE, _("the bundle has no valid version"));
      return FALSE;
    }
  if (json_node_get_int (version) > MFA_BUNDLE_VERSION)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_NOT_A_BUNDLE,
                   _("the bundle is format version %lld, made by a newer "
                     "version of this app; this one reads version %d: update it"),
                   (long long) json_node_get_int (version), MFA_BUNDLE_VERSION);
      return FALSE;
    }
  files = json_object_get_member (root, "files");
  if (files == NULL || !JSON_NODE_HOLDS_ARRAY (files)
      || json_array_get_length (json_node_get_array (files)) >= MFA_BUNDLE_MAX_ENTRIES)
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("manifest.json: files is missing or lists too many entries"));

  for (guint i = 0; i < json_array_get_length (json_node_get_array (files)); i++)
    {
      MfaBundleFile *file = parse_file (json_array_get_element (json_node_get_array (files), i),
                                        i, error);

      if (file == NULL)
        return FALSE;
      if (g_hash_table_contains (reader->listed, file->path))
        {
          mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                          _("%s: listed twice in the manifest"), file->path);
          mfa_bundle_file_free (file);
          return FALSE;
        }
      g_ptr_array_add (bundle->files, file);
      g_hash_table_insert (reader->listed, file->path, file);
      reader->total_listed += file->size;
    }
  if (reader->total_listed > (guint64) MFA_BUNDLE_MAX_TOTAL_SIZE)
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("the bundle claims more than 1 GiB of contents"));
  return TRUE;
}

/* The streaming reader met the `index`-th entry of the central directory:
 * the same name here, the same size once its data is read (got >= 0). */
static gboolean
meets_directory (Reader       *reader,
                 guint         index,
                 const gchar  *name,
                 gint64        got,
                 GError      **error)
{
  MfaBundleLayoutEntry *expected = index < reader->layout->len
                                     ? g_ptr_array_index (reader->layout, index) : NULL;
  g_autofree gchar *shown = g_strescape (name != NULL ? name : "", NULL);

  if (expected == NULL || g_strcmp0 (expected->name, name) != 0)
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("%s: read where the central directory lists another entry (a "
                             "hidden or disguised entry)"), shown);
  if (got >= 0 && (guint64) got != expected->size)
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("%s: read with another size than the central directory lists"), shown);
  return TRUE;
}

static gboolean
read_manifest (MfaBundle      *bundle,
               Reader         *reader,
               MfaBundleSink   sink,
               gpointer        sink_data,
               GError        **error)
{
  struct archive_entry *entry;
  g_autofree gchar *text = NULL;
  la_ssize_t n;
  gsize used = 0;
  int status = archive_read_next_header (reader->archive, &entry);

  if (status != ARCHIVE_OK && status != ARCHIVE_WARN)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_NOT_A_BUNDLE, _("not a ticket bundle: %s"),
                   status == ARCHIVE_EOF ? _("the archive is empty")
                                         : archive_error_string (reader->archive));
      return FALSE;
    }
  if (g_strcmp0 (archive_entry_pathname (entry), MFA_BUNDLE_MANIFEST) != 0
      || archive_entry_filetype (entry) != AE_IFREG)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_NOT_A_BUNDLE,
                   _("not a ticket bundle: the first entry is not manifest.json"));
      return FALSE;
    }
  text = g_malloc (MFA_BUNDLE_MAX_MANIFEST_SIZE + 1);
  while ((n = archive_read_data (reader->archive, text + used,
                                 MFA_BUNDLE_MAX_MANIFEST_SIZE + 1 - used)) > 0)
    {
      used += n;
      if (used > MFA_BUNDLE_MAX_MANIFEST_SIZE)
        {
          g_set_error (error, MFA_ERROR, MFA_ERROR_NOT_A_BUNDLE,
                       _("manifest.json is larger than 1 MiB"));
          return FALSE;
        }
    }
  if (n < 0)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_NOT_A_BUNDLE, _("manifest.json cannot be read: %s"),
                   archive_error_string (reader->archive));
      return FALSE;
    }
  if (!meets_directory (reader, 0, MFA_BUNDLE_MANIFEST, used, error))
    return FALSE;
  if (!parse_manifest (bundle, reader, text, used, error))
    return FALSE;
  if (sink != NULL)
    {
      MfaBundleFile manifest = { (gchar *) MFA_BUNDLE_MANIFEST, used, NULL,
                                 (gchar *) "application/json", (gchar *) "manifest", NULL };

      return sink (&manifest, (const guint8 *) text, used, sink_data, error)
             && sink (&manifest, NULL, 0, sink_data, error);
    }
  return TRUE;
}

/* Streams one entry, checking it as it goes. */
static gboolean
read_entry (Reader               *reader,
            struct archive_entry *entry,
            MfaBundleSink         sink,
            gpointer              sink_data,
            MfaBundleProgress     progress,
            gpointer              progress_data,
            GError              **error)
{
  const gchar *raw_path = archive_entry_pathname (entry);
  /* Names are shown escaped: a hostile one may hold terminal controls. */
  g_autofree gchar *path = g_strescape (raw_path != NULL ? raw_path : "", NULL);
  struct sha256_ctx checksum; /* nettle's: about twice GChecksum's speed here */
  guint8 digest[SHA256_DIGEST_SIZE];
  g_autofree gchar *hex = NULL;
  g_autofree guint8 *block = NULL;
  MfaBundleFile *file;
  gint64 got = 0;
  la_ssize_t n;

  if (++reader->entries > MFA_BUNDLE_MAX_ENTRIES)
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("the bundle has more than %d entries"), MFA_BUNDLE_MAX_ENTRIES);
  if (archive_entry_filetype (entry) != AE_IFREG || archive_entry_hardlink (entry) != NULL
      || archive_entry_symlink (entry) != NULL)
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("%s: not a regular file (a link or a folder): refused"), path);
  if (!mfa_bundle_path_is_safe (raw_path))
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("%s: an unsafe path (absolute, “..”, backslash or control "
                             "characters): refused"), path);
  if (!meets_directory (reader, reader->entries, raw_path, -1, error))
    return FALSE;
  if (!g_hash_table_add (reader->seen, g_strdup (raw_path)))
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("%s: appears twice in the archive"), path);
  file = g_hash_table_lookup (reader->listed, raw_path);
  if (file == NULL)
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("%s: not listed in the manifest"), path);
  if (archive_entry_size_is_set (entry) && archive_entry_size (entry) != file->size)
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("%s: its size differs from the manifest's"), path);

  sha256_init (&checksum);
  block = g_malloc (BLOCK_SIZE);
  while ((n = archive_read_data (reader->archive, block, BLOCK_SIZE)) > 0)
    {
      got += n;
      reader->done += n;
      if (got > file->size)
        return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                               _("%s: longer than the manifest says"), path);
      if (reader->done > 10 * 1024 * 1024
          && reader->done > MFA_BUNDLE_MAX_RATIO * (guint64) archive_filter_bytes (reader->archive, -1))
        return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                               _("%s: compressed more than %d to 1, like a ZIP bomb: refused"),
                               path, MFA_BUNDLE_MAX_RATIO);
      sha256_update (&checksum, n, block);
      if (sink != NULL && !sink (file, block, n, sink_data, error))
        return FALSE;
      if (progress != NULL)
        progress (reader->done, reader->total_listed, progress_data);
    }
  if (n < 0)
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("%s: cannot be read (%s)"),
                           path, archive_error_string (reader->archive));
  if (got != file->size)
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("%s: shorter than the manifest says"), path);
  if (!meets_directory (reader, reader->entries, raw_path, got, error))
    return FALSE;
  sha256_digest (&checksum, sizeof digest, digest);
  hex = g_malloc (2 * sizeof digest + 1);
  for (gsize i = 0; i < sizeof digest; i++)
    g_snprintf (hex + 2 * i, 3, "%02x", digest[i]);
  if (!g_str_equal (hex, file->sha256))
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("%s: its SHA-256 does not match the manifest: the file was changed "
                             "or damaged"), path);
  return sink == NULL || sink (file, NULL, 0, sink_data, error);
}

static gboolean
reader_open (Reader       *reader,
             MfaBundle    *bundle,
             const gchar  *path,
             GError      **error)
{
  struct stat info = { 0 };

  reader->fd = -1;
  bundle->files = g_ptr_array_new_with_free_func ((GDestroyNotify) mfa_bundle_file_free);
  reader->listed = g_hash_table_new (g_str_hash, g_str_equal);
  reader->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->archive = archive_read_new ();
  archive_read_support_format_zip (reader->archive);

  /* One open file for the layout check and the read: the same bytes. */
  reader->fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (reader->fd < 0 || fstat (reader->fd, &info) != 0 || !S_ISREG (info.st_mode))
    {
      g_autofree gchar *display = g_filename_display_name (path);
      const gchar *reason = reader->fd >= 0 && S_ISREG (info.st_mode) ? g_strerror (errno)
                            : reader->fd >= 0 ? _("not a regular file")
                                              : g_strerror (errno);

      g_set_error (error, MFA_ERROR, MFA_ERROR_NOT_A_BUNDLE, _("Cannot read %s: %s"), display,
                   reason);
      return FALSE;
    }
  if (!mfa_bundle_check_layout (reader->fd, &reader->layout, error))
    return FALSE;
  if (archive_read_open_fd (reader->archive, reader->fd, BLOCK_SIZE) != ARCHIVE_OK)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_NOT_A_BUNDLE, _("not a ticket bundle: %s"),
                   archive_error_string (reader->archive));
      return FALSE;
    }
  return TRUE;
}

static void
reader_close (Reader *reader)
{
  archive_read_free (reader->archive);
  if (reader->fd >= 0)
    close (reader->fd);
  g_clear_pointer (&reader->layout, g_ptr_array_unref);
  g_hash_table_unref (reader->listed);
  g_hash_table_unref (reader->seen);
}

/* Only the head: entries up to the first that is neither summary nor
 * diagnostics (the writer puts those before any attachment). */
static gboolean
in_head (Reader               *reader,
         struct archive_entry *entry)
{
  const gchar *name = archive_entry_pathname (entry);
  MfaBundleFile *file = name != NULL ? g_hash_table_lookup (reader->listed, name) : NULL;

  return file != NULL && (g_strcmp0 (file->kind, "diagnostics") == 0
                          || g_strcmp0 (file->kind, "summary") == 0);
}

static MfaBundle *
read_bundle (const gchar        *path,
             gboolean            head_only,
             MfaBundleSink       sink,
             gpointer            sink_data,
             MfaBundleProgress   progress,
             gpointer            progress_data,
             GError            **error)
{
  g_autoptr(MfaBundle) bundle = g_new0 (MfaBundle, 1);
  Reader reader = { 0 };
  struct archive_entry *entry;
  gboolean ok = FALSE;
  int status = ARCHIVE_OK;

  if (reader_open (&reader, bundle, path, error)
      && read_manifest (bundle, &reader, sink, sink_data, error))
    {
      ok = TRUE;
      while (ok && ((status = archive_read_next_header (reader.archive, &entry)) == ARCHIVE_OK
                    || status == ARCHIVE_WARN))
        {
          if (head_only && !in_head (&reader, entry))
            break;
          ok = read_entry (&reader, entry, sink, sink_data, progress, progress_data, error);
        }
      if (ok && !head_only && (status == ARCHIVE_FATAL || status == ARCHIVE_RETRY))
        ok = mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                             _("the archive is damaged after %u entries: %s"),
                             reader.entries, archive_error_string (reader.archive));
      if (ok && !head_only && reader.entries + 1 != reader.layout->len)
        ok = mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                             _("the archive reads as %u entries where its central directory "
                               "lists %u"), reader.entries + 1, reader.layout->len);
      for (guint i = 0; !head_only && i < bundle->files->len && ok; i++)
          {
            MfaBundleFile *file = g_ptr_array_index (bundle->files, i);

            if (!g_hash_table_contains (reader.seen, file->path))
              ok = mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                                   _("%s: listed in the manifest but missing"), file->path);
          }
    }
  reader_close (&reader);
  return ok ? g_steal_pointer (&bundle) : NULL;
}

MfaBundle *
mfa_bundle_read (const gchar        *path,
                 MfaBundleSink       sink,
                 gpointer            sink_data,
                 MfaBundleProgress   progress,
                 gpointer            progress_data,
                 GError            **error)
{
  return read_bundle (path, FALSE, sink, sink_data, progress, progress_data, error);
}

MfaBundle *
mfa_bundle_read_head (const gchar    *path,
                      MfaBundleSink   sink,
                      gpointer        sink_data,
                      GError        **error)
{
  return read_bundle (path, TRUE, sink, sink_data, NULL, NULL, error);
}

MfaBundle *
mfa_bundle_verify (const gchar        *path,
                   MfaBundleProgress   progress,
                   gpointer            progress_data,
                   GError            **error)
{
  return mfa_bundle_read (path, NULL, NULL, progress, progress_data, error);
}
