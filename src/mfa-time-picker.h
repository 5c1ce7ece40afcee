/* mfa-time-picker.h: when the failing operation happened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MFA_TYPE_TIME_PICKER (mfa_time_picker_get_type ())

G_DECLARE_FINAL_TYPE (MfaTimePicker, mfa_time_picker, MFA, TIME_PICKER, GtkBox)

/* "now" is `now_usec` (the session's best idea of the time); otherwise the
 * date, time and zone the user picked. `zone` is an IANA identifier. */
void mfa_time_picker_get_time (MfaTimePicker  *self,
                               gint64          now_usec,
                               gint64         *time_usec,
                               gchar         **zone,
                               gboolean       *given);

G_END_DECLS
