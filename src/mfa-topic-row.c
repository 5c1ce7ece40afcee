/* mfa-topic-row.c: one topic on the start page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-topic-row"

#include "config.h"

#include <glib/gi18n.h>

#include "mfa-topic-row.h"

struct _MfaTopicRow
{
  AdwActionRow    parent_instance;

  const MfaFlow  *flow;
};

G_DEFINE_FINAL_TYPE (MfaTopicRow, mfa_topic_row, ADW_TYPE_ACTION_ROW)

/* Lets assistive technologies open the topic: GTK 4.8 gives list rows no
 * AT-SPI action of their own, but exposes widget actions. Activating the
 * row makes its list emit "row-activated", which the window answers. */
static void
open_topic (GtkWidget   *widget,
            const gchar *action_name,
            GVariant    *parameter)
{
  gtk_widget_activate (widget);
}

static void
mfa_topic_row_class_init (MfaTopicRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "topic.open", NULL, open_topic);
  /* The list's own Enter binding needs a cursor row, which focusing a row
   * with Tab does not always set: the row answers the keys itself. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "topic.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "topic.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "topic.open", NULL);
}

static void
mfa_topic_row_init (MfaTopicRow *self)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  /* Titles and subtitles wrap, as AdwActionRow has them: ellipsizing them
   * to one line (which once saved start-up time) hid most of a subtitle at
   * 360 px, and GTK 4.8 warns about one-line wrapped labels with very
   * short text. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (self),
                             g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL));
}

GtkWidget *
mfa_topic_row_new (const MfaFlow *flow)
{
  MfaTopicRow *self = g_object_new (MFA_TYPE_TOPIC_ROW, "use-markup", FALSE, NULL);

  self->flow = flow;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _(flow->title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), _(flow->subtitle));
  /* AdwActionRow names the row by its title for a screen reader, and
   * describes it by its subtitle. */
  return GTK_WIDGET (self);
}

const MfaFlow *
mfa_topic_row_get_flow (MfaTopicRow *self)
{
  g_return_val_if_fail (MFA_IS_TOPIC_ROW (self), NULL);

  return self->flow;
}
