/* mfa-action-row.h: an activatable list row with a title, a subtitle and an
 * icon (AdwActionRow's look) that runs an action with a target, and that
 * assistive technologies and the keyboard can activate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MFA_TYPE_ACTION_ROW (mfa_action_row_get_type ())

/* Derivable: the start page's topic rows are action rows that carry their
 * flow. */
G_DECLARE_DERIVABLE_TYPE (MfaActionRow, mfa_action_row, MFA, ACTION_ROW, GtkListBoxRow)

struct _MfaActionRowClass
{
  GtkListBoxRowClass parent_class;
};

/* A row titled `title` (and `subtitle`, if any) that activates
 * `action_name` with `target` (floating references are sunk), and shows
 * `icon_name` at its end. Without an action, activating the row makes its
 * list emit "row-activated". */
GtkWidget   *mfa_action_row_new          (const gchar  *title,
                                          const gchar  *subtitle,
                                          const gchar  *icon_name,
                                          const gchar  *action_name,
                                          GVariant     *target);

const gchar *mfa_action_row_get_title    (MfaActionRow *self);
void         mfa_action_row_set_title    (MfaActionRow *self,
                                          const gchar  *title);
const gchar *mfa_action_row_get_subtitle (MfaActionRow *self);
/* NULL or "" hides the subtitle. */
void         mfa_action_row_set_subtitle (MfaActionRow *self,
                                          const gchar  *subtitle);
/* For a subtitle that is one long word, a web address: it wraps anywhere
 * rather than only between words (and so never holds the row wider than
 * the window). */
void         mfa_action_row_wrap_subtitle_anywhere (MfaActionRow *self);
/* NULL or "" shows no icon. */
void         mfa_action_row_set_icon_name (MfaActionRow *self,
                                           const gchar  *icon_name);

G_END_DECLS
