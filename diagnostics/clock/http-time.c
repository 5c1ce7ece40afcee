/* http-time.c: the server's clock from its Date header, finer than a second
 *
 * A Date header says the server's clock read D when it answered, somewhere
 * between our sending (t_send) and receiving (t_recv): so its lead θ over
 * our clock lies in (D − t_recv, D + 1 − t_send). Each further request is
 * timed to reach the server just as, by the middle of what we know so far,
 * its second changes: the header then tells on which side of that moment the
 * truth lies, halving the interval (down to about the round trip). Answers
 * from a cache (an Age header) say nothing about the clock and are dropped.
 *
 * Where the clock is off by days, HTTPS fails on certificate dates alone;
 * for this probe, and only for it, exactly that failure is accepted: the
 * request carries nothing and only its Date header is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "http-time"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "http-time.h"

#define MAX_REQUESTS 8
/* Narrower than this, the estimate is as good as a clock check needs. */
#define GOOD_ENOUGH_WIDTH 0.05

typedef struct
{
  SoupSession *session;
  MfaHttpTime *result;
  gdouble      low, high;      /* θ lies in (low, high), seconds */
  gint64       t_send, t_recv; /* real time, µs, of the request under way */
  gdouble      round_trip;
  guint        requests;
  gint64       deadline;       /* monotonic µs */
  GSource     *wait_source;
} Probe;

static void send_request (GTask *task);

void
mfa_http_time_free (MfaHttpTime *time)
{
  if (time == NULL)
    return;
  g_free (time->url);
  g_free (time->error);
  g_free (time);
}

static void
probe_free (Probe *probe)
{
  if (probe->wait_source != NULL)
    {
      g_source_destroy (probe->wait_source);
      g_source_unref (probe->wait_source);
    }
  g_clear_object (&probe->session);
  mfa_http_time_free (probe->result);
  g_free (probe);
}

static gboolean
accept_certificate_dates_only (SoupMessage          *message,
                               GTlsCertificate      *certificate,
                               GTlsCertificateFlags  errors,
                               gpointer              data)
{
  return (errors & ~(G_TLS_CERTIFICATE_EXPIRED | G_TLS_CERTIFICATE_NOT_ACTIVATED)) == 0;
}

static void
wrote_body (SoupMessage *message,
            gpointer     data)
{
  Probe *probe = data;

  probe->t_send = g_get_real_time ();
}

static void
got_headers (SoupMessage *message,
             gpointer     data)
{
  Probe *probe = data;

  probe->t_recv = g_get_real_time ();
}

static void
finish (GTask *task)
{
  Probe *probe = g_task_get_task_data (task);
  MfaHttpTime *result = g_steal_pointer (&probe->result);

  if (result->n_samples > 0)
    {
      result->server_ahead_seconds = (probe->low + probe->high) / 2;
      result->uncertainty_seconds = (probe->high - probe->low) / 2;
      g_clear_pointer (&result->error, g_free);
    }
  g_task_return_pointer (task, result, (GDestroyNotify) mfa_http_time_free);
  g_object_unref (task);
}

/* Folds one Date header into the interval; FALSE when the answer is useless. */
static gboolean
take_sample (Probe       *probe,
             SoupMessage *message)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  const gchar *date_text = soup_message_headers_get_one (headers, "Date");
  g_autoptr(GDateTime) date = NULL;
  gdouble server, low, high;

  if (soup_message_headers_get_one (headers, "Age") != NULL)
    {
      g_free (probe->result->error);
      probe->result->error = g_strdup (_("the answer came from a cache (Age header)"));
      return FALSE;
    }
  date = date_text != NULL ? soup_date_time_new_from_http_string (date_text) : NULL;
  if (date == NULL)
    {
      g_free (probe->result->error);
      probe->result->error = g_strdup (_("the answer has no valid Date header"));
      return FALSE;
    }
  server = (gdouble) g_date_time_to_unix (date);
  low = server - probe->t_recv / 1e6;
  high = server + 1 - probe->t_send / 1e6;
  if (probe->result->n_samples == 0)
    {
      probe->low = low;
      probe->high = high;
    }
  else
    {
      probe->low = MAX (probe->low, low);
      probe->high = MIN (probe->high, high);
    }
  probe->round_trip = (probe->t_recv - probe->t_send) / 1e6;
  probe->result->n_samples++;
  return TRUE;
}

static gboolean
send_when_due (gpointer data)
{
  GTask *task = data;
  Probe *probe = g_task_get_task_data (task);

  g_clear_pointer (&probe->wait_source, g_source_unref);
  if (g_task_return_error_if_cancelled (task))
    g_object_unref (task);
  else
    send_request (task);
  return G_SOURCE_REMOVE;
}

/* Aims the next request so that it reaches the server (half a round trip
 * after sending) just as the server's second changes, if θ is the middle of
 * the interval. */
static void
schedule_next (GTask *task)
{
  Probe *probe = g_task_get_task_data (task);
  gdouble middle = (probe->low + probe->high) / 2;
  gdouble now = g_get_real_time () / 1e6;
  gdouble arrive_server = ceil (now + probe->round_trip / 2 + middle + 0.05);
  gdouble send_at = arrive_server - middle - probe->round_trip / 2;
  guint wait_ms = (guint) MAX (0, (send_at - now) * 1000);

  if (g_get_monotonic_time () + (gint64) wait_ms * 1000 + probe->round_trip * 2e6
      > probe->deadline)
    {
      finish (task);
      return;
    }
  probe->wait_source = g_timeout_source_new (wait_ms);
  g_source_set_callback (probe->wait_source, send_when_due, task, NULL);
  g_source_attach (probe->wait_source, g_task_get_context (task));
}

static void
request_done (GObject      *session,
              GAsyncResult *result,
              gpointer      data)
{
  GTask *task = data;
  Probe *probe = g_task_get_task_data (task);
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (session), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (session), result,
                                                              &error);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  if (body == NULL)
    {
      g_free (probe->result->error);
      probe->result->error = g_strdup (error->message);
      finish (task);
      return;
    }
  if (!take_sample (probe, message) && probe->result->n_samples == 0
      && probe->requests >= 2)
    {
      finish (task);
      return;
    }
  /* Down to the round trip, more requests cannot narrow it further. */
  if (probe->requests >= MAX_REQUESTS
      || (probe->result->n_samples > 0
          && probe->high - probe->low <= MAX (probe->round_trip + 0.002, GOOD_ENOUGH_WIDTH)))
    {
      finish (task);
      return;
    }
  schedule_next (task);
}

static void
send_request (GTask *task)
{
  Probe *probe = g_task_get_task_data (task);
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_HEAD, probe->result->url);

  if (message == NULL)
    {
      probe->result->error = g_strdup (_("not a valid web address"));
      finish (task);
      return;
    }
  soup_message_headers_replace (soup_message_get_request_headers (message), "Cache-Control",
                                "no-cache");
  g_signal_connect (message, "accept-certificate", G_CALLBACK (accept_certificate_dates_only),
                    NULL);
  g_signal_connect (message, "wrote-body", G_CALLBACK (wrote_body), probe);
  g_signal_connect (message, "got-headers", G_CALLBACK (got_headers), probe);
  probe->requests++;
  probe->t_send = probe->t_recv = g_get_real_time ();
  soup_session_send_and_read_async (probe->session, message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), request_done, task);
}

void
mfa_http_time_probe_async (const gchar         *url,
                           guint                timeout_ms,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Probe *probe = g_new0 (Probe, 1);

  g_task_set_source_tag (task, mfa_http_time_probe_async);
  g_task_set_task_data (task, probe, (GDestroyNotify) probe_free);
  probe->result = g_new0 (MfaHttpTime, 1);
  probe->result->url = g_strdup (url);
  probe->deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  probe->session = soup_session_new_with_options ("timeout", MAX (timeout_ms / 1000, 1),
                                                  "user-agent", "mfa-troubleshooter ",
                                                  NULL);
  send_request (task); /* the task's own reference travels with the request */
}

MfaHttpTime *
mfa_http_time_probe_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
