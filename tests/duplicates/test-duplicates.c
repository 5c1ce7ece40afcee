/* test-duplicates.c: normalising names and grouping entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "fixtures.h"

static void
test_fold (void)
{
  const struct { const gchar *in, *out; } cases[] = {
    { "  Alice  ", "alice" },
    { "Alice\t \nSmith", "alice smith" },
    { "ＡＬＩＣＥ", "alice" },              /* full-width letters (NFKC) */
    { "阿里云\u3000账号", "阿里云 账号" },  /* ideographic space */
    { "STRASSE", "strasse" },
    { "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *folded = mfa_duplicates_fold (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static void
test_aliases (void)
{
  g_autoptr(MfaAliasTable) table = mfa_alias_table_new ();
  const gchar *alibaba[] = { "Aliyun", "alibaba  cloud", "阿里云", " ALIYUN " };
  g_autofree gchar *other = NULL;
  g_autofree gchar *contoso = NULL;
  g_autofree gchar *contoso_sso = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (alibaba); i++)
    {
      g_autofree gchar *resolved = mfa_alias_table_resolve (table, alibaba[i]);

      g_assert_cmpstr (resolved, ==, "alibaba cloud");
    }
  other = mfa_alias_table_resolve (table, "Alibaba");
  g_assert_cmpstr (other, ==, "alibaba");

  /* An organisation extends the table. */
  contoso_sso = mfa_alias_table_resolve (table, "Contoso SSO");
  g_assert_cmpstr (contoso_sso, ==, "contoso sso");
  mfa_alias_table_add (table, "Contoso SSO", "Contoso");
  g_clear_pointer (&contoso_sso, g_free);
  contoso_sso = mfa_alias_table_resolve (table, "contoso  sso");
  contoso = mfa_alias_table_resolve (table, "CONTOSO");
  g_assert_cmpstr (contoso_sso, ==, contoso);
}

static GPtrArray *
import_lines (const gchar *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = mfa_import_data ("list", text, strlen (text), MFA_IMPORT_URI, &error);

  g_assert_no_error (error);
  return entries;
}

static MfaDuplicateReport *
find (GPtrArray           *entries,
      const MfaAliasTable *aliases)
{
  return mfa_duplicates_find (entries, aliases);
}

/* Alike names that are other accounts or other issuers stay apart. */
static void
test_near_misses (void)
{
  g_autoptr(GPtrArray) entries = import_lines (
    "otpauth://totp/Aliyun:alice?secret=JBSWY3DPEHPK3PXP\n"
    "otpauth://totp/Aliyun:alice1?secret=GEZDGNBVGY3TQOJQ\n"
    "otpauth://totp/Aliyun:alice%40example.com?secret=GEZDGNBVGY3TQOJQ\n"
    "otpauth://totp/Alibaba:alice?secret=GEZDGNBVGY3TQOJQ\n"
    "otpauth://totp/Aliyun%20RAM:alice?secret=GEZDGNBVGY3TQOJQ\n"
    "otpauth://totp/Aliyun:al%20ice?secret=GEZDGNBVGY3TQOJQ\n");
  g_autoptr(MfaAliasTable) aliases = mfa_alias_table_new ();
  g_autoptr(MfaDuplicateReport) report = find (entries, aliases);

  g_assert_cmpuint (report->n_entries, ==, 6);
  g_assert_cmpuint (report->groups->len, ==, 0);
}

/* Google Authenticator writes "Mason" next to "Deno:Mason": an entry with
 * no issuer joins the account of its name, as possibly the same one. */
static void
test_issuerless_joins_account (void)
{
  g_autoptr(GPtrArray) entries = import_lines (
    "otpauth://totp/Deno:Mason?secret=JBSWY3DPEHPK3PXP&issuer=Deno\n"
    "otpauth://totp/GitHub:ada?secret=JBSWY3DPEHPK3PXP\n"
    "otpauth://totp/Mason?secret=GEZDGNBVGY3TQOJQ\n"
    "otpauth://totp/ada?secret=JBSWY3DPEHPK3PXP\n");
  g_autoptr(MfaDuplicateReport) report = find (entries, NULL);
  const MfaDuplicateGroup *stale = g_ptr_array_index (report->groups, 0);
  const MfaDuplicateGroup *copy = g_ptr_array_index (report->groups, 1);
  g_autofree gchar *stale_words = mfa_duplicate_group_describe (stale);
  g_autofree gchar *copy_words = mfa_duplicate_group_describe (copy);
  g_autofree gchar *summary = mfa_duplicate_report_summarize (report);

  g_assert_cmpuint (report->groups->len, ==, 2);
  g_assert_cmpint (stale->kind, ==, MFA_DUPLICATE_DIFFERENT_KEYS);
  g_assert_true (stale->issuer_unknown);
  g_assert_cmpstr (stale->issuer, ==, "Deno");
  g_assert_cmpuint (stale->members->len, ==, 2);
  g_assert_cmpstr (stale_words, ==,
                   "Deno / Mason: 2 entries with different keys, possibly the same account (no "
                   "issuer recorded). If they are, only one of them can be the current binding; "
                   "the others are stale and make codes that are rejected.");
  g_assert_cmpint (copy->kind, ==, MFA_DUPLICATE_SAME_KEY);
  g_assert_true (copy->issuer_unknown);
  g_assert_cmpstr (copy_words, ==,
                   "GitHub / ada: 2 entries with the same key (harmless copies), possibly the "
                   "same account (no issuer recorded).");
  g_assert_cmpstr (mfa_duplicate_report_verdict (report), ==, "warning");
  g_assert_nonnull (strstr (summary, "possibly has entries with different keys"));
}

/* Several issuers have the name: the entry goes with the one whose key it
 * shares; sharing none, it is shown with all of them, and the words say so. */
static void
test_issuerless_several_issuers (void)
{
  g_autoptr(GPtrArray) shared = import_lines (
    "otpauth://totp/Deno:mason?secret=JBSWY3DPEHPK3PXP\n"
    "otpauth://totp/npm:mason?secret=GEZDGNBVGY3TQOJQ\n"
    "otpauth://totp/mason?secret=GEZDGNBVGY3TQOJQ\n");
  g_autoptr(GPtrArray) unshared = import_lines (
    "otpauth://totp/Deno:mason?secret=JBSWY3DPEHPK3PXP\n"
    "otpauth://totp/npm:mason?secret=GEZDGNBVGY3TQOJQ\n"
    "otpauth://totp/mason?secret=MFRGGZDFMZTWQ2LK\n");
  g_autoptr(MfaDuplicateReport) shared_report = find (shared, NULL);
  g_autoptr(MfaDuplicateReport) unshared_report = find (unshared, NULL);
  const MfaDuplicateGroup *group;
  g_autofree gchar *words = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree gchar *text = NULL;

  g_assert_cmpuint (shared_report->groups->len, ==, 1);
  group = g_ptr_array_index (shared_report->groups, 0);
  g_assert_cmpstr (group->issuer, ==, "npm");
  g_assert_cmpint (group->kind, ==, MFA_DUPLICATE_SAME_KEY);
  g_assert_null (group->issuers);

  g_assert_cmpuint (unshared_report->groups->len, ==, 1);
  group = g_ptr_array_index (unshared_report->groups, 0);
  g_assert_cmpuint (group->members->len, ==, 3);
  g_assert_cmpint (group->kind, ==, MFA_DUPLICATE_DIFFERENT_KEYS);
  g_assert_cmpuint (g_strv_length (group->issuers), ==, 2);
  words = mfa_duplicate_group_describe (group);
  g_assert_cmpstr (words, ==,
                   "mason: an entry with no issuer recorded has the same account name as "
                   "entries from 2 issuers (Deno, npm), and none of their keys. It is possibly "
                   "one of these accounts, with a stale key.");
  json = mfa_duplicate_report_to_json (unshared_report);
  text = json_to_string (json, FALSE);
  g_assert_nonnull (strstr (text, "\"possible_issuers\":[\"Deno\",\"npm\"]"));
  g_assert_nonnull (strstr (text, "\"issuer_recorded\":false"));
}

/* Read with mfa_import_read, a bad line is skipped, named, and makes the
 * report partial; the rest is reported. */
static void
test_partial_report (void)
{
  g_autofree gchar *dir = g_dir_make_tmp ("mfa-partial-XXXXXX", NULL);
  g_autofree gchar *path = fixture_write (dir, "list.txt",
                                          "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP\n"
                                          "otpauth://totp/A:b?issuer=A\n"
                                          "otpauth://totp/A:b?secret=GEZDGNBVGY3TQOJQ\n");
  const gchar *files[] = { path, NULL };
  const gchar *names[] = { "list.txt", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaImportResult) result = mfa_import_read (files, names, MFA_IMPORT_AUTO, NULL,
                                                       &error);
  g_autoptr(MfaDuplicateReport) report = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree gchar *text = NULL;
  g_autofree gchar *summary = NULL;
  g_autofree gchar *skip = NULL;
  const MfaImportEntry *last;

  g_assert_no_error (error);
  g_assert_cmpuint (result->entries->len, ==, 2);
  g_assert_cmpuint (result->skipped->len, ==, 1);
  last = g_ptr_array_index (result->entries, 1);
  g_assert_cmpuint (last->index, ==, 2);   /* the third line is the third entry */
  skip = mfa_import_skip_describe (g_ptr_array_index (result->skipped, 0));
  g_assert_cmpstr (skip, ==, "list.txt, line 2: The URI has no secret parameter: it does not "
                             "carry a key");
  report = mfa_duplicates_find_in_result (result, NULL);
  summary = mfa_duplicate_report_summarize (report);
  g_assert_true (g_str_has_suffix (summary, "The report is partial: 1 entry or file could not "
                                            "be read."));
  g_assert_cmpstr (mfa_duplicate_report_verdict (report), ==, "problem");
  json = mfa_duplicate_report_to_json (report);
  text = json_to_string (json, FALSE);
  g_assert_nonnull (strstr (text, "\"partial\":true"));
  g_assert_nonnull (strstr (text, "\"skipped\":[{\"file\":\"list.txt\",\"place\":\"line\","
                                  "\"number\":2,"));
  g_assert_null (strstr (text, "JBSW"));
  g_unlink (path);
  g_rmdir (dir);
}

/* Keys compare by their bytes: base32 written in lower case, with spaces
 * or padding is the same key. */
static void
test_same_key_by_bytes (void)
{
  g_autoptr(GPtrArray) entries = import_lines (
    "otpauth://totp/GitHub:bob?secret=JBSWY3DPEHPK3PXP\n"
    "otpauth://totp/GitHub:bob?secret=jbswy3dpehpk3pxp\n"
    "otpauth://totp/bob?secret=JBSWY3DPEHPK3PXP%3D%3D%3D%3D&issuer=GitHub\n");
  g_autoptr(MfaDuplicateReport) report = find (entries, NULL);
  const MfaDuplicateGroup *group;

  g_assert_cmpuint (report->groups->len, ==, 1);
  group = g_ptr_array_index (report->groups, 0);
  g_assert_cmpint (group->kind, ==, MFA_DUPLICATE_SAME_KEY);
  g_assert_cmpuint (group->members->len, ==, 3);
}

/* Two copies of one key and a third key: one stale binding at least. */
static void
test_mixed_group_is_different_keys (void)
{
  g_autoptr(GPtrArray) entries = import_lines (
    "otpauth://totp/Aliyun:alice?secret=JBSWY3DPEHPK3PXP\n"
    "otpauth://totp/Aliyun:alice?secret=JBSWY3DPEHPK3PXP\n"
    "otpauth://totp/%E9%98%BF%E9%87%8C%E4%BA%91:alice?secret=GEZDGNBVGY3TQOJQ\n");
  g_autoptr(MfaAliasTable) aliases = mfa_alias_table_new ();
  g_autoptr(MfaDuplicateReport) with_aliases = find (entries, aliases);
  g_autoptr(MfaDuplicateReport) without = find (entries, NULL);
  const MfaDuplicateGroup *group;

  g_assert_cmpuint (with_aliases->groups->len, ==, 1);
  group = g_ptr_array_index (with_aliases->groups, 0);
  g_assert_cmpint (group->kind, ==, MFA_DUPLICATE_DIFFERENT_KEYS);
  g_assert_cmpuint (group->members->len, ==, 3);
  /* Without the alias 阿里云 is another issuer: only the copies group. */
  g_assert_cmpuint (without->groups->len, ==, 1);
  group = g_ptr_array_index (without->groups, 0);
  g_assert_cmpint (group->kind, ==, MFA_DUPLICATE_SAME_KEY);
}

/* An "Issuer:" prefix left in an account (a JSON app that stores the whole
 * label) is split off when it names the same issuer, aliases included. */
static void
test_label_prefix_in_account (void)
{
  const gchar *text = "[{\"secret\": \"JBSWY3DPEHPK3PXP\", \"issuer\": \"Aliyun\","
                      " \"label\": \"Alibaba Cloud:alice\", \"digits\": 6, \"type\": \"TOTP\","
                      " \"algorithm\": \"SHA1\", \"period\": 30},"
                      " {\"secret\": \"GEZDGNBVGY3TQOJQ\", \"issuer\": \"\","
                      " \"label\": \"Aliyun: alice\", \"digits\": 6, \"type\": \"TOTP\","
                      " \"algorithm\": \"SHA1\", \"period\": 30}]";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = mfa_import_data ("andotp.json", text, strlen (text),
                                                  MFA_IMPORT_AUTO, &error);
  g_autoptr(MfaAliasTable) aliases = mfa_alias_table_new ();
  g_autoptr(MfaDuplicateReport) report = NULL;
  MfaImportEntry *second;

  g_assert_no_error (error);
  second = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (second->issuer, ==, "Aliyun");
  g_assert_cmpstr (second->account, ==, "alice");
  report = find (entries, aliases);
  g_assert_cmpuint (report->groups->len, ==, 1);
}

/* The planted entries as one list, and their report. */
static MfaDuplicateReport *
planted_report (GPtrArray **entries)
{
  g_autofree gchar *text = fixture_uri_list (fixture_planted, FIXTURE_N_PLANTED);
  g_autoptr(MfaAliasTable) aliases = mfa_alias_table_new ();

  *entries = import_lines (text);
  return find (*entries, aliases);
}

static void
test_json_names_no_key (void)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(MfaDuplicateReport) report = planted_report (&entries);
  g_autoptr(JsonNode) node = mfa_duplicate_report_to_json (report);
  g_autofree gchar *json = json_to_string (node, FALSE);

  g_assert_nonnull (strstr (json, "\"kind\":\"different-keys\""));
  g_assert_nonnull (strstr (json, "\"kind\":\"same-key\""));
  g_assert_null (strstr (json, "JBSWY3DP"));
  g_assert_null (strstr (json, "GEZDGNBV"));
  g_assert_null (strstr (json, "secret"));
}

static void
test_words (void)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(MfaDuplicateReport) report = planted_report (&entries);
  const MfaDuplicateGroup *stale = g_ptr_array_index (report->groups, 0);
  const MfaDuplicateGroup *copies = g_ptr_array_index (report->groups, 1);
  g_autofree gchar *name = mfa_duplicate_group_name (stale);
  g_autofree gchar *stale_words = mfa_duplicate_group_describe (stale);
  g_autofree gchar *copies_words = mfa_duplicate_group_describe (copies);
  g_autofree gchar *member = mfa_duplicate_entry_describe (g_ptr_array_index (stale->members, 1));
  g_autofree gchar *summary = mfa_duplicate_report_summarize (report);

  g_assert_cmpstr (name, ==, "Aliyun / alice");
  g_assert_true (g_str_has_prefix (stale_words, "Aliyun / alice: 2 entries with different keys."));
  g_assert_cmpstr (copies_words, ==, "GitHub / bob: 2 entries with the same key (harmless copies).");
  /* Counted from 1, as the importers' own messages count entries. */
  g_assert_cmpstr (member, ==, "list, entry 2: 阿里云:Alice");
  g_assert_cmpstr (mfa_duplicate_report_verdict (report), ==, "problem");
  g_assert_cmpstr (summary, ==,
                   "1 account has entries with different keys: codes from the stale ones are "
                   "rejected.");
}

static void
test_words_harmless_and_none (void)
{
  g_autofree gchar *copies = fixture_uri_list (fixture_planted + 2, 2);
  g_autofree gchar *single = fixture_uri_list (fixture_planted + 3, 3);
  g_autoptr(GPtrArray) copy_entries = import_lines (copies);
  g_autoptr(GPtrArray) single_entries = import_lines (single);
  g_autoptr(MfaAliasTable) aliases = mfa_alias_table_new ();
  g_autoptr(MfaDuplicateReport) copy_report = find (copy_entries, aliases);
  g_autoptr(MfaDuplicateReport) single_report = find (single_entries, aliases);
  g_autofree gchar *copy_summary = mfa_duplicate_report_summarize (copy_report);
  g_autofree gchar *single_summary = mfa_duplicate_report_summarize (single_report);

  /* Copies of one key make the same codes: nothing to fix. */
  g_assert_cmpstr (mfa_duplicate_report_verdict (copy_report), ==, "ok");
  g_assert_cmpstr (copy_summary, ==,
                   "1 account has several entries with the same key (harmless copies).");
  g_assert_cmpstr (mfa_duplicate_report_verdict (single_report), ==, "ok");
  g_assert_cmpstr (single_summary, ==, "Read 3 entries; no account has more than one.");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/duplicates/fold", test_fold);
  g_test_add_func ("/duplicates/aliases", test_aliases);
  g_test_add_func ("/duplicates/near-misses", test_near_misses);
  g_test_add_func ("/duplicates/issuerless/joins-account", test_issuerless_joins_account);
  g_test_add_func ("/duplicates/issuerless/several-issuers", test_issuerless_several_issuers);
  g_test_add_func ("/duplicates/partial-report", test_partial_report);
  g_test_add_func ("/duplicates/same-key-by-bytes", test_same_key_by_bytes);
  g_test_add_func ("/duplicates/mixed-group", test_mixed_group_is_different_keys);
  g_test_add_func ("/duplicates/label-prefix-in-account", test_label_prefix_in_account);
  g_test_add_func ("/duplicates/json-names-no-key", test_json_names_no_key);
  g_test_add_func ("/duplicates/words/stale-binding", test_words);
  g_test_add_func ("/duplicates/words/harmless-and-none", test_words_harmless_and_none);
  return g_test_run ();
}
