/* code-search.c: the nearest step, under any candidate setting, whose code is
 * the one typed.
 *
 * HMAC values depend only on the algorithm and the counter, so they are kept
 * in one table per (algorithm, period), shared by all codes of a check. The
 * tables are filled outward in bands (±90 s, ±1 h, the whole window): a code
 * found in a band is the nearest match, since every setting was searched that
 * far, so current and drifted codes cost a few hashes. A code found nowhere
 * needs every step of every table, tens of thousands of HMACs; that filling
 * is split into chunks that one worker thread per processor pulls in turn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "code-search.h"
#include "otp-bulk/otp-bulk.h"

#define NOT_COMPUTED G_MAXUINT32 /* truncated values have 31 bits */
#define CHUNK_STEPS 256
#define PARALLEL_MIN_STEPS 4096  /* below this, threads cost more than they save */
/* Two processors are often two threads of one core, sharing its vector units:
 * on such a machine a second thread made the full search slower (3.39 ms
 * against 3.21 ms for the whole command, hyperfine medians of 500 runs). */
#define PARALLEL_MIN_PROCESSORS 4
#define MAX_WORKERS 8

typedef struct
{
  MfaAlgorithm algorithm;
  guint        period;
  gint64       center;       /* the counter at the reference time */
  gint64       max_steps;
  gint64       filled_steps; /* values for |k| <= filled_steps are known; -1: none */
  guint32     *values;       /* index k + max_steps */
} ValueTable;

struct _MfaCodeSearch
{
  MfaOtpGenerator *generators[MFA_N_ALGORITHMS];
  ValueTable       tables[MFA_CODE_SEARCH_MAX_SETTINGS];
  guint            n_tables;
  MfaOtpParams     declared;
  guint            window_seconds;
  guint            n_workers;    /* threads that fill tables, the caller's included */
};

typedef struct
{
  ValueTable *table;
  gint64      first, last; /* steps k, inclusive */
} FillJob;

typedef struct
{
  MfaCodeSearch *search;
  GArray        *jobs;
  gint           next_job; /* atomic */
} FillWork;

static ValueTable *
find_table (MfaCodeSearch *search,
            MfaAlgorithm   algorithm,
            guint          period)
{
  for (guint i = 0; i < search->n_tables; i++)
    if (search->tables[i].algorithm == algorithm && search->tables[i].period == period)
      return &search->tables[i];
  return NULL;
}

static void
add_table (MfaCodeSearch *search,
           MfaAlgorithm   algorithm,
           guint          period,
           gint64         reference_time)
{
  ValueTable *table;
  gsize n;

  if (find_table (search, algorithm, period) != NULL)
    return;
  table = &search->tables[search->n_tables++];
  table->algorithm = algorithm;
  table->period = period;
  table->center = (gint64) mfa_totp_counter (reference_time, period);
  table->max_steps = search->window_seconds / period;
  table->filled_steps = -1;
  n = 2 * table->max_steps + 1;
  table->values = g_new (guint32, n);
  memset (table->values, 0xff, n * sizeof *table->values);
}

MfaCodeSearch *
mfa_code_search_new (const MfaSecret    *key,
                     const MfaOtpParams *declared,
                     gint64              reference_time,
                     guint               window_seconds)
{
  MfaCodeSearch *search = g_new0 (MfaCodeSearch, 1);
  guint processors = g_get_num_processors ();

  search->n_workers = processors >= PARALLEL_MIN_PROCESSORS ? MIN (processors, MAX_WORKERS) : 1;
  const guint periods[] = { declared->period, 30, 60 };

  search->declared = *declared;
  search->window_seconds = window_seconds;
  for (int a = 0; a < MFA_N_ALGORITHMS; a++)
    search->generators[a] = mfa_otp_generator_new (key, (MfaAlgorithm) a);
  add_table (search, declared->algorithm, declared->period, reference_time);
  for (gsize p = 0; p < G_N_ELEMENTS (periods); p++)
    for (int a = 0; a < MFA_N_ALGORITHMS; a++)
      add_table (search, (MfaAlgorithm) a, periods[p], reference_time);
  return search;
}

void
mfa_code_search_set_workers (MfaCodeSearch *search,
                             guint          n_workers)
{
  g_return_if_fail (search != NULL && n_workers >= 1);
  search->n_workers = MIN (n_workers, MAX_WORKERS);
}

void
mfa_code_search_free (MfaCodeSearch *search)
{
  if (search == NULL)
    return;
  for (int a = 0; a < MFA_N_ALGORITHMS; a++)
    mfa_otp_generator_free (search->generators[a]);
  for (guint i = 0; i < search->n_tables; i++)
    {
      mfa_wipe (search->tables[i].values,
                (2 * search->tables[i].max_steps + 1) * sizeof (guint32));
      g_free (search->tables[i].values);
    }
  g_free (search);
}

/* The declared algorithm and period first, then every algorithm under the
 * declared, 30 s and 60 s periods, all for the code's own length. */
guint
mfa_code_search_settings (const MfaCodeSearch *search,
                          guint                digits,
                          MfaOtpParams         out[MFA_CODE_SEARCH_MAX_SETTINGS])
{
  for (guint i = 0; i < search->n_tables; i++)
    out[i] = (MfaOtpParams) { search->tables[i].algorithm, digits, search->tables[i].period };
  return search->n_tables;
}

/* ---- filling the tables ----------------------------------------------- */

static void
run_job (const FillJob   *job,
         MfaOtpGenerator *generator)
{
  ValueTable *table = job->table;
  gint64 first = MAX (job->first, -table->center); /* counters start at 0 */

  if (first > job->last)
    return;
  mfa_otp_generator_values (generator, (guint64) (table->center + first),
                            (gsize) (job->last - first + 1),
                            &table->values[first + table->max_steps]);
}

static gpointer
fill_worker (gpointer data)
{
  FillWork *work = data;
  MfaOtpGenerator *own[MFA_N_ALGORITHMS] = { NULL };

  for (;;)
    {
      gint index = g_atomic_int_add (&work->next_job, 1);
      const FillJob *job;
      MfaAlgorithm algorithm;

      if (index >= (gint) work->jobs->len)
        break;
      job = &g_array_index (work->jobs, FillJob, index);
      algorithm = job->table->algorithm;
      if (own[algorithm] == NULL)
        own[algorithm] = mfa_otp_generator_copy (work->search->generators[algorithm]);
      run_job (job, own[algorithm]);
    }
  for (int a = 0; a < MFA_N_ALGORITHMS; a++)
    mfa_otp_generator_free (own[a]);
  return NULL;
}

static void
add_jobs (GArray     *jobs,
          ValueTable *table,
          gint64      first,
          gint64      last)
{
  for (gint64 start = first; start <= last; start += CHUNK_STEPS)
    {
      FillJob job = { table, start, MIN (start + CHUNK_STEPS - 1, last) };

      g_array_append_val (jobs, job);
    }
}

/* Makes every table's values known for all steps within `radius` seconds. */
static void
fill_to (MfaCodeSearch *search,
         guint          radius)
{
  g_autoptr(GArray) jobs = g_array_new (FALSE, FALSE, sizeof (FillJob));
  FillWork work = { search, jobs, 0 };
  GThread *threads[MAX_WORKERS];
  guint n_threads = 0;
  gint64 total = 0;

  for (guint i = 0; i < search->n_tables; i++)
    {
      ValueTable *table = &search->tables[i];
      gint64 target = MIN ((gint64) (radius / table->period), table->max_steps);

      if (target <= table->filled_steps)
        continue;
      if (table->filled_steps < 0)
        add_jobs (jobs, table, -target, target);
      else
        {
          add_jobs (jobs, table, -target, -table->filled_steps - 1);
          add_jobs (jobs, table, table->filled_steps + 1, target);
        }
      total += 2 * (target - MAX (table->filled_steps, 0)) + 1;
      table->filled_steps = target;
    }

  if (total >= PARALLEL_MIN_STEPS)
    {
      guint wanted = search->n_workers - 1;

      for (; n_threads < wanted; n_threads++)
        {
          threads[n_threads] = g_thread_try_new ("mfa-code-search", fill_worker, &work, NULL);
          if (threads[n_threads] == NULL)
            break; /* the calling thread does the rest alone */
        }
    }
  fill_worker (&work);
  for (guint i = 0; i < n_threads; i++)
    g_thread_join (threads[i]);
}

/* ---- searching -------------------------------------------------------- */

/* The nearest filled step within `limit`; the earlier step first on a tie,
 * since reading an old code is commoner than a fast clock. */
static gboolean
table_find_nearest (const ValueTable *table,
                    guint32           code,
                    guint32           modulus,
                    gint64            limit,
                    gint64           *found)
{
  limit = MIN (limit, table->filled_steps);
  for (gint64 distance = 0; distance <= limit; distance++)
    {
      for (gint64 k = -distance; k <= distance; k += MAX (2 * distance, 1))
        {
          guint32 value = table->values[k + table->max_steps];

          if (value != NOT_COMPUTED && value % modulus == code)
            {
              *found = k;
              return TRUE;
            }
        }
    }
  return FALSE;
}

/* Searches every setting within the filled radius; strictly nearer matches
 * replace earlier ones, so on a tie the setting tried first (declared) wins. */
static gboolean
search_band (MfaCodeSearch *search,
             guint32        code,
             guint          digits,
             MfaOtpParams  *settings,
             gint64        *offset_steps)
{
  MfaOtpParams candidates[MFA_CODE_SEARCH_MAX_SETTINGS];
  guint n = mfa_code_search_settings (search, digits, candidates);
  guint32 modulus = mfa_otp_modulus (digits);
  guint64 best = G_MAXUINT64;

  for (guint i = 0; i < n; i++)
    {
      const ValueTable *table = &search->tables[i];
      gint64 limit = best == G_MAXUINT64 ? table->max_steps : (gint64) (best / table->period);
      gint64 k;

      if (table_find_nearest (table, code, modulus, limit, &k)
          && (guint64) ABS (k) * table->period < best)
        {
          best = (guint64) ABS (k) * table->period;
          *settings = candidates[i];
          *offset_steps = k;
        }
    }
  return best != G_MAXUINT64;
}

gboolean
mfa_code_search_nearest (MfaCodeSearch *search,
                         const gchar   *code,
                         MfaOtpParams  *settings,
                         gint64        *offset_steps)
{
  const guint bands[] = { 90, 3600, search->window_seconds };
  guint digits = strlen (code);
  guint32 value = (guint32) g_ascii_strtoull (code, NULL, 10);

  g_return_val_if_fail (digits >= MFA_OTP_MIN_DIGITS && digits <= MFA_OTP_MAX_DIGITS, FALSE);

  for (gsize b = 0; b < G_N_ELEMENTS (bands); b++)
    {
      fill_to (search, MIN (bands[b], search->window_seconds));
      if (search_band (search, value, digits, settings, offset_steps))
        return TRUE;
    }
  return FALSE;
}
