/* ticket-server.h: a support endpoint on loopback for upload tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct
{
  SoupServer  *server;
  gchar       *url;         /* http://127.0.0.1:PORT/tickets */
  guint        status;      /* what it answers: 201 unless set */
  const gchar *answer;      /* the body it answers with */
  guint        n_requests;
  GBytes      *received;    /* the last body it got */
  gchar       *media_type;  /* and its Content-Type */
  gchar       *bundle;      /* a file to send, removed with the server */
} TicketServer;

TicketServer *ticket_server_new          (void);
void          ticket_server_free         (TicketServer *server);
/* Writes `bundle`, a file of these bytes in a folder of its own. */
const gchar  *ticket_server_write_bundle (TicketServer *server,
                                          const guint8 *data,
                                          gsize         len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TicketServer, ticket_server_free)

G_END_DECLS
