/* mfa-input.c: reading files we did not write, within limits, before parsing
 *
 * A file named on a command line or dropped on a window can be anything:
 * /dev/zero never ends, a FIFO never answers, a 2 MB PNG can claim 30000 ×
 * 30000 pixels that cost gigabytes once decoded. These checks come before
 * any bytes are trusted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-input"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mfa-error.h"
#include "mfa-input.h"
#include "mfa-secret.h"

static GBytes *
fail (GError      **error,
      const gchar  *display,
      int           saved)
{
  g_set_error (error, MFA_ERROR, MFA_ERROR_IO, _("Cannot read %s: %s"), display,
               g_strerror (saved));
  return NULL;
}

/* Opened without blocking (a FIFO with no writer would hang the open) and
 * kept only when it is a regular file. */
static int
open_regular (const gchar  *path,
              const gchar  *display,
              GError      **error)
{
  struct stat info;
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);

  if (fd < 0)
    return fail (error, display, errno), -1;
  if (fstat (fd, &info) != 0)
    {
      int saved = errno;

      close (fd);
      return fail (error, display, saved), -1;
    }
  if (!S_ISREG (info.st_mode))
    {
      close (fd);
      g_set_error (error, MFA_ERROR, MFA_ERROR_IO,
                   _("Cannot read %s: not a regular file (a device, a pipe or a folder)"),
                   display);
      return -1;
    }
  return fd;
}

GBytes *
mfa_input_read_file (const gchar  *path,
                     gsize         max_len,
                     GError      **error)
{
  g_autofree gchar *display = g_filename_display_name (path);
  g_autofree guint8 *buffer = NULL;
  gsize used = 0;
  int fd = open_regular (path, display, error);

  if (fd < 0)
    return NULL;
  buffer = g_malloc (MIN (max_len + 1, 1 << 20));
  for (gsize size = MIN (max_len + 1, 1 << 20);;)
    {
      gssize n;

      if (used == size)
        buffer = g_realloc (buffer, size = MIN (max_len + 1, 2 * size));
      n = read (fd, buffer + used, size - used);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          return fail (error, display, saved);
        }
      if (n == 0)
        break;
      used += n;
      if (used > max_len)
        {
          close (fd);
          g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT, _("%s is larger than %s"),
                       display,
                       g_format_size_full (max_len, G_FORMAT_SIZE_IEC_UNITS));
          return NULL;
        }
    }
  close (fd);
  return g_bytes_new_take (g_realloc (g_steal_pointer (&buffer), MAX (used, 1)), used);
}

void
mfa_input_free_wiped (GBytes *bytes)
{
  gsize len = 0;
  guint8 *data = bytes != NULL ? g_bytes_unref_to_data (bytes, &len) : NULL;

  mfa_wipe (data, len);
  g_free (data);
}

static guint
big_endian (const guint8 *p,
            guint         n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    value = value << 8 | p[i];
  return value;
}

/* JPEG: markers up to the first start-of-frame (SOF0–SOF15 but DHT, JPG,
 * DAC), each with its length; height then width follow the precision. */
static gboolean
jpeg_size (const guint8 *data,
           gsize         len,
           guint        *width,
           guint        *height)
{
  gsize i = 2;

  while (i + 4 <= len)
    {
      guint8 marker;
      guint segment;

      if (data[i] != 0xff)
        return FALSE;
      marker = data[i + 1];
      if (marker == 0xff)
        {
          i++;
          continue;
        }
      if (marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01)
        {
          i += 2;
          continue;
        }
      segment = big_endian (data + i + 2, 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (i + 9 > len || segment < 7)
            return FALSE;
          *height = big_endian (data + i + 5, 2);
          *width = big_endian (data + i + 7, 2);
          return TRUE;
        }
      if (marker == 0xd9 || marker == 0xda || segment < 2)
        return FALSE;
      i += 2 + segment;
    }
  return FALSE;
}

gboolean
mfa_input_image_size (const guint8 *data,
                      gsize         len,
                      guint        *width,
                      guint        *height)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  if (len >= 24 && memcmp (data, png, sizeof png) == 0 && memcmp (data + 12, "IHDR", 4) == 0)
    {
      *width = big_endian (data + 16, 4);
      *height = big_endian (data + 20, 4);
      return TRUE;
    }
  if (len >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return jpeg_size (data, len, width, height);
  return FALSE;
}

gboolean
mfa_input_check_image_size (const guint8 *data,
                            gsize         len,
                            const gchar  *name,
                            GError      **error)
{
  guint width, height;

  if (!mfa_input_image_size (data, len, &width, &height)
      || (guint64) width * height <= MFA_IMAGE_MAX_PIXELS)
    return TRUE;
  g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
               _("%s claims %u × %u pixels, far more than any screenshot or photo: refused"),
               name, width, height);
  return FALSE;
}
