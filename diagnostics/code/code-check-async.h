/* code-check-async.h: the code check off the caller's thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "code-check.h"

G_BEGIN_DECLS

/* mfa_code_check() in a worker thread. The key and the codes are copied
 * (and wiped when the task is done): the caller may wipe its own at once. */
void           mfa_code_check_async  (const MfaSecret      *key,
                                      const MfaOtpParams   *declared,
                                      gint64                reference_time,
                                      guint                 window_seconds,
                                      const gchar * const  *codes,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
/* NULL only with G_IO_ERROR_CANCELLED. */
MfaCodeReport *mfa_code_check_finish (GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
