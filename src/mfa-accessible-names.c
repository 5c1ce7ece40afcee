/* mfa-accessible-names.c: names for the inner buttons GTK 4.8 and libadwaita 1.2 leave unnamed
 *
 * A button that shows only an icon is announced by its widget type when it
 * has no name: the calendar's arrows ("GtkImage"), a drop-down's button
 * ("GtkToggleButton"), a toast's close button. The widgets are built inside
 * GTK and libadwaita, so they are found by walking the tree, by kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-accessible-names"

#include "config.h"

#include <glib/gi18n.h>

#include "mfa-accessible-names.h"
#include "mfa-widgets.h"

static void
name (GtkWidget   *widget,
      const gchar *text)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  if (gtk_widget_get_tooltip_text (widget) == NULL)
    gtk_widget_set_tooltip_text (widget, text);
}

void
mfa_accessible_name_calendar (GtkCalendar *calendar)
{
  g_autoptr(GPtrArray) buttons = NULL;
  const gchar *names[] = {
    N_("Previous Month"), N_("Next Month"), N_("Previous Year"), N_("Next Year"),
  };

  g_return_if_fail (GTK_IS_CALENDAR (calendar));

  buttons = mfa_widget_collect (GTK_WIDGET (calendar), GTK_TYPE_BUTTON);
  /* GTK 4.8 draws them month first: ‹ month ›, then ‹ year ›. */
  for (guint i = 0; i < buttons->len && i < G_N_ELEMENTS (names); i++)
    name (buttons->pdata[i], _(names[i]));
}

void
mfa_accessible_name_drop_down (GtkDropDown *drop_down,
                               const gchar *text)
{
  g_autoptr(GPtrArray) buttons = NULL;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  buttons = mfa_widget_collect (GTK_WIDGET (drop_down), GTK_TYPE_TOGGLE_BUTTON);
  if (buttons->len > 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (buttons->pdata[0]),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static gboolean
name_toasts_cb (gpointer user_data)
{
  g_autoptr(GtkWidget) overlay = user_data;
  g_autoptr(GPtrArray) buttons = mfa_widget_collect (overlay, GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (buttons->pdata[i]), "window-close-symbolic") == 0
        && gtk_button_get_label (buttons->pdata[i]) == NULL)
      name (buttons->pdata[i], _("Dismiss"));
  return G_SOURCE_REMOVE;
}

void
mfa_accessible_name_toasts (GtkWidget *overlay)
{
  g_return_if_fail (GTK_IS_WIDGET (overlay));

  /* A toast's widget is made when it shows: now, or once the one before
   * it goes. */
  g_idle_add (name_toasts_cb, g_object_ref (overlay));
}
