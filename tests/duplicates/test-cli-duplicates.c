/* test-cli-duplicates.c: mfa-diag duplicates as scripts run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "fixture-accounts.h"
#include "fixtures.h"
#include "command-run.h"

static void
run_diag (TestRun             *run,
          const gchar * const *args)
{
  test_run_mfa_diag (run, "duplicates", args, NULL);
}

/* input is what the command reads on standard input. */
static void
run_diag_input (TestRun             *run,
                const gchar * const *args,
                const gchar         *input)
{
  test_run_mfa_diag (run, "duplicates", args, input);
}

typedef FixtureDir Fixture;

static void
assert_member (JsonReader  *reader,
               guint        position,
               const gchar *file,
               gint64       index)
{
  g_assert_true (json_reader_read_element (reader, position));
  g_assert_true (json_reader_read_member (reader, "file"));
  g_assert_cmpstr (json_reader_get_string_value (reader), ==, file);
  json_reader_end_member (reader);
  g_assert_true (json_reader_read_member (reader, "index"));
  g_assert_cmpint (json_reader_get_int_value (reader), ==, index);
  json_reader_end_member (reader);
  json_reader_end_element (reader);
}

/* Two files read as one collection: the Aegis vault's Aliyun entry and
 * the 2FAS backup's 阿里云 entry are one account with two keys. */
static void
test_json_two_files (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree gchar *aegis_text = fixture_aegis (fixture_planted, 1);
  g_autofree gchar *twofas_text = fixture_2fas (fixture_planted + 1, 3);
  g_autofree gchar *aegis = fixture_write (fixture->dir, "aegis.json", aegis_text);
  g_autofree gchar *twofas = fixture_write (fixture->dir, "backup.2fas", twofas_text);
  const gchar *args[] = { "--json", aegis, twofas, NULL };
  g_auto(TestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  run_diag (&run, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_null (strstr (run.out, "JBSWY3DP"));
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  reader = json_reader_new (json_parser_get_root (parser));
  g_assert_true (json_reader_read_member (reader, "entries"));
  g_assert_cmpint (json_reader_get_int_value (reader), ==, 4);
  json_reader_end_member (reader);
  g_assert_true (json_reader_read_member (reader, "groups"));
  g_assert_cmpint (json_reader_count_elements (reader), ==, 2);
  g_assert_true (json_reader_read_element (reader, 0));
  g_assert_true (json_reader_read_member (reader, "issuer"));
  g_assert_cmpstr (json_reader_get_string_value (reader), ==, "Aliyun");
  json_reader_end_member (reader);
  g_assert_true (json_reader_read_member (reader, "account"));
  g_assert_cmpstr (json_reader_get_string_value (reader), ==, "alice");
  json_reader_end_member (reader);
  g_assert_true (json_reader_read_member (reader, "kind"));
  g_assert_cmpstr (json_reader_get_string_value (reader), ==, "different-keys");
  json_reader_end_member (reader);
  g_assert_true (json_reader_read_member (reader, "members"));
  assert_member (reader, 0, aegis, 0);
  assert_member (reader, 1, twofas, 0);
  g_assert_true (json_reader_read_element (reader, 1));
  g_assert_true (json_reader_read_member (reader, "label"));
  g_assert_cmpstr (json_reader_get_string_value (reader), ==, "阿里云:Alice");
}

static void
test_no_groups_exit_zero (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree gchar *text = fixture_andotp (fixture_planted + 3, 3);
  g_autofree gchar *path = fixture_write (fixture->dir, "andotp.json", text);
  const gchar *args[] = { "--format", "andotp", path, NULL };
  g_auto(TestRun) run = { 0 };

  run_diag (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Read 3 entries."));
  g_assert_nonnull (strstr (run.out, "Read 3 entries; no account has more than one."));
}

static void
test_text_report (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree gchar *text = fixture_freeotp (fixture_planted, FIXTURE_N_PLANTED);
  g_autofree gchar *path = fixture_write (fixture->dir, "freeotp.json", text);
  const gchar *args[] = { path, NULL };
  g_auto(TestRun) run = { 0 };

  run_diag (&run, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "Aliyun / alice: 2 entries with different keys"));
  g_assert_nonnull (strstr (run.out, "GitHub / bob: 2 entries with the same key"));
}

/* Exit 2 with one line on standard error naming the file and the reason. */
static void
assert_fails (const gchar *path,
              const gchar *reason)
{
  const gchar *args[] = { "--json", path, NULL };
  g_auto(TestRun) run = { 0 };
  g_autofree gchar *display = g_filename_display_name (path);

  run_diag (&run, args);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_suffix (run.err, "\n"));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);   /* one line */
  g_assert_nonnull (strstr (run.err, display));
  if (strstr (run.err, reason) == NULL)
    g_error ("“%s” does not say “%s”", run.err, reason);
}

static void
test_unreadable_files (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree gchar *encrypted = fixture_write (fixture->dir, "vault.json",
                                               "{\"encrypted\": true, \"data\": \"2.x\"}");
  g_autofree gchar *damaged = fixture_write (fixture->dir, "broken.2fas",
                                             "{\"services\": [{\"name\": ");
  g_autofree gchar *unknown = fixture_write (fixture->dir, "notes.txt", "remember the milk\n");
  g_autofree gchar *missing = g_build_filename (fixture->dir, "missing.json", NULL);

  assert_fails (encrypted, "encrypted");
  assert_fails (damaged, "damaged");
  assert_fails (unknown, "no authenticator export");
  assert_fails (missing, "No such file");
}

/* An encrypted vault: refused without a password (with how to give one),
 * read with it from a file or standard input, "wrong password" otherwise.
 * The fixtures' own Aegis writer seals it (tests/duplicates). */
static void
test_password_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree gchar *vault = NULL;
  g_autofree gchar *password = fixture_write (fixture->dir, "password",
                                              FIXTURE_PASSWORD "\n");
  g_autofree gchar *list = fixture_write (fixture->dir, "list.txt",
                                          "otpauth://totp/GitHub:alice%40example.com?secret="
                                          "JBSWY3DPEHPK3PXP&issuer=GitHub\n"
                                          "otpauth://totp/Broken:entry?issuer=Broken\n");
  g_autofree guint8 *bytes = NULL;
  gsize len;
  g_auto(TestRun) none = { 0 };
  g_auto(TestRun) from_file = { 0 };
  g_auto(TestRun) from_stdin = { 0 };
  g_auto(TestRun) wrong = { 0 };

  bytes = fixture_accounts_aegis (fixture_accounts, fixture_n_accounts, FIXTURE_ENCRYPTED, &len);
  vault = fixture_write (fixture->dir, "vault.json", (const gchar *) bytes);
  {
    const gchar *args[] = { vault, NULL };

    run_diag (&none, args);
  }
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "this Aegis backup is encrypted: give its password to "
                                      "read it (give it with --password-file FILE"));
  {
    const gchar *args[] = { "--password-file", password, "--json", vault, list, NULL };

    run_diag (&from_file, args);
  }
  /* Same key in both files: one group, exit 1; the broken line makes the
   * report partial. */
  g_assert_cmpint (from_file.status, ==, 1);
  g_assert_nonnull (strstr (from_file.out, "\"entries\" : 8"));
  g_assert_nonnull (strstr (from_file.out, "\"partial\" : true"));
  g_assert_nonnull (strstr (from_file.out, "\"place\" : \"line\""));
  g_assert_nonnull (strstr (from_file.out, "\"type\" : \"totp\""));
  g_assert_null (strstr (from_file.out, "JBSWY3DP"));
  g_assert_null (strstr (from_file.out, FIXTURE_PASSWORD));
  {
    const gchar *args[] = { "--password-file", "-", vault, NULL };

    run_diag_input (&from_stdin, args, FIXTURE_PASSWORD "\n");
  }
  g_assert_cmpint (from_stdin.status, ==, 0);
  g_assert_nonnull (strstr (from_stdin.out, "Read 7 entries."));
  {
    const gchar *args[] = { "--password-file", "-", vault, NULL };

    run_diag_input (&wrong, args, "hunter2\n");
  }
  g_assert_cmpint (wrong.status, ==, 2);
  g_assert_true (g_str_has_suffix (wrong.err, "vault.json: wrong password\n"));
}

static void
test_same_file_twice (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree gchar *text = fixture_aegis (fixture_planted + 3, 3);
  g_autofree gchar *path = fixture_write (fixture->dir, "aegis.json", text);
  g_autofree gchar *other_name = g_build_filename (fixture->dir, ".", "aegis.json", NULL);
  const gchar *args[] = { path, other_name, NULL };
  g_auto(TestRun) run = { 0 };

  run_diag (&run, args);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "the same file is given twice"));
}

static void
test_bad_format_option (Fixture       *fixture,
                        gconstpointer  data)
{
  const gchar *args[] = { "--format", "keepass", "x", NULL };
  g_auto(TestRun) run = { 0 };

  run_diag (&run, args);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--format must be"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-duplicates/json-two-files", Fixture, NULL, fixture_dir_set_up,
              test_json_two_files, fixture_dir_tear_down);
  g_test_add ("/cli-duplicates/no-groups", Fixture, NULL, fixture_dir_set_up,
              test_no_groups_exit_zero, fixture_dir_tear_down);
  g_test_add ("/cli-duplicates/text-report", Fixture, NULL, fixture_dir_set_up,
              test_text_report, fixture_dir_tear_down);
  g_test_add ("/cli-duplicates/unreadable-files", Fixture, NULL, fixture_dir_set_up,
              test_unreadable_files, fixture_dir_tear_down);
  g_test_add ("/cli-duplicates/password-file", Fixture, NULL, fixture_dir_set_up,
              test_password_file, fixture_dir_tear_down);
  g_test_add ("/cli-duplicates/same-file-twice", Fixture, NULL, fixture_dir_set_up,
              test_same_file_twice, fixture_dir_tear_down);
  g_test_add ("/cli-duplicates/bad-format-option", Fixture, NULL, fixture_dir_set_up,
              test_bad_format_option, fixture_dir_tear_down);
  return g_test_run ();
}
