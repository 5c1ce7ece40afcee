/* mfa-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MFA_TYPE_PREFERENCES_WINDOW (mfa_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (MfaPreferencesWindow, mfa_preferences_window, MFA, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *mfa_preferences_window_new        (GtkWindow    *parent);

gboolean   mfa_preferences_check_server      (const gchar  *server,
                                              GError      **error);
gboolean   mfa_preferences_check_time_url    (const gchar  *url,
                                              GError      **error);

G_END_DECLS
