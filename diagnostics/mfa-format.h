/* mfa-format.h: times and durations as people read and write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gchar    *mfa_format_duration   (gint64        seconds);
gboolean  mfa_parse_time        (const gchar  *text,
                                 gint64       *unix_seconds,
                                 GError      **error);
gchar    *mfa_format_iso8601    (gint64        unix_microseconds);
/* "2026-11-28 20:00:31 (Asia/Shanghai, UTC+08:00)", the time as it reads on
 * the clocks of its zone; without a zone name "… (UTC+08:00)", or
 * "2026-11-28 12:00:31 UTC" when that offset is zero. */
gchar    *mfa_format_wall_time  (GDateTime    *time,
                                 const gchar  *zone_name);
/* Untrusted text made safe to show: controls and bidi overrides become U+FFFD. */
gchar    *mfa_format_printable  (const gchar  *text);

G_END_DECLS
