/* mfa-secret.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-secret"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <nettle/memops.h>

#include "mfa-error.h"
#include "mfa-secret.h"

void
mfa_secret_protect_process (void)
{
  struct rlimit none = { 0, 0 };

  /* Both can only fail where the kernel lacks them; nothing to tell a user. */
  if (setrlimit (RLIMIT_CORE, &none) != 0)
    g_debug ("RLIMIT_CORE: %s", g_strerror (errno));
  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
    g_debug ("PR_SET_DUMPABLE: %s", g_strerror (errno));
}

void
mfa_wipe (gpointer data,
          gsize    len)
{
  if (data != NULL && len > 0)
    explicit_bzero (data, len);
}

void
mfa_wipe_string (gchar *text)
{
  if (text != NULL)
    mfa_wipe (text, strlen (text));
}

void
mfa_free_string (gchar *text)
{
  mfa_wipe_string (text);
  g_free (text);
}

void
mfa_free_strv (gchar **strv)
{
  if (strv == NULL)
    return;
  for (gchar **p = strv; *p != NULL; p++)
    mfa_wipe_string (*p);
  g_strfreev (strv);
}

/* The key lives in the same block as its length: one allocation per key,
 * as an export may hold 100,000 of them. */
MfaSecret *
mfa_secret_new (const guint8 *data,
                gsize         len)
{
  MfaSecret *secret = g_malloc (sizeof (MfaSecret) + MAX (len, 1));

  secret->data = (guint8 *) (secret + 1);
  secret->len = len;
  if (len > 0)
    memcpy (secret->data, data, len);
  return secret;
}

MfaSecret *
mfa_secret_new_take (guint8 *data,
                     gsize   len)
{
  MfaSecret *secret = mfa_secret_new (data, len);

  mfa_wipe (data, len);
  g_free (data);
  return secret;
}

MfaSecret *
mfa_secret_copy (const MfaSecret *secret)
{
  g_return_val_if_fail (secret != NULL, NULL);

  return mfa_secret_new (secret->data, secret->len);
}

/* Constant time in the length, so comparing keys leaks nothing through timing. */
gboolean
mfa_secret_equal (const MfaSecret *a,
                  const MfaSecret *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->len != b->len)
    return FALSE;
  return a->len == 0 || nettle_memeql_sec (a->data, b->data, a->len);
}

void
mfa_secret_free (MfaSecret *secret)
{
  if (secret == NULL)
    return;
  mfa_wipe (secret->data, secret->len);
  g_free (secret);
}

/* Reads a small file that holds a key (or "-" for standard input) into one
 * buffer that the caller wipes; g_file_get_contents would leave copies of the
 * key in its growing buffers. */
gchar *
mfa_read_secret_file (const gchar  *path,
                      gsize         max_len,
                      GError      **error)
{
  g_autofree gchar *display = NULL;
  gchar *buffer;
  gsize used = 0;
  gboolean failed = FALSE;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_strcmp0 (path, "-") == 0 ? g_strdup (_("standard input"))
                                       : g_filename_display_name (path);
  fd = g_strcmp0 (path, "-") == 0 ? dup (STDIN_FILENO) : g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, MFA_ERROR, MFA_ERROR_IO, _("Cannot read %s: %s"),
                   display, g_strerror (saved));
      return NULL;
    }

  buffer = g_malloc (max_len + 1);
  for (;;)
    {
      gssize n = read (fd, buffer + used, max_len + 1 - used);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_set_error (error, MFA_ERROR, MFA_ERROR_IO, _("Cannot read %s: %s"),
                       display, g_strerror (saved));
          failed = TRUE;
          break;
        }
      if (n == 0)
        break;
      used += n;
      if (used > max_len)
        {
          g_set_error (error, MFA_ERROR, MFA_ERROR_IO,
                       _("%s is too large to hold a key (more than %lu bytes)"),
                       display, (gulong) max_len);
          failed = TRUE;
          break;
        }
    }
  close (fd);

  if (failed)
    {
      mfa_wipe (buffer, max_len + 1);
      g_free (buffer);
      return NULL;
    }
  buffer[used] = '\0';
  if (memchr (buffer, '\0', used) != NULL)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_IO,
                   _("%s is a binary file, not a key or an otpauth:// URI"), display);
      mfa_free_string (buffer);
      return NULL;
    }
  return buffer;
}
