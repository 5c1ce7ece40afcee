/* mfa-flow-view.h: the pages of one troubleshooting flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mfadiag.h"
#include "mfa-session.h"

G_BEGIN_DECLS

#define MFA_TYPE_FLOW_VIEW (mfa_flow_view_get_type ())

G_DECLARE_FINAL_TYPE (MfaFlowView, mfa_flow_view, MFA, FLOW_VIEW, GtkWidget)

GtkWidget  *mfa_flow_view_new        (void);
gboolean    mfa_flow_view_start      (MfaFlowView    *self,
                                      MfaFlowSet     *set,
                                      const MfaFlow  *flow,
                                      GError        **error);
/* Where check pages record their results and the flow its path. */
void        mfa_flow_view_set_session (MfaFlowView   *self,
                                       MfaSession    *session);
MfaFlowRun *mfa_flow_view_get_run    (MfaFlowView    *self);
/* What the check on the current (check) step found: "ok", "warning",
 * "problem" or "unknown". */
gboolean    mfa_flow_view_report_verdict (MfaFlowView  *self,
                                          const gchar  *verdict,
                                          GError      **error);

G_END_DECLS
