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
/* Untrusted text made safe to show: controls and bidi overrides become U+FFFD. */
gchar    *mfa_format_printable  (const gchar  *text);

G_END_DECLS
