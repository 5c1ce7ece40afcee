/* mfa-check-page.h: what every check page (clock, phone clock, code,
 * duplicates) offers the wizard that embeds it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mfa-session.h"

G_BEGIN_DECLS

#define MFA_TYPE_CHECK_PAGE (mfa_check_page_get_type ())

G_DECLARE_INTERFACE (MfaCheckPage, mfa_check_page, MFA, CHECK_PAGE, GtkWidget)

/* A page implements two properties:
 *   "session" (MfaSession, construct-only): where it records its result;
 *   "verdict" (string, read-only, notified): NULL until the check has a
 *     result, then "ok", "warning", "problem" or "unknown", as flows branch.
 * A page cancels its work and wipes what the user typed when it is unmapped
 * or disposed. */
struct _MfaCheckPageInterface
{
  GTypeInterface parent_iface;
};

const gchar        *mfa_check_page_get_verdict (MfaCheckPage  *self);

/* The ids `--check` and flow check steps accept. */
GStrv               mfa_check_page_dup_ids     (void);
/* A new page for the check `id`; NULL with an error for an unknown one. */
GtkWidget          *mfa_check_page_new         (const gchar   *id,
                                                MfaSession    *session,
                                                GError       **error);

/* Shows a verdict as an icon in its colour, next to its summary. */
void                mfa_check_page_show_verdict (GtkImage     *image,
                                                 const gchar  *verdict);

G_END_DECLS
