/* time-settings.h: this system's automatic-time setting and time zone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  gboolean  available;        /* org.freedesktop.timedate1 answered */
  gchar    *error;            /* why not */
  gboolean  ntp;              /* automatic time is on */
  gboolean  ntp_synchronized; /* and the clock is synchronised now */
  gboolean  can_ntp;          /* a time-sync service is installed */
  gchar    *timezone;
} MfaTimeSettings;

/* systemd-timedated over the system bus. NTPSynchronized sends no change
 * signal, so a caller that shows it reads it again from time to time. */
void             mfa_time_settings_read_async  (GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
MfaTimeSettings *mfa_time_settings_read_finish (GAsyncResult        *result,
                                                GError             **error);
void             mfa_time_settings_free        (MfaTimeSettings     *settings);
gchar           *mfa_time_settings_describe    (const MfaTimeSettings *settings);
JsonNode        *mfa_time_settings_to_json     (const MfaTimeSettings *settings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaTimeSettings, mfa_time_settings_free)

G_END_DECLS
