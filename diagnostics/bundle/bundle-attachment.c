/* bundle-attachment.c: an attached image, read as the writer takes it
 *
 * The writer and the assistant that collects attachments ask the same
 * questions of a file (small enough? PNG or JPEG? any QR code to mask?), so
 * the user hears about a refusal when attaching, not only when saving.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bundle-attachment"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bundle-entry.h"
#include "mfa-error.h"
#include "mfa-input.h"

static const gchar *
image_type (GBytes       *data,
            const gchar **extension)
{
  gsize len;
  const guint8 *bytes = g_bytes_get_data (data, &len);

  if (len >= 8 && memcmp (bytes, "\x89PNG\r\n\x1a\n", 8) == 0)
    return *extension = "png", "image/png";
  if (len >= 3 && memcmp (bytes, "\xff\xd8\xff", 3) == 0)
    return *extension = "jpg", "image/jpeg";
  return NULL;
}

/* The file's bytes when it is a PNG or JPEG image within the size limit. */
GBytes *
mfa_bundle_read_image (const gchar  *source,
                       const gchar **media_type,
                       const gchar **extension,
                       GError      **error)
{
  g_autofree gchar *display = g_filename_display_name (source);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) data = mfa_input_read_file (source, MFA_BUNDLE_MAX_ATTACHMENT_SIZE,
                                                &local_error);

  if (g_error_matches (local_error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("%s is larger than 64 MiB: attach a smaller screenshot"), display);
      return NULL;
    }
  if (data == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  *media_type = image_type (data, extension);
  if (*media_type == NULL)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("%s is not a PNG or JPEG image: attach screenshots or photos"), display);
      return NULL;
    }
  if (!mfa_input_check_image_size (g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                                   display, error))
    return NULL;
  return g_steal_pointer (&data);
}

gboolean
mfa_bundle_inspect_image (const gchar  *source,
                          guint        *n_qr_codes,
                          GBytes      **masked,
                          GError      **error)
{
  g_autoptr(MfaBundleEntry) entry = g_new0 (MfaBundleEntry, 1);
  g_autoptr(GBytes) painted = NULL;
  g_autoptr(GError) local_error = NULL;
  const gchar *media_type, *extension;

  entry->masked = g_array_new (FALSE, FALSE, sizeof (gint));
  entry->data = mfa_bundle_read_image (source, &media_type, &extension, error);
  if (entry->data == NULL)
    return FALSE;
  /* The writer's own masking, so the preview is what support will see. */
  if (!mfa_bundle_mask_qr_codes (entry, &painted, &local_error))
    {
      g_autofree gchar *display = g_filename_display_name (source);

      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT, _("%s cannot be read: %s"),
                   display, local_error->message);
      return FALSE;
    }
  *n_qr_codes = entry->masked->len / 4;
  if (masked != NULL)
    *masked = g_steal_pointer (&painted);
  return TRUE;
}
