/* mfa-topic-row.c: one topic on the start page, an action row that carries
 * its flow (activating it makes the list emit "row-activated", which the
 * window answers; assistive technologies call "row.activate")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-topic-row"

#include "config.h"

#include <glib/gi18n.h>

#include "mfa-topic-row.h"

struct _MfaTopicRow
{
  MfaActionRow    parent_instance;

  const MfaFlow  *flow;
};

G_DEFINE_FINAL_TYPE (MfaTopicRow, mfa_topic_row, MFA_TYPE_ACTION_ROW)

static void
mfa_topic_row_class_init (MfaTopicRowClass *klass)
{
}

static void
mfa_topic_row_init (MfaTopicRow *self)
{
}

GtkWidget *
mfa_topic_row_new (const MfaFlow *flow)
{
  /* The row is named by its title for a screen reader, and described by
   * its subtitle. Both wrap: ellipsizing them to one line hid most of a
   * subtitle at 360 px. */
  MfaTopicRow *self = g_object_new (MFA_TYPE_TOPIC_ROW, "title", _(flow->title),
                                    "subtitle", _(flow->subtitle),
                                    "icon-name", "go-next-symbolic", NULL);

  self->flow = flow;
  return GTK_WIDGET (self);
}

const MfaFlow *
mfa_topic_row_get_flow (MfaTopicRow *self)
{
  g_return_val_if_fail (MFA_IS_TOPIC_ROW (self), NULL);

  return self->flow;
}
