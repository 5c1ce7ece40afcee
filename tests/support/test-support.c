/* test-support.c: pieces several tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-support.h"

MfaBundleContent *
test_sample_content (void)
{
  MfaBundleContent *content = mfa_bundle_content_new ();
  MfaBundleStep *step;

  content->account_type = g_strdup ("ram-user");
  content->account_name = g_strdup ("alice@1234567.onaliyun.com");
  content->operation_time_usec = G_GINT64_CONSTANT (1795867231) * G_USEC_PER_SEC;
  content->operation_zone = g_strdup ("Asia/Shanghai");
  content->operation_time_given = TRUE;
  content->flow_id = g_strdup ("signin-code-rejected");
  content->description = g_strdup ("The code is rejected every time.");
  step = mfa_bundle_step_new ();
  step->id = g_strdup ("phone-clock");
  step->type = g_strdup ("check");
  step->title = g_strdup ("Is your phone’s clock right?");
  step->answer = g_strdup ("My phone’s clock is off");
  step->check = g_strdup ("phone-clock");
  step->verdict = g_strdup ("problem");
  g_ptr_array_add (content->steps, step);
  return content;
}

MfaFlowRun *
test_walk_device_lost (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaFlowSet) set = mfa_flow_set_load_default (&error);
  MfaFlowRun *run;

  g_assert_no_error (error);
  run = mfa_flow_run_new (set, mfa_flow_set_find_flow (set, "device-lost"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mfa_flow_run_get_step (run)->id, ==, "ask-account");
  g_assert_true (mfa_flow_run_choose (run, 1, &error)); /* A RAM user */
  g_assert_cmpstr (mfa_flow_run_get_step (run)->id, ==, "reset-ram");
  g_assert_true (mfa_flow_run_choose (run, 1, &error)); /* No, it still fails */
  g_assert_cmpstr (mfa_flow_run_get_step (run)->id, ==, "ticket");
  return run;
}
