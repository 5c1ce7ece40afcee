/* mfa-zone-names.h: time zones as people name them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a person names an IANA zone: "Shanghai, China", "New York, United
 * States", "Coordinated Universal Time" for UTC and its aliases. The city
 * comes from the identifier, the country from tzdata's tables (translated
 * through iso-codes where installed). Never NULL: an unknown identifier is
 * shown as it is. */
gchar     *mfa_zone_display_name (const gchar *zone_id);

/* TRUE for the identifiers that all mean UTC (UTC, Etc/UTC, Zulu…). */
gboolean   mfa_zone_is_utc       (const gchar *zone_id);

/* The zones a person may pick: tzdata's zone1970.tab, UTC, and `extra`
 * (this computer's own zone) where the table lacks it; IANA identifiers,
 * sorted by their display names, which `names` (if not NULL) receives in
 * the same order. */
GPtrArray *mfa_zone_list         (const gchar  *extra,
                                  GPtrArray   **names);

G_END_DECLS
