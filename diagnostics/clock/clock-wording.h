/* clock-wording.h: the clock checks' verdicts in words, for support
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "clock/phone-clock.h"
#include "mfa-finding.h"

G_BEGIN_DECLS

/* A phone clock verdict's name as support reads it ("in sync", "ahead"). */
const gchar *mfa_phone_clock_verdict_name (MfaPhoneClockVerdict verdict);
/* What a bundle's phone clock evidence says; NULL for "unknown". */
MfaFinding  *mfa_phone_clock_finding      (JsonObject          *evidence);
/* What a bundle's clock evidence (clock --json) says. */
MfaFinding  *mfa_clock_finding            (JsonObject          *evidence);

G_END_DECLS
