/* test-session.c: what the check pages record for the ticket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mfa-session.h"
#include "test-support.h"

static JsonNode *
evidence_with (const gchar *verdict)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, verdict);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
count_change (MfaSession *session,
              guint      *changes)
{
  (*changes)++;
}

/* Running a check again replaces its result; others keep their place. */
static void
test_latest_result_per_kind (void)
{
  g_autoptr(MfaSession) session = mfa_session_new ();
  g_autoptr(JsonNode) slow = evidence_with ("slow");
  g_autoptr(JsonNode) fine = evidence_with ("fine");
  g_autoptr(JsonNode) found = evidence_with ("found");
  const MfaSessionResult *result;
  guint changes = 0;

  g_signal_connect (session, "changed", G_CALLBACK (count_change), &changes);
  mfa_session_add_result (session, "clock", "problem", "47 s slow", slow);
  mfa_session_add_result (session, "code", "ok", "Current", found);
  mfa_session_add_result (session, "clock", "ok", "In time", fine);

  g_assert_cmpuint (changes, ==, 3);
  g_assert_cmpuint (mfa_session_get_n_results (session), ==, 2);
  result = mfa_session_get_result (session, 0);
  g_assert_cmpstr (result->kind, ==, "clock");
  g_assert_cmpstr (result->verdict, ==, "ok");
  g_assert_cmpstr (result->summary, ==, "In time");
  g_assert_true (result->evidence == fine);
  g_assert_true (mfa_session_lookup_result (session, "code") == mfa_session_get_result (session, 1));
  g_assert_null (mfa_session_lookup_result (session, "duplicates"));
}

/* The phone clock is measured against NTP time once the clock check knows it. */
static void
test_true_time (void)
{
  g_autoptr(MfaSession) session = mfa_session_new ();
  const gchar *source = NULL;
  gint64 offset = -1, before, after;

  g_assert_false (mfa_session_get_clock_offset (session, &offset, &source));
  g_assert_cmpint (offset, ==, 0);
  g_assert_null (source);

  mfa_session_set_clock_offset (session, 47 * G_USEC_PER_SEC, "ntp.aliyun.com");
  before = g_get_real_time ();
  g_assert_true (mfa_session_get_clock_offset (session, &offset, &source));
  g_assert_cmpint (offset, ==, 47 * G_USEC_PER_SEC);
  g_assert_cmpstr (source, ==, "ntp.aliyun.com");
  after = mfa_session_get_true_time (session) - 47 * G_USEC_PER_SEC;
  g_assert_cmpint (after, >=, before);
  g_assert_cmpint (after - before, <, G_USEC_PER_SEC);
}

/* The flow, its steps and each result reach the bundle's content. */
static void
test_fill_bundle (void)
{
  g_autoptr(MfaSession) session = mfa_session_new ();
  g_autoptr(MfaBundleContent) content = mfa_bundle_content_new ();
  g_autoptr(JsonNode) evidence = evidence_with ("ahead");
  g_autoptr(MfaFlowRun) run = test_walk_device_lost ();
  const MfaBundleStep *step;

  g_assert_null (mfa_session_get_fact (session, "account-type"));
  mfa_session_set_flow_run (session, run);
  mfa_session_add_result (session, "phone-clock", "problem", "90 s ahead", evidence);
  mfa_session_fill_bundle (session, content);

  g_assert_cmpstr (mfa_session_get_fact (session, "account-type"), ==, "ram-user");
  g_assert_cmpstr (content->flow_id, ==, "device-lost");
  g_assert_cmpstr (content->topic_title, ==, "Authenticator Deleted or Phone Lost");
  g_assert_cmpuint (content->steps->len, ==, 3);
  step = g_ptr_array_index (content->steps, 0);
  g_assert_cmpstr (step->id, ==, "ask-account");
  g_assert_cmpstr (step->answer, ==, "A RAM user");
  step = g_ptr_array_index (content->steps, 1);
  g_assert_cmpstr (step->title, ==, "Ask an Administrator to Disable MFA");
  g_assert_cmpint (step->fixed, ==, 0);
  g_assert_cmpstr (step->answer, ==, "did not fix it");
  step = g_ptr_array_index (content->steps, 2);
  g_assert_cmpstr (step->type, ==, "ticket");
  g_assert_null (step->answer);
  g_assert_cmpuint (content->check_kinds->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (content->check_kinds, 0), ==, "phone-clock");
  g_assert_true (g_ptr_array_index (content->check_results, 0) == evidence);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/session/latest-result-per-kind", test_latest_result_per_kind);
  g_test_add_func ("/session/true-time", test_true_time);
  g_test_add_func ("/session/fill-bundle", test_fill_bundle);
  return g_test_run ();
}
