/* mfa-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-error"

#include "mfa-error.h"

#include <stdarg.h>

G_DEFINE_QUARK (mfa-error-quark, mfa_error)

gboolean
mfa_error_fail_valist (GError       **error,
                       MfaError       code,
                       const gchar   *format,
                       va_list        args)
{
  /* Nothing is formatted for a caller that does not want the message. */
  if (error != NULL)
    g_propagate_error (error, g_error_new_valist (MFA_ERROR, code, format, args));
  return FALSE;
}

gboolean
mfa_error_fail (GError       **error,
                MfaError       code,
                const gchar   *format,
                ...)
{
  va_list args;

  va_start (args, format);
  mfa_error_fail_valist (error, code, format, args);
  va_end (args);
  return FALSE;
}
