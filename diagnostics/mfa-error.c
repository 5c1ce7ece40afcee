/* mfa-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-error"

#include "mfa-error.h"

G_DEFINE_QUARK (mfa-error-quark, mfa_error)
