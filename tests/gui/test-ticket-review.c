/* test-ticket-review.c: the review page shows what the bundle will hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gtk-test-support.h"
#include "mfa-ticket-review.h"
#include "test-support.h"

/* Every label's text under `widget`, one a line. */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget))
    {
      /* A row's empty subtitle is no line of its own. */
      if (gtk_label_get_label (GTK_LABEL (widget))[0] != '\0')
        g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static gchar *
review_text (MfaBundleContent *content,
             MfaSession       *session)
{
  GtkWidget *review = g_object_ref_sink (g_object_new (MFA_TYPE_TICKET_REVIEW, NULL));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  mfa_ticket_review_show (MFA_TICKET_REVIEW (review), content, session, rows);
  collect_labels (review, out);
  g_object_unref (review);
  return g_string_free (out, FALSE);
}

/* The shared sample, with the flow, words and steps left to each test. */
static MfaBundleContent *
sample_content (void)
{
  MfaBundleContent *content = test_sample_content ();

  g_clear_pointer (&content->flow_id, g_free);
  g_clear_pointer (&content->description, g_free);
  g_ptr_array_set_size (content->steps, 0);
  return content;
}

static void
test_checks_and_words (void)
{
  g_autoptr(MfaSession) session = mfa_session_new ();
  g_autoptr(MfaBundleContent) content = sample_content ();
  g_autoptr(JsonNode) evidence = json_from_string ("{\"verdict\": \"problem\"}", NULL);
  g_autofree gchar *text = NULL;

  content->description = g_strdup ("Rejected since Monday.");
  mfa_session_add_result (session, "clock", "problem", "Your computer’s clock is 47 s slow",
                          evidence);
  g_autoptr(MfaFlowRun) run = test_walk_device_lost ();

  mfa_session_set_flow_run (session, run);
  mfa_session_fill_bundle (session, content);
  text = review_text (content, session);
  g_assert_nonnull (strstr (text, "RAM user\n"));
  g_assert_nonnull (strstr (text, "alice@1234567.onaliyun.com\n"));
  g_assert_nonnull (strstr (text, "2026-11-28 12:00:31 UTC\n"));
  g_assert_nonnull (strstr (text, "2026-11-28 20:00:31 (Shanghai, China, UTC+08:00)\n"));
  g_assert_nonnull (strstr (text, "Rejected since Monday.\n"));
  g_assert_nonnull (strstr (text, "Authenticator Deleted or Phone Lost\n"));
  g_assert_nonnull (strstr (text, TEST_DEVICE_LOST_STEPS));
  g_assert_null (strstr (text, "reset-ram"));
  g_assert_null (strstr (text, "ask-account"));
  g_assert_nonnull (strstr (text, "clock (problem)\nYour computer’s clock is 47 s slow\n"));
  /* No image attached: say what support usually needs. */
  g_assert_nonnull (strstr (text, "None. Support usually needs"));
}

static void
test_nothing_yet (void)
{
  g_autoptr(MfaSession) session = mfa_session_new ();
  g_autoptr(MfaBundleContent) content = sample_content ();
  g_autofree gchar *text = review_text (content, session);

  g_assert_nonnull (strstr (text, "Nothing written.\n"));
  g_assert_nonnull (strstr (text, "No check was run."));
  g_assert_null (strstr (text, "Steps Taken"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!test_gtk_init_or_skip ())
    return 0;
  g_test_add_func ("/ticket-review/checks-and-words", test_checks_and_words);
  g_test_add_func ("/ticket-review/nothing-yet", test_nothing_yet);
  return g_test_run ();
}
