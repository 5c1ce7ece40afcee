/* code-wording.h: the code check's verdicts in words, for the page and for support
 *
 * The command line's sentence for each code is mfa_code_result_describe
 * (code-check-report.c); this module is the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "code/code-check.h"
#include "mfa-finding.h"

G_BEGIN_DECLS

/* The page's headline: what the code that decided the verdict means. */
const gchar *mfa_code_report_headline (const MfaCodeReport *report,
                                       gint                 deciding);
/* A verdict's name as support reads it ("other settings", "used twice"). */
const gchar *mfa_code_verdict_name    (MfaCodeVerdict       verdict);
/* What a bundle's code evidence (code --json) says; NULL when it has no codes. */
MfaFinding  *mfa_code_finding         (JsonObject          *evidence);

G_END_DECLS
