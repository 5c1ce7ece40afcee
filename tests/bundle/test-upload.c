/* test-upload.c: sending bundles to a real SoupServer on loopback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>

#include "mfadiag.h"
#include "ticket-server.h"

typedef struct
{
  TicketServer *server;
  gchar        *bundle;      /* a file to send */
  gsize         bundle_len;
  GMainLoop    *loop;
  GAsyncResult *result;
  GCancellable *cancellable;
  goffset       last_sent;
  goffset       last_total;
  guint         n_progress;
} Fixture;

/* A bundle-sized file of varied bytes, so a shifted or lost block shows. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree guint8 *bytes = NULL;
  gsize len = GPOINTER_TO_SIZE (data);

  bytes = g_malloc (len);
  for (gsize i = 0; i < len; i++)
    bytes[i] = (guint8) (i * 2654435761u >> 13);
  fixture->server = ticket_server_new ();
  fixture->bundle = g_strdup (ticket_server_write_bundle (fixture->server, bytes, len));
  fixture->bundle_len = len;
  fixture->loop = g_main_loop_new (NULL, FALSE);
  fixture->cancellable = g_cancellable_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->bundle);
  ticket_server_free (fixture->server);
  g_clear_object (&fixture->result);
  g_clear_object (&fixture->cancellable);
  g_main_loop_unref (fixture->loop);
}

static void
progress (goffset  sent,
          goffset  total,
          gpointer user_data)
{
  Fixture *fixture = user_data;

  g_assert_cmpint (sent, >, fixture->last_sent);
  g_assert_cmpint (sent, <=, total);
  fixture->last_sent = sent;
  fixture->last_total = total;
  fixture->n_progress++;
}

/* Cancels once part of the file, but not all, has gone out. */
static void
progress_then_cancel (goffset  sent,
                      goffset  total,
                      gpointer user_data)
{
  Fixture *fixture = user_data;

  progress (sent, total, user_data);
  if (sent < total)
    g_cancellable_cancel (fixture->cancellable);
}

static void
uploaded (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->result = g_object_ref (result);
  g_main_loop_quit (fixture->loop);
}

static MfaBundleUploadReply *
upload (Fixture                  *fixture,
        const gchar              *url,
        MfaBundleUploadProgress   on_progress,
        GError                  **error)
{
  mfa_bundle_upload_async (fixture->bundle, url, on_progress, fixture, fixture->cancellable,
                           uploaded, fixture);
  g_main_loop_run (fixture->loop);
  return mfa_bundle_upload_finish (fixture->result, error);
}

static void
test_success (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaBundleUploadReply) reply = upload (fixture, fixture->server->url, progress, &error);
  g_autofree gchar *original = NULL;
  gsize original_len;

  g_assert_no_error (error);
  g_assert_cmpuint (reply->status, ==, 201);
  g_assert_cmpstr (reply->ticket_id, ==, "T-2026-0042");
  g_assert_cmpstr (reply->first_line, ==, "{\"ticket\": \"T-2026-0042\"}");
  g_assert_cmpstr (fixture->server->media_type, ==, MFA_BUNDLE_MEDIA_TYPE);
  g_file_get_contents (fixture->bundle, &original, &original_len, NULL);
  g_assert_cmpmem (g_bytes_get_data (fixture->server->received, NULL),
                   g_bytes_get_size (fixture->server->received), original, original_len);
  g_assert_cmpuint (fixture->n_progress, >, 1);
  g_assert_cmpint (fixture->last_sent, ==, original_len);
  g_assert_cmpint (fixture->last_total, ==, original_len);
}

static void
test_server_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaBundleUploadReply) reply = NULL;

  fixture->server->status = SOUP_STATUS_INTERNAL_SERVER_ERROR;
  fixture->server->answer = "The ticket store is full\nsecond line";
  reply = upload (fixture, fixture->server->url, NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "500"));
  g_assert_nonnull (strstr (error->message, "The ticket store is full"));
  g_assert_null (strstr (error->message, "second line"));
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(MfaBundleUploadReply) reply = NULL;
  g_autofree gchar *url = NULL;

  /* A port bound but never listened on: connections to it are refused. */
  g_assert_true (g_socket_bind (socket, any, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  url = g_strdup_printf ("http://127.0.0.1:%u/tickets",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  reply = upload (fixture, url, NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_IO);
  g_assert_nonnull (strstr (error->message, url));
  g_assert_null (fixture->server->received);
}

static void
test_cancel_midway (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaBundleUploadReply) reply = upload (fixture, fixture->server->url, progress_then_cancel,
                                                  &error);

  g_assert_null (reply);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (fixture->last_sent, >, 0);
  g_assert_cmpint (fixture->last_sent, <, fixture->bundle_len);
  /* The server never saw a whole request, so it never answered one. */
  g_assert_null (fixture->server->received);
}

static void
test_address_policy (void)
{
  const gchar *allowed[] = {
    "https://support.example.com/tickets", "HTTPS://support.example.com",
    "http://127.0.0.1:8080/t", "http://localhost/t", "http://[::1]:99/t",
  };
  const gchar *refused[] = {
    "http://support.example.com/tickets", "ftp://example.com/", "support.example.com",
    "", "https://", "http://127.0.0.2.example.com/",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!mfa_bundle_upload_url_is_allowed (allowed[i], &error))
        g_error ("%s refused: %s", allowed[i], error->message);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (mfa_bundle_upload_url_is_allowed (refused[i], &error));
      g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT);
    }
}

int
main (int    argc,
      char **argv)
{
  gconstpointer small = GSIZE_TO_POINTER (300 * 1024);
  gconstpointer large = GSIZE_TO_POINTER (24 << 20);

  g_test_init (&argc, &argv, NULL);
  g_test_add ("/upload/success", Fixture, small, fixture_set_up, test_success, fixture_tear_down);
  g_test_add ("/upload/server-error", Fixture, small, fixture_set_up, test_server_error,
              fixture_tear_down);
  g_test_add ("/upload/refused", Fixture, small, fixture_set_up, test_refused,
              fixture_tear_down);
  g_test_add ("/upload/cancel-midway", Fixture, large, fixture_set_up, test_cancel_midway,
              fixture_tear_down);
  g_test_add_func ("/upload/address-policy", test_address_policy);
  return g_test_run ();
}
