/* test-clock.c: the clock check against its own fake server and a real chronyd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "mfadiag.h"

#define FAKETIME_LIB "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"

/* ---- pure functions ----------------------------------------------------- */

static void
put_be64 (guint8 *p, guint64 v)
{
  for (int i = 7; i >= 0; i--, v >>= 8)
    p[i] = v & 0xff;
}

static void
make_reply (guint8 *packet, guint leap, guint version, guint mode, guint stratum,
            guint64 origin, guint64 stamp)
{
  memset (packet, 0, MFA_SNTP_PACKET_SIZE);
  packet[0] = (leap << 6) | (version << 3) | mode;
  packet[1] = stratum;
  put_be64 (packet + 24, origin);
  put_be64 (packet + 32, stamp);
  put_be64 (packet + 40, stamp);
}

static void
test_request (void)
{
  guint8 packet[MFA_SNTP_PACKET_SIZE];
  guint64 stamp = G_GUINT64_CONSTANT (0xE9F2A7B312345678);

  mfa_sntp_encode_request (stamp, packet);
  g_assert_cmpuint (packet[0], ==, (4 << 3) | 3);
  for (int i = 1; i < 40; i++)
    g_assert_cmpuint (packet[i], ==, 0);
  g_assert_cmpuint (packet[40], ==, 0xE9);
  g_assert_cmpuint (packet[47], ==, 0x78);
}

static void
test_each_bad_reply (void)
{
  const guint64 sent = G_GUINT64_CONSTANT (0xE9F2A7B300001000);
  const guint64 stamp = sent + (G_GUINT64_CONSTANT (90) << 32);
  const struct { guint leap, version, mode, stratum; guint64 origin, stamp; gsize len;
                 MfaSntpReplyStatus status; } cases[] = {
    { 0, 4, 4, 2, sent, stamp, 48, MFA_SNTP_REPLY_OK },
    { 0, 3, 4, 2, sent, stamp, 68, MFA_SNTP_REPLY_OK },
    { 0, 4, 4, 2, sent, stamp, 47, MFA_SNTP_REPLY_TOO_SHORT },
    { 0, 4, 3, 2, sent, stamp, 48, MFA_SNTP_REPLY_WRONG_MODE },
    { 0, 4, 5, 2, sent, stamp, 48, MFA_SNTP_REPLY_WRONG_MODE },
    { 0, 0, 4, 2, sent, stamp, 48, MFA_SNTP_REPLY_WRONG_VERSION },
    { 0, 5, 4, 2, sent, stamp, 48, MFA_SNTP_REPLY_WRONG_VERSION },
    { 0, 4, 4, 0, sent, stamp, 48, MFA_SNTP_REPLY_KISS_OF_DEATH },
    { 0, 4, 4, 16, sent, stamp, 48, MFA_SNTP_REPLY_BAD_STRATUM },
    { 3, 4, 4, 2, sent, stamp, 48, MFA_SNTP_REPLY_UNSYNCHRONIZED },
    { 0, 4, 4, 2, sent, 0, 48, MFA_SNTP_REPLY_ZERO_TRANSMIT },
    { 0, 4, 4, 2, sent + 1, stamp, 48, MFA_SNTP_REPLY_BOGUS_ORIGIN },
    { 0, 4, 4, 0, sent + 1, stamp, 48, MFA_SNTP_REPLY_BOGUS_ORIGIN }, /* a forged KoD */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint8 packet[68] = { 0 };
      MfaSntpReply reply;

      make_reply (packet, cases[i].leap, cases[i].version, cases[i].mode, cases[i].stratum,
                  cases[i].origin, cases[i].stamp);
      g_assert_cmpint (mfa_sntp_decode_reply (packet, cases[i].len, sent, &reply), ==,
                       cases[i].status);
    }
}

static void
test_kiss_code (void)
{
  guint8 packet[MFA_SNTP_PACKET_SIZE];
  MfaSntpReply reply;

  make_reply (packet, 0, 4, 4, 0, 42, 43);
  memcpy (packet + 12, "RATE", 4);
  g_assert_cmpint (mfa_sntp_decode_reply (packet, sizeof packet, 42, &reply), ==,
                   MFA_SNTP_REPLY_KISS_OF_DEATH);
  g_assert_cmpstr (reply.kiss_code, ==, "RATE");
}

/* 2036-02-07 06:28:16 UTC wraps NTP seconds to 0: the era is taken from our clock. */
static void
test_era_after_2036 (void)
{
  const gint64 wrap = G_GINT64_CONSTANT (2085978496);
  const gint64 times[] = { 0, 1795867231, wrap - 1, wrap, wrap + 1, wrap + 86400 * 400,
                           G_GINT64_CONSTANT (4102444800) };

  for (gsize i = 0; i < G_N_ELEMENTS (times); i++)
    {
      gint64 usec = times[i] * G_USEC_PER_SEC + 250000;
      guint64 ntp = mfa_ntp_from_unix_usec (usec);
      gint64 back = mfa_ntp_to_unix_usec (ntp, usec + 3600 * (gint64) G_USEC_PER_SEC);

      g_assert_cmpint (ABS (back - usec), <=, 1);
    }
  /* Just after the wrap, the seconds field is tiny. */
  g_assert_cmpuint (mfa_ntp_from_unix_usec ((wrap + 10) * G_USEC_PER_SEC) >> 32, ==, 10);
}

static void
test_offset_delay (void)
{
  gint64 offset, delay;

  /* Server 90 s ahead, 20 ms each way, 1 ms inside the server. */
  mfa_sntp_offset_delay (1000000, 91020000, 91021000, 1041000, &offset, &delay);
  g_assert_cmpint (offset, ==, 90000000);
  g_assert_cmpint (delay, ==, 40000);
}

static void
test_verdict_thresholds (void)
{
  g_assert_cmpint (mfa_clock_verdict_for_offset (0), ==, MFA_CLOCK_VERDICT_OK);
  g_assert_cmpint (mfa_clock_verdict_for_offset (-4.99), ==, MFA_CLOCK_VERDICT_OK);
  g_assert_cmpint (mfa_clock_verdict_for_offset (5), ==, MFA_CLOCK_VERDICT_WARNING);
  g_assert_cmpint (mfa_clock_verdict_for_offset (-29.9), ==, MFA_CLOCK_VERDICT_WARNING);
  g_assert_cmpint (mfa_clock_verdict_for_offset (30), ==, MFA_CLOCK_VERDICT_PROBLEM);
  g_assert_cmpint (mfa_clock_verdict_for_offset (-47), ==, MFA_CLOCK_VERDICT_PROBLEM);
}

/* ---- a fake server of our own ------------------------------------------- */

typedef enum
{
  FAKE_GOOD, FAKE_SILENT, FAKE_SHORT, FAKE_WRONG_MODE, FAKE_WRONG_VERSION, FAKE_KOD,
  FAKE_BAD_STRATUM, FAKE_UNSYNCHRONIZED, FAKE_ZERO_TRANSMIT, FAKE_BOGUS_ORIGIN,
} FakeKind;

typedef struct
{
  GSocket  *socket;
  GSource  *source;
  FakeKind  kind;
  gint64    shift_usec;
  guint     requests;
  gchar    *spec;
} FakeServer;

static gboolean
fake_readable (GSocket *socket, GIOCondition condition, gpointer data)
{
  FakeServer *fake = data;
  guint8 request[512], reply[MFA_SNTP_PACKET_SIZE];
  g_autoptr(GSocketAddress) from = NULL;
  gssize n = g_socket_receive_from (socket, &from, (gchar *) request, sizeof request, NULL, NULL);
  guint64 origin, now;
  guint leap = 0, version = 4, mode = 4, stratum = 2;
  gsize len = MFA_SNTP_PACKET_SIZE;

  if (n < MFA_SNTP_PACKET_SIZE)
    return G_SOURCE_CONTINUE;
  fake->requests++;
  origin = 0;
  for (int i = 40; i < 48; i++)
    origin = (origin << 8) | request[i];
  now = mfa_ntp_from_unix_usec (g_get_real_time () + fake->shift_usec);
  switch (fake->kind)
    {
    case FAKE_SILENT: return G_SOURCE_CONTINUE;
    case FAKE_SHORT: len = 40; break;
    case FAKE_WRONG_MODE: mode = 3; break;
    case FAKE_WRONG_VERSION: version = 7; break;
    case FAKE_KOD: stratum = 0; break;
    case FAKE_BAD_STRATUM: stratum = 16; break;
    case FAKE_UNSYNCHRONIZED: leap = 3; break;
    case FAKE_ZERO_TRANSMIT: now = 0; break;
    case FAKE_BOGUS_ORIGIN: origin ^= 0x5a5a; break;
    case FAKE_GOOD: default: break;
    }
  make_reply (reply, leap, version, mode, stratum, origin, now);
  if (fake->kind == FAKE_KOD)
    memcpy (reply + 12, "DENY", 4);
  g_socket_send_to (socket, from, (const gchar *) reply, len, NULL, NULL);
  return G_SOURCE_CONTINUE;
}

static FakeServer *
fake_server_new (FakeKind kind, gint64 shift_usec)
{
  FakeServer *fake = g_new0 (FakeServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  fake->kind = kind;
  fake->shift_usec = shift_usec;
  fake->socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                               G_SOCKET_PROTOCOL_UDP, &error);
  g_assert_no_error (error);
  g_socket_bind (fake->socket, any, FALSE, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (fake->socket, FALSE);
  bound = g_socket_get_local_address (fake->socket, &error);
  fake->spec = g_strdup_printf ("127.0.0.1:%u",
                                g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  fake->source = g_socket_create_source (fake->socket, G_IO_IN, NULL);
  g_source_set_callback (fake->source, G_SOURCE_FUNC (fake_readable), fake, NULL);
  g_source_attach (fake->source, NULL);
  return fake;
}

static void
fake_server_free (FakeServer *fake)
{
  g_source_destroy (fake->source);
  g_source_unref (fake->source);
  g_object_unref (fake->socket);
  g_free (fake->spec);
  g_free (fake);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeServer, fake_server_free)

typedef struct
{
  MfaClockReport *report;
  GError         *error;
  gboolean        done;
} Outcome;

static void
run_done (GObject *source, GAsyncResult *result, gpointer data)
{
  Outcome *outcome = data;

  outcome->report = mfa_clock_check_run_finish (result, &outcome->error);
  outcome->done = TRUE;
}

/* Runs a check to its end; returns the seconds it took. */
static gdouble
run_check_with_http (const gchar * const *servers, const gchar * const *http_urls,
                     guint timeout_ms, GCancellable *cancellable, Outcome *outcome)
{
  gint64 start = g_get_monotonic_time ();

  memset (outcome, 0, sizeof *outcome);
  mfa_clock_check_run_async (servers, http_urls, timeout_ms, cancellable, run_done, outcome);
  while (!outcome->done)
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - start) / 1e6;
}

static gdouble
run_check (const gchar * const *servers, guint timeout_ms, GCancellable *cancellable,
           Outcome *outcome)
{
  return run_check_with_http (servers, NULL, timeout_ms, cancellable, outcome);
}

static void
test_fake_good (void)
{
  g_autoptr(FakeServer) fake = fake_server_new (FAKE_GOOD, 90250000);
  const gchar *servers[] = { fake->spec, NULL };
  Outcome outcome;
  g_autoptr(MfaClockReport) report = NULL;
  g_autofree gchar *summary = NULL;

  run_check (servers, 3000, NULL, &outcome);
  report = outcome.report;
  g_assert_no_error (outcome.error);
  g_assert_true (report->has_offset);
  g_assert_cmpstr (report->source, ==, "ntp");
  /* The server is 90.25 s ahead, so this computer is 90.25 s slow. */
  g_assert_cmpfloat (ABS (report->offset_seconds + 90.25), <, 0.010);
  g_assert_cmpint (report->verdict, ==, MFA_CLOCK_VERDICT_PROBLEM);
  g_assert_cmpuint (((MfaClockServer *) report->servers->pdata[0])->n_samples, ==, 4);
  summary = mfa_clock_report_summary (report);
  g_assert_nonnull (strstr (summary, "90 seconds slow"));
}

static void
test_fake_bad_replies (void)
{
  const struct { FakeKind kind; const gchar *reason; } cases[] = {
    { FAKE_SHORT, "too short" }, { FAKE_WRONG_MODE, "wrong mode" },
    { FAKE_WRONG_VERSION, "version" }, { FAKE_KOD, "DENY" },
    { FAKE_BAD_STRATUM, "stratum" }, { FAKE_UNSYNCHRONIZED, "not synchronised" },
    { FAKE_ZERO_TRANSMIT, "no transmit" }, { FAKE_BOGUS_ORIGIN, "spoofed" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FakeServer) fake = fake_server_new (cases[i].kind, 90 * G_USEC_PER_SEC);
      const gchar *servers[] = { fake->spec, NULL };
      g_autoptr(MfaClockReport) report = NULL;
      MfaClockServer *server;
      Outcome outcome;

      run_check (servers, 2500, NULL, &outcome);
      report = outcome.report;
      g_assert_no_error (outcome.error);
      server = report->servers->pdata[0];
      g_assert_false (report->has_offset);
      g_assert_cmpint (report->verdict, ==, MFA_CLOCK_VERDICT_UNKNOWN);
      g_assert_cmpuint (server->n_samples, ==, 0);
      if (server->error == NULL || strstr (server->error, cases[i].reason) == NULL)
        g_error ("case %" G_GSIZE_FORMAT ": expected “%s”, got “%s”", i, cases[i].reason,
                 server->error);
      /* A Kiss-o'-Death stops the queries at once. */
      if (cases[i].kind == FAKE_KOD)
        g_assert_cmpuint (fake->requests, ==, 1);
    }
}

static void
test_dead_port_unknown_within_timeout (void)
{
  g_autoptr(FakeServer) silent = fake_server_new (FAKE_SILENT, 0);
  const gchar *servers[] = { silent->spec, "127.0.0.1:9", NULL };
  g_autoptr(MfaClockReport) report = NULL;
  g_autofree gchar *failure = NULL;
  Outcome outcome;
  gdouble took = run_check (servers, 1500, NULL, &outcome);

  report = outcome.report;
  g_assert_cmpint (report->verdict, ==, MFA_CLOCK_VERDICT_UNKNOWN);
  g_assert_cmpfloat (took, <, 1.5 + 0.5);
  failure = mfa_clock_report_failure (report);
  g_assert_nonnull (strstr (failure, "refused"));
}

/* A server that never answers beside one that does: the verdict comes well
 * before the deadline. */
static void
test_dead_beside_live (void)
{
  g_autoptr(FakeServer) silent = fake_server_new (FAKE_SILENT, 0);
  g_autoptr(FakeServer) live = fake_server_new (FAKE_GOOD, -12 * G_USEC_PER_SEC);
  const gchar *servers[] = { silent->spec, live->spec, NULL };
  g_autoptr(MfaClockReport) report = NULL;
  Outcome outcome;
  gdouble took = run_check (servers, 6000, NULL, &outcome);

  report = outcome.report;
  g_assert_true (report->has_offset);
  g_assert_cmpfloat (ABS (report->offset_seconds - 12), <, 0.010);
  g_assert_cmpint (report->verdict, ==, MFA_CLOCK_VERDICT_WARNING);
  g_assert_cmpfloat (took, <, 3.0);
}

/* A resolver that names two addresses for every host, IPv6 first, as many
 * dual-stack names do. */
typedef struct { GResolver parent_instance; } TwoAddressResolver;
typedef struct { GResolverClass parent_class; } TwoAddressResolverClass;

GType two_address_resolver_get_type (void);
G_DEFINE_TYPE (TwoAddressResolver, two_address_resolver, G_TYPE_RESOLVER)

static GList *
two_addresses_for (GResolverNameLookupFlags flags)
{
  GList *addresses = NULL;

  if (!(flags & G_RESOLVER_NAME_LOOKUP_FLAGS_IPV4_ONLY))
    addresses = g_list_append (addresses, g_inet_address_new_from_string ("::1"));
  if (!(flags & G_RESOLVER_NAME_LOOKUP_FLAGS_IPV6_ONLY))
    addresses = g_list_append (addresses, g_inet_address_new_from_string ("127.0.0.1"));
  return addresses;
}

static GList *
two_addresses (void)
{
  return two_addresses_for (G_RESOLVER_NAME_LOOKUP_FLAGS_DEFAULT);
}

static void
two_address_lookup_flags_async (GResolver *resolver, const gchar *hostname,
                                GResolverNameLookupFlags flags, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer data)
{
  g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, data);

  g_task_return_pointer (task, two_addresses_for (flags),
                         (GDestroyNotify) g_resolver_free_addresses);
}

static void
two_address_lookup_async (GResolver *resolver, const gchar *hostname,
                          GCancellable *cancellable, GAsyncReadyCallback callback,
                          gpointer data)
{
  g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, data);

  g_task_return_pointer (task, two_addresses (), (GDestroyNotify) g_resolver_free_addresses);
}

static GList *
two_address_lookup_finish (GResolver *resolver, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static GList *
two_address_lookup (GResolver *resolver, const gchar *hostname, GCancellable *cancellable,
                    GError **error)
{
  return two_addresses ();
}

static void
two_address_resolver_class_init (TwoAddressResolverClass *klass)
{
  GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

  resolver_class->lookup_by_name = two_address_lookup;
  resolver_class->lookup_by_name_async = two_address_lookup_async;
  resolver_class->lookup_by_name_finish = two_address_lookup_finish;
  resolver_class->lookup_by_name_with_flags_async = two_address_lookup_flags_async;
  resolver_class->lookup_by_name_with_flags_finish = two_address_lookup_finish;
}

static void
two_address_resolver_init (TwoAddressResolver *self)
{
}

/* The server listens on IPv4 only: ::1 is refused (or unreachable), and the
 * probe must go on to 127.0.0.1. */
static void
test_next_address_after_refused (void)
{
  g_autoptr(FakeServer) fake = fake_server_new (FAKE_GOOD, 7 * G_USEC_PER_SEC);
  g_autofree gchar *spec = g_strdup_printf ("dual-stack.test:%s",
                                            strrchr (fake->spec, ':') + 1);
  const gchar *servers[] = { spec, NULL };
  g_autoptr(GResolver) saved = g_resolver_get_default ();
  g_autoptr(GResolver) two = g_object_new (two_address_resolver_get_type (), NULL);
  g_autoptr(MfaClockReport) report = NULL;
  Outcome outcome;

  g_resolver_set_default (two);
  run_check (servers, 3000, NULL, &outcome);
  g_resolver_set_default (saved);
  report = outcome.report;
  g_assert_true (report->has_offset);
  g_assert_cmpfloat (ABS (report->offset_seconds + 7), <, 0.01);
  g_assert_cmpstr (((MfaClockServer *) report->servers->pdata[0])->address, ==, "127.0.0.1");
}

static void
test_cancel (void)
{
  g_autoptr(FakeServer) silent = fake_server_new (FAKE_SILENT, 0);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  const gchar *servers[] = { silent->spec, NULL };
  Outcome outcome;
  gdouble took;

  g_timeout_add_once (200, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  took = run_check (servers, 5000, cancellable, &outcome);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (outcome.report);
  g_assert_cmpfloat (took, <, 1.0);
  g_clear_error (&outcome.error);
}

static void
test_bad_names (void)
{
  const gchar *servers[] = { "host:notaport", "[::1", NULL };
  g_autoptr(MfaClockReport) report = NULL;
  Outcome outcome;

  run_check (servers, 1000, NULL, &outcome);
  report = outcome.report;
  g_assert_cmpint (report->verdict, ==, MFA_CLOCK_VERDICT_UNKNOWN);
  g_assert_nonnull (strstr (((MfaClockServer *) report->servers->pdata[0])->error,
                            "not a server name"));
}


/* ---- HTTP Date fallback against a real SoupServer ------------------------ */

typedef struct
{
  SoupServer *server;
  gchar      *url;
  gint64      shift_usec;
  gboolean    cached;
  guint       requests;
} DateServer;

static void
date_handler (SoupServer *server, SoupServerMessage *message, const char *path,
              GHashTable *query, gpointer data)
{
  DateServer *fake = data;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (
    (g_get_real_time () + fake->shift_usec) / G_USEC_PER_SEC);
  g_autofree gchar *date = soup_date_time_to_string (now, SOUP_DATE_HTTP);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  fake->requests++;
  soup_message_headers_replace (headers, "Date", date);
  if (fake->cached)
    soup_message_headers_replace (headers, "Age", "42");
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
}

static DateServer *
date_server_new (gdouble shift_seconds, gboolean cached)
{
  DateServer *fake = g_new0 (DateServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fake->shift_usec = (gint64) (shift_seconds * G_USEC_PER_SEC);
  fake->cached = cached;
  fake->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake->server, NULL, date_handler, fake, NULL);
  soup_server_listen_local (fake->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fake->server);
  fake->url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return fake;
}

static void
date_server_free (DateServer *fake)
{
  soup_server_disconnect (fake->server);
  g_object_unref (fake->server);
  g_free (fake->url);
  g_free (fake);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DateServer, date_server_free)

static void
test_http_shifted (gconstpointer data)
{
  gdouble shift = *(const gdouble *) data;
  g_autoptr(DateServer) web = date_server_new (shift, FALSE);
  const gchar *urls[] = { web->url, NULL };
  const gchar *no_servers[] = { NULL };
  g_autoptr(MfaClockReport) report = NULL;
  Outcome outcome;
  gdouble took = run_check_with_http (no_servers, urls, 8000, NULL, &outcome);

  report = outcome.report;
  g_assert_no_error (outcome.error);
  g_assert_true (report->has_offset);
  g_assert_cmpstr (report->source, ==, "http");
  g_test_message ("shift %+.3f s: measured %+.3f s ± %.3f s in %.1f s, %u requests", shift,
                  report->offset_seconds, report->uncertainty_seconds, took, web->requests);
  g_assert_cmpfloat (ABS (report->offset_seconds + shift), <, 0.5);
  g_assert_cmpfloat (report->uncertainty_seconds, <, 0.5);
}

static void
test_http_cached_answers_ignored (void)
{
  g_autoptr(DateServer) web = date_server_new (300, TRUE);
  const gchar *urls[] = { web->url, NULL };
  const gchar *no_servers[] = { NULL };
  g_autoptr(MfaClockReport) report = NULL;
  g_autofree gchar *failure = NULL;
  Outcome outcome;

  run_check_with_http (no_servers, urls, 5000, NULL, &outcome);
  report = outcome.report;
  g_assert_false (report->has_offset);
  g_assert_cmpint (report->verdict, ==, MFA_CLOCK_VERDICT_UNKNOWN);
  failure = mfa_clock_report_failure (report);
  g_assert_nonnull (strstr (failure, "cache"));
}

/* The web server is asked only when no NTP server answered. */
static void
test_http_only_as_fallback (void)
{
  g_autoptr(FakeServer) ntp = fake_server_new (FAKE_GOOD, 40 * G_USEC_PER_SEC);
  g_autoptr(DateServer) web = date_server_new (-200, FALSE);
  const gchar *urls[] = { web->url, NULL };
  const gchar *live[] = { ntp->spec, NULL };
  const gchar *dead[] = { "127.0.0.1:9", NULL };
  g_autoptr(MfaClockReport) first = NULL;
  g_autoptr(MfaClockReport) second = NULL;
  Outcome outcome;

  run_check_with_http (live, urls, 3000, NULL, &outcome);
  first = outcome.report;
  g_assert_cmpstr (first->source, ==, "ntp");
  g_assert_cmpuint (web->requests, ==, 0);
  g_assert_cmpfloat (ABS (first->offset_seconds + 40), <, 0.01);

  run_check_with_http (dead, urls, 8000, NULL, &outcome);
  second = outcome.report;
  g_assert_cmpstr (second->source, ==, "http");
  g_assert_cmpfloat (ABS (second->offset_seconds - 200), <, 0.5);
}


/* ---- system time settings over D-Bus ------------------------------------- */

typedef struct
{
  MfaTimeSettings *settings;
  gboolean         done;
} SettingsOutcome;

static void
settings_done (GObject *source, GAsyncResult *result, gpointer data)
{
  SettingsOutcome *outcome = data;

  outcome->settings = mfa_time_settings_read_finish (result, NULL);
  outcome->done = TRUE;
}

static MfaTimeSettings *
read_settings (void)
{
  SettingsOutcome outcome = { 0 };

  mfa_time_settings_read_async (NULL, settings_done, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  return outcome.settings;
}

/* Runs first, before any test connects to a system bus. */
static void
test_settings_service_missing (void)
{
  g_autoptr(MfaTimeSettings) settings = NULL;
  g_autofree gchar *text = NULL;

  g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/mfa-test-bus", TRUE);
  settings = read_settings ();
  g_assert_false (settings->available);
  g_assert_nonnull (settings->error);
  text = mfa_time_settings_describe (settings);
  g_assert_nonnull (strstr (text, "unknown"));
}

static const gchar timedate_xml[] =
  "<node><interface name='org.freedesktop.timedate1'>"
  "<property name='Timezone' type='s' access='read'/>"
  "<property name='NTP' type='b' access='read'/>"
  "<property name='NTPSynchronized' type='b' access='read'/>"
  "<property name='CanNTP' type='b' access='read'/>"
  "</interface></node>";

static GVariant *
timedate_property (GDBusConnection *connection, const gchar *sender, const gchar *path,
                   const gchar *interface, const gchar *name, GError **error, gpointer data)
{
  if (g_str_equal (name, "Timezone"))
    return g_variant_new_string ("Asia/Shanghai");
  if (g_str_equal (name, "NTP") || g_str_equal (name, "NTPSynchronized"))
    return g_variant_new_boolean (FALSE);
  return g_variant_new_boolean (TRUE);
}

static void
name_acquired (GDBusConnection *connection, const gchar *name, gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* A timedated of our own on a private bus posing as the system bus; it says
 * automatic time is off, and the advice must say so. The bus stays up until
 * the process ends: GLib keeps the system bus connection for good, and later
 * tests would find it closed. */
static void
test_settings_from_timedated (void)
{
  static GTestDBus *bus = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaTimeSettings) settings = NULL;
  g_autoptr(FakeServer) ntp = fake_server_new (FAKE_GOOD, 45 * G_USEC_PER_SEC);
  const gchar *servers[] = { ntp->spec, NULL };
  const GDBusInterfaceVTable vtable = { NULL, timedate_property, NULL };
  g_autoptr(MfaClockReport) report = NULL;
  g_autofree gchar *advice = NULL;
  gboolean owned = FALSE;
  guint registration, owner;
  Outcome outcome;

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", g_test_dbus_get_bus_address (bus), TRUE);
  connection = g_bus_get_sync (G_BUS_TYPE_SYSTEM, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_set_exit_on_close (connection, FALSE);
  node = g_dbus_node_info_new_for_xml (timedate_xml, &error);
  g_assert_no_error (error);
  registration = g_dbus_connection_register_object (connection, "/org/freedesktop/timedate1",
                                                    node->interfaces[0], &vtable, NULL, NULL,
                                                    &error);
  g_assert_no_error (error);
  owner = g_bus_own_name_on_connection (connection, "org.freedesktop.timedate1",
                                        G_BUS_NAME_OWNER_FLAGS_NONE, name_acquired, NULL,
                                        &owned, NULL);
  while (!owned)
    g_main_context_iteration (NULL, TRUE);

  settings = read_settings ();
  g_assert_true (settings->available);
  g_assert_cmpstr (settings->timezone, ==, "Asia/Shanghai");
  g_assert_false (settings->ntp);
  g_assert_true (settings->can_ntp);

  run_check (servers, 3000, NULL, &outcome);
  report = outcome.report;
  g_assert_nonnull (report->settings);
  g_assert_true (report->settings->available);
  advice = mfa_clock_report_advice (report);
  g_assert_nonnull (strstr (advice, "Automatic time is off on this computer"));

  g_bus_unown_name (owner);
  g_dbus_connection_unregister_object (connection, registration);
  g_object_set_data_full (G_OBJECT (connection), "test-bus", bus, g_object_unref);
}


/* ---- mfa-diag clock ------------------------------------------------------- */

typedef struct
{
  gchar    *out;
  gchar    *err;
  gboolean  done;
} CliOutcome;

static void
cli_done (GObject *source, GAsyncResult *result, gpointer data)
{
  CliOutcome *outcome = data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &outcome->out,
                                        &outcome->err, NULL);
  outcome->done = TRUE;
}

/* Runs the command while this process's fake servers keep answering. */
static gint
run_cli (const gchar *server, gboolean json, gchar **out, gchar **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = g_subprocess_new (
    G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
    g_getenv ("MFA_DIAG"), "clock", "--server", server, "--timeout", "2",
    json ? "--json" : NULL, NULL);
  CliOutcome outcome = { 0 };

  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, cli_done, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_wait (process, NULL, NULL);
  *out = outcome.out;
  *err = outcome.err;
  return g_subprocess_get_exit_status (process);
}

static void
test_cli_exit_statuses (void)
{
  g_autoptr(FakeServer) right = fake_server_new (FAKE_GOOD, 200000);
  g_autoptr(FakeServer) slow = fake_server_new (FAKE_GOOD, 40 * G_USEC_PER_SEC);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *out1 = NULL, *err1 = NULL, *out2 = NULL, *err2 = NULL;
  g_autofree gchar *out3 = NULL, *err3 = NULL;
  JsonObject *root;

  g_assert_cmpint (run_cli (right->spec, FALSE, &out1, &err1), ==, 0);
  g_assert_nonnull (strstr (out1, "right"));

  g_assert_cmpint (run_cli (slow->spec, TRUE, &out2, &err2), ==, 1);
  json_parser_load_from_data (parser, out2, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "verdict"), ==, "problem");
  g_assert_cmpstr (json_object_get_string_member (root, "source"), ==, "ntp");
  g_assert_cmpfloat (ABS (json_object_get_double_member (root, "offset_seconds") + 40), <, 0.01);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "servers")),
                    ==, 1);
  g_assert_true (json_object_has_member (root, "system"));

  g_assert_cmpint (run_cli ("127.0.0.1:9", FALSE, &out3, &err3), ==, 2);
  g_assert_true (g_str_has_prefix (err3, "mfa-diag clock: no time server answered"));
  g_assert_null (strchr (strchr (err3, '\n') + 1, '\n'));
}

/* ---- a real chronyd, its time shifted by libfaketime -------------------- */

typedef struct
{
  gchar  *dir;
  GPid    pid;
  guint16 port;
} Chronyd;

static void
chronyd_stop (Chronyd *chronyd)
{
  if (chronyd->pid > 0)
    {
      kill (chronyd->pid, SIGTERM);
      waitpid (chronyd->pid, NULL, 0);
      g_spawn_close_pid (chronyd->pid);
    }
  if (chronyd->dir != NULL)
    {
      g_autofree gchar *conf = g_build_filename (chronyd->dir, "chrony.conf", NULL);
      g_autofree gchar *pidfile = g_build_filename (chronyd->dir, "chronyd.pid", NULL);

      g_unlink (conf);
      g_unlink (pidfile);
      g_rmdir (chronyd->dir);
      g_free (chronyd->dir);
    }
}

/* Starts chronyd -x (never touching this machine's clock) on a free high
 * port; FALSE with a skip when the tools are missing. */
static gboolean
chronyd_start (Chronyd *chronyd, const gchar *shift)
{
  g_autofree gchar *program = g_find_program_in_path ("chronyd");
  g_autofree gchar *conf = NULL;
  g_autofree gchar *text = NULL;
  g_autofree gchar *faketime = g_strdup_printf ("FAKETIME=%s", shift);
  g_autoptr(GError) error = NULL;

  if (program == NULL)
    program = g_strdup (g_file_test ("/usr/sbin/chronyd", G_FILE_TEST_IS_EXECUTABLE)
                          ? "/usr/sbin/chronyd" : NULL);
  if (program == NULL || !g_file_test (FAKETIME_LIB, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("needs chronyd and libfaketime");
      return FALSE;
    }
  chronyd->dir = g_dir_make_tmp ("mfa-chronyd-XXXXXX", &error);
  g_assert_no_error (error);
  chronyd->port = g_test_rand_int_range (20000, 60000);
  conf = g_build_filename (chronyd->dir, "chrony.conf", NULL);
  text = g_strdup_printf ("port %u\nbindaddress 127.0.0.1\nlocal stratum 8\nallow 127.0.0.1\n"
                          "cmdport 0\nbindcmdaddress /\npidfile %s/chronyd.pid\n",
                          chronyd->port, chronyd->dir);
  g_file_set_contents (conf, text, -1, &error);
  g_assert_no_error (error);
  {
    const gchar *argv[] = { program, "-x", "-d", geteuid () == 0 ? "-u" : "-U",
                            geteuid () == 0 ? "root" : "-x", "-f", conf, NULL };
    const gchar *envp[] = { "LD_PRELOAD=" FAKETIME_LIB, faketime, "FAKETIME_DONT_RESET=1",
                            "PATH=/usr/sbin:/usr/bin:/sbin:/bin", NULL };

    g_spawn_async (NULL, (gchar **) argv, (gchar **) envp,
                   G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL
                     | G_SPAWN_STDERR_TO_DEV_NULL,
                   NULL, NULL, &chronyd->pid, &error);
    g_assert_no_error (error);
  }
  return TRUE;
}

/* chronyd answers a moment after it starts: ask until it does. */
static MfaClockReport *
measure_chronyd (Chronyd *chronyd)
{
  g_autofree gchar *spec = g_strdup_printf ("127.0.0.1:%u", chronyd->port);
  const gchar *servers[] = { spec, NULL };

  for (int attempt = 0; attempt < 20; attempt++)
    {
      Outcome outcome;

      run_check (servers, 1000, NULL, &outcome);
      g_assert_no_error (outcome.error);
      if (outcome.report->has_offset)
        return outcome.report;
      mfa_clock_report_free (outcome.report);
      g_usleep (250000);
    }
  g_error ("chronyd on port %u never answered", chronyd->port);
}

static void
test_chronyd_shift (gconstpointer data)
{
  const gchar *shift = data;
  gdouble expected = -g_ascii_strtod (shift, NULL); /* chronyd ahead: we are behind */
  Chronyd chronyd = { 0 };
  g_autoptr(MfaClockReport) report = NULL;

  if (!chronyd_start (&chronyd, shift))
    return;
  report = measure_chronyd (&chronyd);
  g_test_message ("shift %s: measured %+.6f s", shift, report->offset_seconds);
  g_assert_cmpfloat (ABS (report->offset_seconds - expected), <, 0.010);
  g_assert_cmpint (report->verdict, ==, mfa_clock_verdict_for_offset (expected));
  /* The host as configured, which the phone-clock page names. */
  g_assert_cmpstr (mfa_clock_report_best_source (report), ==, "127.0.0.1");
  chronyd_stop (&chronyd);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/settings/service-missing", test_settings_service_missing);
  g_test_add_func ("/clock/packet/request", test_request);
  g_test_add_func ("/clock/packet/each-bad-reply", test_each_bad_reply);
  g_test_add_func ("/clock/packet/kiss-of-death-code", test_kiss_code);
  g_test_add_func ("/clock/packet/era-after-2036", test_era_after_2036);
  g_test_add_func ("/clock/offset-delay", test_offset_delay);
  g_test_add_func ("/clock/verdict/thresholds", test_verdict_thresholds);
  g_test_add_func ("/clock/fake-server/shifted", test_fake_good);
  g_test_add_func ("/clock/fake-server/bad-replies-yield-no-offset", test_fake_bad_replies);
  g_test_add_func ("/clock/fake-server/dead-port-unknown-within-timeout",
                   test_dead_port_unknown_within_timeout);
  g_test_add_func ("/clock/fake-server/dead-beside-live", test_dead_beside_live);
  g_test_add_func ("/clock/cancel", test_cancel);
  g_test_add_func ("/clock/fake-server/next-address-after-refused",
                   test_next_address_after_refused);
  g_test_add_func ("/clock/cli/exit-statuses", test_cli_exit_statuses);
  g_test_add_func ("/clock/bad-names", test_bad_names);
  {
    static const gdouble shifts[] = { 37.3, -125.8, 0.45 };

    g_test_add_data_func ("/clock/http/ahead-37.3s", &shifts[0], test_http_shifted);
    g_test_add_data_func ("/clock/http/behind-125.8s", &shifts[1], test_http_shifted);
    g_test_add_data_func ("/clock/http/ahead-0.45s", &shifts[2], test_http_shifted);
  }
  g_test_add_func ("/clock/http/cached-answers-ignored", test_http_cached_answers_ignored);
  g_test_add_func ("/clock/http/only-as-fallback", test_http_only_as_fallback);
  g_test_add_func ("/clock/settings/from-timedated", test_settings_from_timedated);
  g_test_add_data_func ("/clock/chronyd/ahead-90s", "+90", test_chronyd_shift);
  g_test_add_data_func ("/clock/chronyd/behind-2min", "-120", test_chronyd_shift);
  g_test_add_data_func ("/clock/chronyd/ahead-10min", "+600", test_chronyd_shift);
  g_test_add_data_func ("/clock/chronyd/near-zero", "+0", test_chronyd_shift);
  g_test_add_data_func ("/clock/chronyd/behind-3s", "-3", test_chronyd_shift);
  return g_test_run ();
}
