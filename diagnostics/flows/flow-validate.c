/* flow-validate.c: unknown step ids, unreachable steps, dead ends, unknown
 * checks and verdicts, and texts a shipped language has not translated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "flow-validate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "flow-validate.h"

static const gchar *known_checks[] = { "clock", "phone-clock", "code", "duplicates" };
static const gchar *known_verdicts[] = { "ok", "warning", "problem", "unknown" };

static gboolean
in_list (const gchar  *value,
         const gchar **list,
         gsize         n)
{
  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (value, list[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
mfa_flow_check_exists (const gchar *check_id)
{
  return in_list (check_id, known_checks, G_N_ELEMENTS (known_checks));
}

gboolean
mfa_flow_verdict_exists (const gchar *verdict)
{
  return in_list (verdict, known_verdicts, G_N_ELEMENTS (known_verdicts));
}

static void
problem_free (MfaFlowProblem *problem)
{
  g_free (problem->kind);
  g_free (problem->flow_id);
  g_free (problem->step_id);
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray         *problems,
             const gchar       *kind,
             const MfaFlow     *flow,
             const MfaFlowStep *step,
             gchar             *message)
{
  MfaFlowProblem *problem = g_new0 (MfaFlowProblem, 1);

  problem->kind = g_strdup (kind);
  problem->flow_id = flow != NULL ? g_strdup (flow->id) : NULL;
  problem->step_id = step != NULL ? g_strdup (step->id) : NULL;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static const MfaFlowStep *
edge_target (const MfaFlow *flow,
             guint          step_index,
             guint          edge_index)
{
  const MfaFlowStep *step = g_ptr_array_index (flow->steps, step_index);
  const MfaFlowEdge *edge = g_ptr_array_index (step->edges, edge_index);

  return mfa_flow_find_step (flow, edge->next);
}

static void
check_edges (const MfaFlow *flow,
             GPtrArray     *problems)
{
  for (guint i = 0; i < flow->steps->len; i++)
    {
      const MfaFlowStep *step = g_ptr_array_index (flow->steps, i);

      for (guint j = 0; j < step->edges->len; j++)
        {
          const MfaFlowEdge *edge = g_ptr_array_index (step->edges, j);

          if (mfa_flow_find_step (flow, edge->next) == NULL)
            add_problem (problems, "unknown-step", flow, step,
                         g_strdup_printf (_("leads to “%s”, which is not a step of this flow"),
                                          edge->next));
        }
    }
}

static void
check_checks (const MfaFlow *flow,
              GPtrArray     *problems)
{
  for (guint i = 0; i < flow->steps->len; i++)
    {
      const MfaFlowStep *step = g_ptr_array_index (flow->steps, i);
      gboolean has_unknown = FALSE;

      if (step->type != MFA_STEP_CHECK)
        continue;
      if (!mfa_flow_check_exists (step->check))
        add_problem (problems, "unknown-check", flow, step,
                     g_strdup_printf (_("runs the check “%s”, which does not exist (known: "
                                        "clock, phone-clock, code, duplicates)"), step->check));
      for (guint j = 0; j < step->edges->len; j++)
        {
          const MfaFlowEdge *edge = g_ptr_array_index (step->edges, j);

          has_unknown |= g_strcmp0 (edge->verdict, "unknown") == 0;
          if (!mfa_flow_verdict_exists (edge->verdict))
            add_problem (problems, "unknown-verdict", flow, step,
                         g_strdup_printf (_("branches on the verdict “%s”; verdicts are ok, "
                                            "warning, problem and unknown"), edge->verdict));
        }
      /* A check that could not decide must still lead somewhere. */
      if (!has_unknown)
        add_problem (problems, "no-unknown-outcome", flow, step,
                     g_strdup (_("has no outcome for the verdict “unknown”")));
    }
}

/* Marks what the start reaches (forward), and what reaches an end (backward,
 * to a fixed point): a step reached but not reaching an end is a dead end. */
static void
check_reachability (const MfaFlow *flow,
                    GPtrArray     *problems)
{
  g_autofree gboolean *reached = g_new0 (gboolean, flow->steps->len);
  g_autofree gboolean *ends = g_new0 (gboolean, flow->steps->len);
  g_autoptr(GHashTable) index_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean changed = TRUE;

  for (guint i = 0; i < flow->steps->len; i++)
    g_hash_table_insert (index_of, g_ptr_array_index (flow->steps, i), GUINT_TO_POINTER (i));

  reached[0] = TRUE;
  g_array_append_val (queue, (guint) { 0 });
  for (guint q = 0; q < queue->len; q++)
    {
      guint i = g_array_index (queue, guint, q);
      const MfaFlowStep *step = g_ptr_array_index (flow->steps, i);

      for (guint j = 0; j < step->edges->len; j++)
        {
          const MfaFlowStep *target = edge_target (flow, i, j);
          guint t;

          if (target == NULL)
            continue;
          t = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, target));
          if (!reached[t])
            {
              reached[t] = TRUE;
              g_array_append_val (queue, t);
            }
        }
    }

  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; i < flow->steps->len; i++)
        {
          const MfaFlowStep *step = g_ptr_array_index (flow->steps, i);
          gboolean ends_here = mfa_step_type_is_terminal (step->type);

          for (guint j = 0; j < step->edges->len && !ends_here; j++)
            {
              const MfaFlowStep *target = edge_target (flow, i, j);

              ends_here = target != NULL
                          && ends[GPOINTER_TO_UINT (g_hash_table_lookup (index_of, target))];
            }
          if (ends_here && !ends[i])
            ends[i] = changed = TRUE;
        }
    }

  for (guint i = 0; i < flow->steps->len; i++)
    {
      const MfaFlowStep *step = g_ptr_array_index (flow->steps, i);

      if (!reached[i])
        add_problem (problems, "unreachable", flow, step,
                     g_strdup (_("cannot be reached from the flow’s first step")));
      else if (!ends[i])
        add_problem (problems, "dead-end", flow, step,
                     g_strdup (_("no path from here ends in a “done” or “ticket” step")));
    }
}

static void
check_translations (MfaFlowSet    *set,
                    MfaPoCatalog **catalogs,
                    guint          n_catalogs,
                    GPtrArray     *problems)
{
  g_autoptr(GPtrArray) strings = mfa_flow_set_collect_strings (set);

  for (guint c = 0; c < n_catalogs; c++)
    for (guint i = 0; i < strings->len; i++)
      {
        const gchar *text = g_ptr_array_index (strings, i);

        if (mfa_po_catalog_lookup (catalogs[c], text) == NULL)
          add_problem (problems, "missing-translation", NULL, NULL,
                       g_strdup_printf (_("no %s translation of “%s”"),
                                        mfa_po_catalog_get_language (catalogs[c]), text));
      }
}

GPtrArray *
mfa_flow_set_validate (MfaFlowSet    *set,
                       MfaPoCatalog **catalogs,
                       guint          n_catalogs)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);

  for (guint i = 0; i < mfa_flow_set_get_n_flows (set); i++)
    {
      const MfaFlow *flow = mfa_flow_set_get_flow (set, i);

      check_edges (flow, problems);
      check_checks (flow, problems);
      check_reachability (flow, problems);
    }
  check_translations (set, catalogs, n_catalogs, problems);
  return problems;
}
