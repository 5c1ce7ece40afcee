/* clock-check.c: several SNTP servers at once, one overall deadline
 *
 * Each server is a small state machine: resolve, connect a UDP socket (so
 * ICMP "port unreachable" ends it at once and foreign packets never reach
 * it), send a request, take up to SAMPLES_PER_SERVER replies, resending once
 * a second while none comes. Every reply is checked (sntp-packet.c) before it
 * counts; the sample with the lowest round-trip delay over all servers wins.
 * Once one server has all its samples, the others get GRACE_MS more, so a
 * dead server delays nothing past the deadline and usually not even to it.
 * Where no NTP server answered, the HTTP Date probes (http-time.c) follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "clock-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "clock-check.h"
#include "sntp-packet.h"

#define SAMPLES_PER_SERVER 4
#define RETRANSMIT_MS 1000
#define GRACE_MS 1000

typedef struct _ClockRun ClockRun;

typedef struct
{
  ClockRun       *run;
  MfaClockServer *server;      /* owned by the report */
  GSocketAddressEnumerator *addresses; /* the next one is tried when one fails */
  GSocket        *socket;
  GSource        *read_source;
  GSource        *retransmit_source;
  guint64         sent_transmit;
  gint64          sent_at;     /* real time, µs */
  guint           attempts;
  gboolean        done;
} Probe;

struct _ClockRun
{
  GTask          *task;        /* not a reference: the task owns the run */
  MfaClockReport *report;
  GPtrArray      *probes;
  GSource        *deadline_source;
  GSource        *grace_source;
  GSource        *cancel_source;
  gchar         **http_urls;
  guint           timeout_ms;
  guint           pending;
  guint           http_pending;
  gboolean        finished;    /* the NTP phase is over */
  gboolean        settings_pending;
  gboolean        return_wanted;
  gboolean        returned;
};

static void probe_send (Probe *probe);
static void probe_fail (Probe *probe, gchar *message);
static void run_finish (ClockRun *run);

static void
destroy_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

static void
mfa_clock_server_free (MfaClockServer *server)
{
  g_free (server->host);
  g_free (server->address);
  g_free (server->error);
  g_free (server);
}

void
mfa_clock_report_free (MfaClockReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->servers, g_ptr_array_unref);
  g_clear_pointer (&report->http, g_ptr_array_unref);
  mfa_time_settings_free (report->settings);
  g_free (report);
}

static void
probe_free (Probe *probe)
{
  destroy_source (&probe->read_source);
  destroy_source (&probe->retransmit_source);
  g_clear_object (&probe->socket);
  g_clear_object (&probe->addresses);
  g_free (probe);
}

static void
clock_run_free (ClockRun *run)
{
  destroy_source (&run->deadline_source);
  destroy_source (&run->grace_source);
  destroy_source (&run->cancel_source);
  g_clear_pointer (&run->probes, g_ptr_array_unref);
  g_strfreev (run->http_urls);
  mfa_clock_report_free (run->report);
  g_free (run);
}

static GSource *
attach_timeout (ClockRun    *run,
                guint        ms,
                GSourceFunc  func,
                gpointer     data)
{
  GSource *source = g_timeout_source_new (ms);

  g_source_set_callback (source, func, data, NULL);
  g_source_attach (source, g_task_get_context (run->task));
  return source;
}

static void
set_error (MfaClockServer *server,
           gchar          *message)
{
  g_free (server->error);
  server->error = message;
}

static gboolean
grace_over (gpointer data)
{
  run_finish (data);
  return G_SOURCE_REMOVE;
}

static void
probe_done (Probe *probe)
{
  ClockRun *run = probe->run;

  if (probe->done)
    return;
  probe->done = TRUE;
  destroy_source (&probe->read_source);
  destroy_source (&probe->retransmit_source);
  if (probe->socket != NULL)
    g_socket_close (probe->socket, NULL);

  if (--run->pending == 0)
    run_finish (run);
  else if (probe->server->n_samples > 0 && run->grace_source == NULL)
    run->grace_source = attach_timeout (run, GRACE_MS, grace_over, run);
}

static void
take_sample (Probe              *probe,
             const MfaSntpReply *reply,
             gint64              received_at)
{
  MfaClockServer *server = probe->server;
  gint64 t2 = mfa_ntp_to_unix_usec (reply->receive, probe->sent_at);
  gint64 t3 = mfa_ntp_to_unix_usec (reply->transmit, probe->sent_at);
  gint64 offset, delay;

  mfa_sntp_offset_delay (probe->sent_at, t2, t3, received_at, &offset, &delay);
  delay = MAX (delay, 0); /* a server's own rounding can make it slightly negative */
  if (server->n_samples == 0 || delay < server->delay_usec)
    {
      server->offset_usec = offset;
      server->delay_usec = delay;
      server->stratum = reply->stratum;
    }
  server->n_samples++;
  g_clear_pointer (&server->error, g_free);
}

/* One datagram; FALSE when the probe is over. */
static gboolean
handle_reply (Probe        *probe,
              const guint8 *data,
              gsize         len,
              gint64        received_at)
{
  MfaSntpReply reply;
  MfaSntpReplyStatus status = mfa_sntp_decode_reply (data, len, probe->sent_transmit, &reply);

  if (status == MFA_SNTP_REPLY_BOGUS_ORIGIN)
    {
      /* Late answers to an earlier request land here too: only note it. */
      if (probe->server->n_samples == 0)
        set_error (probe->server, g_strdup (mfa_sntp_reply_status_describe (status)));
      return TRUE;
    }
  if (status == MFA_SNTP_REPLY_KISS_OF_DEATH)
    {
      set_error (probe->server, g_strdup_printf (_("the server asked us to stop (Kiss-o'-Death "
                                                   "“%s”)"), reply.kiss_code));
      probe->server->n_samples = 0;
      return FALSE;
    }
  if (status == MFA_SNTP_REPLY_OK)
    take_sample (probe, &reply, received_at);
  else if (probe->server->n_samples == 0)
    set_error (probe->server, g_strdup (mfa_sntp_reply_status_describe (status)));

  if (probe->attempts >= SAMPLES_PER_SERVER)
    return FALSE;
  probe_send (probe);
  return !probe->done;
}

static gboolean
probe_readable (GSocket      *socket,
                GIOCondition  condition,
                gpointer      data)
{
  Probe *probe = data;
  guint8 buffer[512];

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gssize n = g_socket_receive (socket, (gchar *) buffer, sizeof buffer, NULL, &error);
      gint64 received_at = g_get_real_time ();

      if (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        return G_SOURCE_CONTINUE;
      if (n < 0)
        {
          probe_fail (probe, g_strdup (error->message));
          return G_SOURCE_CONTINUE; /* probe_fail destroyed this source */
        }
      if (!handle_reply (probe, buffer, n, received_at))
        {
          probe_done (probe);
          return G_SOURCE_CONTINUE;
        }
    }
}

static gboolean
probe_retransmit (gpointer data)
{
  Probe *probe = data;

  if (probe->attempts >= SAMPLES_PER_SERVER)
    {
      if (probe->server->n_samples == 0 && probe->server->error == NULL)
        set_error (probe->server, g_strdup (_("no reply")));
      probe_done (probe);
      return G_SOURCE_CONTINUE;
    }
  probe_send (probe);
  return G_SOURCE_CONTINUE;
}

/* The low bits of the transmit stamp are random: a spoofer must guess them. */
static void
probe_send (Probe *probe)
{
  g_autoptr(GError) error = NULL;
  guint8 packet[MFA_SNTP_PACKET_SIZE];

  probe->sent_at = g_get_real_time ();
  probe->sent_transmit = (mfa_ntp_from_unix_usec (probe->sent_at) & ~G_GUINT64_CONSTANT (0xfff))
                         | (guint64) g_random_int_range (0, 0x1000);
  mfa_sntp_encode_request (probe->sent_transmit, packet);
  probe->attempts++;
  if (g_socket_send (probe->socket, (const gchar *) packet, sizeof packet, NULL, &error) < 0)
    {
      probe_fail (probe, g_strdup (error->message));
      return;
    }
  destroy_source (&probe->retransmit_source);
  probe->retransmit_source = attach_timeout (probe->run, RETRANSMIT_MS, probe_retransmit, probe);
}

static void
probe_start (Probe          *probe,
             GSocketAddress *address)
{
  g_autoptr(GError) error = NULL;
  GInetAddress *inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address));

  g_free (probe->server->address);
  probe->server->address = g_inet_address_to_string (inet);
  probe->attempts = 0;
  probe->socket = g_socket_new (g_socket_address_get_family (address), G_SOCKET_TYPE_DATAGRAM,
                                G_SOCKET_PROTOCOL_UDP, &error);
  if (probe->socket == NULL || !g_socket_connect (probe->socket, address, NULL, &error))
    {
      probe_fail (probe, g_strdup (error->message));
      return;
    }
  g_socket_set_blocking (probe->socket, FALSE);
  probe->read_source = g_socket_create_source (probe->socket, G_IO_IN, NULL);
  g_source_set_callback (probe->read_source, G_SOURCE_FUNC (probe_readable), probe, NULL);
  g_source_attach (probe->read_source, g_task_get_context (probe->run->task));
  probe_send (probe);
}

typedef struct
{
  GTask *task;
  Probe *probe;
} Resolution;

static void
address_resolved (GObject      *enumerator,
                  GAsyncResult *result,
                  gpointer      data)
{
  Resolution *resolution = data;
  ClockRun *run = g_task_get_task_data (resolution->task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) address =
    g_socket_address_enumerator_next_finish (G_SOCKET_ADDRESS_ENUMERATOR (enumerator), result,
                                             &error);

  if (!run->finished)
    {
      if (address == NULL)
        {
          /* Keep why the last address failed, if one was tried. */
          if (error != NULL || resolution->probe->server->error == NULL)
            set_error (resolution->probe->server,
                       error != NULL ? g_strdup_printf (_("cannot find the server: %s"),
                                                        error->message)
                                     : g_strdup (_("the name has no address")));
          probe_done (resolution->probe);
        }
      else
        probe_start (resolution->probe, address);
    }
  g_object_unref (resolution->task);
  g_free (resolution);
}

static void
probe_next_address (Probe *probe)
{
  Resolution *resolution = g_new0 (Resolution, 1);

  resolution->task = g_object_ref (probe->run->task);
  resolution->probe = probe;
  g_socket_address_enumerator_next_async (probe->addresses,
                                          g_task_get_cancellable (probe->run->task),
                                          address_resolved, resolution);
}

/* This address failed (refused, unreachable): a name may have others, such
 * as an IPv4 address after an unreachable IPv6 one. */
static void
probe_fail (Probe *probe,
            gchar *message)
{
  set_error (probe->server, message);
  destroy_source (&probe->read_source);
  destroy_source (&probe->retransmit_source);
  if (probe->socket != NULL)
    g_socket_close (probe->socket, NULL);
  g_clear_object (&probe->socket);
  if (probe->addresses != NULL && probe->server->n_samples == 0)
    probe_next_address (probe);
  else
    probe_done (probe);
}

static void
probe_resolve (ClockRun    *run,
               const gchar *spec)
{
  Probe *probe = g_new0 (Probe, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketConnectable) connectable = NULL;

  probe->run = run;
  probe->server = g_new0 (MfaClockServer, 1);
  probe->server->host = g_strdup (spec);
  probe->server->port = MFA_CLOCK_DEFAULT_PORT;
  g_ptr_array_add (run->report->servers, probe->server);
  g_ptr_array_add (run->probes, probe);
  run->pending++;

  connectable = g_network_address_parse (spec, MFA_CLOCK_DEFAULT_PORT, &error);
  if (connectable == NULL)
    {
      set_error (probe->server, g_strdup_printf (_("“%s” is not a server name: %s"), spec,
                                                 error->message));
      probe_done (probe);
      return;
    }
  g_free (probe->server->host);
  probe->server->host = g_strdup (g_network_address_get_hostname (G_NETWORK_ADDRESS (connectable)));
  probe->server->port = g_network_address_get_port (G_NETWORK_ADDRESS (connectable));

  probe->addresses = g_socket_connectable_enumerate (connectable);
  probe_next_address (probe);
}

static void
choose_best (MfaClockReport *report)
{
  const MfaClockServer *best = NULL;

  for (guint i = 0; i < report->servers->len; i++)
    {
      const MfaClockServer *server = g_ptr_array_index (report->servers, i);

      if (server->n_samples > 0 && (best == NULL || server->delay_usec < best->delay_usec))
        best = server;
    }
  if (best == NULL)
    {
      report->verdict = MFA_CLOCK_VERDICT_UNKNOWN;
      return;
    }
  report->has_offset = TRUE;
  report->source = "ntp";
  /* The server is ahead by θ, so this computer is ahead of it by −θ. */
  report->offset_seconds = -best->offset_usec / (gdouble) G_USEC_PER_SEC;
  report->uncertainty_seconds = MAX (best->delay_usec / 2, 1000) / (gdouble) G_USEC_PER_SEC;
  report->verdict = mfa_clock_verdict_for_offset (report->offset_seconds);
}

/* The NTP phase is over: none of its sources fires after this. */
static void
run_stop (ClockRun *run)
{
  run->finished = TRUE;
  for (guint i = 0; i < run->probes->len; i++)
    {
      Probe *probe = g_ptr_array_index (run->probes, i);

      if (!probe->done && probe->server->n_samples == 0 && probe->server->error == NULL)
        set_error (probe->server, g_strdup_printf (_("no reply within %.1f s"),
                                                   run->timeout_ms / 1000.0));
      probe->done = TRUE;
      destroy_source (&probe->read_source);
      destroy_source (&probe->retransmit_source);
    }
  destroy_source (&run->deadline_source);
  destroy_source (&run->grace_source);
}

static void
run_return (ClockRun *run)
{
  if (run->returned)
    return;
  if (run->settings_pending)
    {
      run->return_wanted = TRUE; /* settings_read returns once they are in */
      return;
    }
  run->returned = TRUE;
  destroy_source (&run->cancel_source);
  g_task_return_pointer (run->task, g_steal_pointer (&run->report),
                         (GDestroyNotify) mfa_clock_report_free);
  g_object_unref (run->task);
}

/* The narrowest of the HTTP estimates, where NTP gave none. */
static void
choose_best_http (MfaClockReport *report)
{
  const MfaHttpTime *best = NULL;

  for (guint i = 0; i < report->http->len; i++)
    {
      const MfaHttpTime *time = g_ptr_array_index (report->http, i);

      if (time->n_samples > 0 && (best == NULL || time->uncertainty_seconds
                                                    < best->uncertainty_seconds))
        best = time;
    }
  if (best == NULL)
    return;
  report->has_offset = TRUE;
  report->source = "http";
  report->offset_seconds = -best->server_ahead_seconds;
  report->uncertainty_seconds = best->uncertainty_seconds;
  report->verdict = mfa_clock_verdict_for_offset (report->offset_seconds);
}

static void
http_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  GTask *task = data;
  ClockRun *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  MfaHttpTime *time = mfa_http_time_probe_finish (result, &error);

  if (time != NULL && run->report != NULL)
    g_ptr_array_add (run->report->http, time);
  else
    mfa_http_time_free (time);
  if (--run->http_pending == 0 && !run->returned)
    {
      if (g_task_return_error_if_cancelled (run->task))
        {
          run->returned = TRUE;
          g_object_unref (run->task);
        }
      else
        {
          choose_best_http (run->report);
          run_return (run);
        }
    }
  g_object_unref (task);
}

static void
settings_read (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  GTask *task = data;
  ClockRun *run = g_task_get_task_data (task);
  MfaTimeSettings *settings = mfa_time_settings_read_finish (result, NULL);

  run->settings_pending = FALSE;
  if (run->report != NULL)
    run->report->settings = settings;
  else
    mfa_time_settings_free (settings);
  if (run->return_wanted)
    run_return (run);
  g_object_unref (task);
}

static void
run_finish (ClockRun *run)
{
  if (run->finished)
    return;
  run_stop (run);
  choose_best (run->report);
  if (run->report->has_offset || run->http_urls == NULL || run->http_urls[0] == NULL)
    {
      run_return (run);
      return;
    }
  run->report->http = g_ptr_array_new_with_free_func ((GDestroyNotify) mfa_http_time_free);
  for (guint i = 0; run->http_urls[i] != NULL; i++)
    {
      run->http_pending++;
      mfa_http_time_probe_async (run->http_urls[i], run->timeout_ms,
                                 g_task_get_cancellable (run->task), http_done,
                                 g_object_ref (run->task));
    }
}

static gboolean
deadline_reached (gpointer data)
{
  run_finish (data);
  return G_SOURCE_REMOVE;
}

static gboolean
cancelled (GCancellable *cancellable,
           gpointer      data)
{
  ClockRun *run = data;

  /* In the HTTP phase, the probes see the cancellable themselves. */
  if (!run->finished)
    {
      run_stop (run);
      run->returned = TRUE;
      g_task_return_error_if_cancelled (run->task);
      g_object_unref (run->task);
    }
  return G_SOURCE_REMOVE;
}

void
mfa_clock_check_run_async (const gchar * const *servers,
                           const gchar * const *http_urls,
                           guint                timeout_ms,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  ClockRun *run = g_new0 (ClockRun, 1);

  g_task_set_source_tag (task, mfa_clock_check_run_async);
  g_task_set_task_data (task, run, (GDestroyNotify) clock_run_free);
  run->task = task; /* the run's own reference, dropped when it returns */
  run->timeout_ms = timeout_ms > 0 ? timeout_ms : MFA_CLOCK_DEFAULT_TIMEOUT_MS;
  run->http_urls = g_strdupv ((gchar **) http_urls);
  run->report = g_new0 (MfaClockReport, 1);
  run->report->servers = g_ptr_array_new_with_free_func ((GDestroyNotify) mfa_clock_server_free);
  run->probes = g_ptr_array_new_with_free_func ((GDestroyNotify) probe_free);

  if (cancellable != NULL)
    {
      run->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (run->cancel_source, G_SOURCE_FUNC (cancelled), run, NULL);
      g_source_attach (run->cancel_source, g_task_get_context (task));
    }
  run->deadline_source = attach_timeout (run, run->timeout_ms, deadline_reached, run);
  run->settings_pending = TRUE;
  mfa_time_settings_read_async (cancellable, settings_read, g_object_ref (task));

  run->pending++; /* held while starting, so an early failure cannot finish the run */
  for (guint i = 0; servers != NULL && servers[i] != NULL; i++)
    probe_resolve (run, servers[i]);
  if (--run->pending == 0)
    run_finish (run);
}

MfaClockReport *
mfa_clock_check_run_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
