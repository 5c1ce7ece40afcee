/* ticket-server.c: a support endpoint on loopback for upload tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "ticket-server.h"

static void
handle (SoupServer        *soup_server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  TicketServer *server = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);

  server->n_requests++;
  g_clear_pointer (&server->received, g_bytes_unref);
  server->received = soup_message_body_flatten (soup_server_message_get_request_body (message));
  g_free (server->media_type);
  server->media_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  soup_server_message_set_status (message, server->status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                    server->answer, strlen (server->answer));
}

TicketServer *
ticket_server_new (void)
{
  TicketServer *server = g_new0 (TicketServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  server->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server->server, "/tickets", handle, server, NULL);
  soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server->server);
  server->url = g_strdup_printf ("http://127.0.0.1:%d/tickets", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  server->status = SOUP_STATUS_CREATED;
  server->answer = "{\"ticket\": \"T-2026-0042\"}\n";
  return server;
}

const gchar *
ticket_server_write_bundle (TicketServer *server,
                            const guint8 *data,
                            gsize         len)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *dir = g_dir_make_tmp ("mfa-upload-XXXXXX", &error);

  g_assert_no_error (error);
  server->bundle = g_build_filename (dir, "ticket.mfaticket", NULL);
  g_file_set_contents (server->bundle, (const gchar *) data, len, &error);
  g_assert_no_error (error);
  return server->bundle;
}

void
ticket_server_free (TicketServer *server)
{
  if (server->bundle != NULL)
    {
      g_autofree gchar *dir = g_path_get_dirname (server->bundle);

      g_unlink (server->bundle);
      g_rmdir (dir);
      g_free (server->bundle);
    }
  g_clear_object (&server->server);
  g_free (server->url);
  g_clear_pointer (&server->received, g_bytes_unref);
  g_free (server->media_type);
  g_free (server);
}
