/* mfa-box.h: what GTK 4.8's GtkBox lacks (gtk_box_remove_all is 4.12's)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Removes every child, so the box can be filled afresh. */
void mfa_box_remove_all (GtkBox *box);

G_END_DECLS
