/* mfa-ticket-uploader.h: sending the saved bundle to the organisation's endpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MFA_TYPE_TICKET_UPLOADER (mfa_ticket_uploader_get_type ())

G_DECLARE_FINAL_TYPE (MfaTicketUploader, mfa_ticket_uploader, MFA, TICKET_UPLOADER, GtkBox)

/* `url` empty: uploading is off and the widget stays hidden. */
GtkWidget *mfa_ticket_uploader_new      (const gchar       *url);
/* The saved bundle to send; NULL until one is saved. */
void       mfa_ticket_uploader_set_file (MfaTicketUploader *self,
                                         const gchar       *path);

/* What the widget says now: the server's answer, a failure, or progress. */
const gchar *mfa_ticket_uploader_get_status (MfaTicketUploader *self);

G_END_DECLS
