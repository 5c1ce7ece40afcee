/* flow-validate.h: what makes a flows file unfit to ship
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "flow.h"
#include "po-catalog.h"

G_BEGIN_DECLS

typedef struct
{
  gchar *kind;     /* "unknown-step", "unreachable", "dead-end", "unknown-check",
                    * "unknown-verdict", "no-unknown-outcome", "missing-translation" */
  gchar *flow_id;  /* NULL for a problem of the whole set (a missing translation) */
  gchar *step_id;  /* NULL when the problem is the flow's own */
  gchar *message;  /* for people, translated */
} MfaFlowProblem;

/* The checks the app can run, by the ids check steps use. */
gboolean   mfa_flow_check_exists   (const gchar *check_id);
gboolean   mfa_flow_verdict_exists (const gchar *verdict);

/* Returns every problem of the set, in file order (empty when it is fit).
 * Each catalog is a shipped language whose translations must be complete. */
GPtrArray *mfa_flow_set_validate   (MfaFlowSet    *set,
                                    MfaPoCatalog **catalogs,
                                    guint          n_catalogs);

G_END_DECLS
