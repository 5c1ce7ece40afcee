/* test-bundle-path.c: the way the user took through a flow reaches support
 * in words — manifest (format version 2), summary.txt, `mfa-ticket show` —
 * and bundles of version 1 still open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "mfadiag.h"
#include "test-support.h"

/* Step ids of the walk that must never be what a person reads. */
static const gchar *const step_ids[] = { "ask-account", "reset-ram", NULL };

static void
assert_no_step_id (const gchar *text)
{
  for (guint i = 0; step_ids[i] != NULL; i++)
    {
      if (strstr (text, step_ids[i]) != NULL)
        g_test_message ("a step id in what people read: %s", text);
      g_assert_null (strstr (text, step_ids[i]));
    }
}

static gchar *
write_walked_bundle (gchar **dir)
{
  g_autoptr(MfaBundleContent) content = test_sample_content ();
  g_autoptr(MfaFlowRun) run = test_walk_device_lost ();
  g_autoptr(GError) error = NULL;
  gchar *path;

  *dir = g_dir_make_tmp ("mfa-path-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "ticket.mfaticket", NULL);
  mfa_bundle_content_set_path (content, run);
  g_assert_true (mfa_bundle_write (content, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
remove_bundle (const gchar *dir,
               const gchar *path)
{
  g_unlink (path);
  g_rmdir (dir);
}

/* What mfa_bundle_extract wrote: a few files, one folder deep at most. */
static void
remove_extracted (const gchar *out)
{
  g_autoptr(GDir) top = g_dir_open (out, 0, NULL);
  const gchar *name;

  while (top != NULL && (name = g_dir_read_name (top)) != NULL)
    {
      g_autofree gchar *child = g_build_filename (out, name, NULL);
      g_autoptr(GDir) inner = g_dir_open (child, 0, NULL);
      const gchar *leaf;

      while (inner != NULL && (leaf = g_dir_read_name (inner)) != NULL)
        {
          g_autofree gchar *file = g_build_filename (child, leaf, NULL);

          g_unlink (file);
        }
      if (inner != NULL)
        g_rmdir (child);
      else
        g_unlink (child);
    }
  g_rmdir (out);
}

static void
test_manifest_in_words (void)
{
  g_autofree gchar *dir = NULL;
  g_autofree gchar *path = write_walked_bundle (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaBundle) bundle = mfa_bundle_verify (path, NULL, NULL, &error);
  JsonObject *root, *problem, *topic, *step;
  JsonArray *steps;
  g_auto(GStrv) lines = NULL;
  g_autofree gchar *joined = NULL;
  g_autofree gchar *out = NULL;
  g_autofree gchar *html_path = NULL;
  g_autofree gchar *html = NULL;

  g_assert_no_error (error);
  root = json_node_get_object (bundle->manifest);
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 2);
  problem = json_object_get_object_member (root, "problem");
  g_assert_cmpstr (json_object_get_string_member (problem, "flow"), ==, "device-lost");
  topic = json_object_get_object_member (problem, "topic");
  g_assert_cmpstr (json_object_get_string_member (topic, "id"), ==, "device-lost");
  g_assert_cmpstr (json_object_get_string_member (topic, "title"), ==,
                   "Authenticator Deleted or Phone Lost");
  /* LANGUAGE=C: nothing translated, so nothing repeated. */
  g_assert_false (json_object_has_member (topic, "title_translated"));
  steps = json_object_get_array_member (problem, "steps");
  g_assert_cmpuint (json_array_get_length (steps), ==, 3);
  step = json_array_get_object_element (steps, 0);
  g_assert_cmpstr (json_object_get_string_member (step, "id"), ==, "ask-account");
  g_assert_cmpstr (json_object_get_string_member (step, "type"), ==, "question");
  g_assert_cmpstr (json_object_get_string_member (step, "title"), ==,
                   "Which Kind of Account Is It?");
  g_assert_cmpstr (json_object_get_string_member (step, "answer"), ==, "A RAM user");
  step = json_array_get_object_element (steps, 1);
  g_assert_cmpstr (json_object_get_string_member (step, "type"), ==, "advice");
  g_assert_false (json_object_get_boolean_member (step, "fixed"));
  g_assert_cmpstr (json_object_get_string_member (step, "answer"), ==, "did not fix it");
  step = json_array_get_object_element (steps, 2);
  g_assert_cmpstr (json_object_get_string_member (step, "type"), ==, "ticket");
  g_assert_false (json_object_has_member (step, "answer"));

  lines = mfa_bundle_manifest_steps (bundle->manifest);
  joined = g_strjoinv ("\n", lines);
  g_assert_cmpstr (joined, ==, "Which Kind of Account Is It? → A RAM user\n"
                               "Ask an Administrator to Disable MFA → did not fix it\n"
                               "Ask Support for Help");

  /* summary.html, as a browser shows it to support staff. */
  out = g_build_filename (dir, "out", NULL);
  g_assert_true (mfa_bundle_extract (path, out, &error));
  g_assert_no_error (error);
  html_path = g_build_filename (out, "summary.html", NULL);
  g_file_get_contents (html_path, &html, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html, "<h2>Steps taken</h2>\n<ol>\n"
                                  "<li>Which Kind of Account Is It? → A RAM user</li>\n"
                                  "<li>Ask an Administrator to Disable MFA → did not fix it</li>\n"
                                  "<li>Ask Support for Help</li>\n</ol>"));
  g_assert_nonnull (strstr (html, "<th>Topic</th><td>Authenticator Deleted or Phone Lost</td>"));
  assert_no_step_id (html);
  remove_extracted (out);
  remove_bundle (dir, path);
}

/* A check step carries its verdict and the line the check showed. */
static void
test_check_step_result (void)
{
  g_autoptr(MfaBundleContent) content = test_sample_content ();
  MfaBundleStep *step = g_ptr_array_index (content->steps, 0);
  g_autofree gchar *line = NULL;
  g_autofree gchar *summary = NULL;

  step->result = g_strdup ("Your phone’s clock is between 60 and 90 seconds ahead.");
  line = mfa_bundle_step_describe (step, FALSE);
  g_assert_cmpstr (line, ==, "Is your phone’s clock right? → My phone’s clock is off (Your "
                             "phone’s clock is between 60 and 90 seconds ahead.)");
  g_assert_null (mfa_bundle_step_describe (step, TRUE));
  summary = mfa_bundle_content_summary (content);
  g_assert_nonnull (strstr (summary, "Steps taken\n1. Is your phone’s clock right? → My "));
}

static void
test_summary_in_words (void)
{
  g_autoptr(MfaBundleContent) content = test_sample_content ();
  g_autoptr(MfaFlowRun) run = test_walk_device_lost ();
  g_autofree gchar *summary = NULL;

  mfa_bundle_content_set_path (content, run);
  summary = mfa_bundle_content_summary (content);
  g_assert_nonnull (strstr (summary, "Topic: Authenticator Deleted or Phone Lost\n"));
  g_assert_nonnull (strstr (summary, TEST_DEVICE_LOST_STEPS));
  assert_no_step_id (summary);
}

static gchar *
run_show (const gchar *path,
          gboolean     json,
          gint        *status)
{
  const gchar *argv[] = { g_getenv ("MFA_TICKET"), "show", path, json ? "--json" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  gchar *out = NULL;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (gchar **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                status, &error);
  g_assert_no_error (error);
  return out;
}

static void
test_show_in_words (void)
{
  g_autofree gchar *dir = NULL;
  g_autofree gchar *path = write_walked_bundle (&dir);
  gint status;
  g_autofree gchar *text = run_show (path, FALSE, &status);
  g_autofree gchar *json = NULL;

  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text, "Topic:          Authenticator Deleted or Phone Lost\n"));
  g_assert_nonnull (strstr (text, "Step 1:         Which Kind of Account Is It? → A RAM user\n"
                                  "Step 2:         Ask an Administrator to Disable MFA → did not "
                                  "fix it\n"
                                  "Step 3:         Ask Support for Help\n"));
  assert_no_step_id (text);
  json = run_show (path, TRUE, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (json, "\"title\" : \"Which Kind of Account Is It?\""));
  g_assert_nonnull (strstr (json, "\"answer\" : \"A RAM user\""));
  g_assert_nonnull (strstr (json, "\"answer\" : \"did not fix it\""));
  remove_bundle (dir, path);
}

/* tests/bundle/data/device-lost-v1.mfaticket was written by the writer of
 * format version 1 (steps as ids) after the same walk. */
static void
test_show_version_1 (void)
{
  g_autofree gchar *path = g_test_build_filename (G_TEST_DIST, "bundle", "data",
                                                  "device-lost-v1.mfaticket", NULL);
  gint status;
  g_autofree gchar *text = run_show (path, FALSE, &status);
  g_autofree gchar *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaBundle) bundle = mfa_bundle_verify (path, NULL, NULL, &error);
  g_autofree gchar *report = NULL;

  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text, "Account:        alice@example.onaliyun.com (ram-user)\n"));
  g_assert_nonnull (strstr (text, "Topic:          Authenticator Deleted or Phone Lost\n"));
  g_assert_nonnull (strstr (text, "Step 1:         Which Kind of Account Is It? → A RAM user\n"));
  g_assert_nonnull (strstr (text, "Step 2:         Ask an Administrator to Disable MFA → did not "
                                  "fix it\n"));
  g_assert_nonnull (strstr (text, "Check phone-clock ahead"));
  assert_no_step_id (text);
  json = run_show (path, TRUE, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (json, "\"version\" : 1"));

  g_assert_no_error (error);
  report = mfa_bundle_report_text (bundle->manifest, NULL, NULL);
  g_assert_nonnull (strstr (report, "Steps taken:\n1. Which Kind of Account Is It? → A RAM user\n"));
  assert_no_step_id (report);
}

/* `mfa-ticket create --topic` records a shipped topic with its title. */
static void
test_create_with_topic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *dir = g_dir_make_tmp ("mfa-path-XXXXXX", &error);
  g_autofree gchar *path = g_build_filename (dir, "created.mfaticket", NULL);
  const gchar *argv[] = { g_getenv ("MFA_TICKET"), "create", "--account-type", "ram-user",
                          "--account", "bob@1.onaliyun.com", "--topic", "sms-missing",
                          "-o", path, NULL };
  gint status;
  g_autofree gchar *text = NULL;
  g_autofree gchar *json = NULL;

  g_assert_no_error (error);
  g_spawn_sync (NULL, (gchar **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  text = run_show (path, FALSE, &status);
  g_assert_nonnull (strstr (text, "Topic:          SMS Codes Do Not Arrive\n"));
  json = run_show (path, TRUE, &status);
  g_assert_nonnull (strstr (json, "\"title\" : \"SMS Codes Do Not Arrive\""));
  g_assert_nonnull (strstr (json, "\"language\" : \"en\""));
  remove_bundle (dir, path);
}

/* A bundle is hostile until checked: a step's words stay on one line, and
 * members of the wrong type are left out. */
static void
test_hostile_steps (void)
{
  g_autoptr(JsonNode) manifest = json_from_string (
    "{\"problem\": {\"steps\": ["
    "{\"title\": \"Real step\\n2. Fake step\", \"answer\": \"yes\\u202e\"},"
    "{\"title\": 7, \"answer\": [1], \"title_translated\": {}},"
    "\"unknown-id\", null, 5]}}", NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (manifest);
  lines = mfa_bundle_manifest_steps (manifest);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "Real step\xef\xbf\xbd" "2. Fake step → yes\xef\xbf\xbd");
  g_assert_cmpstr (lines[1], ==, "");
  g_assert_cmpstr (lines[2], ==, "unknown-id");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bundle/path/manifest-in-words", test_manifest_in_words);
  g_test_add_func ("/bundle/path/check-step-result", test_check_step_result);
  g_test_add_func ("/bundle/path/summary-in-words", test_summary_in_words);
  g_test_add_func ("/bundle/path/show-in-words", test_show_in_words);
  g_test_add_func ("/bundle/path/show-version-1", test_show_version_1);
  g_test_add_func ("/bundle/path/create-with-topic", test_create_with_topic);
  g_test_add_func ("/bundle/path/hostile-steps", test_hostile_steps);
  return g_test_run ();
}
