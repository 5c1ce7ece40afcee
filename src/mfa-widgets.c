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
  g_autoptr(GPtrArray) labels = mfa_widget_collect (widget, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], "title"))
      return labels->pdata[i];
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

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

GPtrArray *
mfa_widget_collect (GtkWidget *widget,
                    GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  g_return_val_if_fail (GTK_IS_WIDGET (widget), found);

  collect (widget, type, found);
  return found;
}

gboolean
mfa_widget_focus_first (GtkWidget  *widget,
                        gboolean  (*accepts) (GtkWidget *widget))
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child) || !gtk_widget_is_sensitive (child)
          || GTK_IS_LABEL (child))
        continue;
      if (accepts (child) ? gtk_widget_grab_focus (child) : mfa_widget_focus_first (child, accepts))
        return TRUE;
    }
  return FALSE;
}
