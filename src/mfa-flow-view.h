/* mfa-flow-view.h: the pages of one troubleshooting flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mfadiag.h"

G_BEGIN_DECLS

#define MFA_TYPE_FLOW_VIEW (mfa_flow_view_get_type ())

G_DECLARE_FINAL_TYPE (MfaFlowView, mfa_flow_view, MFA, FLOW_VIEW, GtkWidget)

GtkWidget  *mfa_flow_view_new        (void);
gboolean    mfa_flow_view_start      (MfaFlowView    *self,
                                      MfaFlowSet     *set,
                                      const MfaFlow  *flow,
                                      GError        **error);
MfaFlowRun *mfa_flow_view_get_run    (MfaFlowView    *self);

G_END_DECLS
