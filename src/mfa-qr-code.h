/* mfa-qr-code.h: a QR code drawn crisply at any size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MFA_TYPE_QR_CODE (mfa_qr_code_get_type ())

G_DECLARE_FINAL_TYPE (MfaQrCode, mfa_qr_code, MFA, QR_CODE, GtkWidget)

GtkWidget *mfa_qr_code_new      (void);
/* Encodes `text` (which may hold a key: only the modules are kept, and they
 * are wiped when replaced); NULL clears the code. FALSE when it is too long. */
gboolean   mfa_qr_code_set_text (MfaQrCode   *self,
                                 const gchar *text);

G_END_DECLS
