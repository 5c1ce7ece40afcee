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

/* Gives the title of an AdwStatusPage the heading role (libadwaita 1.2
 * leaves it a plain label), before assistive technologies first see it. */
void mfa_status_page_mark_heading (GtkWidget *status_page);

/* Scrolls `scroller` so that `widget`, somewhere inside it, is in view once
 * it has been laid out (a widget just shown has no size yet). */
void mfa_scroll_into_view (GtkScrolledWindow *scroller,
                           GtkWidget         *widget);

/* Every descendant of `widget` that is a `type`, in the order they are
 * drawn: for the parts GTK and libadwaita build inside their widgets, which
 * no property reaches. */
GPtrArray *mfa_widget_collect (GtkWidget *widget,
                               GType      type);

/* Focuses the first visible, sensitive descendant of `widget`, depth first,
 * that `accepts` (a label never: a selectable one would have its text
 * selected); FALSE if none took the focus. */
gboolean mfa_widget_focus_first (GtkWidget  *widget,
                                 gboolean  (*accepts) (GtkWidget *widget));

G_END_DECLS
