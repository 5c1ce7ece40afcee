/* mfa-topic-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mfa-topics.h"

G_BEGIN_DECLS

#define MFA_TYPE_TOPIC_ROW (mfa_topic_row_get_type ())

G_DECLARE_FINAL_TYPE (MfaTopicRow, mfa_topic_row, MFA, TOPIC_ROW, GtkListBoxRow)

GtkWidget      *mfa_topic_row_new       (const MfaTopic *topic);
const MfaTopic *mfa_topic_row_get_topic (MfaTopicRow    *self);

G_END_DECLS
