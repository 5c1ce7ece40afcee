/* code-check-async.c: the code check off the caller's thread
 *
 * The search is a few milliseconds of HMACs: short, but a window's main
 * loop should not wait for it. Only copies go into the task.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "code-check-async"

#include "config.h"

#include "code-check-async.h"
#include "mfa-secret.h"

typedef struct
{
  MfaSecret    *key;
  MfaOtpParams  declared;
  gint64        reference_time;
  guint         window_seconds;
  gchar       **codes;
} CheckData;

static void
check_data_free (CheckData *data)
{
  mfa_secret_free (data->key);
  mfa_free_strv (data->codes);
  g_free (data);
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;

  g_task_return_pointer (task,
                         mfa_code_check (data->key, &data->declared, data->reference_time,
                                         data->window_seconds,
                                         (const gchar * const *) data->codes),
                         (GDestroyNotify) mfa_code_report_free);
}

void
mfa_code_check_async (const MfaSecret     *key,
                      const MfaOtpParams  *declared,
                      gint64               reference_time,
                      guint                window_seconds,
                      const gchar * const *codes,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  CheckData *data = g_new0 (CheckData, 1);

  g_return_if_fail (key != NULL && declared != NULL && codes != NULL);

  data->key = mfa_secret_copy (key);
  data->declared = *declared;
  data->reference_time = reference_time;
  data->window_seconds = window_seconds;
  data->codes = g_strdupv ((gchar **) codes);
  g_task_set_source_tag (task, mfa_code_check_async);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, check_thread);
}

MfaCodeReport *
mfa_code_check_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, mfa_code_check_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
