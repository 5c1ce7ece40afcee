/* import-async.c: reading exports off the caller's thread
 *
 * Decrypting a vault (scrypt, Argon2id) takes seconds and reading 100,000
 * entries a while: a window calls this and only renders the result. The
 * task holds copies; the password's is wiped as soon as it has served.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "import-async"

#include "config.h"

#include "importer.h"
#include "mfa-secret.h"

typedef struct
{
  gchar           **files;
  gchar           **names;     /* NULL: the files as given */
  MfaImportFormat   format;
  gchar            *password;  /* NULL for none; wiped when freed */
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_strfreev (data->files);
  g_strfreev (data->names);
  mfa_free_string (data->password);
  g_free (data);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  MfaImportResult *result;
  GError *error = NULL;

  result = mfa_import_read ((const gchar * const *) data->files,
                            (const gchar * const *) data->names, data->format, data->password,
                            &error);
  g_clear_pointer (&data->password, mfa_free_string);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) mfa_import_result_free);
}

void
mfa_import_read_async (const gchar * const *files,
                       const gchar * const *names,
                       MfaImportFormat      format,
                       const gchar         *password,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ReadData *data = g_new0 (ReadData, 1);

  g_return_if_fail (files != NULL);

  data->files = g_strdupv ((gchar **) files);
  data->names = g_strdupv ((gchar **) names);
  data->format = format;
  data->password = g_strdup (password);
  g_task_set_source_tag (task, mfa_import_read_async);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, read_thread);
}

MfaImportResult *
mfa_import_read_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, mfa_import_read_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
