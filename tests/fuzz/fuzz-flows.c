/* fuzz-flows.c: libFuzzer target for the flows reader, the validator and
 * the engine (every choice on the first pages of every flow that loads)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mfadiag.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
walk (MfaFlowRun *run,
      guint       depth)
{
  const MfaFlowStep *step = mfa_flow_run_get_step (run);

  if (depth == 6 || mfa_flow_run_is_finished (run))
    return;
  for (guint i = 0; i < step->edges->len; i++)
    if (mfa_flow_run_choose (run, i, NULL))
      {
        walk (run, depth + 1);
        mfa_flow_run_go_back (run);
      }
  mfa_flow_run_report_verdict (run, "warning", NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaFlowSet) set = mfa_flow_set_load_data ((const gchar *) data, size, &error);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree gchar *strings = NULL;

  g_assert ((set == NULL) != (error == NULL));
  if (set == NULL)
    return 0;
  problems = mfa_flow_set_validate (set, NULL, 0);
  strings = mfa_flow_set_format_c_strings (set);
  for (guint i = 0; i < mfa_flow_set_get_n_flows (set); i++)
    {
      g_autoptr(MfaFlowRun) run = mfa_flow_run_new (set, mfa_flow_set_get_flow (set, i), NULL,
                                                    NULL);

      if (run != NULL)
        walk (run, 0);
    }
  return 0;
}
