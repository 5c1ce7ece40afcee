/* code-search.c: the nearest step, under any candidate setting, whose code is
 * the one typed.
 *
 * HMAC values depend only on the algorithm and the counter, so they are kept
 * in one table per (algorithm, period), shared by all codes of a check. The
 * tables are filled outward in bands (±90 s, ±1 h, the whole window): a code
 * found in a band is the nearest match, since every setting was searched that
 * far, so current and drifted codes cost a few hashes. A code found nowhere
 * needs every step of the declared table, thousands of HMACs; that filling is
 * split into chunks that one worker thread per processor pulls in turn.
 *
 * How far each setting is searched. The declared settings are searched the
 * whole window (±24 h by default): a phone clock hours off (a manual clock in
 * the wrong time zone) or an old code is a real cause, and the code still
 * belongs to this key. The other settings (another algorithm, period or
 * length: a mis-entered account) are searched only ±5 minutes
 * (MFA_CODE_CHECK_OTHER_REACH): ten 30 s steps, five 60 s steps, which holds
 * a phone clock left without network time for months (quartz drifts about
 * 20 ppm: 4.3 min in 150 days) plus the time between reading a code and
 * checking it. Within it any match is strong evidence on its own: a random
 * 6-digit code matches some setting within 5 min with a chance of 96 in a
 * million, below MFA_CODE_CHECK_WEAK_CHANCE. Beyond it, an account set up
 * with other settings and a clock far off at once is rare, and its verdict
 * (not found: bind again by scanning the QR code) fixes it anyway.
 *
 * A wrong key (an old duplicate entry, the common failure) gives random
 * codes. For a 6-digit code, one try matches with p = 10^-6:
 *   searching all six settings ±24 h: 3 × 5761 + 3 × 2881 = 25,926 tries,
 *     1 − (1 − p)^25926 = 2.56 % of wrong codes match somewhere, and the
 *     20,165 tries under other settings make about 2.0 % of wrong codes look
 *     like a mis-entered account;
 *   declared ±24 h, others ±5 min: 5761 + 2 × 21 + 3 × 11 = 5836 tries,
 *     0.58 % match somewhere, and 75 tries (0.0075 %) look like a
 *     mis-entered account: 270 times less often wrong;
 * and a code found nowhere costs 5836 HMACs, 32 of them SHA-512, instead of
 * 25,926, a third of them SHA-512 (the slowest: no SHA instructions for it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "code-search"

#include "config.h"

#include <string.h>

#include "code-search.h"

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
  gint64       max_steps;    /* how far this table is ever searched */
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

static guint
other_reach (const MfaCodeSearch *search)
{
  return MIN (MFA_CODE_CHECK_OTHER_REACH, search->window_seconds);
}

/* The first table is the declared algorithm and period; the whole window is
 * searched there, and only there. */
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
  table = &search->tables[search->n_tables];
  table->algorithm = algorithm;
  table->period = period;
  table->center = (gint64) mfa_totp_counter (reference_time, period);
  table->max_steps = (search->n_tables == 0 ? search->window_seconds : other_reach (search)) / period;
  search->n_tables++;
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

/* Whether a code of this length in this table is under the declared settings. */
static gboolean
is_declared (const MfaCodeSearch *search,
             const ValueTable    *table,
             guint                digits)
{
  return table == &search->tables[0] && digits == search->declared.digits;
}

/* How many steps either way a code of this length is looked for in `table`. */
static gint64
reach_steps (const MfaCodeSearch *search,
             const ValueTable    *table,
             guint                digits)
{
  if (is_declared (search, table, digits))
    return table->max_steps;
  return MIN (table->max_steps, (gint64) (other_reach (search) / table->period));
}

/* The declared algorithm and period first, then every algorithm under the
 * declared, 30 s and 60 s periods, all for the code's own length; each with
 * how far it is searched. */
guint
mfa_code_search_settings (const MfaCodeSearch  *search,
                          guint                 digits,
                          MfaCodeSearchSetting  out[MFA_CODE_SEARCH_MAX_SETTINGS])
{
  for (guint i = 0; i < search->n_tables; i++)
    {
      const ValueTable *table = &search->tables[i];

      out[i].params = (MfaOtpParams) { table->algorithm, digits, table->period };
      out[i].reach_seconds = is_declared (search, table, digits) ? search->window_seconds
                                                                 : other_reach (search);
    }
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

/* Makes every table's values known for all steps within `radius` seconds
 * that a code of this length is looked for. */
static void
fill_to (MfaCodeSearch *search,
         guint          radius,
         guint          digits)
{
  g_autoptr(GArray) jobs = g_array_new (FALSE, FALSE, sizeof (FillJob));
  FillWork work = { search, jobs, 0 };
  GThread *threads[MAX_WORKERS];
  guint n_threads = 0;
  gint64 total = 0;

  for (guint i = 0; i < search->n_tables; i++)
    {
      ValueTable *table = &search->tables[i];
      gint64 target = MIN ((gint64) (radius / table->period), reach_steps (search, table, digits));

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
  MfaCodeSearchSetting candidates[MFA_CODE_SEARCH_MAX_SETTINGS];
  guint n = mfa_code_search_settings (search, digits, candidates);
  guint32 modulus = mfa_otp_modulus (digits);
  guint64 best = G_MAXUINT64;

  for (guint i = 0; i < n; i++)
    {
      const ValueTable *table = &search->tables[i];
      gint64 limit = reach_steps (search, table, digits);
      gint64 k;

      if (best != G_MAXUINT64)
        limit = MIN (limit, (gint64) (best / table->period));
      if (table_find_nearest (table, code, modulus, limit, &k)
          && (guint64) ABS (k) * table->period < best)
        {
          best = (guint64) ABS (k) * table->period;
          *settings = candidates[i].params;
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
      fill_to (search, MIN (bands[b], search->window_seconds), digits);
      if (search_band (search, value, digits, settings, offset_steps))
        return TRUE;
    }
  return FALSE;
}
