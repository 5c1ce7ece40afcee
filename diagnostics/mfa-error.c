/* mfa-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mfa-error.h"

G_DEFINE_QUARK (mfa-error-quark, mfa_error)
