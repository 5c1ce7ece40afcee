/* mfa-ticket-window.h: the support engineer's view of one ticket bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mfa-application.h"

G_BEGIN_DECLS

#define MFA_TYPE_TICKET_WINDOW (mfa_ticket_window_get_type ())

G_DECLARE_FINAL_TYPE (MfaTicketWindow, mfa_ticket_window, MFA, TICKET_WINDOW, AdwApplicationWindow)

MfaTicketWindow *mfa_ticket_window_new (MfaApplication *application,
                                        GFile          *file);

G_END_DECLS
