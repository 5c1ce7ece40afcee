/* test-ticket-uploader.c: the Upload to Support widget against a loopback SoupServer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gtk-test-support.h"
#include <libsoup/soup.h>

#include "mfa-ticket-uploader.h"
#include "ticket-server.h"

typedef struct
{
  TicketServer *server;
  gchar        *bundle;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const gchar bytes[] = "PK\3\4 not really a bundle";

  fixture->server = ticket_server_new ();
  fixture->bundle = g_strdup (ticket_server_write_bundle (fixture->server,
                                                          (const guint8 *) bytes,
                                                          sizeof bytes - 1));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->bundle);
  ticket_server_free (fixture->server);
}

/* Presses Upload and waits for the widget to say something other than “Uploading…”. */
static const gchar *
upload_and_wait (GtkWidget *uploader)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  const gchar *status;

  g_assert_true (gtk_widget_activate_action (uploader, "uploader.upload", NULL));
  do
    {
      g_main_context_iteration (NULL, FALSE);
      status = mfa_ticket_uploader_get_status (MFA_TICKET_UPLOADER (uploader));
    }
  while (g_str_equal (status, "Uploading…") && g_get_monotonic_time () < deadline);
  return status;
}

static void
test_ticket_number_shown (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *uploader = g_object_ref_sink (mfa_ticket_uploader_new (fixture->server->url));

  fixture->server->status = 201;
  fixture->server->answer = "{\"ticket\": \"T-7\"}";
  g_assert_true (gtk_widget_get_visible (uploader));
  /* Nothing to send before the ticket is saved. */
  gtk_widget_activate_action (uploader, "uploader.upload", NULL);
  g_assert_cmpuint (fixture->server->n_requests, ==, 0);
  mfa_ticket_uploader_set_file (MFA_TICKET_UPLOADER (uploader), fixture->bundle);
  g_assert_cmpstr (upload_and_wait (uploader), ==, "Uploaded. Your ticket number is T-7.");
  g_assert_cmpuint (fixture->server->n_requests, ==, 1);
  g_object_unref (uploader);
}

static void
test_failure_then_retry (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *uploader = g_object_ref_sink (mfa_ticket_uploader_new (fixture->server->url));

  mfa_ticket_uploader_set_file (MFA_TICKET_UPLOADER (uploader), fixture->bundle);
  fixture->server->status = 503;
  fixture->server->answer = "Down for maintenance";
  g_assert_cmpstr (upload_and_wait (uploader), ==,
                   "The server refused the ticket: 503 Service Unavailable — Down for maintenance");
  fixture->server->status = 200;
  fixture->server->answer = "stored\nas 42";
  g_assert_cmpstr (upload_and_wait (uploader), ==, "Uploaded. The server answered: 200 OK — stored");
  g_assert_cmpuint (fixture->server->n_requests, ==, 2);
  g_object_unref (uploader);
}

static void
test_addresses (void)
{
  GtkWidget *off = g_object_ref_sink (mfa_ticket_uploader_new (""));
  GtkWidget *plain = g_object_ref_sink (mfa_ticket_uploader_new ("http://support.example.com/"));

  g_assert_false (gtk_widget_get_visible (off));
  /* Plain HTTP to another machine: said, and nothing can be sent. */
  g_assert_true (gtk_widget_get_visible (plain));
  g_assert_nonnull (strstr (mfa_ticket_uploader_get_status (MFA_TICKET_UPLOADER (plain)),
                            "not an https:// address"));
  mfa_ticket_uploader_set_file (MFA_TICKET_UPLOADER (plain), "/nonexistent");
  gtk_widget_activate_action (plain, "uploader.upload", NULL);
  g_assert_nonnull (strstr (mfa_ticket_uploader_get_status (MFA_TICKET_UPLOADER (plain)),
                            "not an https:// address"));
  g_object_unref (off);
  g_object_unref (plain);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!test_gtk_init_or_skip ())
    return 0;
  g_test_add ("/ticket-uploader/ticket-number", Fixture, NULL, fixture_set_up,
              test_ticket_number_shown, fixture_tear_down);
  g_test_add ("/ticket-uploader/failure-then-retry", Fixture, NULL, fixture_set_up,
              test_failure_then_retry, fixture_tear_down);
  g_test_add_func ("/ticket-uploader/addresses", test_addresses);
  return g_test_run ();
}
