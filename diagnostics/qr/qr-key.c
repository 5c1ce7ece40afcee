/* qr-key.c: an MFA key from a picture of the QR code that bound it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "qr-key"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mfa-error.h"
#include "code/key-input.h"
#include "qr/qr-image.h"
#include "qr/qr-key.h"

MfaOtpauth *
mfa_key_from_qr_image (const guint8  *data,
                       gsize          len,
                       const gchar   *name,
                       GError       **error)
{
  g_autoptr(GPtrArray) symbols = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!mfa_key_check_image (data, len, mfa_qr_is_image (data, len), name, error))
    return NULL;
  symbols = mfa_qr_find_in_data (data, len, error);
  if (symbols == NULL)
    return NULL;
  return mfa_key_from_qr_symbols (symbols, name, error);
}

/* ---- from a file, off the caller's thread --------------------------------- */

typedef struct
{
  GFile *file;
  gchar *name;   /* set by the thread: how the file manager calls the file */
} ImageRead;

static void
image_read_free (ImageRead *read)
{
  g_object_unref (read->file);
  g_free (read->name);
  g_free (read);
}

static void
read_image_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ImageRead *read = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  MfaOtpauth *key;

  info = g_file_query_info (read->file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  read->name = g_strdup (g_file_info_get_display_name (info));
  if (g_file_info_get_size (info) > MFA_KEY_MAX_IMAGE_SIZE)
    {
      g_task_return_new_error (task, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                               _("%s is too large to be a picture of a QR code"), read->name);
      return;
    }
  bytes = g_file_load_bytes (read->file, cancellable, NULL, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  key = mfa_key_from_qr_image (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               read->name, &error);
  if (key == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, key, (GDestroyNotify) mfa_otpauth_free);
}

void
mfa_key_from_qr_file_async (GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ImageRead *read = g_new0 (ImageRead, 1);

  g_return_if_fail (G_IS_FILE (file));

  read->file = g_object_ref (file);
  g_task_set_source_tag (task, mfa_key_from_qr_file_async);
  g_task_set_task_data (task, read, (GDestroyNotify) image_read_free);
  g_task_run_in_thread (task, read_image_thread);
}

MfaOtpauth *
mfa_key_from_qr_file_finish (GAsyncResult  *result,
                             gchar        **display_name,
                             GError       **error)
{
  ImageRead *read;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, mfa_key_from_qr_file_async), NULL);

  read = g_task_get_task_data (G_TASK (result));
  if (display_name != NULL)
    *display_name = g_strdup (read->name);
  return g_task_propagate_pointer (G_TASK (result), error);
}
