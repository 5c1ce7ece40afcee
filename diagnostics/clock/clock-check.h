/* clock-check.h: is this computer's clock right?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "http-time.h"
#include "time-settings.h"

G_BEGIN_DECLS

typedef enum
{
  MFA_CLOCK_VERDICT_OK,       /* |offset| < 5 s */
  MFA_CLOCK_VERDICT_WARNING,  /* 5–30 s */
  MFA_CLOCK_VERDICT_PROBLEM,  /* ≥ 30 s: codes will fail */
  MFA_CLOCK_VERDICT_UNKNOWN,  /* nothing answered */
} MfaClockVerdict;

#define MFA_CLOCK_DEFAULT_PORT 123
#define MFA_CLOCK_DEFAULT_TIMEOUT_MS 5000

typedef struct
{
  gchar   *host;
  guint16  port;
  gchar   *address;       /* what the name resolved to, NULL if it did not */
  guint    n_samples;     /* valid replies */
  gint64   offset_usec;   /* of the best sample: how far the server is ahead of us */
  gint64   delay_usec;    /* round trip of the best sample */
  guint    stratum;
  gchar   *error;         /* why there is no sample, or the last rejection */
} MfaClockServer;

typedef struct
{
  MfaClockVerdict verdict;
  gboolean        has_offset;
  gdouble         offset_seconds;      /* this computer ahead of the reference; < 0 behind */
  gdouble         uncertainty_seconds;
  const gchar    *source;              /* "ntp" or "http", NULL when unknown */
  GPtrArray      *servers;             /* MfaClockServer */
  GPtrArray      *http;                /* MfaHttpTime, when the HTTPS fallback ran */
  MfaTimeSettings *settings;           /* automatic time and zone of this system */
} MfaClockReport;

/* NTP first; the HTTP Date addresses only when no NTP server answered. */
void            mfa_clock_check_run_async  (const gchar * const *servers,
                                            const gchar * const *http_urls,
                                            guint                timeout_ms,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
MfaClockReport *mfa_clock_check_run_finish (GAsyncResult        *result,
                                            GError             **error);

void            mfa_clock_report_free      (MfaClockReport *report);
MfaClockVerdict mfa_clock_verdict_for_offset (gdouble offset_seconds);
gchar          *mfa_clock_report_summary   (const MfaClockReport *report);
gchar          *mfa_clock_report_advice    (const MfaClockReport *report);
gchar          *mfa_clock_report_failure   (const MfaClockReport *report);
const gchar    *mfa_clock_report_best_source (const MfaClockReport *report);
gchar          *mfa_clock_report_details   (const MfaClockReport *report);
JsonNode       *mfa_clock_report_to_json   (const MfaClockReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaClockReport, mfa_clock_report_free)

G_END_DECLS
