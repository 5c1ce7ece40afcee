/* test-export-formats.c: one set of accounts written by every app's
 * format, plain and encrypted, read whole with every field compared; the
 * same accounts across apps; a changed key; a stale entry without issuer;
 * a damaged entry in an otherwise good file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "fixture-accounts.h"
#include "fixtures.h"

typedef struct
{
  const gchar           *name;
  MfaImportFormat        format;
  FixtureAccountsWriter  writer;
  FixtureSealing         sealing;
} FormatCase;

static const FormatCase cases[] = {
  { "uri.txt", MFA_IMPORT_URI, fixture_accounts_uri, FIXTURE_PLAIN },
  { "google.txt", MFA_IMPORT_GOOGLE, fixture_accounts_google, FIXTURE_PLAIN },
  { "aegis.json", MFA_IMPORT_AEGIS, fixture_accounts_aegis, FIXTURE_PLAIN },
  { "aegis-encrypted.json", MFA_IMPORT_AEGIS, fixture_accounts_aegis, FIXTURE_ENCRYPTED },
  { "otp_accounts.json", MFA_IMPORT_ANDOTP, fixture_accounts_andotp, FIXTURE_PLAIN },
  { "otp_accounts.json.aes", MFA_IMPORT_ANDOTP, fixture_accounts_andotp, FIXTURE_ENCRYPTED },
  { "otp_accounts_old.json.aes", MFA_IMPORT_ANDOTP, fixture_accounts_andotp,
    FIXTURE_ENCRYPTED_OLD },
  { "backup.2fas", MFA_IMPORT_2FAS, fixture_accounts_2fas, FIXTURE_PLAIN },
  { "backup-encrypted.2fas", MFA_IMPORT_2FAS, fixture_accounts_2fas, FIXTURE_ENCRYPTED },
  { "freeotp-backup.json", MFA_IMPORT_FREEOTP_PLUS, fixture_accounts_freeotp_plus,
    FIXTURE_PLAIN },
  { "bitwarden.json", MFA_IMPORT_BITWARDEN, fixture_accounts_bitwarden, FIXTURE_PLAIN },
  { "bitwarden-pbkdf2.json", MFA_IMPORT_BITWARDEN, fixture_accounts_bitwarden,
    FIXTURE_ENCRYPTED },
  { "bitwarden-argon2id.json", MFA_IMPORT_BITWARDEN, fixture_accounts_bitwarden,
    FIXTURE_ENCRYPTED_OLD },
  { "bitwarden.csv", MFA_IMPORT_BITWARDEN_CSV, fixture_accounts_bitwarden_csv, FIXTURE_PLAIN },
  { "proton-authenticator.json", MFA_IMPORT_PROTON, fixture_accounts_proton, FIXTURE_PLAIN },
  { "backup.authpro", MFA_IMPORT_AUTHENTICATOR_PRO, fixture_accounts_authenticator_pro,
    FIXTURE_PLAIN },
  { "tokens.xml", MFA_IMPORT_FREEOTP, fixture_accounts_freeotp_xml, FIXTURE_PLAIN },
};

typedef FixtureDir Fixture;

static gchar *
write_case (Fixture              *fixture,
            const FormatCase     *format_case,
            const FixtureAccount *accounts,
            guint                 n,
            const gchar          *name)
{
  g_autofree gchar *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *data = NULL;
  gsize len;

  data = format_case->writer (accounts, n, format_case->sealing, &len);
  g_file_set_contents (path, (const gchar *) data, len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static MfaImportResult *
read_files (const gchar * const  *paths,
            const gchar          *password,
            GError              **error)
{
  return mfa_import_read (paths, NULL, MFA_IMPORT_AUTO, password, error);
}

/* Every account the format can hold is read, whole, in order. */
static void
test_read_whole (Fixture       *fixture,
                 gconstpointer  data)
{
  const FormatCase *format_case = data;
  g_autofree gchar *path = write_case (fixture, format_case, fixture_accounts,
                                       fixture_n_accounts, format_case->name);
  const gchar *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaImportResult) result = NULL;
  guint read = 0;

  result = read_files (paths, format_case->sealing != FIXTURE_PLAIN ? FIXTURE_PASSWORD : NULL,
                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->skipped->len, ==, 0);
  for (guint i = 0; i < fixture_n_accounts; i++)
    {
      if (!fixture_fits (format_case->format, &fixture_accounts[i]))
        continue;
      g_assert_cmpuint (read, <, result->entries->len);
      fixture_assert_account (g_ptr_array_index (result->entries, read), &fixture_accounts[i]);
      read++;
    }
  g_assert_cmpuint (read, ==, result->entries->len);
  g_assert_cmpuint (read, >=, 3);
}

/* Encrypted: no password asks for one, a wrong one says so and only so. */
static void
test_password (Fixture       *fixture,
               gconstpointer  data)
{
  const FormatCase *format_case = data;
  g_autofree gchar *path = write_case (fixture, format_case, fixture_accounts, 2,
                                       format_case->name);
  const gchar *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaImportResult) result = NULL;
  g_autofree gchar *expected = NULL;

  result = read_files (paths, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_ENCRYPTED_EXPORT);
  g_assert_nonnull (strstr (error->message, "is encrypted: give its password to read it"));
  g_clear_error (&error);

  result = read_files (paths, "correct horse battery staple", &error);
  g_assert_null (result);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_WRONG_PASSWORD);
  expected = g_strdup_printf ("%s: wrong password", path);
  g_assert_cmpstr (error->message, ==, expected);
}

/* A backup whose vault decrypts to nothing but white space (json-glib
 * reads that as a document without a root) is damaged, said so; it once
 * crashed the reader (found by fuzz-json-lazy). */
static void
test_sealed_nothing (Fixture       *fixture,
                     gconstpointer  data)
{
  static const gchar *const texts[] = { "", "  \n\t ", NULL };

  for (guint i = 0; texts[i] != NULL; i++)
    {
      gsize len = 0;
      g_autofree guint8 *backup = fixture_2fas_sealing (texts[i], &len);
      g_autofree gchar *path = g_build_filename (fixture->dir, "empty.2fas", NULL);
      const gchar *paths[] = { path, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(MfaImportResult) result = NULL;

      g_assert_true (g_file_set_contents (path, (const gchar *) backup, len, NULL));
      result = read_files (paths, FIXTURE_PASSWORD, &error);
      g_assert_null (result);
      g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT);
      g_assert_nonnull (strstr (error->message, "damaged"));
    }
}

/* An old-layout andOTP backup starts with its random IV: one in 128 begins
 * with "{" or "[", as JSON does (and some with white space before them).
 * It is still an encrypted backup: no password asks for one, the password
 * opens it. (Such a backup was once taken for damaged JSON.) */
static void
test_iv_like_json (Fixture       *fixture,
                   gconstpointer  data)
{
  static const gchar *const starts[] = { "{\"a\":1,\"b\":2}", "[1,2,3,4,5,6]", " \n\t{\"key\": " };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      gsize len = 0;
      g_autofree guint8 *backup = fixture_andotp_old_with_iv (fixture_accounts, 2,
                                                              (const guint8 *) starts[i], &len);
      g_autofree gchar *path = g_build_filename (fixture->dir, "otp_accounts_old.json.aes", NULL);
      const gchar *paths[] = { path, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(MfaImportResult) result = NULL;

      g_assert_cmpint (memcmp (backup, starts[i], 12), ==, 0);
      g_assert_true (g_file_set_contents (path, (const gchar *) backup, len, NULL));
      result = read_files (paths, NULL, &error);
      g_assert_null (result);
      g_assert_error (error, MFA_ERROR, MFA_ERROR_ENCRYPTED_EXPORT);
      g_clear_error (&error);
      result = read_files (paths, FIXTURE_PASSWORD, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (result->entries->len, ==, 2);
    }
}

/* The same accounts from two apps: each is one same-key group. */
static void
test_two_apps_same_keys (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree gchar *aegis = write_case (fixture, &cases[3], fixture_accounts,
                                        fixture_n_accounts, "aegis.json");
  g_autofree gchar *twofas = write_case (fixture, &cases[7], fixture_accounts,
                                         fixture_n_accounts, "backup.2fas");
  const gchar *paths[] = { aegis, twofas, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaImportResult) result = read_files (paths, FIXTURE_PASSWORD, &error);
  g_autoptr(MfaDuplicateReport) report = NULL;

  g_assert_no_error (error);
  report = mfa_duplicates_find_in_result (result, NULL);
  g_assert_cmpuint (report->groups->len, ==, fixture_n_accounts);
  for (guint i = 0; i < report->groups->len; i++)
    {
      const MfaDuplicateGroup *group = g_ptr_array_index (report->groups, i);

      g_assert_cmpint (group->kind, ==, MFA_DUPLICATE_SAME_KEY);
      g_assert_cmpuint (group->members->len, ==, 2);
    }
  g_assert_cmpstr (mfa_duplicate_report_verdict (report), ==, "ok");
}

/* One account's key changed in the second app: that group, and only that
 * one, has different keys. */
static void
test_changed_key (Fixture       *fixture,
                  gconstpointer  data)
{
  FixtureAccount changed[G_N_ELEMENTS (fixture_accounts)];
  g_autofree gchar *andotp = NULL, *bitwarden = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaImportResult) result = NULL;
  g_autoptr(MfaDuplicateReport) report = NULL;
  guint different = 0;

  memcpy (changed, fixture_accounts, sizeof changed);
  changed[1].base32 = "ORSXG5DJNZTSA43UMFWGKIDLMV4Q";
  andotp = write_case (fixture, &cases[4], fixture_accounts, fixture_n_accounts, "a.json");
  bitwarden = write_case (fixture, &cases[11], changed, fixture_n_accounts, "b.json");
  {
    const gchar *paths[] = { andotp, bitwarden, NULL };

    result = read_files (paths, FIXTURE_PASSWORD, &error);
  }
  g_assert_no_error (error);
  report = mfa_duplicates_find_in_result (result, NULL);
  for (guint i = 0; i < report->groups->len; i++)
    {
      const MfaDuplicateGroup *group = g_ptr_array_index (report->groups, i);

      if (group->kind != MFA_DUPLICATE_DIFFERENT_KEYS)
        continue;
      different++;
      g_assert_cmpstr (group->issuer, ==, "阿里云");
      g_assert_cmpstr (group->account, ==, "张三");
    }
  g_assert_cmpuint (different, ==, 1);
  g_assert_cmpstr (mfa_duplicate_report_verdict (report), ==, "problem");
}

/* Google Authenticator kept "Mason" without an issuer and with an old key;
 * Aegis has "Deno:Mason" with the new one. */
static void
test_issuerless_stale (Fixture       *fixture,
                       gconstpointer  data)
{
  FixtureAccount deno = fixture_accounts[6];
  g_autofree gchar *google = write_case (fixture, &cases[1], &fixture_accounts[6], 1,
                                         "google.txt");
  g_autofree gchar *aegis = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaImportResult) result = NULL;
  g_autoptr(MfaDuplicateReport) report = NULL;
  const MfaDuplicateGroup *group;

  deno.issuer = "Deno";
  deno.base32 = "ORSXG5DJNZTSA43UMFWGKIDLMV4Q";
  aegis = write_case (fixture, &cases[2], &deno, 1, "aegis.json");
  {
    const gchar *paths[] = { aegis, google, NULL };

    result = read_files (paths, NULL, &error);
  }
  g_assert_no_error (error);
  report = mfa_duplicates_find_in_result (result, NULL);
  g_assert_cmpuint (report->groups->len, ==, 1);
  group = g_ptr_array_index (report->groups, 0);
  g_assert_true (group->issuer_unknown);
  g_assert_cmpint (group->kind, ==, MFA_DUPLICATE_DIFFERENT_KEYS);
  g_assert_cmpstr (group->issuer, ==, "Deno");
}

/* A damaged entry (a key that is not base32) in the middle of an encrypted
 * vault: the rest is read, the entry is named by its number. */
static void
test_partial_file (Fixture       *fixture,
                   gconstpointer  data)
{
  FixtureAccount damaged[G_N_ELEMENTS (fixture_accounts)];
  g_autofree gchar *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaImportResult) result = NULL;
  g_autoptr(MfaDuplicateReport) report = NULL;
  g_autofree gchar *skip = NULL;
  g_autofree gchar *summary = NULL;
  g_autofree gchar *expected = NULL;

  memcpy (damaged, fixture_accounts, sizeof damaged);
  damaged[2].base32 = "NOT*BASE32";
  path = write_case (fixture, &cases[3], damaged, fixture_n_accounts, "aegis.json");
  {
    const gchar *paths[] = { path, NULL };

    result = read_files (paths, FIXTURE_PASSWORD, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (result->entries->len, ==, fixture_n_accounts - 1);
  g_assert_cmpuint (result->skipped->len, ==, 1);
  skip = mfa_import_skip_describe (g_ptr_array_index (result->skipped, 0));
  expected = g_strdup_printf ("%s, entry 3: its key is damaged: ", path);
  g_assert_true (g_str_has_prefix (skip, expected));
  fixture_assert_account (g_ptr_array_index (result->entries, 2), &fixture_accounts[3]);
  report = mfa_duplicates_find_in_result (result, NULL);
  summary = mfa_duplicate_report_summarize (report);
  g_assert_nonnull (strstr (summary, "The report is partial"));
}

/* --write-fixtures DIR: every case's file, for the UI tests and for a
 * person to look at; the encrypted ones open with FIXTURE_PASSWORD. */
static int
write_fixtures (const gchar *dir)
{
  Fixture fixture = { (gchar *) dir };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_free (write_case (&fixture, &cases[i], fixture_accounts, fixture_n_accounts,
                        cases[i].name));
  return 0;
}

/* Exports larger than MFA_IMPORT_LAZY_THRESHOLD have their lists parsed
 * one element at a time: the same entries, a stale pair found, a damaged
 * entry named, in Aegis (an object's list) and andOTP (a list at the
 * root, detected by its first element). Encrypted Aegis, 2FAS and Bitwarden exports
 * have their sealed text read where it stands, written as Android's JSON writer writes
 * it, every "/" escaped as "\/". */
static void
test_large_lazy (Fixture       *fixture,
                 gconstpointer  data)
{
  const FormatCase *format_case = data;
  guint n = 12000;
  g_autofree FixtureAccount *accounts = g_new0 (FixtureAccount, n);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree gchar *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaImportResult) result = NULL;
  g_autoptr(MfaDuplicateReport) report = NULL;
  g_autofree gchar *skip = NULL;
  GStatBuf info;

  for (guint i = 0; i < n; i++)
    {
      guint8 bytes[10];
      gchar *issuer = g_strdup_printf ("Issuer %u", i % 500);
      /* Brackets, braces, quotes and backslashes inside strings must not
       * confuse the scanner that finds where each element ends. */
      gchar *account = g_strdup_printf ("user%u [\"{\\}\"] ]@example.com", i);
      gchar *key;

      for (guint b = 0; b < sizeof bytes; b++)
        bytes[b] = (i * 7 + b * 13) & 0xff;
      bytes[0] = i & 0xff;
      bytes[1] = (i >> 8) & 0xff;
      key = mfa_base32_encode (bytes, sizeof bytes);
      accounts[i] = fixture_accounts[0];
      accounts[i].issuer = issuer;
      accounts[i].account = account;
      accounts[i].base32 = key;
      g_ptr_array_add (strings, issuer);
      g_ptr_array_add (strings, account);
      g_ptr_array_add (strings, key);
    }
  /* The last entry repeats the first account with another key; entry 100
   * is damaged. */
  accounts[n - 1].issuer = accounts[0].issuer;
  accounts[n - 1].account = accounts[0].account;
  accounts[99].base32 = "NOT*BASE32";
  path = write_case (fixture, format_case, accounts, n, format_case->name);
  if (format_case->sealing != FIXTURE_PLAIN)
    {
      g_autofree gchar *text = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree gchar *escaped = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      parts = g_strsplit (text, "/", -1);
      g_assert_cmpuint (g_strv_length (parts), >, 1);
      escaped = g_strjoinv ("\\/", parts);
      g_assert_true (g_file_set_contents (path, escaped, -1, NULL));
    }
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, MFA_IMPORT_LAZY_THRESHOLD);
  {
    const gchar *paths[] = { path, NULL };

    result = read_files (paths, format_case->sealing != FIXTURE_PLAIN ? FIXTURE_PASSWORD : NULL,
                         &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (result->entries->len, ==, n - 1);
  g_assert_cmpuint (result->skipped->len, ==, 1);
  skip = mfa_import_skip_describe (g_ptr_array_index (result->skipped, 0));
  /* Bitwarden keeps each key inside an otpauth:// URI. */
  g_assert_nonnull (strstr (skip, format_case->format == MFA_IMPORT_BITWARDEN
                                  ? ", entry 100: its otpauth:// URI is damaged"
                                  : ", entry 100: its key is damaged"));
  fixture_assert_account (g_ptr_array_index (result->entries, 0), &accounts[0]);
  fixture_assert_account (g_ptr_array_index (result->entries, n - 2), &accounts[n - 1]);
  report = mfa_duplicates_find_in_result (result, NULL);
  g_assert_cmpuint (report->groups->len, ==, 1);
  g_assert_cmpint (((MfaDuplicateGroup *) g_ptr_array_index (report->groups, 0))->kind, ==,
                   MFA_DUPLICATE_DIFFERENT_KEYS);
}

/* All files together are bounded, and the refusal says by how much. */
static void
test_total_limit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree gchar *path = g_build_filename (fixture->dir, "sparse.txt", NULL);
  const gchar *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaImportResult) result = NULL;
  FILE *file = fopen (path, "w");

  /* A sparse file: its size without the disk space. */
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, MFA_IMPORT_MAX_TOTAL_SIZE, SEEK_SET), ==, 0);
  fputc ('\n', file);
  fclose (file);
  result = read_files (paths, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT);
  if (strstr (error->message, "at most 268.4\u00a0MB of exports are read at once") == NULL)
    g_error ("%s", error->message);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--write-fixtures"))
    return write_fixtures (argv[2]);
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *path = g_strdup_printf ("/export-formats/read-whole/%s", cases[i].name);

      g_test_add (path, Fixture, &cases[i], fixture_dir_set_up, test_read_whole, fixture_dir_tear_down);
      if (cases[i].sealing != FIXTURE_PLAIN)
        {
          g_autofree gchar *password_path =
            g_strdup_printf ("/export-formats/password/%s", cases[i].name);

          g_test_add (password_path, Fixture, &cases[i], fixture_dir_set_up, test_password,
                      fixture_dir_tear_down);
        }
    }
  g_test_add ("/export-formats/two-apps/same-keys", Fixture, NULL, fixture_dir_set_up,
              test_two_apps_same_keys, fixture_dir_tear_down);
  g_test_add ("/export-formats/two-apps/changed-key", Fixture, NULL, fixture_dir_set_up,
              test_changed_key, fixture_dir_tear_down);
  g_test_add ("/export-formats/two-apps/issuerless-stale", Fixture, NULL, fixture_dir_set_up,
              test_issuerless_stale, fixture_dir_tear_down);
  g_test_add ("/export-formats/sealed-nothing", Fixture, NULL, fixture_dir_set_up,
              test_sealed_nothing, fixture_dir_tear_down);
  g_test_add ("/export-formats/andotp-iv-like-json", Fixture, NULL, fixture_dir_set_up,
              test_iv_like_json, fixture_dir_tear_down);
  g_test_add ("/export-formats/partial-file", Fixture, NULL, fixture_dir_set_up,
              test_partial_file, fixture_dir_tear_down);
  g_test_add ("/export-formats/large/aegis", Fixture, &cases[2], fixture_dir_set_up,
              test_large_lazy, fixture_dir_tear_down);
  g_test_add ("/export-formats/large/aegis-encrypted", Fixture, &cases[3], fixture_dir_set_up,
              test_large_lazy, fixture_dir_tear_down);
  g_test_add ("/export-formats/large/2fas-encrypted", Fixture, &cases[8], fixture_dir_set_up,
              test_large_lazy, fixture_dir_tear_down);
  g_test_add ("/export-formats/large/bitwarden-encrypted", Fixture, &cases[11],
              fixture_dir_set_up, test_large_lazy, fixture_dir_tear_down);
  g_test_add ("/export-formats/large/andotp", Fixture, &cases[4], fixture_dir_set_up,
              test_large_lazy, fixture_dir_tear_down);
  g_test_add ("/export-formats/total-limit", Fixture, NULL, fixture_dir_set_up,
              test_total_limit, fixture_dir_tear_down);
  return g_test_run ();
}
