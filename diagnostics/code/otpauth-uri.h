/* otpauth-uri.h: the Key URI format (otpauth://TYPE/LABEL?PARAMETERS)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "otp.h"

G_BEGIN_DECLS

typedef enum
{
  MFA_OTP_TYPE_TOTP,
  MFA_OTP_TYPE_HOTP,
  MFA_OTP_TYPE_STEAM,   /* Steam Guard (MFA_OTP_PARAMS_STEAM), as otpauth://steam/ */
} MfaOtpType;

const gchar *mfa_otp_type_to_string (MfaOtpType type);

/* Longest URI accepted: a QR code holds at most about 4 KB. */
#define MFA_OTPAUTH_MAX_LENGTH 4096
/* Issuer and account names, in bytes: real ones are far shorter, and the
 * limit keeps every URI this library formats within MFA_OTPAUTH_MAX_LENGTH
 * even when each byte needs percent-encoding. */
#define MFA_OTPAUTH_MAX_NAME 256

typedef struct
{
  MfaOtpType   type;
  gchar       *issuer;        /* NULL when neither parameter nor label names one */
  gchar       *account;       /* the label after any "Issuer:" prefix; may be "" */
  gchar       *label_issuer;  /* the label's own prefix, NULL when there is none */
  gboolean     issuer_mismatch; /* the issuer parameter and label prefix disagree */
  MfaSecret   *secret;
  MfaOtpParams params;
  guint64      counter;       /* HOTP only */
} MfaOtpauth;

MfaOtpauth *mfa_otpauth_new     (MfaOtpType         type,
                                 const gchar       *issuer,
                                 const gchar       *account,
                                 const MfaSecret   *secret,
                                 const MfaOtpParams *params);
MfaOtpauth *mfa_otpauth_parse   (const gchar  *uri,
                                 GError      **error);
gchar      *mfa_otpauth_format  (const MfaOtpauth *otpauth);
gchar      *mfa_otpauth_label   (const MfaOtpauth *otpauth);
void        mfa_otpauth_free    (MfaOtpauth  *otpauth);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaOtpauth, mfa_otpauth_free)

G_END_DECLS
