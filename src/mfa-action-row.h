/* mfa-action-row.h: an activatable AdwActionRow that runs an action with a
 * target, and that assistive technologies and the keyboard can activate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MFA_TYPE_ACTION_ROW (mfa_action_row_get_type ())

G_DECLARE_FINAL_TYPE (MfaActionRow, mfa_action_row, MFA, ACTION_ROW, AdwActionRow)

/* A row titled `title` (and `subtitle`, if any) that activates
 * `action_name` with `target` (floating references are sunk), and shows
 * `icon_name` at its end. */
GtkWidget *mfa_action_row_new (const gchar *title,
                               const gchar *subtitle,
                               const gchar *icon_name,
                               const gchar *action_name,
                               GVariant    *target);

G_END_DECLS
