/* test-oathtool.c: 1,000 random keys, times and settings, each code
 * compared with what OATH Toolkit's oathtool computes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <gio/gio.h>

#include "mfadiag.h"

#define ROUNDS 1000

static gchar *
oathtool (const gchar * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;
  gint status;

  if (!g_spawn_sync (NULL, (gchar **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error))
    g_error ("cannot run oathtool: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("oathtool failed: %s", err);
  return g_strdup (g_strstrip (out));
}

static void
test_random_against_oathtool (void)
{
  const gchar *hashes[] = { "sha1", "sha256", "sha512" };
  const guint periods[] = { 15, 30, 30, 60, 90 };
  g_autofree gchar *program = g_find_program_in_path ("oathtool");

  if (program == NULL)
    {
      g_test_skip ("oathtool is not installed");
      return;
    }

  for (int round = 0; round < ROUNDS; round++)
    {
      gsize len = g_test_rand_int_range (10, 65);
      g_autofree guint8 *bytes = g_malloc (len);
      g_autoptr(MfaSecret) key = NULL;
      g_autofree gchar *base32 = NULL;
      g_autofree gchar *digits = NULL;
      g_autofree gchar *expected = NULL;
      gchar ours[MFA_OTP_MAX_DIGITS + 1];
      MfaOtpParams params;

      for (gsize i = 0; i < len; i++)
        bytes[i] = g_test_rand_int_range (0, 256);
      key = mfa_secret_new (bytes, len);
      base32 = mfa_base32_encode (bytes, len);
      params.algorithm = g_test_rand_int_range (0, MFA_N_ALGORITHMS);
      params.digits = g_test_rand_int_range (6, 9);
      params.period = periods[g_test_rand_int_range (0, G_N_ELEMENTS (periods))];
      digits = g_strdup_printf ("%u", params.digits);

      if (round % 5 == 4)
        {
          /* HOTP rounds: random 32-bit counters. */
          guint64 counter = (guint32) g_test_rand_int ();
          g_autofree gchar *counter_arg = g_strdup_printf ("%" G_GUINT64_FORMAT, counter);
          const gchar *argv[] = { "oathtool", "--hotp", "-b", base32, "-d", digits,
                                  "-c", counter_arg, NULL };

          params.algorithm = MFA_ALGORITHM_SHA1; /* oathtool's HOTP is SHA-1 only */
          expected = oathtool (argv);
          mfa_otp_format_code (mfa_hotp (key, params.algorithm, params.digits, counter),
                               params.digits, ours);
        }
      else
        {
          /* TOTP rounds: any time from 1970 to 2100, past the 2038 boundary. */
          gint64 when = (gint64) (g_test_rand_double () * 4102444800.0);
          g_autofree gchar *totp = g_strdup_printf ("--totp=%s", hashes[params.algorithm]);
          g_autofree gchar *step = g_strdup_printf ("%us", params.period);
          g_autofree gchar *now = g_strdup_printf ("@%" G_GINT64_FORMAT, when);
          const gchar *argv[] = { "oathtool", totp, "-b", base32, "-d", digits, "-s", step,
                                  "--now", now, NULL };

          expected = oathtool (argv);
          mfa_otp_format_code (mfa_totp (key, &params, when), params.digits, ours);
        }
      if (g_strcmp0 (ours, expected) != 0)
        g_error ("round %d (%s, %u digits, %u s): ours %s, oathtool %s", round,
                 mfa_algorithm_to_string (params.algorithm), params.digits, params.period,
                 ours, expected);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/oathtool/random-keys-times-settings", test_random_against_oathtool);
  return g_test_run ();
}
