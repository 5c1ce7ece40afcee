/* test-otp-bulk.c: bulk HOTP values equal the one-at-a-time path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mfadiag.h"

static const MfaOtpBulkImpl impls[] = { MFA_OTP_BULK_AUTO, MFA_OTP_BULK_GENERIC,
                                        MFA_OTP_BULK_AVX512 };

static MfaSecret *
random_key (void)
{
  guint8 bytes[64];
  gsize len = g_test_rand_int_range (10, 65);

  for (gsize i = 0; i < len; i++)
    bytes[i] = g_test_rand_int_range (0, 256);
  return mfa_secret_new (bytes, len);
}

/* Compares one run of `n` counters from `first` with the single path. */
static void
assert_bulk_matches (MfaOtpBulkImpl   impl,
                     const MfaSecret *key,
                     MfaAlgorithm     algorithm,
                     guint64          first,
                     gsize            n)
{
  g_autoptr(MfaOtpGenerator) bulk = mfa_otp_generator_new (key, algorithm);
  g_autoptr(MfaOtpGenerator) single = mfa_otp_generator_new (key, algorithm);
  g_autofree guint32 *values = g_new (guint32, n + 1);

  values[n] = 0xdeadbeef; /* must stay untouched */
  mfa_otp_generator_values_using (impl, bulk, first, n, values);
  for (gsize i = 0; i < n; i++)
    g_assert_cmpuint (values[i], ==, mfa_otp_generator_value (single, first + i));
  g_assert_cmpuint (values[n], ==, 0xdeadbeef);
}

static void
test_bulk_random (gconstpointer data)
{
  MfaOtpBulkImpl impl = GPOINTER_TO_INT (data);

  if (!mfa_otp_bulk_impl_supported (impl))
    {
      g_test_skip ("this processor lacks the instructions");
      return;
    }
  for (int round = 0; round < 20; round++)
    for (int a = 0; a < MFA_N_ALGORITHMS; a++)
      {
        g_autoptr(MfaSecret) key = random_key ();
        guint64 first = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();
        gsize n = g_test_rand_int_range (1, 70); /* mostly not a multiple of 8 or 16 */

        assert_bulk_matches (impl, key, (MfaAlgorithm) a, first, n);
      }
}

/* Every length from 0 to 40 around a real TOTP counter, and counters that
 * wrap the 32-bit halves. */
static void
test_bulk_lengths (gconstpointer data)
{
  MfaOtpBulkImpl impl = GPOINTER_TO_INT (data);
  g_autoptr(MfaSecret) key = mfa_secret_new ((const guint8 *) "12345678901234567890", 20);

  if (!mfa_otp_bulk_impl_supported (impl))
    {
      g_test_skip ("this processor lacks the instructions");
      return;
    }
  for (int a = 0; a < MFA_N_ALGORITHMS; a++)
    for (gsize n = 0; n <= 40; n++)
      {
        assert_bulk_matches (impl, key, (MfaAlgorithm) a, 59861574, n);
        assert_bulk_matches (impl, key, (MfaAlgorithm) a, G_GUINT64_CONSTANT (0xfffffffc), n);
      }
}

/* RFC 6238 appendix B, SHA-512, 8 digits: the bulk path alone against the
 * published codes, so both paths being wrong the same way is caught. */
static void
test_bulk_rfc6238_sha512 (gconstpointer data)
{
  MfaOtpBulkImpl impl = GPOINTER_TO_INT (data);
  const guint8 seed[] = "1234567890123456789012345678901234567890123456789012345678901234";
  g_autoptr(MfaSecret) key = mfa_secret_new (seed, 64);
  g_autoptr(MfaOtpGenerator) generator = mfa_otp_generator_new (key, MFA_ALGORITHM_SHA512);
  guint32 values[10];

  if (!mfa_otp_bulk_impl_supported (impl))
    {
      g_test_skip ("this processor lacks the instructions");
      return;
    }
  /* 59 s is counter 1; 1111111109 s is counter 37037036. */
  mfa_otp_generator_values_using (impl, generator, 0, 3, values);
  g_assert_cmpuint (values[1] % 100000000, ==, 90693936);
  mfa_otp_generator_values_using (impl, generator, 37037033, 10, values);
  g_assert_cmpuint (values[3] % 100000000, ==, 25091201);
  g_assert_cmpuint (values[4] % 100000000, ==, 99943326);
}

int
main (int argc, char *argv[])
{
  const gchar *names[] = { "auto", "generic", "avx512" };

  g_test_init (&argc, &argv, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (impls); i++)
    {
      g_autofree gchar *random = g_strdup_printf ("/otp-bulk/%s/random", names[i]);
      g_autofree gchar *lengths = g_strdup_printf ("/otp-bulk/%s/lengths", names[i]);
      g_autofree gchar *rfc = g_strdup_printf ("/otp-bulk/%s/rfc6238-sha512", names[i]);

      g_test_add_data_func (random, GINT_TO_POINTER (impls[i]), test_bulk_random);
      g_test_add_data_func (lengths, GINT_TO_POINTER (impls[i]), test_bulk_lengths);
      g_test_add_data_func (rfc, GINT_TO_POINTER (impls[i]), test_bulk_rfc6238_sha512);
    }
  return g_test_run ();
}
