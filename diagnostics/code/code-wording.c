/* code-wording.c: the code check's verdicts in words, for the page and for support
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "code-wording"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "code/code-enums.h"
#include "code/code-wording.h"
#include "mfa-format.h"
#include "mfa-json-read.h"

/* ---- the page ------------------------------------------------------------ */

const gchar *
mfa_code_report_headline (const MfaCodeReport *report,
                          gint                 deciding)
{
  const MfaCodeResult *result;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (deciding >= 0 && (guint) deciding < report->results->len, NULL);

  result = &g_array_index (report->results, MfaCodeResult, deciding);
  switch (result->verdict)
    {
    case MFA_CODE_VERDICT_CURRENT:
      return ngettext ("The code is right for this key at this moment.",
                       "The codes are right for this key at this moment.",
                       report->results->len);
    case MFA_CODE_VERDICT_DRIFT:
      return _("A code is from another time: the clock on your phone is off.");
    case MFA_CODE_VERDICT_OTHER_PARAMETERS:
      return _("A code was made with other settings: the authenticator entry was set up "
               "wrongly.");
    case MFA_CODE_VERDICT_REPLAYED:
      return _("A code was used twice: use the latest, unused code.");
    case MFA_CODE_VERDICT_NOT_FOUND:
      return _("A code does not belong to this key: the authenticator entry holds another key.");
    case MFA_CODE_VERDICT_MALFORMED:
    default:
      return _("No code could be read.");
    }
}

/* ---- the verdict's name, for support --------------------------------------- */

const gchar *
mfa_code_verdict_name (MfaCodeVerdict verdict)
{
  switch (verdict)
    {
    case MFA_CODE_VERDICT_CURRENT:          return _("current");
    case MFA_CODE_VERDICT_DRIFT:            return _("drift");
    case MFA_CODE_VERDICT_OTHER_PARAMETERS: return _("other settings");
    case MFA_CODE_VERDICT_REPLAYED:         return _("used twice");
    case MFA_CODE_VERDICT_NOT_FOUND:        return _("not found");
    case MFA_CODE_VERDICT_MALFORMED:        return _("malformed");
    default:                                g_return_val_if_reached (NULL);
    }
}

/* ---- what the evidence in a bundle says ------------------------------------ */

static MfaFinding *
drift_finding (JsonObject *code)
{
  gdouble offset = 0;
  g_autofree gchar *amount = NULL;
  MfaFinding *finding;

  if (!mfa_json_member_number (code, "offset_seconds", &offset))
    return mfa_finding_new (MFA_FINDING_WARNING, 1,
                            g_strdup (_("A code the user typed was not current.")));
  amount = mfa_finding_duration (offset);
  finding = mfa_finding_new (MFA_FINDING_PROBLEM, 1,
                             g_strdup_printf (offset > 0
                                                ? _("A code the user typed belongs to %s later: "
                                                    "the phone’s clock is about that far ahead; "
                                                    "codes fail beyond about 30 seconds.")
                                                : _("A code the user typed belongs to %s earlier: "
                                                    "the phone’s clock is about that far behind, "
                                                    "or the code was old; codes fail beyond about "
                                                    "30 seconds."),
                                              amount));
  finding->phone_time = TRUE;
  return finding;
}

static MfaFinding *
other_parameters_finding (JsonObject *code)
{
  g_autofree gchar *algorithm = mfa_format_printable (mfa_json_member_string (code, "algorithm"));
  gdouble digits = 0, period = 0;

  mfa_json_member_number (code, "digits", &digits);
  mfa_json_member_number (code, "period", &period);
  return mfa_finding_new (MFA_FINDING_PROBLEM, 1,
                          g_strdup_printf (_("A code matched only under other settings (%s, "
                                             "%d digits, %d-second period): the authenticator "
                                             "entry was set up differently from the account."),
                                           algorithm, (gint) CLAMP (digits, 0, 99),
                                           (gint) CLAMP (period, 0, 100000)));
}

static MfaFinding *
not_found_finding (JsonObject *evidence)
{
  gdouble window = 86400;
  g_autofree gchar *amount = NULL;

  mfa_json_member_number (evidence, "window_seconds", &window);
  amount = mfa_finding_duration (window);
  return mfa_finding_new (MFA_FINDING_PROBLEM, 1,
                          g_strdup_printf (_("A code the user typed matches no time within "
                                             "%s of the key: the authenticator entry holds "
                                             "another key, such as an old duplicate."),
                                           amount));
}

/* The first code that was not current, in the evidence's order. */
static JsonObject *
first_not_current (JsonArray *codes)
{
  for (guint i = 0; i < json_array_get_length (codes); i++)
    {
      JsonObject *code = mfa_json_object (json_array_get_element (codes, i));

      if (code != NULL && g_strcmp0 (mfa_json_member_string (code, "verdict"), "current") != 0)
        return code;
    }
  return NULL;
}

MfaFinding *
mfa_code_finding (JsonObject *evidence)
{
  JsonArray *codes = mfa_json_member_array (evidence, "codes");
  JsonObject *worst;
  MfaCodeVerdict verdict;

  if (codes == NULL || json_array_get_length (codes) == 0)
    return NULL;
  worst = first_not_current (codes);
  if (worst == NULL)
    return mfa_finding_new (MFA_FINDING_OK, 1, g_strdup (_("The codes the user typed were right "
                                                           "when checked.")));
  if (!mfa_code_verdict_from_nick (mfa_json_member_string (worst, "verdict"), &verdict))
    verdict = MFA_CODE_VERDICT_CURRENT; /* a name we do not know: said as "not current" */
  switch (verdict)
    {
    case MFA_CODE_VERDICT_DRIFT:
      return drift_finding (worst);
    case MFA_CODE_VERDICT_OTHER_PARAMETERS:
      return other_parameters_finding (worst);
    case MFA_CODE_VERDICT_NOT_FOUND:
      return not_found_finding (evidence);
    case MFA_CODE_VERDICT_REPLAYED:
      return mfa_finding_new (MFA_FINDING_PROBLEM, 1,
                              g_strdup (_("A code was used twice in one time step: each code is "
                                          "accepted once, so the user must wait for the next.")));
    case MFA_CODE_VERDICT_MALFORMED:
      return mfa_finding_new (MFA_FINDING_WARNING, 1,
                              g_strdup (_("A code the user typed was not 6 to 8 digits.")));
    case MFA_CODE_VERDICT_CURRENT:
    default:
      return mfa_finding_new (MFA_FINDING_WARNING, 1,
                              g_strdup (_("A code the user typed was not current.")));
    }
}
