/* mfa-ticket-assistant.h: collecting what support needs into one ticket file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mfa-session.h"

G_BEGIN_DECLS

#define MFA_TYPE_TICKET_ASSISTANT (mfa_ticket_assistant_get_type ())

G_DECLARE_FINAL_TYPE (MfaTicketAssistant, mfa_ticket_assistant, MFA, TICKET_ASSISTANT, AdwWindow)

/* `ticket_url` is the provider's page for opening a ticket. */
MfaTicketAssistant *mfa_ticket_assistant_new (GtkWindow   *parent,
                                              MfaSession  *session,
                                              const gchar *ticket_url);

/* Takes the facts answered in the flow (the account type, and a name when
 * one was given) unless the user already changed them here. */
void                mfa_ticket_assistant_follow_session (MfaTicketAssistant *self);

G_END_DECLS
