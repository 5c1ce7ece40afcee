/* mfa-widgets.c: small things GTK 4.8's widgets lack, used across the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-widgets"

#include "config.h"

#include "mfa-widgets.h"

void
mfa_box_remove_all (GtkBox *box)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

void
mfa_label_show (GtkLabel    *label,
                const gchar *text)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static GtkWidget *
find_title_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_title_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
mfa_status_page_mark_heading (GtkWidget *status_page)
{
  GtkWidget *title = find_title_label (status_page);

  g_return_if_fail (title != NULL);
  g_object_set (title, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
}

/* Frames to wait, at most, for the widget to get its size. */
#define SCROLL_TRIES 10

typedef struct
{
  GtkScrolledWindow *scroller; /* weak: the widget may leave it first */
  guint              tries;
} ScrollRequest;

static void
scroll_request_free (gpointer data)
{
  ScrollRequest *request = data;

  g_clear_weak_pointer (&request->scroller);
  g_free (request);
}

static gboolean
scroll_when_laid_out_cb (GtkWidget     *widget,
                         GdkFrameClock *clock,
                         gpointer       user_data)
{
  ScrollRequest *request = user_data;
  GtkWidget *child;
  graphene_rect_t bounds;

  if (request->scroller == NULL)
    return G_SOURCE_REMOVE;
  child = gtk_scrolled_window_get_child (request->scroller);

  /* A widget just shown is laid out in the frame after this one. */
  if (++request->tries < 2 || gtk_widget_get_height (widget) == 0)
    return request->tries < SCROLL_TRIES ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
  if (child != NULL && gtk_widget_compute_bounds (widget, child, &bounds))
    gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (request->scroller),
                               bounds.origin.y,
                               bounds.origin.y + bounds.size.height);
  return G_SOURCE_REMOVE;
}

void
mfa_scroll_into_view (GtkScrolledWindow *scroller,
                      GtkWidget         *widget)
{
  ScrollRequest *request = g_new0 (ScrollRequest, 1);

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller) && GTK_IS_WIDGET (widget));

  g_set_weak_pointer (&request->scroller, scroller);
  gtk_widget_add_tick_callback (widget, scroll_when_laid_out_cb, request, scroll_request_free);
}

gboolean
mfa_widget_focus_first_control (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child) || !gtk_widget_is_sensitive (child)
          || GTK_IS_LABEL (child))
        continue;
      if (gtk_widget_get_focusable (child) ? gtk_widget_grab_focus (child)
                                           : mfa_widget_focus_first_control (child))
        return TRUE;
    }
  return FALSE;
}
