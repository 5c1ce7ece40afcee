/* code-check.c: finds where a typed code matches a key, and says what that
 * means for the user.
 *
 * For each code the search tries the declared settings first, then the other
 * algorithms and the common periods (30 and 60 s) for the code's own length,
 * each outward from the reference time, and keeps the match nearest to it.
 * HMAC values depend only on the algorithm and the counter, so they are kept
 * in one lazily filled table per (algorithm, period) and shared by all codes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "code-check.h"
#include "mfa-error.h"
#include "mfa-format.h"

#define NOT_COMPUTED G_MAXUINT32 /* truncated values have 31 bits */
#define MAX_TYPED_LENGTH 64

/* ---- normalising what the user typed ---------------------------------- */

gchar *
mfa_code_normalize (const gchar  *typed,
                    GError      **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
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
                       _("“%s” is not a digit; a code has only digits"), utf8);
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

/* ---- the search ------------------------------------------------------- */

typedef struct
{
  MfaOtpGenerator *generator; /* borrowed from the searcher */
  MfaAlgorithm     algorithm;
  guint            period;
  gint64           center;    /* the counter at the reference time */
  gint64           max_steps;
  guint32         *values;    /* index k + max_steps */
} ValueTable;

typedef struct
{
  MfaOtpGenerator *generators[MFA_N_ALGORITHMS];
  GPtrArray       *tables;
  gint64           reference_time;
  guint            window_seconds;
} Searcher;

static void
value_table_free (ValueTable *table)
{
  gsize n = 2 * table->max_steps + 1;

  mfa_wipe (table->values, n * sizeof *table->values);
  g_free (table->values);
  g_free (table);
}

static void
searcher_init (Searcher        *searcher,
               const MfaSecret *key,
               gint64           reference_time,
               guint            window_seconds)
{
  for (int a = 0; a < MFA_N_ALGORITHMS; a++)
    searcher->generators[a] = mfa_otp_generator_new (key, (MfaAlgorithm) a);
  searcher->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) value_table_free);
  searcher->reference_time = reference_time;
  searcher->window_seconds = window_seconds;
}

static void
searcher_clear (Searcher *searcher)
{
  for (int a = 0; a < MFA_N_ALGORITHMS; a++)
    g_clear_pointer (&searcher->generators[a], mfa_otp_generator_free);
  g_clear_pointer (&searcher->tables, g_ptr_array_unref);
}

static ValueTable *
searcher_table (Searcher     *searcher,
                MfaAlgorithm  algorithm,
                guint         period)
{
  ValueTable *table;
  gsize n;

  for (guint i = 0; i < searcher->tables->len; i++)
    {
      table = g_ptr_array_index (searcher->tables, i);
      if (table->algorithm == algorithm && table->period == period)
        return table;
    }

  table = g_new0 (ValueTable, 1);
  table->generator = searcher->generators[algorithm];
  table->algorithm = algorithm;
  table->period = period;
  table->center = (gint64) mfa_totp_counter (searcher->reference_time, period);
  table->max_steps = searcher->window_seconds / period;
  n = 2 * table->max_steps + 1;
  table->values = g_new (guint32, n);
  memset (table->values, 0xff, n * sizeof *table->values);
  g_ptr_array_add (searcher->tables, table);
  return table;
}

static gboolean
table_matches (ValueTable *table,
               gint64      k,
               guint32     code,
               guint32     modulus)
{
  guint32 *slot = &table->values[k + table->max_steps];

  if (table->center + k < 0)
    return FALSE;
  if (*slot == NOT_COMPUTED)
    *slot = mfa_otp_generator_value (table->generator, (guint64) (table->center + k));
  return *slot % modulus == code;
}

/* The nearest step within `limit` whose code is `code`; the earlier step
 * first on a tie, since reading an old code is commoner than a fast clock. */
static gboolean
table_find_nearest (ValueTable *table,
                    guint32     code,
                    guint32     modulus,
                    gint64      limit,
                    gint64     *found)
{
  limit = MIN (limit, table->max_steps);
  for (gint64 distance = 0; distance <= limit; distance++)
    {
      if (table_matches (table, -distance, code, modulus))
        {
          *found = -distance;
          return TRUE;
        }
      if (distance > 0 && table_matches (table, distance, code, modulus))
        {
          *found = distance;
          return TRUE;
        }
    }
  return FALSE;
}

/* The settings tried for a code of `digits` digits: the declared algorithm
 * and period first, then every algorithm under the declared, 30 s and 60 s
 * periods. */
static guint
candidate_settings (const MfaOtpParams *declared,
                    guint               digits,
                    MfaOtpParams        out[MFA_N_ALGORITHMS * 3])
{
  const guint periods[] = { declared->period, 30, 60 };
  guint n = 0;

  out[n++] = (MfaOtpParams) { declared->algorithm, digits, declared->period };
  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      if (p > 0 && periods[p] == declared->period)
        continue;
      for (int a = 0; a < MFA_N_ALGORITHMS; a++)
        {
          MfaOtpParams candidate = { (MfaAlgorithm) a, digits, periods[p] };

          if (!mfa_otp_params_equal (&candidate, &out[0]))
            out[n++] = candidate;
        }
    }
  return n;
}

/* How likely a random code of this length matches some step at least as
 * near as `distance` seconds under any of the settings searched. */
static gdouble
coincidence_chance (const MfaOtpParams *settings,
                    guint               n_settings,
                    guint               window_seconds,
                    guint64             distance)
{
  gdouble tries = 0;

  for (guint i = 0; i < n_settings; i++)
    {
      guint64 steps = MIN (distance, window_seconds) / settings[i].period;

      tries += 2.0 * steps + 1;
    }
  return -expm1 (tries * log1p (-1.0 / mfa_otp_modulus (settings[0].digits)));
}

static void
search_code (Searcher           *searcher,
             const MfaOtpParams *declared,
             const gchar        *code,
             MfaCodeResult      *result)
{
  MfaOtpParams settings[MFA_N_ALGORITHMS * 3];
  guint digits = strlen (code);
  guint n_settings = candidate_settings (declared, digits, settings);
  guint32 modulus = mfa_otp_modulus (digits);
  guint32 value = (guint32) g_ascii_strtoull (code, NULL, 10);
  guint64 best_distance = G_MAXUINT64;

  for (guint i = 0; i < n_settings; i++)
    {
      ValueTable *table = searcher_table (searcher, settings[i].algorithm, settings[i].period);
      gint64 limit = best_distance == G_MAXUINT64 ? table->max_steps
                                                  : (gint64) (best_distance / settings[i].period);
      gint64 k;

      if (!table_find_nearest (table, value, modulus, limit, &k))
        continue;
      /* Strictly nearer: on a tie the settings tried first (declared) win. */
      if ((guint64) ABS (k) * settings[i].period < best_distance)
        {
          best_distance = (guint64) ABS (k) * settings[i].period;
          result->matched = TRUE;
          result->params = settings[i];
          result->offset_steps = k;
          result->offset_seconds = k * (gint64) settings[i].period;
        }
    }

  if (!result->matched)
    {
      result->verdict = MFA_CODE_VERDICT_NOT_FOUND;
      result->chance = coincidence_chance (settings, n_settings, searcher->window_seconds,
                                           searcher->window_seconds);
      return;
    }
  result->chance = coincidence_chance (settings, n_settings, searcher->window_seconds,
                                       best_distance);
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
  Searcher searcher;
  guint n_codes;

  g_return_val_if_fail (key != NULL && declared != NULL && codes != NULL, NULL);
  g_return_val_if_fail (declared->period > 0 && declared->period <= MFA_OTP_MAX_PERIOD, NULL);

  n_codes = g_strv_length ((gchar **) codes);
  report->declared = *declared;
  report->reference_time = reference_time;
  report->window_seconds = MAX (window_seconds, 1);
  report->results = g_array_sized_new (FALSE, TRUE, sizeof (MfaCodeResult), n_codes);
  normalized = g_new0 (gchar *, n_codes + 1);

  searcher_init (&searcher, key, reference_time, report->window_seconds);
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
        search_code (&searcher, declared, normalized[i], &result);
      g_array_append_val (report->results, result);
    }
  searcher_clear (&searcher);

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

const gchar *
mfa_code_verdict_to_string (MfaCodeVerdict verdict)
{
  switch (verdict)
    {
    case MFA_CODE_VERDICT_CURRENT:          return "current";
    case MFA_CODE_VERDICT_DRIFT:            return "drift";
    case MFA_CODE_VERDICT_OTHER_PARAMETERS: return "other-parameters";
    case MFA_CODE_VERDICT_REPLAYED:         return "replayed";
    case MFA_CODE_VERDICT_NOT_FOUND:        return "not-found";
    case MFA_CODE_VERDICT_MALFORMED:        return "malformed";
    default:                                g_return_val_if_reached ("unknown");
    }
}
