/* test-phone-clock.c: the phone's offset from codes typed off a test key
 *
 * A simulated phone d seconds off shows the code of its own time; the
 * measurement must bound d, and say ahead, behind or in sync.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mfadiag.h"

#define BASE_USEC (G_GINT64_CONSTANT (1800000000) * G_USEC_PER_SEC) /* a step boundary */

static MfaSecret *
fixed_key (void)
{
  const guint8 bytes[MFA_PHONE_CLOCK_KEY_BYTES] = "12345678901234567890";

  return mfa_secret_new (bytes, sizeof bytes);
}

/* The code a phone `phone_offset_usec` off shows at true time `true_usec`. */
static gchar *
phone_code (const MfaSecret *key,
            gint64           phone_offset_usec,
            gint64           true_usec)
{
  MfaOtpParams params = MFA_OTP_PARAMS_DEFAULT;
  gchar code[MFA_OTP_MAX_DIGITS + 1];
  gint64 phone_usec = true_usec + phone_offset_usec;

  /* Floor division: the phone's second, also for times before a boundary. */
  mfa_otp_format_code (mfa_totp (key, &params, phone_usec / G_USEC_PER_SEC), 6, code);
  return g_strdup (code);
}

/* The user reads the code at `read_usec`, starts typing a second later and
 * enters it three seconds after that. */
static void
read_and_type (MfaPhoneClock   *clock,
               const MfaSecret *key,
               gint64           phone_offset_usec,
               gint64           read_usec)
{
  g_autofree gchar *code = phone_code (key, phone_offset_usec, read_usec);
  g_autoptr(GError) error = NULL;
  gint64 first_key = read_usec + G_USEC_PER_SEC;

  g_assert_true (mfa_phone_clock_add_code (clock, code, first_key, first_key + 3 * G_USEC_PER_SEC,
                                           &error));
  g_assert_no_error (error);
}

static void
assert_contains (const MfaPhoneClock *clock,
                 gdouble              seconds)
{
  gdouble min, max;

  g_assert_true (mfa_phone_clock_get_interval (clock, &min, &max));
  g_assert_cmpfloat (min, <=, seconds);
  g_assert_cmpfloat (max, >=, seconds);
}

static gdouble
width (const MfaPhoneClock *clock)
{
  gdouble min, max;

  g_assert_true (mfa_phone_clock_get_interval (clock, &min, &max));
  return max - min;
}

/* Ahead by 90 s, read at every second of a step: always "ahead", always
 * an interval holding 90, and codes that fail ("problem"). */
static void
test_ahead_90 (void)
{
  g_autoptr(MfaSecret) key = fixed_key ();

  for (gint second = 0; second < 30; second++)
    {
      g_autoptr(MfaPhoneClock) clock = mfa_phone_clock_new_with_key (key);
      g_autofree gchar *words = NULL;

      read_and_type (clock, key, 90 * G_USEC_PER_SEC, BASE_USEC + second * G_USEC_PER_SEC + 300000);
      assert_contains (clock, 90);
      g_assert_cmpfloat (width (clock), <, 38);
      g_assert_cmpint (mfa_phone_clock_get_verdict (clock), ==, MFA_PHONE_CLOCK_AHEAD);
      g_assert_cmpstr (mfa_phone_clock_check_verdict (clock), ==, "problem");
      words = mfa_phone_clock_describe (clock);
      g_assert_nonnull (strstr (words, "ahead"));
    }
}

/* 45 s behind, read early in the phone's step (late in it the interval
 * reaches within 15 s of zero, and the verdict is rightly unsure). */
static void
test_behind_45 (void)
{
  g_autoptr(MfaSecret) key = fixed_key ();

  for (gint second = 2; second < 30; second++)
    {
      g_autoptr(MfaPhoneClock) clock = mfa_phone_clock_new_with_key (key);
      g_autofree gchar *words = NULL;
      /* The phone's step starts at true BASE + 45 s. */
      gint64 read = BASE_USEC + (45 + second) * G_USEC_PER_SEC;

      read_and_type (clock, key, -45 * G_USEC_PER_SEC, read);
      assert_contains (clock, -45);
      g_assert_cmpint (mfa_phone_clock_get_verdict (clock), ==, MFA_PHONE_CLOCK_BEHIND);
      words = mfa_phone_clock_describe (clock);
      g_assert_nonnull (strstr (words, "behind"));
    }
}

/* A phone within a few seconds of true time is in sync wherever in the step
 * it was read. */
static void
test_in_sync (void)
{
  g_autoptr(MfaSecret) key = fixed_key ();
  const gint64 offsets[] = { 0, 3 * G_USEC_PER_SEC, -4 * G_USEC_PER_SEC };

  for (gsize i = 0; i < G_N_ELEMENTS (offsets); i++)
    for (gint second = 0; second < 30; second++)
      {
        g_autoptr(MfaPhoneClock) clock = mfa_phone_clock_new_with_key (key);
        g_autofree gchar *words = NULL;

        read_and_type (clock, key, offsets[i], BASE_USEC + second * G_USEC_PER_SEC + 500000);
        assert_contains (clock, offsets[i] / (gdouble) G_USEC_PER_SEC);
        g_assert_cmpint (mfa_phone_clock_get_verdict (clock), ==, MFA_PHONE_CLOCK_IN_SYNC);
        g_assert_cmpstr (mfa_phone_clock_check_verdict (clock), ==, "ok");
        words = mfa_phone_clock_describe (clock);
        g_assert_nonnull (strstr (words, "in sync"));
      }
}

/* A second code read at another point of the step narrows the interval. */
static void
test_second_code_narrows (void)
{
  g_autoptr(MfaSecret) key = fixed_key ();
  g_autoptr(MfaPhoneClock) clock = mfa_phone_clock_new_with_key (key);
  gint64 offset = 90 * G_USEC_PER_SEC;
  gdouble first_width;

  /* Phone time BASE + 90 + 5: early in its step. */
  read_and_type (clock, key, offset, BASE_USEC + 5 * G_USEC_PER_SEC);
  first_width = width (clock);
  /* 50 s later: phone time BASE + 145, 25 s into another step. */
  read_and_type (clock, key, offset, BASE_USEC + 55 * G_USEC_PER_SEC);
  assert_contains (clock, 90);
  g_assert_cmpuint (mfa_phone_clock_get_n_codes (clock), ==, 2);
  g_assert_cmpfloat (width (clock), <, first_width - 10);
}

/* Pressed 0.6 s after the phone showed a new code: the offset to within
 * the 1.5 s reaction allowance. */
static void
test_precise (void)
{
  g_autoptr(MfaSecret) key = fixed_key ();
  const gint64 offsets[] = { 90 * G_USEC_PER_SEC, -45 * G_USEC_PER_SEC, 2 * G_USEC_PER_SEC + 300000 };

  for (gsize i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      g_autoptr(MfaPhoneClock) clock = mfa_phone_clock_new_with_key (key);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) json = NULL;
      /* The phone's next boundary (step BASE/30 + 10) comes at true time: */
      gint64 boundary = BASE_USEC + 300 * G_USEC_PER_SEC - offsets[i];
      gint64 pressed = boundary + 600000;
      g_autofree gchar *code = phone_code (key, offsets[i], pressed + 2 * G_USEC_PER_SEC);
      gdouble min, max;

      g_assert_true (mfa_phone_clock_add_precise (clock, code, pressed, &error));
      g_assert_no_error (error);
      assert_contains (clock, offsets[i] / (gdouble) G_USEC_PER_SEC);
      mfa_phone_clock_get_interval (clock, &min, &max);
      g_assert_cmpfloat (max - min, <=, 1.5 + 1e-6);
      json = mfa_phone_clock_to_json (clock);
      g_assert_true (json_object_get_boolean_member (json_node_get_object (json), "precise"));
    }
}

/* A code of another key says so, and leaves the measurement as it was. */
static void
test_wrong_code (void)
{
  g_autoptr(MfaSecret) key = fixed_key ();
  g_autoptr(MfaPhoneClock) clock = mfa_phone_clock_new_with_key (key);
  g_autoptr(GError) error = NULL;

  g_assert_false (mfa_phone_clock_add_code (clock, "123 456", BASE_USEC, BASE_USEC + 1, &error));
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_CODE);
  g_assert_nonnull (strstr (error->message, "mistyped"));
  g_assert_cmpuint (mfa_phone_clock_get_n_codes (clock), ==, 0);
  g_clear_error (&error);

  g_assert_false (mfa_phone_clock_add_code (clock, "12345a", BASE_USEC, BASE_USEC + 1, &error));
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_CODE);
  g_clear_error (&error);
  g_assert_false (mfa_phone_clock_add_code (clock, "1234567", BASE_USEC, BASE_USEC + 1, &error));
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_CODE);
  g_assert_cmpint (mfa_phone_clock_get_verdict (clock), ==, MFA_PHONE_CLOCK_UNKNOWN);
}

/* Full-width digits, as an input method may type them. */
static void
test_full_width (void)
{
  g_autoptr(MfaSecret) key = fixed_key ();
  g_autoptr(MfaPhoneClock) clock = mfa_phone_clock_new_with_key (key);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *code = phone_code (key, 0, BASE_USEC + 10 * G_USEC_PER_SEC);
  g_autoptr(GString) wide = g_string_new (NULL);

  for (const gchar *p = code; *p != '\0'; p++)
    g_string_append_unichar (wide, 0xFF10 + (*p - '0'));
  g_assert_true (mfa_phone_clock_add_code (clock, wide->str, BASE_USEC + 11 * G_USEC_PER_SEC,
                                           BASE_USEC + 14 * G_USEC_PER_SEC, &error));
  g_assert_no_error (error);
  assert_contains (clock, 0);
}

/* Codes that put the phone in two places cannot both be right. */
static void
test_contradiction (void)
{
  g_autoptr(MfaSecret) key = fixed_key ();
  g_autoptr(MfaPhoneClock) clock = mfa_phone_clock_new_with_key (key);
  g_autoptr(GError) error = NULL;
  g_autofree gchar *late = NULL;

  read_and_type (clock, key, 90 * G_USEC_PER_SEC, BASE_USEC + 5 * G_USEC_PER_SEC);
  late = phone_code (key, -90 * G_USEC_PER_SEC, BASE_USEC + 40 * G_USEC_PER_SEC);
  g_assert_false (mfa_phone_clock_add_code (clock, late, BASE_USEC + 41 * G_USEC_PER_SEC,
                                            BASE_USEC + 44 * G_USEC_PER_SEC, &error));
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_CODE);
  g_assert_cmpuint (mfa_phone_clock_get_n_codes (clock), ==, 1);
  assert_contains (clock, 90);
}

/* The evidence names the verdict, the interval and the reference, and
 * never holds the key or a code. */
static void
test_json (void)
{
  g_autoptr(MfaSecret) key = fixed_key ();
  g_autoptr(MfaPhoneClock) clock = mfa_phone_clock_new_with_key (key);
  g_autoptr(JsonNode) node = NULL;
  g_autofree gchar *text = NULL;
  g_autofree gchar *code = phone_code (key, 90 * G_USEC_PER_SEC, BASE_USEC);
  g_autofree gchar *base32 = mfa_base32_encode (key->data, key->len);
  JsonObject *object;

  node = mfa_phone_clock_to_json (clock);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "verdict"), ==, "unknown");
  g_assert_true (json_object_get_null_member (object, "offset_min_seconds"));
  g_assert_cmpstr (json_object_get_string_member (object, "reference"), ==, "system-clock");
  g_clear_pointer (&node, json_node_unref);

  mfa_phone_clock_set_reference (clock, "ntp", "ntp.aliyun.com");
  read_and_type (clock, key, 90 * G_USEC_PER_SEC, BASE_USEC);
  node = mfa_phone_clock_to_json (clock);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "phone-clock");
  g_assert_cmpstr (json_object_get_string_member (object, "verdict"), ==, "ahead");
  g_assert_cmpfloat (json_object_get_double_member (object, "offset_min_seconds"), <=, 90);
  g_assert_cmpfloat (json_object_get_double_member (object, "offset_max_seconds"), >=, 90);
  g_assert_cmpstr (json_object_get_string_member (object, "reference"), ==, "ntp");
  g_assert_cmpstr (json_object_get_string_member (object, "reference_server"), ==,
                   "ntp.aliyun.com");
  g_assert_cmpint (json_object_get_int_member (object, "codes"), ==, 1);
  g_assert_false (json_object_get_boolean_member (object, "precise"));
  text = json_to_string (node, FALSE);
  g_assert_null (strstr (text, code));
  g_assert_null (strstr (text, "GEZDGNBV")); /* the key's base32 */
  g_assert_null (strstr (text, base32));
}

static gchar *
run_oathtool (const gchar *base32,
              gint64       unix_seconds)
{
  g_autofree gchar *now = g_strdup_printf ("@%" G_GINT64_FORMAT, unix_seconds);
  const gchar *argv[] = { "oathtool", "--totp", "-b", base32, "--now", now, NULL };
  g_autofree gchar *out = NULL;
  g_autoptr(GError) error = NULL;
  gint status;

  if (!g_spawn_sync (NULL, (gchar **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("cannot run oathtool: %s", error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strdup (g_strstrip (out));
}

/* A fresh key: random, 20 bytes, in a URI oathtool's codes fit, and shown
 * as the same base32 in groups of four. */
static void
test_uri_against_oathtool (void)
{
  g_autofree gchar *program = g_find_program_in_path ("oathtool");
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaPhoneClock) clock = mfa_phone_clock_new (&error);
  g_autoptr(MfaPhoneClock) other = mfa_phone_clock_new (&error);
  g_autoptr(MfaSecretString) uri = NULL;
  g_autoptr(MfaSecretString) other_uri = NULL;
  g_autoptr(MfaSecretString) text = NULL;
  g_autoptr(MfaOtpauth) parsed = NULL;
  g_autofree gchar *base32 = NULL;
  g_autofree gchar *code = NULL;
  g_autofree gchar *ungrouped = NULL;
  g_auto(GStrv) groups = NULL;
  gint64 now = g_get_real_time ();

  g_assert_no_error (error);
  uri = mfa_phone_clock_dup_uri (clock);
  other_uri = mfa_phone_clock_dup_uri (other);
  g_assert_cmpstr (uri, !=, other_uri);
  g_assert_true (g_str_has_prefix (uri, "otpauth://totp/"));
  parsed = mfa_otpauth_parse (uri, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (parsed->issuer, ==, "MFA Troubleshooter");
  g_assert_cmpstr (parsed->account, ==, "Phone clock test – delete me");
  g_assert_cmpuint (parsed->secret->len, ==, 20);
  g_assert_cmpint (parsed->params.algorithm, ==, MFA_ALGORITHM_SHA1);
  g_assert_cmpuint (parsed->params.digits, ==, 6);
  g_assert_cmpuint (parsed->params.period, ==, 30);

  base32 = mfa_base32_encode (parsed->secret->data, parsed->secret->len);
  text = mfa_phone_clock_dup_key_text (clock);
  g_assert_cmpuint (strlen (text), ==, 32 + 7);
  groups = g_strsplit (text, " ", -1);
  g_assert_cmpuint (g_strv_length (groups), ==, 8);
  ungrouped = g_strjoinv ("", groups);
  g_assert_cmpstr (ungrouped, ==, base32);

  if (program == NULL)
    {
      g_test_skip ("oathtool is not installed");
      return;
    }
  /* oathtool as the phone, 90 s ahead, read now. */
  code = run_oathtool (base32, now / G_USEC_PER_SEC + 90);
  g_assert_true (mfa_phone_clock_add_code (clock, code, now, now + 2 * G_USEC_PER_SEC, &error));
  g_assert_no_error (error);
  assert_contains (clock, 90);
  g_assert_cmpint (mfa_phone_clock_get_verdict (clock), ==, MFA_PHONE_CLOCK_AHEAD);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phone-clock/ahead-90s", test_ahead_90);
  g_test_add_func ("/phone-clock/behind-45s", test_behind_45);
  g_test_add_func ("/phone-clock/in-sync", test_in_sync);
  g_test_add_func ("/phone-clock/second-code-narrows", test_second_code_narrows);
  g_test_add_func ("/phone-clock/precise", test_precise);
  g_test_add_func ("/phone-clock/wrong-code", test_wrong_code);
  g_test_add_func ("/phone-clock/full-width-digits", test_full_width);
  g_test_add_func ("/phone-clock/contradiction", test_contradiction);
  g_test_add_func ("/phone-clock/json", test_json);
  g_test_add_func ("/phone-clock/uri-against-oathtool", test_uri_against_oathtool);
  return g_test_run ();
}
