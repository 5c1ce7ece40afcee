/* test-otp.c: RFC 4226 and RFC 6238 test vectors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mfadiag.h"

static MfaSecret *
ascii_key (const gchar *text)
{
  return mfa_secret_new ((const guint8 *) text, strlen (text));
}

/* RFC 4226 appendix D. */
static void
test_hotp_rfc4226 (void)
{
  const guint32 expected[] = { 755224, 287082, 359152, 969429, 338314,
                               254676, 287922, 162583, 399871, 520489 };
  g_autoptr(MfaSecret) key = ascii_key ("12345678901234567890");

  for (guint counter = 0; counter < G_N_ELEMENTS (expected); counter++)
    g_assert_cmpuint (mfa_hotp (key, MFA_ALGORITHM_SHA1, 6, counter), ==, expected[counter]);
}

/* RFC 6238 appendix B, all three hashes, 8 digits, 30 s. */
static void
test_totp_rfc6238 (void)
{
  const struct { gint64 time; guint32 sha1, sha256, sha512; } vectors[] = {
    { 59,          94287082, 46119246, 90693936 },
    { 1111111109,   7081804, 68084774, 25091201 },
    { 1111111111,  14050471, 67062674, 99943326 },
    { 1234567890,  89005924, 91819424, 93441116 },
    { 2000000000,  69279037, 90698825, 38618901 },
    { 20000000000, 65353130, 77737706, 47863826 },
  };
  g_autoptr(MfaSecret) key1 = ascii_key ("12345678901234567890");
  g_autoptr(MfaSecret) key256 = ascii_key ("12345678901234567890123456789012");
  g_autoptr(MfaSecret) key512 = ascii_key ("1234567890123456789012345678901234567890"
                                           "123456789012345678901234");

  for (gsize i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      MfaOtpParams sha1 = { MFA_ALGORITHM_SHA1, 8, 30 };
      MfaOtpParams sha256 = { MFA_ALGORITHM_SHA256, 8, 30 };
      MfaOtpParams sha512 = { MFA_ALGORITHM_SHA512, 8, 30 };

      g_assert_cmpuint (mfa_totp (key1, &sha1, vectors[i].time), ==, vectors[i].sha1);
      g_assert_cmpuint (mfa_totp (key256, &sha256, vectors[i].time), ==, vectors[i].sha256);
      g_assert_cmpuint (mfa_totp (key512, &sha512, vectors[i].time), ==, vectors[i].sha512);
    }
}

static void
test_format_code_keeps_leading_zeros (void)
{
  gchar out[MFA_OTP_MAX_DIGITS + 1];

  mfa_otp_format_code (7081804, 8, out);
  g_assert_cmpstr (out, ==, "07081804");
  mfa_otp_format_code (42, 6, out);
  g_assert_cmpstr (out, ==, "000042");
}

static void
test_algorithm_names (void)
{
  MfaAlgorithm algorithm;

  g_assert_true (mfa_algorithm_from_string ("sha-256", &algorithm));
  g_assert_cmpint (algorithm, ==, MFA_ALGORITHM_SHA256);
  g_assert_true (mfa_algorithm_from_string ("HmacSHA512", &algorithm));
  g_assert_cmpint (algorithm, ==, MFA_ALGORITHM_SHA512);
  g_assert_true (mfa_algorithm_from_string ("SHA1", &algorithm));
  g_assert_cmpint (algorithm, ==, MFA_ALGORITHM_SHA1);
  g_assert_false (mfa_algorithm_from_string ("MD5", &algorithm));
  g_assert_cmpstr (mfa_algorithm_to_string (MFA_ALGORITHM_SHA512), ==, "SHA512");
}

static void
test_counter_before_epoch (void)
{
  g_assert_cmpuint (mfa_totp_counter (-5, 30), ==, 0);
  g_assert_cmpuint (mfa_totp_counter (59, 30), ==, 1);
  g_assert_cmpuint (mfa_totp_counter (60, 30), ==, 2);
}

static void
test_secret_equal (void)
{
  g_autoptr(MfaSecret) a = ascii_key ("abc");
  g_autoptr(MfaSecret) b = ascii_key ("abc");
  g_autoptr(MfaSecret) c = ascii_key ("abd");
  g_autoptr(MfaSecret) d = ascii_key ("abcd");

  g_assert_true (mfa_secret_equal (a, b));
  g_assert_false (mfa_secret_equal (a, c));
  g_assert_false (mfa_secret_equal (a, d));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/otp/hotp/rfc4226-vectors", test_hotp_rfc4226);
  g_test_add_func ("/otp/totp/rfc6238-vectors", test_totp_rfc6238);
  g_test_add_func ("/otp/format-code/leading-zeros", test_format_code_keeps_leading_zeros);
  g_test_add_func ("/otp/algorithm-names", test_algorithm_names);
  g_test_add_func ("/otp/totp/counter-before-epoch", test_counter_before_epoch);
  g_test_add_func ("/otp/secret/equal", test_secret_equal);
  return g_test_run ();
}
