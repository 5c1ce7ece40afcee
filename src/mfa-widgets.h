/* mfa-widgets.h: small things GTK 4.8's widgets lack, used across the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Removes every child, so the box can be filled afresh (GTK 4.12 has
 * gtk_box_remove_all). */
void mfa_box_remove_all (GtkBox      *box);

/* Shows `text` in the label, or hides the label when there is nothing to
 * say (NULL), so an empty message takes no room. */
void mfa_label_show     (GtkLabel    *label,
                         const gchar *text);

G_END_DECLS
