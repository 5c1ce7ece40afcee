/* flow-run.c: the engine that walks a flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "flow-run"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "flow-run.h"
#include "flow-validate.h"
#include "mfa-error.h"

/* A branch step that leads to another branch step is fine, but a flow that
 * branches in a circle must not hang the app. */
#define MAX_BRANCH_HOPS 64

/* One page in the history: the step, the facts known on arriving there
 * (going back undoes what later choices recorded), and the choice taken. */
typedef struct
{
  const MfaFlowStep *step;
  GHashTable        *facts;
  gint               chosen;
} Visit;

struct _MfaFlowRun
{
  MfaFlowSet    *set;
  const MfaFlow *flow;
  GHashTable    *initial_facts;
  GArray        *visits;  /* of Visit */
  guint          current; /* index into visits */
};

static GHashTable *
facts_copy (GHashTable *facts)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  if (facts == NULL)
    return copy;
  g_hash_table_iter_init (&iter, facts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
  return copy;
}

static void
visit_clear (Visit *visit)
{
  g_clear_pointer (&visit->facts, g_hash_table_unref);
}

static Visit *
current_visit (MfaFlowRun *run)
{
  return &g_array_index (run->visits, Visit, run->current);
}

/* Follows branch steps from step until one to show. */
static const MfaFlowStep *
resolve (MfaFlowRun         *run,
         const MfaFlowStep  *step,
         GHashTable         *facts,
         GError            **error)
{
  for (guint hops = 0; step != NULL && step->type == MFA_STEP_BRANCH; hops++)
    {
      const gchar *value = g_hash_table_lookup (facts, step->fact);
      const MfaFlowEdge *taken = g_ptr_array_index (step->edges, step->edges->len - 1);

      if (hops == MAX_BRANCH_HOPS)
        break;
      for (guint i = 0; i + 1 < step->edges->len; i++)
        {
          const MfaFlowEdge *edge = g_ptr_array_index (step->edges, i);

          if (g_strcmp0 (edge->case_value, value) == 0)
            {
              taken = edge;
              break;
            }
        }
      step = mfa_flow_find_step (run->flow, taken->next);
    }
  if (step == NULL || step->type == MFA_STEP_BRANCH)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_FLOW,
                   _("The flow “%s” leads to a step that does not exist or branches in a "
                     "circle; run “mfa-diag flows --check” on it"), run->flow->id);
      return NULL;
    }
  return step;
}

static gboolean
push_visit (MfaFlowRun         *run,
            const MfaFlowStep  *step,
            GHashTable         *facts,
            GError            **error)
{
  Visit visit = { NULL, facts, -1 };

  visit.step = resolve (run, step, facts, error);
  if (visit.step == NULL)
    {
      g_hash_table_unref (facts);
      return FALSE;
    }
  if (run->visits->len > 0)
    run->current++;
  g_array_set_size (run->visits, run->current);
  g_array_append_val (run->visits, visit);
  return TRUE;
}

MfaFlowRun *
mfa_flow_run_new (MfaFlowSet     *set,
                  const MfaFlow  *flow,
                  GHashTable     *facts,
                  GError        **error)
{
  g_autoptr(MfaFlowRun) run = g_new0 (MfaFlowRun, 1);

  run->set = mfa_flow_set_ref (set);
  run->flow = flow;
  run->initial_facts = facts_copy (facts);
  run->visits = g_array_new (FALSE, TRUE, sizeof (Visit));
  g_array_set_clear_func (run->visits, (GDestroyNotify) visit_clear);
  if (!push_visit (run, mfa_flow_get_start (flow), facts_copy (facts), error))
    return NULL;
  return g_steal_pointer (&run);
}

void
mfa_flow_run_free (MfaFlowRun *run)
{
  g_clear_pointer (&run->visits, g_array_unref);
  g_clear_pointer (&run->initial_facts, g_hash_table_unref);
  g_clear_pointer (&run->set, mfa_flow_set_unref);
  g_free (run);
}

const MfaFlow *
mfa_flow_run_get_flow (MfaFlowRun *run)
{
  return run->flow;
}

const MfaFlowStep *
mfa_flow_run_get_step (MfaFlowRun *run)
{
  return current_visit (run)->step;
}

guint
mfa_flow_run_get_position (MfaFlowRun *run)
{
  return run->current + 1;
}

gboolean
mfa_flow_run_is_finished (MfaFlowRun *run)
{
  return mfa_step_type_is_terminal (mfa_flow_run_get_step (run)->type);
}

const gchar *
mfa_flow_run_get_fact (MfaFlowRun  *run,
                       const gchar *name)
{
  return g_hash_table_lookup (current_visit (run)->facts, name);
}

gint
mfa_flow_run_get_chosen (MfaFlowRun *run)
{
  return current_visit (run)->chosen;
}

/* Taking the same choice as before keeps the pages after it (and what they
 * remember); another choice starts a new future from here. */
gboolean
mfa_flow_run_choose (MfaFlowRun  *run,
                     guint        edge_index,
                     GError     **error)
{
  Visit *visit = current_visit (run);
  const MfaFlowEdge *edge;
  GHashTable *facts;

  if (edge_index >= visit->step->edges->len)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("The step “%s” has no choice %u"), visit->step->id, edge_index);
      return FALSE;
    }
  if (visit->chosen == (gint) edge_index && run->current + 1 < run->visits->len)
    return mfa_flow_run_go_forward (run);

  edge = g_ptr_array_index (visit->step->edges, edge_index);
  facts = facts_copy (visit->facts);
  if (edge->set_fact != NULL)
    g_hash_table_replace (facts, g_strdup (edge->set_fact), g_strdup (edge->set_value));
  visit->chosen = edge_index;
  return push_visit (run, mfa_flow_find_step (run->flow, edge->next), facts, error);
}

/* A check page reports what its check found; an outcome for "unknown"
 * catches verdicts the step does not name (the validator demands one). */
gboolean
mfa_flow_run_report_verdict (MfaFlowRun   *run,
                             const gchar  *verdict,
                             GError      **error)
{
  const MfaFlowStep *step = mfa_flow_run_get_step (run);
  gint fallback = -1;

  if (step->type != MFA_STEP_CHECK || !mfa_flow_verdict_exists (verdict))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("The verdict “%s” does not apply to the step “%s”"), verdict, step->id);
      return FALSE;
    }
  for (guint i = 0; i < step->edges->len; i++)
    {
      const MfaFlowEdge *edge = g_ptr_array_index (step->edges, i);

      if (g_str_equal (edge->verdict, verdict))
        return mfa_flow_run_choose (run, i, error);
      if (g_str_equal (edge->verdict, "unknown"))
        fallback = i;
    }
  if (fallback < 0)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_FLOW,
                   _("The step “%s” has no outcome for the verdict “%s”"), step->id, verdict);
      return FALSE;
    }
  return mfa_flow_run_choose (run, fallback, error);
}

gboolean
mfa_flow_run_can_go_back (MfaFlowRun *run)
{
  return run->current > 0;
}

gboolean
mfa_flow_run_can_go_forward (MfaFlowRun *run)
{
  return run->current + 1 < run->visits->len;
}

gboolean
mfa_flow_run_go_back (MfaFlowRun *run)
{
  if (!mfa_flow_run_can_go_back (run))
    return FALSE;
  run->current--;
  return TRUE;
}

gboolean
mfa_flow_run_go_forward (MfaFlowRun *run)
{
  if (!mfa_flow_run_can_go_forward (run))
    return FALSE;
  run->current++;
  return TRUE;
}

void
mfa_flow_run_restart (MfaFlowRun *run)
{
  g_array_set_size (run->visits, 1);
  run->current = 0;
  current_visit (run)->chosen = -1;
}

GStrv
mfa_flow_run_get_path (MfaFlowRun *run)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i <= run->current; i++)
    g_strv_builder_add (builder, g_array_index (run->visits, Visit, i).step->id);
  return g_strv_builder_end (builder);
}

const MfaFlowStep *
mfa_flow_run_get_visit (MfaFlowRun *run,
                        guint       index,
                        gint       *chosen)
{
  const Visit *visit;

  g_return_val_if_fail (index <= run->current, NULL);
  visit = &g_array_index (run->visits, Visit, index);
  if (chosen != NULL)
    *chosen = index < run->current ? visit->chosen : -1;
  return visit->step;
}
