/* mfa-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mfa-application.h"

G_BEGIN_DECLS

#define MFA_TYPE_WINDOW (mfa_window_get_type ())

G_DECLARE_FINAL_TYPE (MfaWindow, mfa_window, MFA, WINDOW, AdwApplicationWindow)

MfaWindow *mfa_window_new        (MfaApplication *application);
gboolean   mfa_window_open_topic (MfaWindow      *self,
                                  const gchar    *topic_id,
                                  GError        **error);
/* Opens one check on its own, as `--check ID` asks. */
gboolean   mfa_window_open_check (MfaWindow      *self,
                                  const gchar    *check_id,
                                  GError        **error);

G_END_DECLS
