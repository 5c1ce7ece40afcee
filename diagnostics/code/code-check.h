/* code-check.h: why a verification code is rejected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "otp.h"

G_BEGIN_DECLS

typedef enum
{
  MFA_CODE_VERDICT_CURRENT,          /* right key, right settings, right now */
  MFA_CODE_VERDICT_DRIFT,            /* right key and settings, k steps early or late */
  MFA_CODE_VERDICT_OTHER_PARAMETERS, /* only under another algorithm, period or length */
  MFA_CODE_VERDICT_REPLAYED,         /* an earlier code already matched this step */
  MFA_CODE_VERDICT_NOT_FOUND,        /* nowhere within the window: another key */
  MFA_CODE_VERDICT_MALFORMED,        /* not 6–8 digits */
} MfaCodeVerdict;

/* The default search reaches 24 hours either way of the reference time. */
#define MFA_CODE_CHECK_DEFAULT_WINDOW (24 * 3600)

/* The window holds for the declared settings; other settings (a mis-entered
 * account) are searched only this far either way, or the window if that is
 * narrower. code-search.c says why. */
#define MFA_CODE_CHECK_OTHER_REACH (5 * 60)

/* Below this chance of a coincidence, a single code's match counts as strong. */
#define MFA_CODE_CHECK_WEAK_CHANCE 0.001

typedef struct
{
  MfaCodeVerdict verdict;
  gboolean       matched;        /* params and offsets below are meaningful */
  MfaOtpParams   params;         /* the settings under which it matched */
  gint64         offset_steps;   /* +k: the code belongs k steps after the reference */
  gint64         offset_seconds; /* offset_steps × period */
  gdouble        chance;         /* how likely a random code matches this near */
  gboolean       confirmed;      /* another code matched under the same settings nearby */
  gint           related;        /* the code that confirmed or was replayed, or -1 */
  gchar         *problem;        /* why a malformed code is not a code */
} MfaCodeResult;

typedef struct
{
  MfaOtpParams declared;
  gint64       reference_time;   /* Unix seconds */
  guint        window_seconds;
  GArray      *results;          /* MfaCodeResult, one per code, in the order given */
} MfaCodeReport;

gchar         *mfa_code_normalize       (const gchar  *typed,
                                         GError      **error);

/* The codes in a list as people type it: separated by commas, semicolons,
 * new lines, or spaces between whole codes. Free with mfa_free_strv(). */
gchar        **mfa_code_split_list      (const gchar  *text);

MfaCodeReport *mfa_code_check           (const MfaSecret    *key,
                                         const MfaOtpParams *declared,
                                         gint64              reference_time,
                                         guint               window_seconds,
                                         const gchar * const *codes);
void           mfa_code_report_free     (MfaCodeReport *report);
gboolean       mfa_code_report_all_current (const MfaCodeReport *report);

/* The check's verdict as flows branch on it: "ok" when every code is
 * current, "warning" for a code one step off or used twice, "problem" for
 * one further off, under other settings or not found, "unknown" when no
 * code could be read. deciding (may be NULL) gets the result that decided
 * it (the first code when none could be read), or -1 when there is none. */
const gchar   *mfa_code_report_verdict  (const MfaCodeReport *report,
                                         gint                *deciding);

gchar         *mfa_code_result_describe (const MfaCodeReport *report,
                                         guint                index);
gchar         *mfa_code_report_to_json  (const MfaCodeReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaCodeReport, mfa_code_report_free)

G_END_DECLS
