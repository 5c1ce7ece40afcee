/* code-check.c: finds where a typed code matches a key, and says what that
 * means for the user.
 *
 * The search itself (code-search.c) finds the nearest match under the
 * declared settings within the window, or under any other algorithm, common
 * period or length within 5 minutes; this file
 * turns matches into verdicts and relates the codes to each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "code-check"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "code-check.h"
#include "code-search.h"
#include "mfa-error.h"
#include "mfa-format.h"

#define MAX_TYPED_LENGTH 64

/* ---- normalising what the user typed ---------------------------------- */

/* Some fonts draw O like 0 and l like 1: people copy them as letters. */
static const gchar *
digit_lookalike_hint (gunichar c)
{
  switch (c)
    {
    case 'O': case 'o': return _(" (is it the digit 0?)");
    case 'I': case 'l': return _(" (is it the digit 1?)");
    default:            return "";
    }
}

gchar *
mfa_code_normalize (const gchar  *typed,
                    GError      **error)
{
  /* Sized once, so no reallocation leaves a copy of the code in freed memory. */
  g_autoptr(GString) digits = g_string_sized_new (MAX_TYPED_LENGTH + 1);
  const gchar *p;

  g_return_val_if_fail (typed != NULL, NULL);

  if (strlen (typed) > MAX_TYPED_LENGTH || !g_utf8_validate (typed, -1, NULL))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_CODE,
                   _("it is too long or not text; a code has 6 to 8 digits"));
      return NULL;
    }
  for (p = typed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gint value = g_unichar_digit_value (c); /* also full-width ０–９ */

      if (g_unichar_isspace (c) || c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012
          || c == 0x2013 || c == 0x30FC || c == 0xFF0D)
        continue;
      if (value < 0)
        {
          gchar utf8[8] = { 0 };

          g_unichar_to_utf8 (c, utf8);
          g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_CODE,
                       _("“%s” is not a digit%s; a code has only digits"), utf8,
                       digit_lookalike_hint (c));
          mfa_wipe (digits->str, digits->len);
          return NULL;
        }
      g_string_append_c (digits, '0' + value);
    }
  if (digits->len < MFA_OTP_MIN_DIGITS || digits->len > MFA_OTP_MAX_DIGITS)
    {
      if (digits->len == 0)
        g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_CODE, _("it is empty"));
      else
        g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_CODE,
                     g_dngettext (GETTEXT_PACKAGE, "it has %u digit; a code has 6 to 8",
                                  "it has %u digits; a code has 6 to 8", digits->len),
                     (guint) digits->len);
      mfa_wipe (digits->str, digits->len);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/* Commas, semicolons and their full-width forms always end a code. */
static gboolean
is_code_separator (gunichar c)
{
  return c == ',' || c == ';' || c == 0xFF0C || c == 0x3001 || c == 0xFF1B || c == '\n';
}

static void
add_piece (GPtrArray    *pieces,
           const gchar **start,
           const gchar  *end,
           glong        *n_chars)
{
  if (*start != NULL)
    g_ptr_array_add (pieces, g_strndup (*start, end - *start));
  *start = NULL;
  *n_chars = 0;
}

/* A space ends a code only once the code has enough characters: people
 * type "123 456" for one code as the authenticator groups it, and
 * "123456 654321" for two. Each piece is one stretch of the text, copied
 * once, so no partial copy is left in freed memory. */
gchar **
mfa_code_split_list (const gchar *text)
{
  g_autoptr(GPtrArray) pieces = g_ptr_array_new ();
  const gchar *start = NULL;
  const gchar *end = NULL;
  glong n_chars = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      /* Left whole, so normalising it reports what is wrong. */
      g_ptr_array_add (pieces, g_strdup (text));
      g_ptr_array_add (pieces, NULL);
      return (gchar **) g_ptr_array_free (g_steal_pointer (&pieces), FALSE);
    }
  for (const gchar *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_code_separator (c) || (g_unichar_isspace (c) && n_chars >= MFA_OTP_MIN_DIGITS))
        add_piece (pieces, &start, end, &n_chars);
      else if (!g_unichar_isspace (c))
        {
          if (start == NULL)
            start = p;
          end = g_utf8_next_char (p);
          n_chars++;
        }
    }
  add_piece (pieces, &start, end, &n_chars);
  g_ptr_array_add (pieces, NULL);
  return (gchar **) g_ptr_array_free (g_steal_pointer (&pieces), FALSE);
}

/* ---- verdicts --------------------------------------------------------- */

/* How likely a random code of this length matches some step at least as
 * near as `distance` seconds under any of the settings searched, each as far
 * as it is searched (code-search.c: ±24 h under the declared settings, ±5 min
 * under the others: 5836 tries, 0.58 %, for a 6-digit code found nowhere). */
static gdouble
coincidence_chance (const MfaCodeSearchSetting *settings,
                    guint                       n_settings,
                    guint64                     distance)
{
  gdouble tries = 0;

  for (guint i = 0; i < n_settings; i++)
    {
      guint64 steps = MIN (distance, settings[i].reach_seconds) / settings[i].params.period;

      tries += 2.0 * steps + 1;
    }
  return -expm1 (tries * log1p (-1.0 / mfa_otp_modulus (settings[0].params.digits)));
}

static void
search_code (MfaCodeSearch      *search,
             const MfaOtpParams *declared,
             guint               window_seconds,
             const gchar        *code,
             MfaCodeResult      *result)
{
  MfaCodeSearchSetting settings[MFA_CODE_SEARCH_MAX_SETTINGS];
  guint n_settings = mfa_code_search_settings (search, strlen (code), settings);

  result->matched = mfa_code_search_nearest (search, code, &result->params,
                                             &result->offset_steps);
  if (!result->matched)
    {
      result->verdict = MFA_CODE_VERDICT_NOT_FOUND;
      result->chance = coincidence_chance (settings, n_settings, window_seconds);
      return;
    }
  result->offset_seconds = result->offset_steps * (gint64) result->params.period;
  result->chance = coincidence_chance (settings, n_settings, ABS (result->offset_seconds));
  if (!mfa_otp_params_equal (&result->params, declared))
    result->verdict = MFA_CODE_VERDICT_OTHER_PARAMETERS;
  else if (result->offset_steps == 0)
    result->verdict = MFA_CODE_VERDICT_CURRENT;
  else
    result->verdict = MFA_CODE_VERDICT_DRIFT;
}

/* A code given twice for one step is a replay: sites accept each code once.
 * Two codes that match the same settings a step or two apart confirm each
 * other's offset, which makes even a far match believable. */
static void
relate_results (GArray       *results,
                const gchar **normalized)
{
  for (guint i = 0; i < results->len; i++)
    {
      MfaCodeResult *later = &g_array_index (results, MfaCodeResult, i);

      for (guint j = 0; j < i && later->matched; j++)
        {
          MfaCodeResult *earlier = &g_array_index (results, MfaCodeResult, j);

          if (!earlier->matched || earlier->verdict == MFA_CODE_VERDICT_REPLAYED
              || !mfa_otp_params_equal (&earlier->params, &later->params))
            continue;
          if (earlier->offset_steps == later->offset_steps
              && g_str_equal (normalized[i], normalized[j]))
            {
              later->verdict = MFA_CODE_VERDICT_REPLAYED;
              later->related = j;
              later->confirmed = FALSE;
              break;
            }
          if (ABS (earlier->offset_steps - later->offset_steps) <= 2)
            {
              later->confirmed = earlier->confirmed = TRUE;
              if (later->related < 0)
                later->related = j;
              if (earlier->related < 0)
                earlier->related = i;
            }
        }
    }
}

MfaCodeReport *
mfa_code_check (const MfaSecret     *key,
                const MfaOtpParams  *declared,
                gint64               reference_time,
                guint                window_seconds,
                const gchar * const *codes)
{
  g_autoptr(MfaCodeReport) report = g_new0 (MfaCodeReport, 1);
  g_autoptr(MfaSecretStrv) normalized = NULL;
  g_autoptr(MfaCodeSearch) search = NULL;
  guint n_codes;

  g_return_val_if_fail (key != NULL && declared != NULL && codes != NULL, NULL);
  g_return_val_if_fail (declared->period > 0 && declared->period <= MFA_OTP_MAX_PERIOD, NULL);

  n_codes = g_strv_length ((gchar **) codes);
  report->declared = *declared;
  report->reference_time = reference_time;
  report->window_seconds = MAX (window_seconds, 1);
  report->results = g_array_sized_new (FALSE, TRUE, sizeof (MfaCodeResult), n_codes);
  normalized = g_new0 (gchar *, n_codes + 1);

  search = mfa_code_search_new (key, declared, reference_time, report->window_seconds);
  for (guint i = 0; i < n_codes; i++)
    {
      MfaCodeResult result = { .related = -1 };
      g_autoptr(GError) error = NULL;

      normalized[i] = mfa_code_normalize (codes[i], &error);
      if (normalized[i] == NULL)
        {
          normalized[i] = g_strdup ("");
          result.verdict = MFA_CODE_VERDICT_MALFORMED;
          result.problem = g_strdup (error->message);
        }
      else
        search_code (search, declared, report->window_seconds, normalized[i], &result);
      g_array_append_val (report->results, result);
    }
  g_clear_pointer (&search, mfa_code_search_free);

  relate_results (report->results, (const gchar **) normalized);
  return g_steal_pointer (&report);
}

void
mfa_code_report_free (MfaCodeReport *report)
{
  if (report == NULL)
    return;
  if (report->results != NULL)
    {
      for (guint i = 0; i < report->results->len; i++)
        g_free (g_array_index (report->results, MfaCodeResult, i).problem);
      g_array_unref (report->results);
    }
  g_free (report);
}

gboolean
mfa_code_report_all_current (const MfaCodeReport *report)
{
  for (guint i = 0; i < report->results->len; i++)
    if (g_array_index (report->results, MfaCodeResult, i).verdict != MFA_CODE_VERDICT_CURRENT)
      return FALSE;
  return report->results->len > 0;
}

/* 0 ok, 1 warning, 2 problem; -1 for a code that says nothing. */
static gint
result_severity (const MfaCodeResult *result)
{
  switch (result->verdict)
    {
    case MFA_CODE_VERDICT_CURRENT:
      return 0;
    case MFA_CODE_VERDICT_DRIFT:
      /* Most sites accept a code one step either way. */
      return ABS (result->offset_steps) <= 1 ? 1 : 2;
    case MFA_CODE_VERDICT_REPLAYED:
      return 1;
    case MFA_CODE_VERDICT_OTHER_PARAMETERS:
    case MFA_CODE_VERDICT_NOT_FOUND:
      return 2;
    case MFA_CODE_VERDICT_MALFORMED:
    default:
      return -1;
    }
}

const gchar *
mfa_code_report_verdict (const MfaCodeReport *report,
                         gint                *deciding)
{
  static const gchar *const verdicts[] = { "ok", "warning", "problem" };
  gint worst = -1;
  gint worst_index = -1;

  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < report->results->len; i++)
    {
      gint severity = result_severity (&g_array_index (report->results, MfaCodeResult, i));

      if (severity > worst)
        {
          worst = severity;
          worst_index = i;
        }
    }
  /* No code says anything: the first one tells why. */
  if (worst < 0 && report->results->len > 0)
    worst_index = 0;
  if (deciding != NULL)
    *deciding = worst_index;
  return worst < 0 ? "unknown" : verdicts[worst];
}
