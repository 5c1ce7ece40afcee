/* clock-wording.c: the clock checks' verdicts in words, for the pages and for support
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "clock-wording"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "clock/clock-enums.h"
#include "clock/clock-wording.h"
#include "mfa-json-read.h"

/* ---- the verdict's name, for support --------------------------------------- */

const gchar *
mfa_phone_clock_verdict_name (MfaPhoneClockVerdict verdict)
{
  switch (verdict)
    {
    case MFA_PHONE_CLOCK_IN_SYNC: return _("in sync");
    case MFA_PHONE_CLOCK_AHEAD:   return _("ahead");
    case MFA_PHONE_CLOCK_BEHIND:  return _("behind");
    case MFA_PHONE_CLOCK_UNKNOWN: return _("unknown");
    default:                      g_return_val_if_reached (NULL);
    }
}

/* ---- what the evidence in a bundle says ---------------------------------- */

MfaFinding *
mfa_phone_clock_finding (JsonObject *evidence)
{
  MfaPhoneClockVerdict verdict = MFA_PHONE_CLOCK_UNKNOWN;
  gdouble low = 0, high = 0, swap;
  g_autofree gchar *low_text = NULL, *high_text = NULL;
  gboolean ahead;

  mfa_phone_clock_verdict_from_nick (mfa_json_member_string (evidence, "verdict"), &verdict);
  if (verdict == MFA_PHONE_CLOCK_IN_SYNC)
    return mfa_finding_new (MFA_FINDING_OK, 0, g_strdup (_("The phone’s clock was right: its "
                                                               "codes matched the current time.")));
  if (verdict == MFA_PHONE_CLOCK_UNKNOWN)
    return NULL;
  ahead = verdict == MFA_PHONE_CLOCK_AHEAD;
  if (!mfa_json_member_number (evidence, "offset_min_seconds", &low)
      || !mfa_json_member_number (evidence, "offset_max_seconds", &high))
    return mfa_finding_new (MFA_FINDING_PROBLEM, 0,
                            g_strdup (ahead ? _("The phone’s clock was ahead; codes fail beyond "
                                                "about 30 seconds.")
                                            : _("The phone’s clock was behind; codes fail beyond "
                                                "about 30 seconds.")));
  low = fabs (low);
  high = fabs (high);
  if (low > high)
    swap = low, low = high, high = swap;
  low_text = mfa_finding_duration (low);
  high_text = mfa_finding_duration (high);
  if (g_str_equal (low_text, high_text))
    return mfa_finding_new (MFA_FINDING_PROBLEM, 0,
                            g_strdup_printf (ahead ? _("The phone’s clock was about %s ahead; codes "
                                                       "fail beyond about 30 seconds.")
                                                   : _("The phone’s clock was about %s behind; codes "
                                                       "fail beyond about 30 seconds."),
                                             high_text));
  return mfa_finding_new (MFA_FINDING_PROBLEM, 0,
                          g_strdup_printf (ahead ? _("The phone’s clock was between %s and %s "
                                                     "ahead; codes fail beyond about 30 seconds.")
                                                 : _("The phone’s clock was between %s and %s "
                                                     "behind; codes fail beyond about 30 seconds."),
                                           low_text, high_text));
}

MfaFinding *
mfa_clock_finding (JsonObject *evidence)
{
  gdouble offset;
  g_autofree gchar *amount = NULL;

  if (!mfa_json_member_number (evidence, "offset_seconds", &offset))
    return mfa_finding_new (MFA_FINDING_WARNING, 3,
                            g_strdup (_("The computer’s clock could not be checked: no time "
                                        "server answered.")));
  amount = mfa_finding_duration (offset);
  if (fabs (offset) >= 30)
    return mfa_finding_new (MFA_FINDING_PROBLEM, 3,
                            g_strdup_printf (offset > 0
                                               ? _("The computer’s clock was %s fast; codes fail "
                                                   "beyond about 30 seconds, and the phone may be "
                                                   "off too.")
                                               : _("The computer’s clock was %s slow; codes fail "
                                                   "beyond about 30 seconds, and the phone may be "
                                                   "off too."),
                                             amount));
  if (fabs (offset) >= 5)
    return mfa_finding_new (MFA_FINDING_WARNING, 3,
                            g_strdup_printf (offset > 0
                                               ? _("The computer’s clock was %s fast: within the "
                                                   "30 seconds codes allow, but close.")
                                               : _("The computer’s clock was %s slow: within the "
                                                   "30 seconds codes allow, but close."),
                                             amount));
  return mfa_finding_new (MFA_FINDING_OK, 3, g_strdup (_("The computer’s clock was right.")));
}
