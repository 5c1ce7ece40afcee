/* mfa-code-page.h: the code check — is this code right for this key, and
 * if not, why not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mfa-file-check-page.h"

G_BEGIN_DECLS

#define MFA_TYPE_CODE_PAGE (mfa_code_page_get_type ())

G_DECLARE_FINAL_TYPE (MfaCodePage, mfa_code_page, MFA, CODE_PAGE, MfaFileCheckPage)

GtkWidget *mfa_code_page_new        (MfaSession *session);
/* Reads the key from a picture of its QR code, as opening or dropping the
 * picture does. */
void       mfa_code_page_open_image (MfaCodePage *self,
                                     GFile       *file);

G_END_DECLS
