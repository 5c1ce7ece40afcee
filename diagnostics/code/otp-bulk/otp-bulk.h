/* otp-bulk.h: truncated HOTP values of many consecutive counters at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "code/otp.h"

G_BEGIN_DECLS

/* How the values are computed; all give the same results. */
typedef enum
{
  MFA_OTP_BULK_AUTO,    /* the fastest one this processor supports */
  MFA_OTP_BULK_GENERIC, /* one HMAC after another through nettle */
  MFA_OTP_BULK_AVX512,  /* 8 (SHA-512) or 16 (SHA-1, SHA-256) AVX-512 lanes */
} MfaOtpBulkImpl;

/* out[i] = mfa_otp_generator_value (generator, first_counter + i), i < n. */
void     mfa_otp_generator_values       (MfaOtpGenerator *generator,
                                         guint64          first_counter,
                                         gsize            n,
                                         guint32         *out);

/* For tests and benchmarks: the same with a chosen implementation, which
 * must be supported. */
gboolean mfa_otp_bulk_impl_supported    (MfaOtpBulkImpl   impl);
void     mfa_otp_generator_values_using (MfaOtpBulkImpl   impl,
                                         MfaOtpGenerator *generator,
                                         guint64          first_counter,
                                         gsize            n,
                                         guint32         *out);

G_END_DECLS
