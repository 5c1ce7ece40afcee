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
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

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
