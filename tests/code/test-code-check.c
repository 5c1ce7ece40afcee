/* test-code-check.c: each verdict, each for a reason that would fail if the
 * search were wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mfadiag.h"
#include "code/code-search.h"

#define REFERENCE G_GINT64_CONSTANT (1795867231) /* 2026-11-28T12:00:31Z */

typedef struct
{
  MfaSecret   *key;
  MfaOtpParams params;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->key = mfa_base32_decode ("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", &error);
  g_assert_no_error (error);
  fixture->params = MFA_OTP_PARAMS_DEFAULT;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  mfa_secret_free (fixture->key);
}

/* The code the phone shows `steps` periods from the reference time. */
static gchar *
code_at (Fixture            *fixture,
         const MfaOtpParams *params,
         gint64              seconds)
{
  gchar out[MFA_OTP_MAX_DIGITS + 1];

  mfa_otp_format_code (mfa_totp (fixture->key, params, REFERENCE + seconds), params->digits, out);
  return g_strdup (out);
}

static MfaCodeReport *
check_one (Fixture     *fixture,
           guint        window_seconds,
           const gchar *code)
{
  const gchar *codes[] = { code, NULL };

  return mfa_code_check (fixture->key, &fixture->params, REFERENCE, window_seconds, codes);
}

static MfaCodeReport *
check (Fixture      *fixture,
       const gchar  *first,
       ...)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const gchar *code = first; code != NULL; code = va_arg (args, const gchar *))
    g_ptr_array_add (codes, (gpointer) code);
  va_end (args);
  g_ptr_array_add (codes, NULL);
  return mfa_code_check (fixture->key, &fixture->params, REFERENCE, MFA_CODE_CHECK_DEFAULT_WINDOW,
                         (const gchar * const *) codes->pdata);
}

static const MfaCodeResult *
result_of (MfaCodeReport *report,
           guint          index)
{
  g_assert_cmpuint (index, <, report->results->len);
  return &g_array_index (report->results, MfaCodeResult, index);
}

static void
test_current (Fixture *fixture, gconstpointer data)
{
  g_autofree gchar *code = code_at (fixture, &fixture->params, 0);
  g_autoptr(MfaCodeReport) report = check (fixture, code, NULL);
  const MfaCodeResult *result = result_of (report, 0);

  g_assert_cmpint (result->verdict, ==, MFA_CODE_VERDICT_CURRENT);
  g_assert_cmpint (result->offset_steps, ==, 0);
  g_assert_true (mfa_code_report_all_current (report));
  g_assert_cmpfloat (result->chance, <, 1e-4);
}

/* A phone 2 minutes ahead shows now the code of 4 steps later. */
static void
test_drift_ahead (Fixture *fixture, gconstpointer data)
{
  g_autofree gchar *code = code_at (fixture, &fixture->params, 120);
  g_autoptr(MfaCodeReport) report = check (fixture, code, NULL);
  const MfaCodeResult *result = result_of (report, 0);
  g_autofree gchar *sentence = mfa_code_result_describe (report, 0);

  g_assert_cmpint (result->verdict, ==, MFA_CODE_VERDICT_DRIFT);
  g_assert_cmpint (result->offset_steps, ==, 4);
  g_assert_cmpint (result->offset_seconds, ==, 120);
  g_assert_false (mfa_code_report_all_current (report));
  g_assert_nonnull (strstr (sentence, "2 minutes ahead"));
}

static void
test_drift_behind (Fixture *fixture, gconstpointer data)
{
  g_autofree gchar *code = code_at (fixture, &fixture->params, -90);
  g_autoptr(MfaCodeReport) report = check (fixture, code, NULL);
  const MfaCodeResult *result = result_of (report, 0);
  g_autofree gchar *sentence = mfa_code_result_describe (report, 0);

  g_assert_cmpint (result->verdict, ==, MFA_CODE_VERDICT_DRIFT);
  g_assert_cmpint (result->offset_steps, ==, -3);
  g_assert_cmpint (result->offset_seconds, ==, -90);
  g_assert_nonnull (strstr (sentence, "90 seconds behind"));
}

/* Twenty hours away is still found, but a lone code that far is weak
 * evidence; a second code from the same phone confirms it. */
static void
test_far_drift_is_weak_until_confirmed (Fixture *fixture, gconstpointer data)
{
  g_autofree gchar *far = code_at (fixture, &fixture->params, -20 * 3600);
  g_autofree gchar *next = code_at (fixture, &fixture->params, -20 * 3600 + 30);
  g_autoptr(MfaCodeReport) alone = check (fixture, far, NULL);
  g_autoptr(MfaCodeReport) pair = check (fixture, far, next, NULL);
  g_autofree gchar *weak = mfa_code_result_describe (alone, 0);
  g_autofree gchar *strong = mfa_code_result_describe (pair, 0);

  g_assert_cmpint (result_of (alone, 0)->offset_steps, ==, -2400);
  g_assert_cmpfloat (result_of (alone, 0)->chance, >, MFA_CODE_CHECK_WEAK_CHANCE);
  g_assert_false (result_of (alone, 0)->confirmed);
  g_assert_nonnull (strstr (weak, "second code"));

  g_assert_true (result_of (pair, 0)->confirmed);
  g_assert_true (result_of (pair, 1)->confirmed);
  g_assert_cmpint (result_of (pair, 1)->offset_steps, ==, -2399);
  g_assert_nonnull (strstr (strong, "confirms"));
}

static void
test_replayed (Fixture *fixture, gconstpointer data)
{
  g_autofree gchar *code = code_at (fixture, &fixture->params, 0);
  g_autoptr(MfaCodeReport) report = check (fixture, code, code, NULL);
  g_autofree gchar *sentence = mfa_code_result_describe (report, 1);

  g_assert_cmpint (result_of (report, 0)->verdict, ==, MFA_CODE_VERDICT_CURRENT);
  g_assert_cmpint (result_of (report, 1)->verdict, ==, MFA_CODE_VERDICT_REPLAYED);
  g_assert_cmpint (result_of (report, 1)->related, ==, 0);
  g_assert_nonnull (strstr (sentence, "latest, unused"));
}

static void
test_other_algorithm (Fixture *fixture, gconstpointer data)
{
  MfaOtpParams sha256 = { MFA_ALGORITHM_SHA256, 6, 30 };
  g_autofree gchar *code = code_at (fixture, &sha256, 0);
  g_autoptr(MfaCodeReport) report = check (fixture, code, NULL);
  const MfaCodeResult *result = result_of (report, 0);

  g_assert_cmpint (result->verdict, ==, MFA_CODE_VERDICT_OTHER_PARAMETERS);
  g_assert_cmpint (result->params.algorithm, ==, MFA_ALGORITHM_SHA256);
  g_assert_cmpuint (result->params.period, ==, 30);
  g_assert_cmpint (result->offset_steps, ==, 0);
}

static void
test_other_period_and_length (Fixture *fixture, gconstpointer data)
{
  MfaOtpParams sha512_60 = { MFA_ALGORITHM_SHA512, 8, 60 };
  g_autofree gchar *code = code_at (fixture, &sha512_60, 60);
  g_autoptr(MfaCodeReport) report = check (fixture, code, NULL);
  const MfaCodeResult *result = result_of (report, 0);
  g_autofree gchar *sentence = mfa_code_result_describe (report, 0);

  g_assert_cmpint (result->verdict, ==, MFA_CODE_VERDICT_OTHER_PARAMETERS);
  g_assert_cmpint (result->params.algorithm, ==, MFA_ALGORITHM_SHA512);
  g_assert_cmpuint (result->params.digits, ==, 8);
  g_assert_cmpuint (result->params.period, ==, 60);
  g_assert_cmpint (result->offset_steps, ==, 1);
  g_assert_cmpint (result->offset_seconds, ==, 60);
  g_assert_nonnull (strstr (sentence, "SHA512, 8 digits, 60-second period"));
}

/* What the README says is searched: the declared settings 24 hours either
 * way, every other setting only 5 minutes either way. A code under another
 * setting far from the reference is not taken for a mis-entered account. */
static void
assert_other_settings (Fixture            *fixture,
                       const MfaOtpParams *made_with,
                       gint64              seconds,
                       guint               window_seconds,
                       gboolean            found)
{
  g_autofree gchar *code = code_at (fixture, made_with, seconds);
  g_autoptr(MfaCodeReport) report = check_one (fixture, window_seconds, code);
  const MfaCodeResult *result = result_of (report, 0);

  if (found)
    {
      g_assert_cmpint (result->verdict, ==, MFA_CODE_VERDICT_OTHER_PARAMETERS);
      g_assert_true (mfa_otp_params_equal (&result->params, made_with));
      g_assert_cmpint (result->offset_seconds, ==, seconds);
      /* Near enough that one code is strong evidence on its own. */
      g_assert_cmpfloat (result->chance, <, MFA_CODE_CHECK_WEAK_CHANCE);
    }
  else
    g_assert_cmpint (result->verdict, ==, MFA_CODE_VERDICT_NOT_FOUND);
}

static void
test_windows_other_settings (Fixture *fixture, gconstpointer data)
{
  MfaOtpParams sha512 = { MFA_ALGORITHM_SHA512, 6, 30 };
  MfaOtpParams sha256_60 = { MFA_ALGORITHM_SHA256, 6, 60 };
  MfaOtpParams sha1_8 = { MFA_ALGORITHM_SHA1, 8, 30 };
  const guint day = MFA_CODE_CHECK_DEFAULT_WINDOW;

  g_assert_cmpuint (MFA_CODE_CHECK_OTHER_REACH, ==, 5 * 60);
  assert_other_settings (fixture, &sha512, 30, day, TRUE);
  assert_other_settings (fixture, &sha512, -300, day, TRUE);
  assert_other_settings (fixture, &sha512, 330, day, FALSE);
  assert_other_settings (fixture, &sha512, -3 * 3600, day, FALSE);
  assert_other_settings (fixture, &sha256_60, 300, day, TRUE);
  assert_other_settings (fixture, &sha256_60, -360, day, FALSE);
  /* The declared algorithm and period with another length is another
   * setting too. */
  assert_other_settings (fixture, &sha1_8, -30, day, TRUE);
  assert_other_settings (fixture, &sha1_8, 3 * 3600, day, FALSE);
  /* A window narrower than 5 minutes bounds the other settings too. */
  assert_other_settings (fixture, &sha512, 150, 150, TRUE);
  assert_other_settings (fixture, &sha512, 180, 150, FALSE);
}

/* The declared settings are searched the whole window: 3 hours away is
 * drift (a phone clock set by hand in the wrong time zone). */
static void
test_windows_declared (Fixture *fixture, gconstpointer data)
{
  g_autofree gchar *code = code_at (fixture, &fixture->params, -3 * 3600);
  g_autoptr(MfaCodeReport) report = check_one (fixture, MFA_CODE_CHECK_DEFAULT_WINDOW, code);

  g_assert_cmpint (result_of (report, 0)->verdict, ==, MFA_CODE_VERDICT_DRIFT);
  g_assert_cmpint (result_of (report, 0)->offset_seconds, ==, -3 * 3600);
}

/* A code that no parameter set produces anywhere in the window. */
static gchar *
absent_code (Fixture *fixture)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_direct_hash, g_direct_equal);
  const guint periods[] = { 30, 60 };

  for (int a = 0; a < MFA_N_ALGORITHMS; a++)
    for (gsize p = 0; p < G_N_ELEMENTS (periods); p++)
      {
        g_autoptr(MfaOtpGenerator) generator = mfa_otp_generator_new (fixture->key, a);
        gint64 center = REFERENCE / periods[p];
        gint64 reach = MFA_CODE_CHECK_DEFAULT_WINDOW / periods[p];

        for (gint64 c = center - reach; c <= center + reach; c++)
          g_hash_table_add (present, GUINT_TO_POINTER (
                              mfa_otp_generator_value (generator, c) % 1000000 + 1));
      }
  for (guint32 candidate = 123456;; candidate++)
    if (!g_hash_table_contains (present, GUINT_TO_POINTER (candidate + 1)))
      return g_strdup_printf ("%06u", candidate);
}

static void
test_not_found (Fixture *fixture, gconstpointer data)
{
  g_autofree gchar *code = absent_code (fixture);
  g_autoptr(MfaCodeReport) report = check (fixture, code, NULL);
  const MfaCodeResult *result = result_of (report, 0);
  g_autofree gchar *sentence = mfa_code_result_describe (report, 0);

  g_assert_cmpint (result->verdict, ==, MFA_CODE_VERDICT_NOT_FOUND);
  g_assert_false (result->matched);
  g_assert_nonnull (strstr (sentence, "24 hours"));
  /* It says how far each kind of setting was searched. */
  g_assert_nonnull (strstr (sentence, "within 24 hours either way, nor within 5 minutes under "
                                      "any other common setting"));
  /* The declared setting ±24 h (5761 tries), the five others ±5 min (75):
   * 5836 tries at one in a million each, 0.58 %. */
  g_assert_cmpfloat (result->chance, >, 0.0055);
  g_assert_cmpfloat (result->chance, <, 0.0060);
}

/* "１２３ ４５６" as a Chinese input method types it. */
static void
test_full_width_and_spaces (Fixture *fixture, gconstpointer data)
{
  g_autofree gchar *code = code_at (fixture, &fixture->params, 0);
  GString *wide = g_string_new (NULL);
  g_autofree gchar *typed = NULL;
  g_autoptr(MfaCodeReport) report = NULL;

  for (int i = 0; i < 6; i++)
    {
      g_string_append_unichar (wide, 0xFF10 + (code[i] - '0'));
      if (i == 2)
        g_string_append (wide, "\u3000");
    }
  typed = g_string_free (wide, FALSE);
  report = check (fixture, typed, NULL);
  g_assert_cmpint (result_of (report, 0)->verdict, ==, MFA_CODE_VERDICT_CURRENT);
}

static void
test_normalize (void)
{
  const struct { const gchar *typed, *normalized; } good[] = {
    { "123 456", "123456" }, { " 123-456 ", "123456" }, { "１２３４５６", "123456" },
    { "12345678", "12345678" }, { "123\t456\n", "123456" },
  };
  const struct { const gchar *typed, *fragment; } bad[] = {
    { "12345", "5 digits" }, { "123456789", "9 digits" }, { "", "empty" }, { "   ", "empty" },
    { "12a456", "“a”" }, { "１２３４５Ｘ", "“Ｘ”" }, { "\xff\xfe", "not text" },
    { "12O456", "“O” is not a digit (is it the digit 0?)" },
    { "l23456", "“l” is not a digit (is it the digit 1?)" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *normalized = mfa_code_normalize (good[i].typed, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (normalized, ==, good[i].normalized);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree gchar *normalized = mfa_code_normalize (bad[i].typed, &error);

      g_assert_null (normalized);
      g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_CODE);
      if (strstr (error->message, bad[i].fragment) == NULL)
        g_error ("“%s” should mention “%s”: %s", bad[i].typed, bad[i].fragment, error->message);
    }
}

static void
test_malformed (Fixture *fixture, gconstpointer data)
{
  g_autoptr(MfaCodeReport) report = check (fixture, "12ab56", "1234", NULL);
  g_autofree gchar *sentence = mfa_code_result_describe (report, 1);

  g_assert_cmpint (result_of (report, 0)->verdict, ==, MFA_CODE_VERDICT_MALFORMED);
  g_assert_cmpint (result_of (report, 1)->verdict, ==, MFA_CODE_VERDICT_MALFORMED);
  g_assert_nonnull (strstr (sentence, "4 digits"));
}

/* Matches at several places: the nearest wins; on a tie in time, the
 * declared settings win. Found by searching for a real collision. */
static void
test_nearest_match_wins (Fixture *fixture, gconstpointer data)
{
  MfaOtpParams sha1 = fixture->params;
  MfaOtpParams sha256 = { MFA_ALGORITHM_SHA256, 6, 30 };
  g_autofree gchar *near = code_at (fixture, &sha256, 30);
  g_autoptr(MfaCodeReport) report = NULL;

  /* The SHA-256 code of the next step: whether or not SHA-1 also makes it
   * somewhere farther, the nearer SHA-256 match is the answer. */
  report = check (fixture, near, NULL);
  g_assert_cmpint (result_of (report, 0)->params.algorithm, ==, MFA_ALGORITHM_SHA256);
  g_assert_cmpint (result_of (report, 0)->offset_steps, ==, 1);

  /* A declared-settings code at the same distance beats other settings. */
  {
    g_autofree gchar *declared = code_at (fixture, &sha1, 30);
    g_autoptr(MfaCodeReport) tie = check (fixture, declared, NULL);

    g_assert_cmpint (result_of (tie, 0)->verdict, ==, MFA_CODE_VERDICT_DRIFT);
    g_assert_cmpint (result_of (tie, 0)->params.algorithm, ==, MFA_ALGORITHM_SHA1);
  }
}

static void
test_json (Fixture *fixture, gconstpointer data)
{
  g_autofree gchar *ahead = code_at (fixture, &fixture->params, 60);
  g_autoptr(MfaCodeReport) report = check (fixture, ahead, "bad", NULL);
  g_autofree gchar *text = mfa_code_report_to_json (report);
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  g_autofree gchar *pretty = json_to_string (node, TRUE);
  JsonObject *root = json_node_get_object (node);
  JsonArray *codes = json_object_get_array_member (root, "codes");
  JsonObject *first = json_array_get_object_element (codes, 0);
  JsonObject *second = json_array_get_object_element (codes, 1);

  g_assert_cmpuint (json_array_get_length (codes), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (first, "verdict"), ==, "drift");
  g_assert_cmpint (json_object_get_int_member (first, "offset_steps"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (first, "offset_seconds"), ==, 60);
  g_assert_cmpstr (json_object_get_string_member (first, "algorithm"), ==, "SHA1");
  g_assert_cmpint (json_object_get_int_member (first, "digits"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (first, "period"), ==, 30);
  g_assert_cmpstr (json_object_get_string_member (second, "verdict"), ==, "malformed");
  g_assert_false (json_object_has_member (second, "offset_steps"));
  g_assert_cmpstr (json_object_get_string_member (root, "reference_time"), ==,
                   "2026-11-28T12:00:31.000Z");
  /* The evidence never carries the code itself. */
  g_assert_null (strstr (text, ahead));
  /* Written without json-glib, laid out as json-glib lays it out. */
  g_assert_cmpstr (text, ==, pretty);
}

/* How flows branch: one step off is a warning, more is a problem, and a
 * code that could not be read says nothing unless no code says anything. */
static void
test_verdict (Fixture *fixture, gconstpointer data)
{
  g_autofree gchar *now = code_at (fixture, &fixture->params, 0);
  g_autofree gchar *step_behind = code_at (fixture, &fixture->params, -30);
  g_autofree gchar *two_behind = code_at (fixture, &fixture->params, -60);
  g_autoptr(MfaCodeReport) current = check (fixture, now, "12x456", NULL);
  g_autoptr(MfaCodeReport) near = check (fixture, step_behind, NULL);
  g_autoptr(MfaCodeReport) far = check (fixture, now, two_behind, NULL);
  g_autoptr(MfaCodeReport) replayed = check (fixture, now, now, NULL);
  g_autoptr(MfaCodeReport) unreadable = check (fixture, "12x456", "1", NULL);
  g_autoptr(MfaCodeReport) none = check (fixture, NULL);
  gint deciding = -2;

  g_assert_cmpstr (mfa_code_report_verdict (current, &deciding), ==, "ok");
  g_assert_cmpint (deciding, ==, 0);
  g_assert_cmpstr (mfa_code_report_verdict (near, NULL), ==, "warning");
  g_assert_cmpstr (mfa_code_report_verdict (far, &deciding), ==, "problem");
  g_assert_cmpint (deciding, ==, 1);
  g_assert_cmpstr (mfa_code_report_verdict (replayed, &deciding), ==, "warning");
  g_assert_cmpint (deciding, ==, 1);
  g_assert_cmpstr (mfa_code_report_verdict (unreadable, &deciding), ==, "unknown");
  g_assert_cmpint (deciding, ==, 0);
  g_assert_cmpstr (mfa_code_report_verdict (none, &deciding), ==, "unknown");
  g_assert_cmpint (deciding, ==, -1);
}

static void
assert_split (const gchar        *text,
              const gchar *const *expected)
{
  g_autoptr(MfaSecretStrv) codes = mfa_code_split_list (text);

  g_assert_cmpstrv (codes, expected);
}

static void
test_split_list (void)
{
  assert_split ("123456", (const gchar *[]) { "123456", NULL });
  assert_split (" 123456 654321 ", (const gchar *[]) { "123456", "654321", NULL });
  /* Grouped as authenticators show them, a space is inside one code. */
  assert_split ("123 456 654 321", (const gchar *[]) { "123 456", "654 321", NULL });
  assert_split ("123 456,654321;\n11223344",
                (const gchar *[]) { "123 456", "654321", "11223344", NULL });
  assert_split ("１２３４５６，６５４３２１、111111",
                (const gchar *[]) { "１２３４５６", "６５４３２１", "111111", NULL });
  assert_split ("123-456 12", (const gchar *[]) { "123-456", "12", NULL });
  assert_split (" , ;", (const gchar *[]) { NULL });
}

#define ADD(path, func) \
  g_test_add ("/code-check/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* Tables filled by several threads hold what one thread computes: codes
 * from far steps under each algorithm are found at the same offset. The
 * whole window is searched under the declared settings only, so each
 * algorithm takes its turn as the declared one. */
static void
test_workers_agree (void)
{
  const guint8 bytes[] = "12345678901234567890";
  g_autoptr(MfaSecret) key = mfa_secret_new (bytes, 20);
  gint64 now = 1795867231;
  const gint64 steps[] = { -2880, -1001, -1, 0, 7, 1500, 2879 };

  for (guint i = 0; i < MFA_N_ALGORITHMS * G_N_ELEMENTS (steps); i++)
    {
      MfaOtpParams declared = { (MfaAlgorithm) (i / G_N_ELEMENTS (steps)), 6, 30 };
      gint64 at = now + steps[i % G_N_ELEMENTS (steps)] * (gint64) declared.period;
      gchar code[MFA_OTP_MAX_DIGITS + 1];
      MfaOtpParams found[2];
      gint64 offset[2];

      mfa_otp_format_code (mfa_totp (key, &declared, at), declared.digits, code);
      for (guint w = 0; w < 2; w++)
        {
          g_autoptr(MfaCodeSearch) search = mfa_code_search_new (key, &declared, now, 86400);

          mfa_code_search_set_workers (search, w == 0 ? 1 : 4);
          g_assert_true (mfa_code_search_nearest (search, code, &found[w], &offset[w]));
        }
      g_assert_true (mfa_otp_params_equal (&found[0], &found[1]));
      g_assert_cmpint (offset[0], ==, offset[1]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("current", test_current);
  ADD ("drift/ahead", test_drift_ahead);
  ADD ("drift/behind", test_drift_behind);
  ADD ("drift/far-is-weak-until-confirmed", test_far_drift_is_weak_until_confirmed);
  ADD ("replayed", test_replayed);
  ADD ("other-parameters/algorithm", test_other_algorithm);
  ADD ("other-parameters/period-and-length", test_other_period_and_length);
  ADD ("not-found", test_not_found);
  ADD ("windows/other-settings", test_windows_other_settings);
  ADD ("windows/declared", test_windows_declared);
  ADD ("full-width-and-spaces", test_full_width_and_spaces);
  ADD ("malformed", test_malformed);
  ADD ("nearest-match-wins", test_nearest_match_wins);
  ADD ("json", test_json);
  ADD ("verdict", test_verdict);
  g_test_add_func ("/code-check/normalize", test_normalize);
  g_test_add_func ("/code-check/split-list", test_split_list);
  g_test_add_func ("/code-check/workers-agree", test_workers_agree);
  return g_test_run ();
}
