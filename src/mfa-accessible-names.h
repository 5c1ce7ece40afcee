/* mfa-accessible-names.h: names for the inner buttons GTK 4.8 and libadwaita 1.2 leave unnamed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The calendar's four arrows: Previous Month, Next Month, Previous Year,
 * Next Year (a screen reader otherwise hears "GtkImage"). */
void mfa_accessible_name_calendar   (GtkCalendar *calendar);

/* The drop-down's own button, which GTK 4.8 exposes as "GtkToggleButton":
 * named as the drop-down is. */
void mfa_accessible_name_drop_down  (GtkDropDown *drop_down,
                                     const gchar *name);

/* The close button of each toast shown in `overlay` (an AdwToastOverlay):
 * "Dismiss". Call after adding a toast. */
void mfa_accessible_name_toasts     (GtkWidget   *overlay);

G_END_DECLS
