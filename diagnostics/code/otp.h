/* otp.h: HOTP (RFC 4226) and TOTP (RFC 6238)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mfa-secret.h"

G_BEGIN_DECLS

typedef enum
{
  MFA_ALGORITHM_SHA1,
  MFA_ALGORITHM_SHA256,
  MFA_ALGORITHM_SHA512,
} MfaAlgorithm;

#define MFA_N_ALGORITHMS 3
#define MFA_OTP_MIN_DIGITS 6
#define MFA_OTP_MAX_DIGITS 8
#define MFA_OTP_DEFAULT_PERIOD 30
#define MFA_OTP_MAX_PERIOD 86400

/* How codes are made from a key: the three settings an authenticator must
 * agree on with the server. */
typedef struct
{
  MfaAlgorithm algorithm;
  guint        digits;
  guint        period;
} MfaOtpParams;

#define MFA_OTP_PARAMS_DEFAULT ((MfaOtpParams) { MFA_ALGORITHM_SHA1, 6, 30 })
/* Steam Guard codes: 5 characters from Steam's own alphabet of 26, made
 * from the HOTP value with SHA-1 every 30 s. */
#define MFA_OTP_STEAM_DIGITS 5
#define MFA_OTP_PARAMS_STEAM ((MfaOtpParams) { MFA_ALGORITHM_SHA1, MFA_OTP_STEAM_DIGITS, 30 })

const gchar *mfa_algorithm_to_string   (MfaAlgorithm  algorithm);
gboolean     mfa_algorithm_from_string (const gchar  *text,
                                        MfaAlgorithm *algorithm);
gboolean     mfa_otp_params_equal      (const MfaOtpParams *a,
                                        const MfaOtpParams *b);

/* A key prepared for one algorithm: the HMAC inner and outer states are
 * computed once, so each code costs two hash blocks. Wiped when freed. */
typedef struct _MfaOtpGenerator MfaOtpGenerator;

MfaOtpGenerator *mfa_otp_generator_new  (const MfaSecret *key,
                                         MfaAlgorithm     algorithm);
MfaOtpGenerator *mfa_otp_generator_copy (const MfaOtpGenerator *generator);
void             mfa_otp_generator_free (MfaOtpGenerator *generator);

/* The dynamically truncated 31-bit value of RFC 4226 section 5.3; a code of
 * d digits is this value modulo 10^d. */
guint32          mfa_otp_generator_value (MfaOtpGenerator *generator,
                                          guint64          counter);
/* out[i] = mfa_otp_generator_value (generator, first_counter + i), i < n. */
void             mfa_otp_generator_values (MfaOtpGenerator *generator,
                                           guint64          first_counter,
                                           gsize            n,
                                           guint32         *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaOtpGenerator, mfa_otp_generator_free)

guint32  mfa_otp_modulus      (guint digits);
guint32  mfa_hotp             (const MfaSecret *key,
                               MfaAlgorithm     algorithm,
                               guint            digits,
                               guint64          counter);
guint64  mfa_totp_counter     (gint64           unix_seconds,
                               guint            period);
guint32  mfa_totp             (const MfaSecret    *key,
                               const MfaOtpParams *params,
                               gint64              unix_seconds);
void     mfa_otp_format_code  (guint32  code,
                               guint    digits,
                               gchar    out[MFA_OTP_MAX_DIGITS + 1]);

G_END_DECLS
