/* mfa-attachment-row.h: one attached image in the ticket assistant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MFA_TYPE_ATTACHMENT_ROW (mfa_attachment_row_get_type ())

G_DECLARE_FINAL_TYPE (MfaAttachmentRow, mfa_attachment_row, MFA, ATTACHMENT_ROW, GtkListBoxRow)

/* `kind` is error-page, phone-time or other; `taken_usec` 0 when unknown. */
GtkWidget   *mfa_attachment_row_new          (const gchar      *path,
                                              const gchar      *kind,
                                              gint64            taken_usec);
const gchar *mfa_attachment_row_get_path     (MfaAttachmentRow *self);
const gchar *mfa_attachment_row_get_kind     (MfaAttachmentRow *self);
const gchar *mfa_attachment_row_get_caption  (MfaAttachmentRow *self);
gint64       mfa_attachment_row_get_taken    (MfaAttachmentRow *self);
/* How many QR codes the bundle will paint over (-1 while not yet known),
 * and the image with them painted over (PNG), for the review. */
void         mfa_attachment_row_set_qr_codes (MfaAttachmentRow *self,
                                              gint              n_codes,
                                              GBytes           *masked);
gint         mfa_attachment_row_get_qr_codes (MfaAttachmentRow *self);
/* A small picture of the image as the bundle will hold it, for the review. */
GtkWidget   *mfa_attachment_row_new_thumbnail (MfaAttachmentRow *self);

G_END_DECLS
