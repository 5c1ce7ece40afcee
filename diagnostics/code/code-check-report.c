/* code-check-report.c: a code check's results in words and in JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "code-check-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "code-check.h"
#include "code/code-enums.h"
#include "mfa-format.h"
#include "mfa-json-writer.h"

static gchar *
describe_drift (guint index,
                gint64 offset_seconds)
{
  g_autofree gchar *amount = mfa_format_duration (offset_seconds);

  if (offset_seconds > 0)
    return g_strdup_printf (_("Code %u is from %s in the future: your phone’s clock is about %s "
                              "ahead. Turn on automatic date and time on the phone, then use "
                              "the newest code."),
                            index, amount, amount);
  return g_strdup_printf (_("Code %u is from %s ago: your phone’s clock is about %s behind, or "
                            "the code was read from an old screen. Turn on automatic date and "
                            "time on the phone, then use the newest code."),
                          index, amount, amount);
}

static gchar *
describe_other_parameters (const MfaCodeReport *report,
                           const MfaCodeResult *result,
                           guint                index)
{
  g_autofree gchar *settings = NULL;
  g_autofree gchar *declared = NULL;
  g_autofree gchar *sentence = NULL;

  settings = g_strdup_printf (_("%s, %u digits, %u-second period"),
                              mfa_algorithm_to_string (result->params.algorithm),
                              result->params.digits, result->params.period);
  declared = g_strdup_printf (_("%s, %u digits, %u-second period"),
                              mfa_algorithm_to_string (report->declared.algorithm),
                              report->declared.digits, report->declared.period);
  sentence = g_strdup_printf (_("Code %u matches this key only when it is made with other "
                                "settings (%s; the key declares %s): the authenticator entry "
                                "was set up differently from the key. Delete the entry and "
                                "add the key again by scanning its QR code."),
                              index, settings, declared);
  if (result->offset_seconds != 0)
    {
      g_autofree gchar *amount = mfa_format_duration (result->offset_seconds);

      return g_strdup_printf (result->offset_seconds > 0
                                ? _("%s Even then it is %s in the future.")
                                : _("%s Even then it is %s old."),
                              sentence, amount);
    }
  return g_steal_pointer (&sentence);
}

/* Says how far each kind of setting was searched: other settings reach less
 * far than the window unless the window is narrower (code-search.c). */
static gchar *
describe_not_found (const MfaCodeReport *report,
                    guint                index)
{
  guint other_reach = MIN (MFA_CODE_CHECK_OTHER_REACH, report->window_seconds);
  g_autofree gchar *window = mfa_format_duration (report->window_seconds);
  g_autofree gchar *reach = mfa_format_duration (other_reach);

  if (other_reach == report->window_seconds)
    return g_strdup_printf (_("Code %u does not match this key at any time within %s either "
                              "way, under any common setting: the authenticator entry holds "
                              "another key, for example an old entry left from an earlier "
                              "binding. Delete the old entries and bind again."),
                            index, window);
  return g_strdup_printf (_("Code %u does not match this key at any time within %s either way, "
                            "nor within %s under any other common setting: the authenticator "
                            "entry holds another key, for example an old entry left from an "
                            "earlier binding. Delete the old entries and bind again."),
                          index, window, reach);
}

static gchar *
describe_verdict (const MfaCodeReport *report,
                  const MfaCodeResult *result,
                  guint                index)
{
  switch (result->verdict)
    {
    case MFA_CODE_VERDICT_CURRENT:
      return g_strdup_printf (_("Code %u is right for this key at this moment. If the site "
                                "still rejects it, check that you are signing in to the account "
                                "this key belongs to."),
                              index);
    case MFA_CODE_VERDICT_DRIFT:
      return describe_drift (index, result->offset_seconds);
    case MFA_CODE_VERDICT_OTHER_PARAMETERS:
      return describe_other_parameters (report, result, index);
    case MFA_CODE_VERDICT_REPLAYED:
      return g_strdup_printf (_("Code %u repeats code %d for the same %u-second period: each "
                                "code is accepted only once. Wait for the next code and use the "
                                "latest, unused one."),
                              index, result->related + 1, result->params.period);
    case MFA_CODE_VERDICT_NOT_FOUND:
      return describe_not_found (report, index);
    case MFA_CODE_VERDICT_MALFORMED:
      return g_strdup_printf (_("Code %u is not a verification code: %s."), index,
                              result->problem);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* `index` counts from 0; people count codes from 1. */
gchar *
mfa_code_result_describe (const MfaCodeReport *report,
                          guint                index)
{
  const MfaCodeResult *result;
  g_autofree gchar *sentence = NULL;

  g_return_val_if_fail (report != NULL && index < report->results->len, NULL);

  result = &g_array_index (report->results, MfaCodeResult, index);
  sentence = describe_verdict (report, result, index + 1);
  if (!result->matched || result->verdict == MFA_CODE_VERDICT_REPLAYED)
    return g_steal_pointer (&sentence);
  if (result->confirmed)
    return g_strdup_printf (_("%s Code %d agrees, which confirms it."), sentence,
                            result->related + 1);
  if (result->chance >= MFA_CODE_CHECK_WEAK_CHANCE)
    return g_strdup_printf (_("%s A single code can match this far away by chance (about %.1f "
                              "in 100 random codes would), so enter a second code to confirm."),
                            sentence, result->chance * 100);
  return g_steal_pointer (&sentence);
}

static void
add_params (MfaJsonWriter      *writer,
            const MfaOtpParams *params)
{
  mfa_json_writer_member (writer, "algorithm");
  mfa_json_writer_add_string (writer, mfa_algorithm_to_string (params->algorithm));
  mfa_json_writer_member (writer, "digits");
  mfa_json_writer_add_int (writer, params->digits);
  mfa_json_writer_member (writer, "period");
  mfa_json_writer_add_int (writer, params->period);
}

static void
add_result (MfaJsonWriter       *writer,
            const MfaCodeReport *report,
            guint                index)
{
  const MfaCodeResult *result = &g_array_index (report->results, MfaCodeResult, index);
  g_autofree gchar *message = mfa_code_result_describe (report, index);

  mfa_json_writer_begin_object (writer);
  mfa_json_writer_member (writer, "verdict");
  mfa_json_writer_add_string (writer, mfa_code_verdict_to_nick (result->verdict));
  if (result->matched)
    {
      mfa_json_writer_member (writer, "offset_steps");
      mfa_json_writer_add_int (writer, result->offset_steps);
      mfa_json_writer_member (writer, "offset_seconds");
      mfa_json_writer_add_int (writer, result->offset_seconds);
      add_params (writer, &result->params);
      mfa_json_writer_member (writer, "confirmed");
      mfa_json_writer_add_boolean (writer, result->confirmed);
    }
  if (result->verdict != MFA_CODE_VERDICT_MALFORMED)
    {
      mfa_json_writer_member (writer, "chance");
      mfa_json_writer_add_double (writer, result->chance);
    }
  if (result->related >= 0)
    {
      mfa_json_writer_member (writer, result->verdict == MFA_CODE_VERDICT_REPLAYED
                                           ? "replay_of" : "confirmed_by");
      mfa_json_writer_add_int (writer, result->related);
    }
  mfa_json_writer_member (writer, "message");
  mfa_json_writer_add_string (writer, message);
  mfa_json_writer_end_object (writer);
}

/* The evidence a ticket records: verdicts, offsets and settings, never the
 * codes themselves. Pretty-printed JSON text, as `mfa-diag code --json`
 * prints it. */
gchar *
mfa_code_report_to_json (const MfaCodeReport *report)
{
  MfaJsonWriter *writer = mfa_json_writer_new ();
  g_autofree gchar *reference = mfa_format_iso8601 (report->reference_time * G_USEC_PER_SEC);

  mfa_json_writer_begin_object (writer);
  mfa_json_writer_member (writer, "reference_time");
  mfa_json_writer_add_string (writer, reference);
  mfa_json_writer_member (writer, "window_seconds");
  mfa_json_writer_add_int (writer, report->window_seconds);
  mfa_json_writer_member (writer, "declared");
  mfa_json_writer_begin_object (writer);
  add_params (writer, &report->declared);
  mfa_json_writer_end_object (writer);
  mfa_json_writer_member (writer, "all_current");
  mfa_json_writer_add_boolean (writer, mfa_code_report_all_current (report));
  mfa_json_writer_member (writer, "codes");
  mfa_json_writer_begin_array (writer);
  for (guint i = 0; i < report->results->len; i++)
    add_result (writer, report, i);
  mfa_json_writer_end_array (writer);
  mfa_json_writer_end_object (writer);
  return mfa_json_writer_free_to_text (writer);
}
