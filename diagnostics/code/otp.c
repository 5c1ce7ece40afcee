/* otp.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "otp"

#include "config.h"

#include <nettle/hmac.h>

#include "otp.h"

struct _MfaOtpGenerator
{
  MfaAlgorithm algorithm;
  union
  {
    struct hmac_sha1_ctx   sha1;
    struct hmac_sha256_ctx sha256;
    struct hmac_sha512_ctx sha512;
  } hmac;
};

const gchar *
mfa_algorithm_to_string (MfaAlgorithm algorithm)
{
  switch (algorithm)
    {
    case MFA_ALGORITHM_SHA1:   return "SHA1";
    case MFA_ALGORITHM_SHA256: return "SHA256";
    case MFA_ALGORITHM_SHA512: return "SHA512";
    default:                   g_return_val_if_reached ("SHA1");
    }
}

/* Accepts the spellings found in the wild: SHA1, sha-256, HmacSHA512… */
gboolean
mfa_algorithm_from_string (const gchar  *text,
                           MfaAlgorithm *algorithm)
{
  g_autofree gchar *folded = NULL;
  const gchar *name;

  g_return_val_if_fail (text != NULL, FALSE);

  folded = g_ascii_strdown (text, -1);
  name = g_str_has_prefix (folded, "hmac") ? folded + 4 : folded;
  if (*name == '-' || *name == '_')
    name++;
  if (g_str_equal (name, "sha1") || g_str_equal (name, "sha-1"))
    *algorithm = MFA_ALGORITHM_SHA1;
  else if (g_str_equal (name, "sha256") || g_str_equal (name, "sha-256"))
    *algorithm = MFA_ALGORITHM_SHA256;
  else if (g_str_equal (name, "sha512") || g_str_equal (name, "sha-512"))
    *algorithm = MFA_ALGORITHM_SHA512;
  else
    return FALSE;
  return TRUE;
}

gboolean
mfa_otp_params_equal (const MfaOtpParams *a,
                      const MfaOtpParams *b)
{
  return a->algorithm == b->algorithm && a->digits == b->digits && a->period == b->period;
}

MfaOtpGenerator *
mfa_otp_generator_new (const MfaSecret *key,
                       MfaAlgorithm     algorithm)
{
  MfaOtpGenerator *generator;

  g_return_val_if_fail (key != NULL, NULL);

  generator = g_new0 (MfaOtpGenerator, 1);
  generator->algorithm = algorithm;
  switch (algorithm)
    {
    case MFA_ALGORITHM_SHA1:
      hmac_sha1_set_key (&generator->hmac.sha1, key->len, key->data);
      break;
    case MFA_ALGORITHM_SHA256:
      hmac_sha256_set_key (&generator->hmac.sha256, key->len, key->data);
      break;
    case MFA_ALGORITHM_SHA512:
      hmac_sha512_set_key (&generator->hmac.sha512, key->len, key->data);
      break;
    default:
      g_free (generator);
      g_return_val_if_reached (NULL);
    }
  return generator;
}

/* A generator has mutable hash state: each thread computes with its own copy. */
MfaOtpGenerator *
mfa_otp_generator_copy (const MfaOtpGenerator *generator)
{
  g_return_val_if_fail (generator != NULL, NULL);

  return g_memdup2 (generator, sizeof *generator);
}

void
mfa_otp_generator_free (MfaOtpGenerator *generator)
{
  if (generator == NULL)
    return;
  mfa_wipe (generator, sizeof *generator);
  g_free (generator);
}

guint32
mfa_otp_generator_value (MfaOtpGenerator *generator,
                         guint64          counter)
{
  guint8 message[8];
  guint8 digest[SHA512_DIGEST_SIZE];
  gsize digest_len = 0;
  guint offset;
  guint32 value;

  for (int i = 7; i >= 0; i--, counter >>= 8)
    message[i] = counter & 0xff;

  /* nettle's *_digest resets the context to the keyed inner state. */
  switch (generator->algorithm)
    {
    case MFA_ALGORITHM_SHA1:
      hmac_sha1_update (&generator->hmac.sha1, sizeof message, message);
      hmac_sha1_digest (&generator->hmac.sha1, SHA1_DIGEST_SIZE, digest);
      digest_len = SHA1_DIGEST_SIZE;
      break;
    case MFA_ALGORITHM_SHA256:
      hmac_sha256_update (&generator->hmac.sha256, sizeof message, message);
      hmac_sha256_digest (&generator->hmac.sha256, SHA256_DIGEST_SIZE, digest);
      digest_len = SHA256_DIGEST_SIZE;
      break;
    case MFA_ALGORITHM_SHA512:
      hmac_sha512_update (&generator->hmac.sha512, sizeof message, message);
      hmac_sha512_digest (&generator->hmac.sha512, SHA512_DIGEST_SIZE, digest);
      digest_len = SHA512_DIGEST_SIZE;
      break;
    default:
      g_return_val_if_reached (0);
    }

  offset = digest[digest_len - 1] & 0x0f;
  value = ((guint32) (digest[offset] & 0x7f) << 24) | ((guint32) digest[offset + 1] << 16)
          | ((guint32) digest[offset + 2] << 8) | digest[offset + 3];
  mfa_wipe (digest, sizeof digest);
  return value;
}

guint32
mfa_otp_modulus (guint digits)
{
  static const guint32 powers[] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000,
                                    100000000 };

  g_return_val_if_fail (digits >= 1 && digits <= MFA_OTP_MAX_DIGITS, 1000000);
  return powers[digits];
}

/* One HMAC after another through nettle, which uses the processor's SHA
 * instructions where it has them. (A faster path once hashed counters side
 * by side in AVX-512 lanes with its own SHA compression functions; it went,
 * as hand-written crypto, once the search was already faster than oathtool
 * without it — docs/HACKING.md.) */
void
mfa_otp_generator_values (MfaOtpGenerator *generator,
                          guint64          first_counter,
                          gsize            n,
                          guint32         *out)
{
  g_return_if_fail (generator != NULL && (n == 0 || out != NULL));

  for (gsize i = 0; i < n; i++)
    out[i] = mfa_otp_generator_value (generator, first_counter + i);
}

guint32
mfa_hotp (const MfaSecret *key,
          MfaAlgorithm     algorithm,
          guint            digits,
          guint64          counter)
{
  g_autoptr(MfaOtpGenerator) generator = mfa_otp_generator_new (key, algorithm);

  return mfa_otp_generator_value (generator, counter) % mfa_otp_modulus (digits);
}

/* RFC 6238: T = floor((unix time - T0) / X) with T0 = 0; times before the
 * epoch have no counter and clamp to 0. */
guint64
mfa_totp_counter (gint64 unix_seconds,
                  guint  period)
{
  g_return_val_if_fail (period > 0, 0);

  return unix_seconds <= 0 ? 0 : (guint64) unix_seconds / period;
}

guint32
mfa_totp (const MfaSecret    *key,
          const MfaOtpParams *params,
          gint64              unix_seconds)
{
  return mfa_hotp (key, params->algorithm, params->digits,
                   mfa_totp_counter (unix_seconds, params->period));
}

void
mfa_otp_format_code (guint32 code,
                     guint   digits,
                     gchar   out[MFA_OTP_MAX_DIGITS + 1])
{
  g_snprintf (out, MFA_OTP_MAX_DIGITS + 1, "%0*u", (int) digits, code);
}
