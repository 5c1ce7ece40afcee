/* bundle-extract.c: writing a verified bundle's entries into one folder
 *
 * Two passes: the first verifies everything and writes nothing. The second
 * writes into a fresh hidden folder inside the target, checking again as it
 * goes (the file could change in between); only when that pass is intact too
 * are the entries moved into place, and on any failure the hidden folder is
 * removed. Paths were checked safe (relative, no “..”), files are created
 * anew (O_EXCL, O_NOFOLLOW): nothing is ever written outside the target.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bundle-extract"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "bundle-reader.h"
#include "mfa-error.h"

typedef struct
{
  gchar *staging;
  int    fd;
} Extraction;

static gboolean
fail_errno (GError      **error,
            const gchar  *what,
            int           saved)
{
  g_set_error (error, MFA_ERROR, MFA_ERROR_IO, _("Cannot write %s: %s"), what,
               g_strerror (saved));
  return FALSE;
}

static gboolean
write_chunk (const MfaBundleFile  *file,
             const guint8         *data,
             gsize                 len,
             gpointer              user_data,
             GError              **error)
{
  Extraction *extraction = user_data;

  if (extraction->fd < 0)
    {
      g_autofree gchar *target = g_build_filename (extraction->staging, file->path, NULL);
      g_autofree gchar *parent = g_path_get_dirname (target);

      if (g_mkdir_with_parents (parent, 0700) != 0)
        return fail_errno (error, file->path, errno);
      extraction->fd = open (target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (extraction->fd < 0)
        return fail_errno (error, file->path, errno);
    }
  while (len > 0)
    {
      gssize n = write (extraction->fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return fail_errno (error, file->path, errno);
      data += n;
      len -= n;
    }
  if (data == NULL)
    {
      int status = close (extraction->fd);

      extraction->fd = -1;
      if (status != 0)
        return fail_errno (error, file->path, errno);
    }
  return TRUE;
}

static void remove_tree (const gchar *path);

/* Empties a folder this extraction made, following no link out of it. */
static void
remove_children (const gchar *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const gchar *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree gchar *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
}

static void
remove_tree (const gchar *path)
{
  remove_children (path);
  g_rmdir (path);
}

static gboolean
target_is_usable (const gchar  *dir,
                  GError      **error)
{
  g_autoptr(GDir) listing = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return fail_errno (error, dir, errno);
  listing = g_dir_open (dir, 0, error);
  if (listing == NULL)
    return FALSE;
  if (g_dir_read_name (listing) != NULL)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_IO,
                   _("%s is not empty: extract into a new or empty folder"), dir);
      return FALSE;
    }
  return TRUE;
}

static gboolean
move_into_place (const gchar  *staging,
                 const gchar  *dir,
                 GError      **error)
{
  g_autoptr(GDir) listing = g_dir_open (staging, 0, error);
  const gchar *name;

  if (listing == NULL)
    return FALSE;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree gchar *from = g_build_filename (staging, name, NULL);
      g_autofree gchar *to = g_build_filename (dir, name, NULL);

      if (g_rename (from, to) != 0)
        return fail_errno (error, to, errno);
    }
  return TRUE;
}

gboolean
mfa_bundle_extract (const gchar  *path,
                    const gchar  *dir,
                    GError      **error)
{
  g_autoptr(MfaBundle) checked = mfa_bundle_verify (path, NULL, NULL, error);
  g_autoptr(MfaBundle) written = NULL;
  g_autofree gchar *template = NULL;
  Extraction extraction = { NULL, -1 };
  gboolean ok;

  if (checked == NULL || !target_is_usable (dir, error))
    return FALSE;
  template = g_build_filename (dir, ".extracting-XXXXXX", NULL);
  extraction.staging = g_mkdtemp (template);
  if (extraction.staging == NULL)
    return fail_errno (error, dir, errno);

  written = mfa_bundle_read (path, write_chunk, &extraction, NULL, NULL, error);
  if (extraction.fd >= 0)
    close (extraction.fd);
  ok = written != NULL && move_into_place (extraction.staging, dir, error);
  remove_tree (extraction.staging);
  if (!ok)
    remove_children (dir); /* whatever was moved already goes too: all or nothing */
  return ok;
}

/* ---- saving the attachments under names of our own ----------------------- */

typedef struct
{
  GHashTable *names;     /* entry path → the name it is saved under */
  gchar      *dir;
  int         dir_fd;
  gboolean    replace;
  int         fd;        /* the entry being written, under `partial` */
  gchar      *partial;   /* its temporary name in dir */
  guint8      head[8];   /* its first bytes, to check the image type */
  gsize       head_len;
  GPtrArray  *saved;
  guint       skipped;
} Saving;

static gboolean
is_attached_image (const MfaBundleFile *file)
{
  return g_str_has_prefix (file->path, "attachments/")
         && (g_strcmp0 (file->media_type, "image/png") == 0
             || g_strcmp0 (file->media_type, "image/jpeg") == 0);
}

/* NN-KIND.EXT from the attachment's place and declared kind and type; a
 * kind this app does not know becomes "other". */
static GHashTable *
attachment_names (MfaBundle *bundle)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  guint number = 0;

  for (guint i = 0; i < bundle->files->len; i++)
    {
      MfaBundleFile *file = g_ptr_array_index (bundle->files, i);
      const gchar *kind = g_strcmp0 (file->kind, "error-page") == 0
                            || g_strcmp0 (file->kind, "phone-time") == 0 ? file->kind : "other";

      if (!is_attached_image (file))
        continue;
      g_hash_table_insert (names, file->path,
                           g_strdup_printf ("%02u-%s.%s", ++number, kind,
                                            g_str_equal (file->media_type, "image/png")
                                              ? "png" : "jpg"));
    }
  return names;
}

/* G_IO_ERROR_EXISTS naming every file that is there already. */
static gboolean
check_no_existing (Saving  *saving,
                   GError **error)
{
  g_autoptr(GString) existing = g_string_new (NULL);
  GHashTableIter iter;
  gpointer name;
  guint n = 0;
  struct stat info;

  g_hash_table_iter_init (&iter, saving->names);
  while (g_hash_table_iter_next (&iter, NULL, &name))
    if (fstatat (saving->dir_fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0)
      g_string_append_printf (existing, "%s%s", n++ > 0 ? ", " : "", (const gchar *) name);
  if (n == 0)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("%s already holds %s"), saving->dir,
               existing->str);
  return FALSE;
}

static gboolean
head_matches (const Saving        *saving,
              const MfaBundleFile *file)
{
  if (g_str_equal (file->media_type, "image/png"))
    return saving->head_len == 8 && memcmp (saving->head, "\x89PNG\r\n\x1a\n", 8) == 0;
  return saving->head_len >= 3 && memcmp (saving->head, "\xff\xd8\xff", 3) == 0;
}

static void
drop_partial (Saving *saving)
{
  if (saving->fd >= 0)
    close (saving->fd);
  saving->fd = -1;
  if (saving->partial != NULL)
    unlinkat (saving->dir_fd, saving->partial, 0);
  g_clear_pointer (&saving->partial, g_free);
}

/* The entry is whole and verified: give it its name, without following a
 * link there, and over an existing file only when asked to replace. */
static gboolean
finish_saved (Saving              *saving,
              const MfaBundleFile *file,
              const gchar         *name,
              GError             **error)
{
  int status = close (saving->fd);

  saving->fd = -1;
  if (status != 0)
    return fail_errno (error, name, errno);
  if (!head_matches (saving, file))
    {
      saving->skipped++;
      drop_partial (saving);
      return TRUE;
    }
  if (saving->replace)
    status = renameat (saving->dir_fd, saving->partial, saving->dir_fd, name);
  else if ((status = linkat (saving->dir_fd, saving->partial, saving->dir_fd, name, 0)) == 0)
    unlinkat (saving->dir_fd, saving->partial, 0);
  if (status != 0)
    {
      int saved = errno;

      drop_partial (saving);
      if (saved == EEXIST)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("%s already holds %s"),
                       saving->dir, name);
          return FALSE;
        }
      return fail_errno (error, name, saved);
    }
  g_clear_pointer (&saving->partial, g_free);
  g_ptr_array_add (saving->saved, g_strdup (name));
  return TRUE;
}

static gboolean
save_chunk (const MfaBundleFile  *file,
            const guint8         *data,
            gsize                 len,
            gpointer              user_data,
            GError              **error)
{
  Saving *saving = user_data;
  const gchar *name = g_hash_table_lookup (saving->names, file->path);

  if (name == NULL)
    return TRUE;
  if (saving->fd < 0)
    {
      saving->partial = g_strdup_printf (".%s.%08x.part", name, g_random_int ());
      saving->fd = openat (saving->dir_fd, saving->partial,
                           O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
      saving->head_len = 0;
      if (saving->fd < 0)
        {
          g_clear_pointer (&saving->partial, g_free);
          return fail_errno (error, name, errno);
        }
    }
  if (data == NULL)
    return finish_saved (saving, file, name, error);
  if (saving->head_len < sizeof saving->head)
    {
      gsize n = MIN (len, sizeof saving->head - saving->head_len);

      memcpy (saving->head + saving->head_len, data, n);
      saving->head_len += n;
    }
  while (len > 0)
    {
      gssize n = write (saving->fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return fail_errno (error, name, errno);
      data += n;
      len -= n;
    }
  return TRUE;
}

GPtrArray *
mfa_bundle_save_attachments (const gchar  *path,
                             const gchar  *dir,
                             gboolean      replace,
                             guint        *skipped,
                             GError      **error)
{
  g_autoptr(MfaBundle) checked = mfa_bundle_verify (path, NULL, NULL, error);
  g_autoptr(MfaBundle) written = NULL;
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_free);
  Saving saving = { NULL, (gchar *) dir, -1, replace, -1, NULL, { 0 }, 0, saved, 0 };

  if (checked == NULL)
    return NULL;
  saving.dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (saving.dir_fd < 0)
    return fail_errno (error, dir, errno), NULL;
  saving.names = attachment_names (checked);
  if (replace || check_no_existing (&saving, error))
    written = mfa_bundle_read (path, save_chunk, &saving, NULL, NULL, error);
  drop_partial (&saving);
  close (saving.dir_fd);
  g_hash_table_unref (saving.names);
  if (skipped != NULL)
    *skipped = saving.skipped;
  return written != NULL ? g_steal_pointer (&saved) : NULL;
}

/* ---- one entry, read again -------------------------------------------------- */

typedef struct
{
  const gchar *entry_path;
  const gchar *sha256;
  gsize        max_len;
  GByteArray  *bytes;
  gboolean     done;
} OneEntry;

static gboolean
collect_entry (const MfaBundleFile  *file,
               const guint8         *data,
               gsize                 len,
               gpointer              user_data,
               GError              **error)
{
  OneEntry *one = user_data;

  if (!g_str_equal (file->path, one->entry_path))
    return TRUE;
  if (g_strcmp0 (file->sha256, one->sha256) != 0 || (gsize) file->size > one->max_len)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_BUNDLE_DAMAGED,
                   _("%s changed since the bundle was verified"), file->path);
      return FALSE;
    }
  if (data != NULL)
    {
      if (one->bytes == NULL)
        one->bytes = g_byte_array_sized_new (file->size);
      g_byte_array_append (one->bytes, data, len);
      return TRUE;
    }
  /* Its end, verified: nothing after it is needed. */
  one->done = TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "");
  return FALSE;
}

GBytes *
mfa_bundle_read_entry (const gchar  *path,
                       const gchar  *entry_path,
                       const gchar  *sha256,
                       gsize         max_len,
                       GError      **error)
{
  OneEntry one = { entry_path, sha256, max_len, NULL, FALSE };
  g_autoptr(GError) local_error = NULL;
  MfaBundle *bundle = mfa_bundle_read (path, collect_entry, &one, NULL, NULL, &local_error);

  /* Stopped after the entry, so never a whole bundle; freed all the same. */
  g_clear_pointer (&bundle, mfa_bundle_free);
  if (one.done)
    return g_byte_array_free_to_bytes (one.bytes != NULL ? one.bytes : g_byte_array_new ());
  g_clear_pointer (&one.bytes, g_byte_array_unref);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, MFA_ERROR, MFA_ERROR_BUNDLE_DAMAGED, _("%s is not in the bundle"),
                 entry_path);
  return NULL;
}
