/* mfa-error.h: the error domain for every failure a user can cause
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdarg.h>

#include <glib.h>

G_BEGIN_DECLS

#define MFA_ERROR (mfa_error_quark ())

typedef enum
{
  MFA_ERROR_INVALID_KEY,      /* a key that is not valid base32, empty, or too long */
  MFA_ERROR_INVALID_URI,      /* an otpauth:// URI that cannot be parsed */
  MFA_ERROR_INVALID_CODE,     /* a verification code that is not 6–8 digits */
  MFA_ERROR_INVALID_TIME,     /* a time that is neither ISO 8601 nor @UNIXSECONDS */
  MFA_ERROR_INVALID_ARGUMENT, /* an option value out of range */
  MFA_ERROR_UNSUPPORTED,      /* valid input this tool cannot handle (e.g. HOTP for a time check) */
  MFA_ERROR_IO,               /* a file that cannot be read */
  MFA_ERROR_FAILED,
  MFA_ERROR_ENCRYPTED_EXPORT, /* an authenticator backup protected by a password */
  MFA_ERROR_INVALID_EXPORT,   /* an export that is damaged or in no format we know */
  MFA_ERROR_INVALID_FLOW,     /* a troubleshooting flow file that is not valid JSON or not a flow */
  MFA_ERROR_NOT_A_BUNDLE,     /* a file that cannot be read as a ticket bundle at all */
  MFA_ERROR_BUNDLE_DAMAGED,   /* a bundle whose entries are damaged, tampered with or unsafe */
  MFA_ERROR_SECRET_IN_TEXT,   /* text that looks like an MFA key or otpauth:// URI */
  MFA_ERROR_WRONG_PASSWORD,   /* an encrypted export that its password given does not open */
} MfaError;

GQuark   mfa_error_quark       (void);

/* Sets `error` (if not NULL) to a MFA_ERROR of `code` with a formatted
 * message, and returns FALSE: `return mfa_error_fail (error, …);` */
gboolean mfa_error_fail        (GError       **error,
                                MfaError       code,
                                const gchar   *format,
                                ...) G_GNUC_PRINTF (3, 4);
gboolean mfa_error_fail_valist (GError       **error,
                                MfaError       code,
                                const gchar   *format,
                                va_list        args) G_GNUC_PRINTF (3, 0);

G_END_DECLS
