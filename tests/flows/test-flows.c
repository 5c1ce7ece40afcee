/* test-flows.c: the flow format, its validator, and the engine walking
 * every path of every shipped flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "mfadiag.h"

static const gchar *topic_ids[] = {
  "binding-code-rejected", "signin-code-rejected", "device-lost", "new-phone",
  "require-mfa", "disable-mfa", "contact-limit", "activation-link",
  "method-not-shown", "wrong-binding", "sms-missing", "email-missing",
};

static MfaFlowSet *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  MfaFlowSet *set = mfa_flow_set_load_default (&error);

  g_assert_no_error (error);
  return set;
}

static void
test_default_topics (void)
{
  g_autoptr(MfaFlowSet) set = load_default ();

  g_assert_cmpuint (mfa_flow_set_get_n_flows (set), ==, G_N_ELEMENTS (topic_ids));
  for (guint i = 0; i < G_N_ELEMENTS (topic_ids); i++)
    g_assert_cmpstr (mfa_flow_set_get_flow (set, i)->id, ==, topic_ids[i]);
}

static void
test_default_valid (void)
{
  g_autoptr(MfaFlowSet) set = load_default ();
  g_autoptr(GPtrArray) problems = mfa_flow_set_validate (set, NULL, 0);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((MfaFlowProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_default_translated (void)
{
  g_autofree gchar *po = g_test_build_filename (G_TEST_DIST, "..", "po", "zh_CN.po", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaPoCatalog) catalog = mfa_po_catalog_load (po, &error);
  g_autoptr(MfaFlowSet) set = load_default ();
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (mfa_po_catalog_get_language (catalog), ==, "zh_CN");
  problems = mfa_flow_set_validate (set, &catalog, 1);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((MfaFlowProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* xgettext reads the C file the build writes, so it must list today's texts. */
static void
test_default_strings_file_current (void)
{
  g_autofree gchar *path = g_test_build_filename (G_TEST_BUILT, "..", "data", "flows",
                                                  "default-strings.c", NULL);
  g_autofree gchar *on_disk = NULL;
  g_autofree gchar *expected = NULL;
  g_autoptr(MfaFlowSet) set = load_default ();
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &on_disk, NULL, &error);
  g_assert_no_error (error);
  expected = mfa_flow_set_format_c_strings (set);
  if (g_strcmp0 (on_disk, expected) != 0)
    g_test_message ("rebuild it: meson compile flows-default-strings");
  g_assert_cmpstr (on_disk, ==, expected);
  /* Spot checks: a title, an advice text and a choice label are listed. */
  g_assert_nonnull (strstr (on_disk, "N_(\"Code Rejected While Binding MFA\");"));
  g_assert_nonnull (strstr (on_disk, "N_(\"I cannot tell\");"));
}

static void
test_search_both_languages (void)
{
  g_autoptr(MfaFlowSet) set = load_default ();
  const MfaFlow *sms = mfa_flow_set_find_flow (set, "sms-missing");

  g_assert_true (mfa_flow_matches (sms, "SMS"));
  g_assert_true (mfa_flow_matches (sms, "短信"));
  g_assert_true (mfa_flow_matches (sms, "  text MESSAGE "));
  g_assert_false (mfa_flow_matches (sms, "QR"));
  g_assert_true (mfa_flow_matches (sms, ""));
}

/* Builds a one-flow file around the given steps (a JSON array body). */
static MfaFlowSet *
load_steps (const gchar  *steps,
            GError      **error)
{
  g_autofree gchar *json = g_strdup_printf ("{\"format\": \"mfa-flows\", \"version\": 1, "
                                            "\"flows\": [{\"id\": \"t\", \"title\": \"T\", "
                                            "\"subtitle\": \"S\", \"steps\": [%s]}]}", steps);

  return mfa_flow_set_load_data (json, -1, error);
}

#define DONE "{\"id\": \"done\", \"type\": \"done\", \"title\": \"Done\"}"

static void
assert_problem (const gchar *steps,
                const gchar *kind,
                const gchar *step_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaFlowSet) set = load_steps (steps, &error);
  g_autoptr(GPtrArray) problems = NULL;
  gboolean found = FALSE;

  g_assert_no_error (error);
  problems = mfa_flow_set_validate (set, NULL, 0);
  for (guint i = 0; i < problems->len; i++)
    {
      const MfaFlowProblem *problem = g_ptr_array_index (problems, i);

      g_test_message ("%s %s: %s", problem->kind, problem->step_id, problem->message);
      found |= g_str_equal (problem->kind, kind) && g_strcmp0 (problem->step_id, step_id) == 0;
    }
  g_assert_true (found);
}

static void
test_validate_unknown_step (void)
{
  assert_problem ("{\"id\": \"q\", \"type\": \"question\", \"title\": \"Q\", \"choices\": ["
                  "{\"label\": \"a\", \"next\": \"done\"}, {\"label\": \"b\", \"next\": \"dnoe\"}]},"
                  DONE, "unknown-step", "q");
}

static void
test_validate_unreachable (void)
{
  assert_problem ("{\"id\": \"a\", \"type\": \"advice\", \"title\": \"A\", \"fixed\": \"done\","
                  " \"not_fixed\": \"done\"}, {\"id\": \"island\", \"type\": \"ticket\","
                  " \"title\": \"I\"}," DONE, "unreachable", "island");
}

static void
test_validate_dead_end (void)
{
  /* "loop" only leads to itself: a user who enters it can never finish. */
  assert_problem ("{\"id\": \"q\", \"type\": \"question\", \"title\": \"Q\", \"choices\": ["
                  "{\"label\": \"a\", \"next\": \"done\"}, {\"label\": \"b\", \"next\": \"loop\"}]},"
                  "{\"id\": \"loop\", \"type\": \"question\", \"title\": \"L\", \"choices\": ["
                  "{\"label\": \"again\", \"next\": \"loop\"}]}," DONE, "dead-end", "loop");
}

static void
test_validate_unknown_check (void)
{
  assert_problem ("{\"id\": \"c\", \"type\": \"check\", \"check\": \"horoscope\", \"title\": \"C\","
                  " \"outcomes\": [{\"verdict\": \"unknown\", \"label\": \"?\", \"next\": \"done\"}]},"
                  DONE, "unknown-check", "c");
}

static void
test_validate_verdicts (void)
{
  const gchar *steps = "{\"id\": \"c\", \"type\": \"check\", \"check\": \"clock\", \"title\": \"C\","
                       " \"outcomes\": [{\"verdict\": \"fine\", \"label\": \"ok\", \"next\": \"done\"}]},"
                       DONE;

  assert_problem (steps, "unknown-verdict", "c");
  assert_problem (steps, "no-unknown-outcome", "c");
}

static void
test_validate_missing_translation (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaFlowSet) set = load_steps (DONE, &error);
  g_autofree gchar *dir = g_dir_make_tmp ("flows-XXXXXX", &error);
  g_autofree gchar *po = g_build_filename (dir, "de.po", NULL);
  g_autoptr(MfaPoCatalog) catalog = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_no_error (error);
  /* "T" translated; "S" fuzzy and "Done" empty count as missing. */
  g_file_set_contents (po, "msgid \"\"\nmsgstr \"Language: de\\n\"\n\n"
                           "msgid \"T\"\nmsgstr \"T-de\"\n\n"
                           "#, fuzzy\nmsgid \"S\"\nmsgstr \"S-de\"\n\n"
                           "msgid \"Done\"\nmsgstr \"\"\n", -1, &error);
  g_assert_no_error (error);
  catalog = mfa_po_catalog_load (po, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mfa_po_catalog_lookup (catalog, "T"), ==, "T-de");
  problems = mfa_flow_set_validate (set, &catalog, 1);
  g_assert_cmpuint (problems->len, ==, 2);
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpstr (((MfaFlowProblem *) g_ptr_array_index (problems, i))->kind, ==,
                     "missing-translation");
  g_assert_nonnull (strstr (((MfaFlowProblem *) g_ptr_array_index (problems, 0))->message, "“S”"));
  g_unlink (po);
  g_rmdir (dir);
}

static void
test_parse_errors (void)
{
  struct { const gchar *json; const gchar *says; } cases[] = {
    { "{", "not valid JSON" },
    { "{\"format\": \"other\", \"version\": 1, \"flows\": []}", "mfa-flows" },
    { "{\"format\": \"mfa-flows\", \"version\": 1, \"flows\": []}", "no flows" },
  };
  struct { const gchar *steps; const gchar *says; } step_cases[] = {
    { "{\"id\": \"x\", \"type\": \"maybe\", \"title\": \"X\"}", "“type” must be" },
    { "{\"id\": \"x\", \"type\": \"done\"}", "step “x”: “title” must be" },
    { DONE "," DONE, "two steps have this id" },
    { "{\"id\": \"q\", \"type\": \"question\", \"title\": \"Q\", \"choices\": []}", "at least one choice" },
    { "{\"id\": \"d\", \"type\": \"done\", \"title\": \"D\", \"links\": [{\"label\": \"L\","
      " \"url\": \"http://example.com\"}]}", "https://" },
    { "{\"id\": \"a\", \"type\": \"advice\", \"title\": \"A\", \"fixed\": \"d\"}", "“not_fixed”" },
    { "{\"id\": \"a\", \"type\": \"advice\", \"title\": \"A\", \"fixed\": \"d\", \"not_fixed\": \"d\","
      " \"wait_seconds\": 0}", "wait_seconds" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MfaFlowSet) set = mfa_flow_set_load_data (cases[i].json, -1, &error);

      g_assert_null (set);
      g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_FLOW);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
  for (guint i = 0; i < G_N_ELEMENTS (step_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MfaFlowSet) set = load_steps (step_cases[i].steps, &error);

      g_test_message ("%s", error != NULL ? error->message : "(loaded)");
      g_assert_null (set);
      g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_FLOW);
      g_assert_nonnull (strstr (error->message, step_cases[i].says));
    }
}

typedef struct
{
  guint       n_paths;
  guint       n_tickets;
  GHashTable *seen_steps;
} Walk;

/* Takes every choice at every page, depth first, going back after each:
 * every path must end in done or ticket within a bounded number of pages. */
static void
walk_every_path (MfaFlowRun *run,
                 Walk       *walk,
                 guint       depth)
{
  const MfaFlowStep *step = mfa_flow_run_get_step (run);

  g_assert_cmpuint (depth, <, 32);
  g_assert_cmpuint (mfa_flow_run_get_position (run), ==, depth + 1);
  g_assert_cmpint (step->type, !=, MFA_STEP_BRANCH);
  g_assert_nonnull (step->title);
  g_hash_table_add (walk->seen_steps, step->id);
  if (mfa_flow_run_is_finished (run))
    {
      g_assert_cmpuint (step->edges->len, ==, 0);
      walk->n_paths++;
      walk->n_tickets += step->type == MFA_STEP_TICKET;
      return;
    }
  g_assert_cmpuint (step->edges->len, >, 0);
  for (guint i = 0; i < step->edges->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (mfa_flow_run_choose (run, i, &error));
      g_assert_no_error (error);
      walk_every_path (run, walk, depth + 1);
      g_assert_true (mfa_flow_run_go_back (run));
      g_assert_true (mfa_flow_run_get_step (run) == step);
    }
}

static void
test_engine_every_path (void)
{
  g_autoptr(MfaFlowSet) set = load_default ();
  const gchar *account_types[] = { NULL, "alibaba-cloud-account", "ram-user" };

  for (guint i = 0; i < mfa_flow_set_get_n_flows (set); i++)
    {
      const MfaFlow *flow = mfa_flow_set_get_flow (set, i);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      guint shown_steps = 0;
      Walk walk = { 0, 0, seen };

      for (guint a = 0; a < G_N_ELEMENTS (account_types); a++)
        {
          g_autoptr(GHashTable) facts = g_hash_table_new (g_str_hash, g_str_equal);
          g_autoptr(GError) error = NULL;
          g_autoptr(MfaFlowRun) run = NULL;

          if (account_types[a] != NULL)
            g_hash_table_insert (facts, "account-type", (gpointer) account_types[a]);
          run = mfa_flow_run_new (set, flow, facts, &error);
          g_assert_no_error (error);
          walk_every_path (run, &walk, 0);
        }
      /* Every page of the flow is on some path. */
      for (guint s = 0; s < flow->steps->len; s++)
        shown_steps += ((MfaFlowStep *) g_ptr_array_index (flow->steps, s))->type != MFA_STEP_BRANCH;
      g_test_message ("%s: %u paths, %u to a ticket", flow->id, walk.n_paths, walk.n_tickets);
      g_assert_cmpuint (g_hash_table_size (seen), ==, shown_steps);
      g_assert_cmpuint (walk.n_tickets, >, 0);
      g_assert_cmpuint (walk.n_paths, >, walk.n_tickets);
    }
}

static MfaFlowRun *
start (MfaFlowSet  *set,
       const gchar *flow_id,
       GHashTable  *facts)
{
  g_autoptr(GError) error = NULL;
  MfaFlowRun *run = mfa_flow_run_new (set, mfa_flow_set_find_flow (set, flow_id), facts, &error);

  g_assert_no_error (error);
  return run;
}

static void
assert_at (MfaFlowRun  *run,
           const gchar *step_id)
{
  g_assert_cmpstr (mfa_flow_run_get_step (run)->id, ==, step_id);
}

static void
test_engine_verdicts (void)
{
  g_autoptr(MfaFlowSet) set = load_default ();
  g_autoptr(MfaFlowRun) run = start (set, "binding-code-rejected", NULL);
  g_autoptr(GError) error = NULL;

  assert_at (run, "phone-clock");
  g_assert_cmpstr (mfa_flow_run_get_step (run)->check, ==, "phone-clock");
  g_assert_true (mfa_flow_run_report_verdict (run, "problem", &error));
  assert_at (run, "fix-clock");
  mfa_flow_run_go_back (run);
  g_assert_true (mfa_flow_run_report_verdict (run, "ok", &error));
  assert_at (run, "latest-code");
  mfa_flow_run_go_back (run);
  /* The step names no "warning" outcome: it goes where "unknown" goes. */
  g_assert_true (mfa_flow_run_report_verdict (run, "warning", &error));
  g_assert_no_error (error);
  assert_at (run, "fix-clock");
  /* A verdict on a page that is not a check is refused. */
  g_assert_false (mfa_flow_run_report_verdict (run, "ok", &error));
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  mfa_flow_run_go_back (run);
  g_assert_false (mfa_flow_run_report_verdict (run, "splendid", &error));
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT);
}

static void
test_engine_known_fact (void)
{
  g_autoptr(MfaFlowSet) set = load_default ();
  g_autoptr(GHashTable) facts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(MfaFlowRun) ram = NULL;
  g_autoptr(MfaFlowRun) unknown = start (set, "device-lost", NULL);
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (facts, "account-type", "ram-user");
  ram = start (set, "device-lost", facts);
  assert_at (ram, "reset-ram");
  g_assert_cmpuint (mfa_flow_run_get_position (ram), ==, 1);

  /* Not known: the branch asks, and the answer becomes a fact… */
  assert_at (unknown, "ask-account");
  g_assert_null (mfa_flow_run_get_fact (unknown, "account-type"));
  g_assert_true (mfa_flow_run_choose (unknown, 0, &error));
  assert_at (unknown, "reset-account");
  g_assert_cmpstr (mfa_flow_run_get_fact (unknown, "account-type"), ==, "alibaba-cloud-account");
  /* …that going back takes away again. */
  mfa_flow_run_go_back (unknown);
  g_assert_null (mfa_flow_run_get_fact (unknown, "account-type"));
}

static void
test_engine_back_forward (void)
{
  g_autoptr(MfaFlowSet) set = load_default ();
  g_autoptr(MfaFlowRun) run = start (set, "activation-link", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) path = NULL;

  g_assert_false (mfa_flow_run_can_go_back (run));
  g_assert_cmpint (mfa_flow_run_get_chosen (run), ==, -1);
  g_assert_true (mfa_flow_run_choose (run, 1, &error));  /* rate-limited */
  g_assert_true (mfa_flow_run_choose (run, 1, &error));  /* 15 minutes */
  assert_at (run, "wait-15");
  g_assert_cmpuint (mfa_flow_run_get_step (run)->wait_seconds, ==, 900);
  g_assert_cmpuint (mfa_flow_run_get_position (run), ==, 3);

  /* Back twice: each page remembers the answer given. */
  g_assert_true (mfa_flow_run_go_back (run));
  g_assert_cmpint (mfa_flow_run_get_chosen (run), ==, 1);
  g_assert_true (mfa_flow_run_go_back (run));
  g_assert_cmpint (mfa_flow_run_get_chosen (run), ==, 1);
  g_assert_true (mfa_flow_run_can_go_forward (run));
  g_assert_true (mfa_flow_run_go_forward (run));
  g_assert_true (mfa_flow_run_go_forward (run));
  assert_at (run, "wait-15");
  g_assert_false (mfa_flow_run_can_go_forward (run));

  path = mfa_flow_run_get_path (run);
  g_assert_cmpuint (g_strv_length (path), ==, 3);
  g_assert_cmpstr (path[1], ==, "rate-limited");

  /* The same answer again keeps the future; another answer replaces it. */
  mfa_flow_run_go_back (run);
  mfa_flow_run_go_back (run);
  g_assert_true (mfa_flow_run_choose (run, 1, &error));
  g_assert_true (mfa_flow_run_can_go_forward (run));
  mfa_flow_run_go_back (run);
  g_assert_true (mfa_flow_run_choose (run, 0, &error));
  assert_at (run, "expired");
  g_assert_false (mfa_flow_run_can_go_forward (run));

  g_assert_false (mfa_flow_run_choose (run, 7, &error));
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT);

  mfa_flow_run_restart (run);
  assert_at (run, "what");
  g_assert_false (mfa_flow_run_can_go_back (run));
  g_assert_false (mfa_flow_run_can_go_forward (run));
  g_assert_cmpint (mfa_flow_run_get_chosen (run), ==, -1);
}

static void
test_engine_branch_circle (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaFlowSet) set = load_steps ("{\"id\": \"b\", \"type\": \"branch\", \"fact\": \"f\","
                                          " \"cases\": [], \"otherwise\": \"b\"}," DONE, &error);
  g_autoptr(MfaFlowRun) run = NULL;

  g_assert_no_error (error);
  run = mfa_flow_run_new (set, mfa_flow_set_get_flow (set, 0), NULL, &error);
  g_assert_null (run);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_FLOW);
}

static gint
run_diag (const gchar  *first_arg,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const gchar *arg = first_arg;
  gint status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MFA_DIAG"));
  g_ptr_array_add (argv, "flows");
  va_start (args, first_arg);
  for (; arg != NULL; arg = va_arg (args, const gchar *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (gchar **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL
                | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  return WEXITSTATUS (status);
}

static void
test_cli_exit_statuses (void)
{
  g_autofree gchar *po = g_test_build_filename (G_TEST_DIST, "..", "po", "zh_CN.po", NULL);
  g_autofree gchar *dir = NULL;
  g_autofree gchar *bad = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("MFA_DIAG") == NULL)
    {
      g_test_skip ("MFA_DIAG is not set");
      return;
    }
  dir = g_dir_make_tmp ("flows-cli-XXXXXX", &error);
  g_assert_no_error (error);
  bad = g_build_filename (dir, "bad.json", NULL);
  g_file_set_contents (bad, "{\"format\": \"mfa-flows\", \"version\": 1, \"flows\": [{\"id\": \"t\","
                            " \"title\": \"T\", \"subtitle\": \"S\", \"steps\": [{\"id\": \"q\","
                            " \"type\": \"question\", \"title\": \"Q\", \"choices\": [{\"label\":"
                            " \"x\", \"next\": \"nowhere\"}]}]}]}", -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_diag (NULL), ==, 0);
  g_assert_cmpint (run_diag ("--po", po, "--json", NULL), ==, 0);
  g_assert_cmpint (run_diag ("--check", bad, NULL), ==, 1);
  g_assert_cmpint (run_diag ("--check", "/nonexistent/flows.json", NULL), ==, 2);
  g_unlink (bad);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flows/default/twelve-topics", test_default_topics);
  g_test_add_func ("/flows/default/valid", test_default_valid);
  g_test_add_func ("/flows/default/translated-zh-cn", test_default_translated);
  g_test_add_func ("/flows/default/strings-file-current", test_default_strings_file_current);
  g_test_add_func ("/flows/default/search-english-and-chinese", test_search_both_languages);
  g_test_add_func ("/flows/validate/unknown-step", test_validate_unknown_step);
  g_test_add_func ("/flows/validate/unreachable", test_validate_unreachable);
  g_test_add_func ("/flows/validate/dead-end", test_validate_dead_end);
  g_test_add_func ("/flows/validate/unknown-check", test_validate_unknown_check);
  g_test_add_func ("/flows/validate/verdicts", test_validate_verdicts);
  g_test_add_func ("/flows/validate/missing-translation", test_validate_missing_translation);
  g_test_add_func ("/flows/parse/errors", test_parse_errors);
  g_test_add_func ("/flows/engine/every-path", test_engine_every_path);
  g_test_add_func ("/flows/engine/verdicts", test_engine_verdicts);
  g_test_add_func ("/flows/engine/known-fact", test_engine_known_fact);
  g_test_add_func ("/flows/engine/back-forward", test_engine_back_forward);
  g_test_add_func ("/flows/engine/branch-circle", test_engine_branch_circle);
  g_test_add_func ("/flows/cli/exit-statuses", test_cli_exit_statuses);
  return g_test_run ();
}
