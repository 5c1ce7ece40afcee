/* test-otpauth.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mfadiag.h"

static MfaOtpauth *
parse_ok (const gchar *uri)
{
  g_autoptr(GError) error = NULL;
  MfaOtpauth *otpauth = mfa_otpauth_parse (uri, &error);

  g_assert_no_error (error);
  g_assert_nonnull (otpauth);
  return otpauth;
}

static void
test_google_example (void)
{
  g_autoptr(MfaOtpauth) otpauth = parse_ok (
    "otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example");

  g_assert_cmpint (otpauth->type, ==, MFA_OTP_TYPE_TOTP);
  g_assert_cmpstr (otpauth->issuer, ==, "Example");
  g_assert_cmpstr (otpauth->account, ==, "alice@google.com");
  g_assert_false (otpauth->issuer_mismatch);
  g_assert_cmpmem (otpauth->secret->data, otpauth->secret->len, "Hello!\xde\xad\xbe\xef", 10);
  g_assert_cmpint (otpauth->params.algorithm, ==, MFA_ALGORITHM_SHA1);
  g_assert_cmpuint (otpauth->params.digits, ==, 6);
  g_assert_cmpuint (otpauth->params.period, ==, 30);
}

static void
test_all_parameters (void)
{
  g_autoptr(MfaOtpauth) otpauth = parse_ok (
    "OTPAUTH://TOTP/ACME%20Co:john.doe%40email.com?secret=jbswy3dpehpk3pxp&issuer=ACME%20Co"
    "&algorithm=sha256&digits=8&period=60&image=https%3A%2F%2Fexample.com%2Fi.png");

  g_assert_cmpstr (otpauth->issuer, ==, "ACME Co");
  g_assert_cmpstr (otpauth->account, ==, "john.doe@email.com");
  g_assert_cmpint (otpauth->params.algorithm, ==, MFA_ALGORITHM_SHA256);
  g_assert_cmpuint (otpauth->params.digits, ==, 8);
  g_assert_cmpuint (otpauth->params.period, ==, 60);
}

static void
test_label_variants (void)
{
  g_autoptr(MfaOtpauth) spaced = parse_ok ("otpauth://totp/Aliyun:%20ram-user@1234.onaliyun.com"
                                           "?secret=JBSWY3DPEHPK3PXP");
  g_autoptr(MfaOtpauth) bare = parse_ok ("otpauth://totp/bob?secret=JBSWY3DPEHPK3PXP");
  g_autoptr(MfaOtpauth) chinese = parse_ok ("otpauth://totp/%E9%98%BF%E9%87%8C%E4%BA%91:%E5%BC%A0"
                                            "?secret=JBSWY3DPEHPK3PXP");
  g_autoptr(MfaOtpauth) plus = parse_ok ("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP"
                                         "&issuer=Alibaba+Cloud");

  g_assert_cmpstr (spaced->issuer, ==, "Aliyun");
  g_assert_cmpstr (spaced->account, ==, "ram-user@1234.onaliyun.com");
  g_assert_null (bare->issuer);
  g_assert_cmpstr (bare->account, ==, "bob");
  g_assert_cmpstr (chinese->issuer, ==, "阿里云");
  g_assert_cmpstr (chinese->account, ==, "张");
  g_assert_cmpstr (plus->issuer, ==, "Alibaba Cloud");
}

/* The parameter wins, as Google's format asks; the disagreement is kept. */
static void
test_issuer_mismatch (void)
{
  g_autoptr(MfaOtpauth) otpauth = parse_ok (
    "otpauth://totp/OldName:alice?secret=JBSWY3DPEHPK3PXP&issuer=NewName");

  g_assert_cmpstr (otpauth->issuer, ==, "NewName");
  g_assert_cmpstr (otpauth->label_issuer, ==, "OldName");
  g_assert_cmpstr (otpauth->account, ==, "alice");
  g_assert_true (otpauth->issuer_mismatch);
}

static void
test_hotp_counter (void)
{
  g_autoptr(MfaOtpauth) otpauth = parse_ok ("otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=42");

  g_assert_cmpint (otpauth->type, ==, MFA_OTP_TYPE_HOTP);
  g_assert_cmpuint (otpauth->counter, ==, 42);
}

/* A period on a counter-based URI means nothing; found by the fuzzer, which
 * saw it lost on formatting and the round trip compare unequal. */
static void
test_hotp_ignores_period (void)
{
  g_autoptr(MfaOtpauth) otpauth = parse_ok ("otpauth://hotp/x?secret=JBSWY3DP&counter=7&period=60");
  g_autofree gchar *uri = mfa_otpauth_format (otpauth);
  g_autoptr(MfaOtpauth) again = parse_ok (uri);

  g_assert_cmpuint (otpauth->params.period, ==, MFA_OTP_DEFAULT_PERIOD);
  g_assert_true (mfa_otp_params_equal (&otpauth->params, &again->params));
  g_assert_cmpuint (again->counter, ==, 7);
}

static void
assert_rejected (const gchar *uri,
                 const gchar *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaOtpauth) otpauth = mfa_otpauth_parse (uri, &error);

  g_assert_null (otpauth);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_URI);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” should mention “%s”, says: %s", uri, fragment, error->message);
}

static void
test_errors_say_what_is_wrong (void)
{
  g_autofree gchar *huge = g_strdup_printf ("otpauth://totp/x?secret=%0*d", 5000, 0);

  assert_rejected ("https://example.com", "otpauth://");
  assert_rejected ("otpauth-migration://offline?data=abc", "Google Authenticator export");
  assert_rejected ("otpauth://motp/x?secret=JBSWY3DPEHPK3PXP", "“motp”");
  assert_rejected ("otpauth://totp/x", "no parameters");
  assert_rejected ("otpauth://totp/x?issuer=A", "no secret");
  assert_rejected ("otpauth://totp/x?secret=JBSWY3DPEHPK3PX1", "“1”");
  assert_rejected ("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5", "“MD5”");
  assert_rejected ("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=5", "“5”");
  assert_rejected ("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=six", "“six”");
  assert_rejected ("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=0", "“0”");
  assert_rejected ("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=-30", "“-30”");
  assert_rejected ("otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP", "no counter");
  {
    /* Found by the fuzzer: a long name percent-encoded past the URI limit. */
    g_autofree gchar *name = g_strnfill (MFA_OTPAUTH_MAX_NAME + 1, '!');
    g_autofree gchar *uri = g_strdup_printf ("otpauth://totp/x?secret=JBSWY3DP&issuer=%s", name);

    assert_rejected (uri, "issuer is too long");
  }
  assert_rejected ("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&secret=AAAA", "twice");
  assert_rejected ("otpauth://totp/a%2?secret=JBSWY3DPEHPK3PXP", "percent escape");
  assert_rejected ("otpauth://totp/a%zz?secret=JBSWY3DPEHPK3PXP", "two hexadecimal digits");
  assert_rejected ("otpauth://totp/a%00b?secret=JBSWY3DPEHPK3PXP", "percent escape");
  assert_rejected ("otpauth://totp/a%ff?secret=JBSWY3DPEHPK3PXP", "UTF-8");
  assert_rejected ("otpauth://totp/x?secret", "no value");
  assert_rejected (huge, "too long");
}

/* A reason reaches reports, --json and bundle evidence: it never quotes the
 * bytes of a damaged key. */
static void
test_errors_quote_no_key (void)
{
  const gchar *uris[] = {
    "otpauth://totp/x?secret=KRSXG5C%QGEZDG",
    "otpauth://totp/x?secret=KRSXG5C%Q",
    "otpauth://totp/x?KRSXG5CQGEZDGNBV&issuer=A",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MfaOtpauth) otpauth = mfa_otpauth_parse (uris[i], &error);

      g_assert_null (otpauth);
      g_assert_nonnull (error);
      g_assert_null (strstr (error->message, "%Q"));
      g_assert_null (strstr (error->message, "KRSX"));
    }
}

static void
test_format_round_trip (void)
{
  const guint8 bytes[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
  g_autoptr(MfaSecret) secret = mfa_secret_new (bytes, sizeof bytes);
  MfaOtpParams params = { MFA_ALGORITHM_SHA512, 7, 45 };
  g_autoptr(MfaOtpauth) original = mfa_otpauth_new (MFA_OTP_TYPE_TOTP, "Test & Co: 测试",
                                                    "me@example.com", secret, &params);
  g_autofree gchar *uri = mfa_otpauth_format (original);
  g_autoptr(MfaOtpauth) parsed = NULL;

  g_assert_true (g_str_has_prefix (uri, "otpauth://totp/Test%20%26%20Co%3A%20"));
  parsed = parse_ok (uri);
  g_assert_cmpstr (parsed->issuer, ==, "Test & Co: 测试");
  g_assert_cmpstr (parsed->account, ==, "me@example.com");
  g_assert_true (mfa_secret_equal (parsed->secret, secret));
  g_assert_true (mfa_otp_params_equal (&parsed->params, &params));
  g_assert_false (parsed->issuer_mismatch);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/otpauth/parse/google-example", test_google_example);
  g_test_add_func ("/otpauth/parse/all-parameters", test_all_parameters);
  g_test_add_func ("/otpauth/parse/label-variants", test_label_variants);
  g_test_add_func ("/otpauth/parse/issuer-mismatch", test_issuer_mismatch);
  g_test_add_func ("/otpauth/parse/hotp-counter", test_hotp_counter);
  g_test_add_func ("/otpauth/parse/hotp-ignores-period", test_hotp_ignores_period);
  g_test_add_func ("/otpauth/parse/errors", test_errors_say_what_is_wrong);
  g_test_add_func ("/otpauth/parse/errors-quote-no-key", test_errors_quote_no_key);
  g_test_add_func ("/otpauth/format/round-trip", test_format_round_trip);
  return g_test_run ();
}
