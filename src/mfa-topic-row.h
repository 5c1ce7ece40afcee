/* mfa-topic-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mfadiag.h"
#include "mfa-action-row.h"

G_BEGIN_DECLS

#define MFA_TYPE_TOPIC_ROW (mfa_topic_row_get_type ())

G_DECLARE_FINAL_TYPE (MfaTopicRow, mfa_topic_row, MFA, TOPIC_ROW, MfaActionRow)

GtkWidget     *mfa_topic_row_new      (const MfaFlow *flow);
const MfaFlow *mfa_topic_row_get_flow (MfaTopicRow   *self);

G_END_DECLS
