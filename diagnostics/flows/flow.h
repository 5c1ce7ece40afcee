/* flow.h: troubleshooting flows as data — a graph of steps per topic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  MFA_STEP_QUESTION, /* choices leading on */
  MFA_STEP_ADVICE,   /* what to do, links, then "did this fix it?" */
  MFA_STEP_CHECK,    /* runs one of the app's checks, branches on its verdict */
  MFA_STEP_BRANCH,   /* branches on a fact already known; never shown */
  MFA_STEP_TICKET,   /* hands over to support: ends the flow */
  MFA_STEP_DONE,     /* solved: ends the flow */
} MfaStepType;

/* One way out of a step. Which fields are set depends on the step type. */
typedef struct
{
  gchar *label;      /* question, advice, check: untranslated button text */
  gchar *next;       /* id of the step it leads to */
  gchar *verdict;    /* check: "ok", "warning", "problem" or "unknown" */
  gchar *set_fact;   /* question: a fact this choice records… */
  gchar *set_value;  /* …and its value */
  gchar *case_value; /* branch: the fact's value; NULL for "otherwise" */
} MfaFlowEdge;

typedef struct
{
  gchar *label;
  gchar *url;
} MfaFlowLink;

typedef struct
{
  gchar       *id;
  MfaStepType  type;
  gchar       *title;  /* untranslated; NULL only for branch steps */
  gchar       *text;
  gchar       *check;  /* check steps: the check's id */
  gchar       *fact;   /* branch steps: the fact's name */
  guint        wait_seconds; /* advice: a countdown before trying again is allowed */
  GPtrArray   *edges;  /* of MfaFlowEdge */
  GPtrArray   *links;  /* of MfaFlowLink */
} MfaFlowStep;

typedef struct
{
  gchar      *id;       /* stable, for --topic and support pages */
  gchar      *title;    /* untranslated; pass through gettext to show */
  gchar      *subtitle;
  gchar      *keywords; /* extra words a search should match */
  GPtrArray  *steps;    /* of MfaFlowStep; the first is where the flow starts */
  GHashTable *by_id;    /* step id → MfaFlowStep */
} MfaFlow;

typedef struct _MfaFlowSet MfaFlowSet;

#define MFA_FLOWS_RESOURCE "/io/github/mfatroubleshooter/MfaTroubleshooter/flows/default.json"

MfaFlowSet        *mfa_flow_set_load_data      (const gchar  *data,
                                                gssize        length,
                                                GError      **error);
MfaFlowSet        *mfa_flow_set_load_file      (const gchar  *path,
                                                GError      **error);
MfaFlowSet        *mfa_flow_set_load_default   (GError      **error);
MfaFlowSet        *mfa_flow_set_ref            (MfaFlowSet   *set);
void               mfa_flow_set_unref          (MfaFlowSet   *set);
guint              mfa_flow_set_get_n_flows    (MfaFlowSet   *set);
const MfaFlow     *mfa_flow_set_get_flow       (MfaFlowSet   *set,
                                                guint         index);
const MfaFlow     *mfa_flow_set_find_flow      (MfaFlowSet   *set,
                                                const gchar  *id);
GPtrArray         *mfa_flow_set_collect_strings (MfaFlowSet  *set);
gchar             *mfa_flow_set_format_c_strings (MfaFlowSet *set);

const MfaFlowStep *mfa_flow_find_step          (const MfaFlow *flow,
                                                const gchar   *id);
const MfaFlowStep *mfa_flow_get_start          (const MfaFlow *flow);
gboolean           mfa_flow_matches            (const MfaFlow *flow,
                                                const gchar   *query);
const gchar       *mfa_step_type_to_string     (MfaStepType    type);
gboolean           mfa_step_type_is_terminal   (MfaStepType    type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaFlowSet, mfa_flow_set_unref)

G_END_DECLS
