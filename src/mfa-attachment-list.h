/* mfa-attachment-list.h: the images a ticket carries, and the ways to add them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mfa-attachment-row.h"

G_BEGIN_DECLS

#define MFA_TYPE_ATTACHMENT_LIST (mfa_attachment_list_get_type ())

G_DECLARE_FINAL_TYPE (MfaAttachmentList, mfa_attachment_list, MFA, ATTACHMENT_LIST, GtkBox)

/* The rows, in order (MfaAttachmentRow, borrowed). */
GPtrArray *mfa_attachment_list_get_rows  (MfaAttachmentList  *self);
/* Adds a file as the bundle would take it; refusals are shown in the list. */
void       mfa_attachment_list_add_file  (MfaAttachmentList  *self,
                                          const gchar        *path,
                                          gint64              taken_usec);
void       mfa_attachment_list_paste     (MfaAttachmentList  *self);
/* The refusal or hint shown above the list; NULL when there is none. */
const gchar *mfa_attachment_list_get_message (MfaAttachmentList *self);
/* FALSE with a message shown when a caption holds a key. */
gboolean   mfa_attachment_list_validate  (MfaAttachmentList  *self);

G_END_DECLS
