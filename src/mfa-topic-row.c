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
  MfaTopicRow *self = g_object_new (MFA_TYPE_TOPIC_ROW, NULL);

  self->flow = flow;
  /* AdwActionRow names the row by its title for a screen reader, and
   * describes it by its subtitle. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _(flow->title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), _(flow->subtitle));
  mfa_action_row_wrap_between_words (MFA_ACTION_ROW (self));
  return GTK_WIDGET (self);
}

const MfaFlow *
mfa_topic_row_get_flow (MfaTopicRow *self)
{
  g_return_val_if_fail (MFA_IS_TOPIC_ROW (self), NULL);

  return self->flow;
}
