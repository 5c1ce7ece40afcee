/* mfadiag.h: the diagnostics library, free of GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "base32.h"
#include "code-check.h"
#include "mfa-error.h"
#include "mfa-format.h"
#include "mfa-secret.h"
#include "otp.h"
#include "otp-bulk/otp-bulk.h"
#include "otpauth-uri.h"
