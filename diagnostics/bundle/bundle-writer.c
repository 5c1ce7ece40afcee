/* bundle-writer.c: a ticket bundle, written whole or not at all
 *
 * Attachments are read one at a time (masked where they show a QR code) to
 * learn their size and SHA-256; the manifest, which lists them, is written
 * first; the attachments are then streamed again from their files and their
 * hashes checked once more, so memory does not grow with the bundle. The
 * archive goes to an unnamed file in the target folder (O_TMPFILE), linked
 * in under its name only once complete and synced: a crash, a kill or a full
 * disk leaves neither a bundle nor a stray file. Where the folder cannot hold
 * an unnamed file (the document portal's folder in a sandbox), the archive is
 * built in an unnamed private file and copied in at the end under a hidden
 * name that then takes the target's: the target never holds half a bundle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bundle-writer"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bundle-entry.h"
#include "mfa-error.h"
#include "mfa-format.h"

#define BLOCK_SIZE (256 * 1024)

void
mfa_bundle_entry_free (MfaBundleEntry *entry)
{
  g_free (entry->file.path);
  g_free (entry->file.sha256);
  g_free (entry->file.media_type);
  g_free (entry->file.kind);
  g_free (entry->file.caption);
  g_clear_pointer (&entry->data, g_bytes_unref);
  g_free (entry->source);
  g_array_unref (entry->masked);
  g_free (entry);
}

static MfaBundleEntry *
entry_new (const gchar *path,
           const gchar *kind,
           const gchar *media_type,
           const gchar *caption)
{
  MfaBundleEntry *entry = g_new0 (MfaBundleEntry, 1);

  entry->file.path = g_strdup (path);
  entry->file.kind = g_strdup (kind);
  entry->file.media_type = g_strdup (media_type);
  entry->file.caption = g_strdup (caption != NULL ? caption : "");
  entry->masked = g_array_new (FALSE, FALSE, sizeof (gint));
  return entry;
}

static void
entry_take_data (MfaBundleEntry *entry,
                 GBytes         *data)
{
  g_clear_pointer (&entry->data, g_bytes_unref);
  entry->data = data;
  entry->file.size = g_bytes_get_size (data);
  g_free (entry->file.sha256);
  entry->file.sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
}

/* ---- what goes in -------------------------------------------------------- */

static gboolean
check_texts (const MfaBundleContent  *content,
             GError                 **error)
{
  g_autofree gchar *warning = NULL;

  if (!mfa_bundle_check_account (content->account_type, content->account_name, &warning, error)
      || !mfa_bundle_check_text (_("The account name"), content->account_name, error)
      || !mfa_bundle_check_text (_("The description"), content->description, error)
      || !mfa_bundle_check_text (_("The topic"), content->flow_id, error)
      || !mfa_bundle_check_text (_("The time zone"), content->operation_zone, error))
    return FALSE;
  for (guint i = 0; i < content->check_kinds->len; i++)
    if (!mfa_bundle_check_evidence (g_ptr_array_index (content->check_kinds, i),
                                    g_ptr_array_index (content->check_results, i), error))
      return FALSE;
  for (guint i = 0; i < content->steps->len; i++)
    {
      const MfaBundleStep *step = g_ptr_array_index (content->steps, i);
      g_autofree gchar *line = mfa_bundle_step_describe (step, FALSE);
      g_autofree gchar *translated = mfa_bundle_step_describe (step, TRUE);

      if (!mfa_bundle_check_text (_("A step"), line, error)
          || !mfa_bundle_check_text (_("A step"), translated, error))
        return FALSE;
    }
  for (guint i = 0; i < content->attachments->len; i++)
    {
      MfaBundleAttachment *attachment = g_ptr_array_index (content->attachments, i);

      if (!mfa_bundle_check_text (_("A caption"), attachment->caption, error))
        return FALSE;
    }
  return TRUE;
}

static MfaBundleEntry *
attachment_entry (const MfaBundleAttachment  *attachment,
                  guint                       number,
                  GError                    **error)
{
  g_autofree gchar *display = g_filename_display_name (attachment->source);
  g_autofree gchar *path = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) masked = NULL;
  g_autoptr(GError) local_error = NULL;
  MfaBundleEntry *entry;
  const gchar *extension = NULL, *media_type;

  if (g_strcmp0 (attachment->kind, "error-page") != 0
      && g_strcmp0 (attachment->kind, "phone-time") != 0
      && g_strcmp0 (attachment->kind, "other") != 0)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a kind of attachment: use error-page, phone-time or other"),
                   attachment->kind);
      return NULL;
    }
  data = mfa_bundle_read_image (attachment->source, &media_type, &extension, error);
  if (data == NULL)
    return NULL;

  path = g_strdup_printf ("attachments/%02u-%s.%s", number, attachment->kind, extension);
  entry = entry_new (path, attachment->kind, media_type, attachment->caption);
  entry->source = g_strdup (attachment->source);
  entry->taken_usec = attachment->taken_usec;
  entry_take_data (entry, g_steal_pointer (&data));
  if (!mfa_bundle_mask_qr_codes (entry, &masked, &local_error))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT, _("%s cannot be read: %s"),
                   display, local_error->message);
      mfa_bundle_entry_free (entry);
      return NULL;
    }
  if (masked != NULL)
    {
      /* Masked images stay in memory: they exist nowhere else. */
      g_free (entry->file.path);
      entry->file.path = g_strdup_printf ("attachments/%02u-%s.png", number, attachment->kind);
      g_free (entry->file.media_type);
      entry->file.media_type = g_strdup ("image/png");
      entry_take_data (entry, g_steal_pointer (&masked));
    }
  else
    g_clear_pointer (&entry->data, g_bytes_unref); /* streamed again when written */
  return entry;
}

/* ---- the manifest --------------------------------------------------------- */

/* The verdict and one line for each check, whatever shape its evidence has. */
JsonNode *
mfa_bundle_check_summary (JsonNode *evidence)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *object = mfa_json_object (evidence);
  const gchar *verdict = "unknown", *summary = "";

  if (object != NULL && json_object_has_member (object, "verdict"))
    {
      verdict = json_object_get_string_member_with_default (object, "verdict", "unknown");
      summary = json_object_get_string_member_with_default (object, "summary", "");
    }
  else if (object != NULL && json_object_has_member (object, "all_current"))
    {
      JsonArray *codes = json_object_get_array_member (object, "codes");

      verdict = json_object_get_boolean_member (object, "all_current") ? "ok" : "problem";
      if (codes != NULL && json_array_get_length (codes) > 0)
        summary = json_object_get_string_member_with_default (
          json_array_get_object_element (codes, 0), "message", "");
    }
  else if (object != NULL && json_object_has_member (object, "groups"))
    {
      JsonArray *groups = json_object_get_array_member (object, "groups");

      verdict = groups != NULL && json_array_get_length (groups) > 0 ? "problem" : "ok";
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, verdict);
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, summary);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
add_string (JsonBuilder *builder,
            const gchar *name,
            const gchar *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_operation_time (JsonBuilder            *builder,
                    const MfaBundleContent *content)
{
  g_autoptr(GTimeZone) zone = content->operation_zone != NULL
                                ? g_time_zone_new_identifier (content->operation_zone) : NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (content->operation_time_usec
                                                            / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;
  g_autofree gchar *iso = mfa_format_iso8601 (content->operation_time_usec);
  g_autofree gchar *local_text = NULL;

  if (zone == NULL)
    zone = g_time_zone_new_local ();
  local = g_date_time_to_timezone (utc, zone);
  local_text = g_date_time_format_iso8601 (local);
  json_builder_set_member_name (builder, "operation_time");
  json_builder_begin_object (builder);
  add_string (builder, "utc", iso);
  add_string (builder, "local", local_text);
  add_string (builder, "timezone", g_time_zone_get_identifier (zone));
  add_string (builder, "source", content->operation_time_given ? "user" : "clock");
  json_builder_end_object (builder);
}

static void
add_files (JsonBuilder *builder,
           GPtrArray   *entries)
{
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      MfaBundleEntry *entry = g_ptr_array_index (entries, i);

      json_builder_begin_object (builder);
      add_string (builder, "path", entry->file.path);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, entry->file.size);
      add_string (builder, "sha256", entry->file.sha256);
      add_string (builder, "media_type", entry->file.media_type);
      add_string (builder, "kind", entry->file.kind);
      add_string (builder, "caption", entry->file.caption);
      if (entry->taken_usec > 0)
        {
          g_autofree gchar *taken = mfa_format_iso8601 (entry->taken_usec);

          add_string (builder, "taken", taken);
        }
      if (entry->masked->len > 0)
        {
          json_builder_set_member_name (builder, "masked");
          json_builder_begin_array (builder);
          for (guint b = 0; b + 3 < entry->masked->len; b += 4)
            {
              json_builder_begin_object (builder);
              for (guint k = 0; k < 4; k++)
                {
                  const gchar *names[] = { "x", "y", "width", "height" };

                  json_builder_set_member_name (builder, names[k]);
                  json_builder_add_int_value (builder, g_array_index (entry->masked, gint, b + k));
                }
              add_string (builder, "reason", "qr-code");
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Members that apply only sometimes are left out rather than null. */
static void
add_optional (JsonBuilder *builder,
              const gchar *name,
              const gchar *value)
{
  if (value != NULL)
    add_string (builder, name, value);
}

/* Version 2: the topic and each step in words (version 1 had step ids). */
static void
add_steps (JsonBuilder            *builder,
           const MfaBundleContent *content)
{
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < content->steps->len; i++)
    {
      const MfaBundleStep *step = g_ptr_array_index (content->steps, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", step->id);
      add_string (builder, "type", step->type);
      add_string (builder, "title", step->title);
      add_optional (builder, "title_translated", step->title_translated);
      add_optional (builder, "answer", step->answer);
      add_optional (builder, "answer_translated", step->answer_translated);
      if (step->fixed >= 0)
        {
          json_builder_set_member_name (builder, "fixed");
          json_builder_add_boolean_value (builder, step->fixed);
        }
      add_optional (builder, "check", step->check);
      add_optional (builder, "verdict", step->verdict);
      add_optional (builder, "result", step->result);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_problem (JsonBuilder            *builder,
             const MfaBundleContent *content)
{
  json_builder_set_member_name (builder, "problem");
  json_builder_begin_object (builder);
  add_string (builder, "flow", content->flow_id);
  if (content->flow_id != NULL)
    {
      json_builder_set_member_name (builder, "topic");
      json_builder_begin_object (builder);
      add_string (builder, "id", content->flow_id);
      add_optional (builder, "title", content->topic_title);
      add_optional (builder, "title_translated", content->topic_title_translated);
      json_builder_end_object (builder);
    }
  add_optional (builder, "language", content->language);
  add_steps (builder, content);
  add_string (builder, "description", content->description);
  json_builder_end_object (builder);
}

static GBytes *
build_manifest (const MfaBundleContent *content,
                JsonNode               *checks,
                GPtrArray              *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GTimeZone) here = g_time_zone_new_local ();
  g_autofree gchar *created = mfa_format_iso8601 (g_date_time_to_unix (now) * G_USEC_PER_SEC
                                                  + g_date_time_get_microsecond (now));
  g_autofree gchar *os = g_get_os_info (G_OS_INFO_KEY_PRETTY_NAME);
  g_autoptr(JsonNode) root = NULL;
  gsize len;
  gchar *text;

  json_builder_begin_object (builder);
  add_string (builder, "format", MFA_BUNDLE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, MFA_BUNDLE_VERSION);
  add_string (builder, "created", created);
  json_builder_set_member_name (builder, "app");
  json_builder_begin_object (builder);
  add_string (builder, "id", APP_ID);
  add_string (builder, "version", PACKAGE_VERSION);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "system");
  json_builder_begin_object (builder);
  add_string (builder, "os", os);
  add_string (builder, "locale", g_get_language_names ()[0]);
  add_string (builder, "timezone", g_time_zone_get_identifier (here));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "account");
  json_builder_begin_object (builder);
  add_string (builder, "type", content->account_type);
  add_string (builder, "name", content->account_name);
  json_builder_end_object (builder);
  add_problem (builder, content);
  add_operation_time (builder, content);
  json_builder_set_member_name (builder, "checks");
  json_builder_add_value (builder, json_node_copy (checks));
  add_files (builder, entries);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &len);
  return g_bytes_new_take (text, len);
}

/* ---- the archive ---------------------------------------------------------- */

static gboolean
archive_failed (struct archive  *archive,
                const gchar     *what,
                GError         **error)
{
  g_set_error (error, MFA_ERROR, MFA_ERROR_IO, _("Cannot write the bundle (%s): %s"), what,
               archive_error_string (archive) != NULL ? archive_error_string (archive)
                                                      : g_strerror (archive_errno (archive)));
  return FALSE;
}

static gboolean
write_data (struct archive  *archive,
            const guint8    *data,
            gsize            len,
            const gchar     *what,
            GError         **error)
{
  while (len > 0)
    {
      la_ssize_t n = archive_write_data (archive, data, len);

      if (n <= 0)
        return archive_failed (archive, what, error);
      data += n;
      len -= n;
    }
  return TRUE;
}

/* Streams an attachment again from its file, checking it did not change. */
static gboolean
write_from_source (struct archive        *archive,
                   const MfaBundleEntry  *entry,
                   GError               **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *block = g_malloc (BLOCK_SIZE);
  /* Checked regular when it was first read; it could have been swapped since. */
  int fd = open (entry->source, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  struct stat info;
  FILE *file = fd >= 0 && fstat (fd, &info) == 0 && S_ISREG (info.st_mode) ? fdopen (fd, "rb")
                                                                           : NULL;
  gint64 total = 0;
  gsize n;
  gboolean ok = TRUE;

  if (file == NULL && fd >= 0)
    {
      close (fd);
      errno = EINVAL;
    }
  if (file == NULL)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_IO, _("Cannot read %s: %s"), entry->source,
                   g_strerror (errno));
      return FALSE;
    }
  while (ok && (n = fread (block, 1, BLOCK_SIZE, file)) > 0)
    {
      total += n;
      g_checksum_update (checksum, block, n);
      ok = total <= entry->file.size && write_data (archive, block, n, entry->file.path, error);
    }
  fclose (file);
  if (ok && (total != entry->file.size
             || !g_str_equal (g_checksum_get_string (checksum), entry->file.sha256)))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_IO,
                   _("%s changed while the bundle was being written"), entry->source);
      return FALSE;
    }
  return ok;
}

static gboolean
write_entry (struct archive        *archive,
             const MfaBundleEntry  *entry,
             GError               **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  struct archive_entry *header = archive_entry_new ();
  gboolean ok;

  archive_entry_set_pathname (header, entry->file.path);
  archive_entry_set_filetype (header, AE_IFREG);
  archive_entry_set_perm (header, 0644);
  archive_entry_set_size (header, entry->file.size);
  archive_entry_set_mtime (header, g_date_time_to_unix (now), 0);
  if (entry->compress)
    archive_write_zip_set_compression_deflate (archive);
  else
    archive_write_zip_set_compression_store (archive);
  ok = archive_write_header (archive, header) == ARCHIVE_OK;
  archive_entry_free (header);
  if (!ok)
    return archive_failed (archive, entry->file.path, error);
  if (entry->data != NULL)
    return write_data (archive, g_bytes_get_data (entry->data, NULL), entry->file.size,
                       entry->file.path, error);
  return write_from_source (archive, entry, error);
}

/* Said when the file system refuses more bytes: how much the bundle needs
 * (its entries as they are, an upper bound: most compress) and how much
 * there is, instead of libarchive's "Write error". */
static void
explain_full_disk (struct archive  *archive,
                   int              fd,
                   GBytes          *manifest,
                   GPtrArray       *entries,
                   GError         **error)
{
  int saved = archive_errno (archive);
  guint64 needed = g_bytes_get_size (manifest);
  g_autofree gchar *needed_text = NULL;
  g_autofree gchar *free_text = NULL;
  struct statvfs info;

  if (saved != ENOSPC && saved != EDQUOT && saved != EFBIG)
    return;
  for (guint i = 0; i < entries->len; i++)
    needed += ((MfaBundleEntry *) g_ptr_array_index (entries, i))->file.size + 128;
  needed_text = g_format_size (needed);
  g_clear_error (error);
  if (saved == EFBIG)
    g_set_error (error, MFA_ERROR, MFA_ERROR_IO,
                 _("Cannot write the bundle: a file size limit stops it (it needs up to %s)"),
                 needed_text);
  else if (fstatvfs (fd, &info) == 0)
    {
      free_text = g_format_size ((guint64) info.f_bavail * info.f_frsize);
      g_set_error (error, MFA_ERROR, MFA_ERROR_IO,
                   _("Cannot write the bundle: the disk is full (it needs up to %s; %s is "
                     "free). Free some space or save it elsewhere."), needed_text, free_text);
    }
  else
    g_set_error (error, MFA_ERROR, MFA_ERROR_IO,
                 _("Cannot write the bundle: the disk is full (it needs up to %s). Free some "
                   "space or save it elsewhere."), needed_text);
}

static gboolean
write_archive (int         fd,
               GBytes     *manifest,
               GPtrArray  *entries,
               GError    **error)
{
  struct archive *archive = archive_write_new ();
  g_autoptr(MfaBundleEntry) first = entry_new (MFA_BUNDLE_MANIFEST, "manifest",
                                               "application/json", "");
  gboolean ok;

  first->compress = TRUE;
  entry_take_data (first, g_bytes_ref (manifest));
  ok = archive_write_set_format_zip (archive) == ARCHIVE_OK
       && archive_write_open_fd (archive, fd) == ARCHIVE_OK;
  if (!ok)
    archive_failed (archive, _("opening"), error);
  ok = ok && write_entry (archive, first, error);
  for (guint i = 0; ok && i < entries->len; i++)
    ok = write_entry (archive, g_ptr_array_index (entries, i), error);
  if (ok && archive_write_close (archive) != ARCHIVE_OK)
    ok = archive_failed (archive, _("finishing"), error);
  if (!ok)
    explain_full_disk (archive, fd, manifest, entries, error);
  archive_write_free (archive);
  return ok;
}

/* ---- committing ----------------------------------------------------------- */

/* Where the archive is written before it takes the target's name. */
typedef struct
{
  int    fd;
  gchar *named;    /* a hidden file beside the target, or NULL while unnamed */
  gboolean local;  /* in the target's folder (else a private file to copy from) */
} MfaBundleOutput;

G_GNUC_PRINTF (3, 0) static gboolean
set_io_error (GError      **error,
              int           saved,
              const gchar  *format,
              const gchar  *what)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, MFA_ERROR, MFA_ERROR_IO, format, what, g_strerror (saved));
#pragma GCC diagnostic pop
  return FALSE;
}

/* An unnamed file in the target's folder (same file system, so it can be
 * linked in place). Where the folder's file system has no O_TMPFILE — the
 * document portal's FUSE folder that a sandboxed app saves into, a network
 * share — the archive goes to an unnamed file in the private temporary
 * folder instead and is copied in at the end: the document portal keeps a
 * file created beside the target as a hidden file in the user's folder even
 * after the app is killed, so the slow part of a save never writes there. */
static gboolean
open_output (const gchar      *dir,
             MfaBundleOutput  *out,
             GError          **error)
{
  const gchar *private_dir = g_get_tmp_dir ();
  g_autofree gchar *template = NULL;

  out->named = NULL;
  out->local = TRUE;
  out->fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  if (out->fd >= 0)
    return TRUE;
  if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
    return set_io_error (error, errno, _("Cannot write in %s: %s"), dir);
  out->local = FALSE;
  out->fd = open (private_dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (out->fd >= 0)
    return TRUE;
  /* No O_TMPFILE there either: a named private file, unlinked at once. */
  template = g_build_filename (private_dir, ".mfaticket-XXXXXX", NULL);
  out->fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  if (out->fd < 0)
    return set_io_error (error, errno, _("Cannot write in %s: %s"), private_dir);
  g_unlink (template);
  return TRUE;
}

/* Copies the finished private archive into a hidden file beside the target,
 * which then takes the target's name. */
static gboolean
copy_beside (MfaBundleOutput  *out,
             const gchar      *target,
             GError          **error)
{
  g_autofree gchar *template = NULL;
  g_autofree gchar *block = g_malloc (BLOCK_SIZE);
  g_autofree gchar *dir = g_path_get_dirname (target);
  gboolean ok = TRUE;
  ssize_t n_read;
  int copy;

  if (lseek (out->fd, 0, SEEK_SET) != 0)
    return set_io_error (error, errno, _("Cannot write %s: %s"), target);
  template = g_build_filename (dir, ".mfaticket-XXXXXX", NULL);
  copy = g_mkstemp_full (template, O_WRONLY | O_CLOEXEC, 0644);
  if (copy < 0)
    return set_io_error (error, errno, _("Cannot write in %s: %s"), dir);
  while (ok && (n_read = read (out->fd, block, BLOCK_SIZE)) != 0)
    {
      if (n_read < 0 && errno == EINTR)
        continue;
      ok = n_read > 0;
      for (ssize_t done = 0; ok && done < n_read;)
        {
          ssize_t n_written = write (copy, block + done, n_read - done);

          ok = n_written > 0 || (n_written < 0 && errno == EINTR);
          done += MAX (n_written, 0);
        }
    }
  if (!ok)
    set_io_error (error, errno, _("Cannot write %s: %s"), target);
  close (out->fd);
  out->fd = copy;
  out->named = g_steal_pointer (&template);
  return ok;
}

static gboolean
commit (MfaBundleOutput  *out,
        const gchar      *dir,
        const gchar      *target,
        GError          **error)
{
  g_autofree gchar *link_name = NULL;
  int dir_fd;

  if (!out->local && !copy_beside (out, target, error))
    return FALSE;
  if (fsync (out->fd) != 0)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_IO, _("Cannot write the bundle: %s"),
                   g_strerror (errno));
      return FALSE;
    }
  if (out->named == NULL)
    {
      g_autofree gchar *proc = g_strdup_printf ("/proc/self/fd/%d", out->fd);

      link_name = g_strdup_printf ("%s.%08x", target, g_random_int ());
      if (linkat (AT_FDCWD, proc, AT_FDCWD, link_name, AT_SYMLINK_FOLLOW) != 0)
        return set_io_error (error, errno, _("Cannot write %s: %s"), target);
      out->named = g_steal_pointer (&link_name);
    }
  if (g_rename (out->named, target) != 0)
    return set_io_error (error, errno, _("Cannot write %s: %s"), target);
  g_clear_pointer (&out->named, g_free);
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

static gboolean
kind_is_safe (const gchar *kind)
{
  if (kind == NULL || kind[0] == '\0' || strlen (kind) > 32)
    return FALSE;
  for (const gchar *p = kind; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
add_checks (const MfaBundleContent  *content,
            GPtrArray               *entries,
            JsonObject              *checks,
            GError                 **error)
{
  for (guint i = 0; i < content->check_kinds->len; i++)
    {
      const gchar *kind = g_ptr_array_index (content->check_kinds, i);
      JsonNode *evidence = g_ptr_array_index (content->check_results, i);
      g_autofree gchar *path = g_strdup_printf ("diagnostics/%s.json", kind);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      MfaBundleEntry *entry;
      gsize len;
      gchar *text;

      if (!kind_is_safe (kind) || json_object_has_member (checks, kind))
        {
          g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a check name, or is given twice"), kind);
          return FALSE;
        }
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, evidence);
      text = json_generator_to_data (generator, &len);
      entry = entry_new (path, "diagnostics", "application/json", kind);
      entry->compress = TRUE;
      entry_take_data (entry, g_bytes_new_take (text, len));
      g_ptr_array_add (entries, entry);
      json_object_set_member (checks, kind, mfa_bundle_check_summary (evidence));
    }
  return TRUE;
}

static MfaBundleEntry *
summary_entry (const gchar *path,
               const gchar *media_type,
               gchar       *text)
{
  MfaBundleEntry *entry = entry_new (path, "summary", media_type, "");
  gsize len = strlen (text);

  entry->compress = TRUE;
  entry_take_data (entry, g_bytes_new_take (text, len));
  return entry;
}

gboolean
mfa_bundle_write (const MfaBundleContent  *content,
                  const gchar             *target,
                  GError                 **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) mfa_bundle_entry_free);
  g_autoptr(JsonNode) checks = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GBytes) manifest = NULL;
  g_autofree gchar *dir = g_path_get_dirname (target);
  MfaBundleOutput out;
  g_autofree gchar *html = NULL;
  g_autofree gchar *text = NULL;
  gboolean ok;

  json_node_take_object (checks, json_object_new ()); /* init_object would add a reference */
  if (!check_texts (content, error)
      || !add_checks (content, entries, json_node_get_object (checks), error))
    return FALSE;
  for (guint i = 0; i < content->attachments->len; i++)
    {
      MfaBundleEntry *entry = attachment_entry (g_ptr_array_index (content->attachments, i),
                                                i + 1, error);

      if (entry == NULL)
        return FALSE;
      g_ptr_array_add (entries, entry);
    }
  text = mfa_bundle_summary_text (content, json_node_get_object (checks));
  g_ptr_array_insert (entries, 0, summary_entry ("summary.txt", "text/plain; charset=utf-8",
                                                 g_steal_pointer (&text)));
  html = mfa_bundle_summary_html (content, entries, json_node_get_object (checks));
  g_ptr_array_insert (entries, 0, summary_entry ("summary.html", "text/html",
                                                 g_steal_pointer (&html)));
  manifest = build_manifest (content, checks, entries);

  if (!open_output (dir, &out, error))
    return FALSE;
  ok = write_archive (out.fd, manifest, entries, error) && commit (&out, dir, target, error);
  close (out.fd);
  if (out.named != NULL)
    g_unlink (out.named);
  g_free (out.named);
  return ok;
}
