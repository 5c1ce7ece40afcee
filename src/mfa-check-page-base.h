/* mfa-check-page-base.h: what every check page shares — the session it
 * records in, its verdict, and a single child that fills it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mfa-session.h"

G_BEGIN_DECLS

#define MFA_TYPE_CHECK_PAGE_BASE (mfa_check_page_base_get_type ())

G_DECLARE_DERIVABLE_TYPE (MfaCheckPageBase, mfa_check_page_base, MFA, CHECK_PAGE_BASE, GtkWidget)

struct _MfaCheckPageBaseClass
{
  GtkWidgetClass parent_class;
};

MfaSession *mfa_check_page_base_get_session (MfaCheckPageBase *self);
/* Records the page's result in the session and notifies "verdict". */
void        mfa_check_page_base_record      (MfaCheckPageBase *self,
                                             const gchar      *kind,
                                             const gchar      *verdict,
                                             const gchar      *summary,
                                             JsonNode         *evidence);

G_END_DECLS
