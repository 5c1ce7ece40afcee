/* mfa-action-row.c: an activatable AdwActionRow that runs an action with a
 * target, and that assistive technologies and the keyboard can activate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-action-row"

#include "config.h"

#include "mfa-action-row.h"
#include "mfa-widgets.h"

G_DEFINE_TYPE (MfaActionRow, mfa_action_row, ADW_TYPE_ACTION_ROW)

/* GTK 4.8 gives list rows no AT-SPI action of their own but exposes the
 * widget actions of their class: "row.activate" is what a screen reader
 * (and dogtail) can call. Activating the row runs its action. */
static void
activate_row_action (GtkWidget   *widget,
                     const gchar *action_name,
                     GVariant    *parameter)
{
  gtk_widget_activate (widget);
}

static void
mfa_action_row_class_init (MfaActionRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "row.activate", NULL, activate_row_action);
  /* The list's own Enter binding needs a cursor row, which focusing a row
   * with Tab does not always set: the row answers the keys itself. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "row.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "row.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "row.activate", NULL);
}

static void
mfa_action_row_init (MfaActionRow *self)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  /* Titles are text from flows, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
}

/* AdwActionRow 1.2 wraps its title and subtitle between any two characters:
 * to know how narrow they may get, GTK lays each out one character per
 * line. The start page's sixteen rows took 200 ms of the start-up that way
 * (0.41 s to the first frame against 0.22 s). Sentences wrap between words
 * as well at 360 px. (No property reaches these labels: they are the row's
 * own, made by its template.) */
void
mfa_action_row_wrap_between_words (MfaActionRow *self)
{
  g_autoptr(GPtrArray) labels = NULL;

  g_return_if_fail (MFA_IS_ACTION_ROW (self));

  labels = mfa_widget_collect (GTK_WIDGET (self), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    gtk_label_set_wrap_mode (labels->pdata[i], PANGO_WRAP_WORD);
}

GtkWidget *
mfa_action_row_new (const gchar *title,
                    const gchar *subtitle,
                    const gchar *icon_name,
                    const gchar *action_name,
                    GVariant    *target)
{
  GtkWidget *row = g_object_new (MFA_TYPE_ACTION_ROW, "title", title, NULL);

  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    {
      /* The icon only hints at what the row does: the title says it. */
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 g_object_new (GTK_TYPE_IMAGE, "icon-name", icon_name,
                                               "accessible-role",
                                               GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL));
    }
  if (action_name != NULL)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
  /* AdwActionRow names itself by its title (and describes itself by its
   * subtitle) for assistive technologies: a label of our own would double it. */
  return row;
}
