/* http-time.h: the time from HTTP Date headers, for networks that block NTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  gchar   *url;
  guint    n_samples;
  gdouble  server_ahead_seconds;  /* middle of what the samples allow */
  gdouble  uncertainty_seconds;   /* half the width of that interval */
  gchar   *error;                 /* why there is no estimate */
} MfaHttpTime;

void         mfa_http_time_probe_async  (const gchar         *url,
                                         guint                timeout_ms,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
MfaHttpTime *mfa_http_time_probe_finish (GAsyncResult        *result,
                                         GError             **error);
void         mfa_http_time_free         (MfaHttpTime         *time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaHttpTime, mfa_http_time_free)

G_END_DECLS
