/* mfa-duplicates-page.h: the duplicates check — several authenticator
 * entries for one account, read from the user's exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mfa-file-check-page.h"

G_BEGIN_DECLS

#define MFA_TYPE_DUPLICATES_PAGE (mfa_duplicates_page_get_type ())

G_DECLARE_FINAL_TYPE (MfaDuplicatesPage, mfa_duplicates_page, MFA, DUPLICATES_PAGE, MfaFileCheckPage)

GtkWidget *mfa_duplicates_page_new        (MfaSession        *session);
/* Reads more exports, as opening or dropping them does; the ones read
 * before stay, even when one of these cannot be read. */
void       mfa_duplicates_page_open_files (MfaDuplicatesPage *self,
                                           GFile *const      *files,
                                           guint              n_files);

G_END_DECLS
