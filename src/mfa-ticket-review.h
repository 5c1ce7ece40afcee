/* mfa-ticket-review.h: everything a ticket bundle will hold, before it is saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mfa-session.h"

G_BEGIN_DECLS

#define MFA_TYPE_TICKET_REVIEW (mfa_ticket_review_get_type ())

G_DECLARE_FINAL_TYPE (MfaTicketReview, mfa_ticket_review, MFA, TICKET_REVIEW, GtkBox)

/* Shows `content` again from scratch; `session` gives each check's one-line
 * summary as its page said it, `rows` (MfaAttachmentRow) the thumbnails and
 * which images get a QR code painted over. */
void mfa_ticket_review_show (MfaTicketReview        *self,
                             const MfaBundleContent *content,
                             MfaSession             *session,
                             GPtrArray              *rows);

G_END_DECLS
