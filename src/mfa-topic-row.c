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
  GtkListBoxRow   parent_instance;

  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;

  const MfaFlow  *flow;
};

G_DEFINE_FINAL_TYPE (MfaTopicRow, mfa_topic_row, GTK_TYPE_LIST_BOX_ROW)

/* Lets assistive technologies open the topic: GTK 4.8 gives list rows no
 * AT-SPI action of their own, but exposes widget actions. */
static void
open_topic (GtkWidget   *widget,
            const gchar *action_name,
            GVariant    *parameter)
{
  GtkWidget *list = gtk_widget_get_parent (widget);

  if (GTK_IS_LIST_BOX (list))
    g_signal_emit_by_name (list, "row-activated", widget);
}

static void
mfa_topic_row_class_init (MfaTopicRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mfa-topic-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaTopicRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, MfaTopicRow, subtitle_label);
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
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mfa_topic_row_new (const MfaFlow *flow)
{
  MfaTopicRow *self = g_object_new (MFA_TYPE_TOPIC_ROW, NULL);

  self->flow = flow;
  gtk_label_set_label (self->title_label, _(flow->title));
  gtk_label_set_label (self->subtitle_label, _(flow->subtitle));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _(flow->subtitle));
  /* A screen reader announces the row by its title, and the subtitle as its description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(flow->title),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(flow->subtitle),
                                  -1);
  return GTK_WIDGET (self);
}

const MfaFlow *
mfa_topic_row_get_flow (MfaTopicRow *self)
{
  g_return_val_if_fail (MFA_IS_TOPIC_ROW (self), NULL);

  return self->flow;
}
