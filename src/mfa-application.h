/* mfa-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mfa-session.h"

G_BEGIN_DECLS

#define MFA_TYPE_APPLICATION (mfa_application_get_type ())

G_DECLARE_FINAL_TYPE (MfaApplication, mfa_application, MFA, APPLICATION, AdwApplication)

MfaApplication *mfa_application_new             (void);
/* What this run of the app has measured, shared by all its windows. */
MfaSession     *mfa_application_get_session     (MfaApplication *self);
/* For the start-up benchmarks: quits once `window` has painted its next
 * frame (at once when it has no frame clock yet). */
void            mfa_application_quit_after_paint (MfaApplication *self,
                                                  GtkWindow      *window);
/* Ticket bundles dropped on `widget` open in viewer windows. */
void            mfa_application_add_drop_target (GtkWidget      *widget);

G_END_DECLS
