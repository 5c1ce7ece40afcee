/* mfa-save-error.c: why a file could not be saved, in words a person understands
 *
 * The library's messages carry the system's reason ("No space left on
 * device") after what it was doing; a stressed user needs the cause and the
 * way out instead. The cause is read twice: from the folder as it is now
 * (gone, read-only, not writable, full) and from the system's words in the
 * message (strerror, translated in this same process), for the case the
 * folder changed back since.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-save-error"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "mfa-save-error.h"

static gboolean
says (const GError *error,
      int           errnum)
{
  return error != NULL && strstr (error->message, g_strerror (errnum)) != NULL;
}

MfaSaveFailure
mfa_save_failure_classify (const gchar  *dir,
                           guint64       needed,
                           const GError *error)
{
  struct statvfs info;
  gboolean have_info;

  g_return_val_if_fail (dir != NULL, MFA_SAVE_FAILURE_OTHER);

  /* Not "No such file" alone: /proc says it of files it will not make. */
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return MFA_SAVE_FAILURE_NO_FOLDER;
  have_info = statvfs (dir, &info) == 0;
  if (says (error, EROFS) || (have_info && (info.f_flag & ST_RDONLY) != 0))
    return MFA_SAVE_FAILURE_READ_ONLY;
  if (says (error, EACCES) || says (error, EPERM) || access (dir, W_OK | X_OK) != 0)
    return MFA_SAVE_FAILURE_PERMISSION;
  if (says (error, ENOSPC) || says (error, EDQUOT)
      || (have_info && info.f_blocks > 0 && (guint64) info.f_bavail * info.f_frsize < needed))
    return MFA_SAVE_FAILURE_FULL;
  return MFA_SAVE_FAILURE_OTHER;
}

gchar *
mfa_save_failure_describe (MfaSaveFailure failure,
                           const gchar   *dir,
                           const GError  *error)
{
  g_autofree gchar *folder = g_filename_display_name (dir);
  g_autofree gchar *reason = g_strdup (error != NULL ? error->message : _("Unknown error"));
  gsize len = strlen (reason);

  /* The sentence goes on after the reason: one full stop. */
  if (len > 0 && reason[len - 1] == '.')
    reason[len - 1] = '\0';

  switch (failure)
    {
    case MFA_SAVE_FAILURE_NO_FOLDER:
      return g_strdup_printf (_("The folder “%s” no longer exists: it may have been moved or "
                                "removed, or its disk unplugged. Choose another folder."),
                              folder);
    case MFA_SAVE_FAILURE_PERMISSION:
      return g_strdup_printf (_("You do not have permission to save files in the folder "
                                "“%s”. Choose a folder of your own, such as Documents."),
                              folder);
    case MFA_SAVE_FAILURE_READ_ONLY:
      return g_strdup_printf (_("The folder “%s” is on a disk that can only be read. Choose a "
                                "folder on another disk, such as Documents."), folder);
    case MFA_SAVE_FAILURE_FULL:
      return g_strdup_printf (_("The disk that holds the folder “%s” is full. Free some space "
                                "there, or choose a folder on another disk."), folder);
    case MFA_SAVE_FAILURE_OTHER:
    default:
      return g_strdup_printf (_("%s. Choose another folder, or try again."), reason);
    }
}
