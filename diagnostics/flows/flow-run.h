/* flow-run.h: one walk through a flow — where the user is, what they chose,
 * back and forward, and the facts learnt on the way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flow.h"

G_BEGIN_DECLS

typedef struct _MfaFlowRun MfaFlowRun;

/* facts may be NULL; known facts (e.g. "account-type") let branch steps
 * decide without asking. The run keeps a reference on set. */
MfaFlowRun        *mfa_flow_run_new               (MfaFlowSet    *set,
                                                   const MfaFlow *flow,
                                                   GHashTable    *facts,
                                                   GError       **error);
void               mfa_flow_run_free              (MfaFlowRun    *run);

const MfaFlow     *mfa_flow_run_get_flow          (MfaFlowRun    *run);
/* Never a branch step: those are followed at once. */
const MfaFlowStep *mfa_flow_run_get_step          (MfaFlowRun    *run);
/* 1 on the first page; counts the pages shown on the way here. */
guint              mfa_flow_run_get_position      (MfaFlowRun    *run);
gboolean           mfa_flow_run_is_finished       (MfaFlowRun    *run);
const gchar       *mfa_flow_run_get_fact          (MfaFlowRun    *run,
                                                   const gchar   *name);
/* The choice taken at this step before the user came back to it, or -1. */
gint               mfa_flow_run_get_chosen        (MfaFlowRun    *run);

gboolean           mfa_flow_run_choose            (MfaFlowRun    *run,
                                                   guint          edge_index,
                                                   GError       **error);
gboolean           mfa_flow_run_report_verdict    (MfaFlowRun    *run,
                                                   const gchar   *verdict,
                                                   GError       **error);
gboolean           mfa_flow_run_can_go_back       (MfaFlowRun    *run);
gboolean           mfa_flow_run_can_go_forward    (MfaFlowRun    *run);
gboolean           mfa_flow_run_go_back           (MfaFlowRun    *run);
gboolean           mfa_flow_run_go_forward        (MfaFlowRun    *run);
void               mfa_flow_run_restart           (MfaFlowRun    *run);
/* The page at `index` (0 … position − 1) of the way here, and the choice
 * taken there (-1 on the current page). */
const MfaFlowStep *mfa_flow_run_get_visit         (MfaFlowRun    *run,
                                                   guint          index,
                                                   gint          *chosen);
/* The ids of the pages shown up to the current one. */
GStrv              mfa_flow_run_get_path          (MfaFlowRun    *run);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaFlowRun, mfa_flow_run_free)

G_END_DECLS
