/* hmac-bulk.c: nanoseconds per HOTP value, per algorithm and implementation.
 * Built on demand: ninja -C build tests/hmac-bulk && build/tests/hmac-bulk
 * Prints the median of 15 runs of 25,600 values each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include "mfadiag.h"

#define VALUES 25600
#define RUNS 15

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (void)
{
  const MfaOtpBulkImpl impls[] = { MFA_OTP_BULK_GENERIC, MFA_OTP_BULK_AVX512 };
  const char *impl_names[] = { "generic", "avx512" };
  g_autoptr(MfaSecret) key = mfa_secret_new ((const guint8 *) "12345678901234567890", 20);
  static guint32 values[VALUES];

  for (int a = 0; a < MFA_N_ALGORITHMS; a++)
    for (gsize i = 0; i < G_N_ELEMENTS (impls); i++)
      {
        g_autoptr(MfaOtpGenerator) generator = mfa_otp_generator_new (key, (MfaAlgorithm) a);
        double ns[RUNS];

        if (!mfa_otp_bulk_impl_supported (impls[i]))
          continue;
        for (int r = 0; r < RUNS; r++)
          {
            gint64 start = g_get_monotonic_time ();

            mfa_otp_generator_values_using (impls[i], generator, 59861574, VALUES, values);
            ns[r] = (g_get_monotonic_time () - start) * 1000.0 / VALUES;
          }
        qsort (ns, RUNS, sizeof *ns, compare_doubles);
        printf ("%-7s %-8s %7.1f ns per value\n", mfa_algorithm_to_string ((MfaAlgorithm) a),
                impl_names[i], ns[RUNS / 2]);
      }
  return 0;
}
