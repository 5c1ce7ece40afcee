/* mfa-action-row.h: an activatable AdwActionRow that runs an action with a
 * target, and that assistive technologies and the keyboard can activate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MFA_TYPE_ACTION_ROW (mfa_action_row_get_type ())

/* Derivable: the start page's topic rows are action rows that carry their
 * flow. */
G_DECLARE_DERIVABLE_TYPE (MfaActionRow, mfa_action_row, MFA, ACTION_ROW, AdwActionRow)

struct _MfaActionRowClass
{
  AdwActionRowClass parent_class;
};

/* A row titled `title` (and `subtitle`, if any) that activates
 * `action_name` with `target` (floating references are sunk), and shows
 * `icon_name` at its end. Without an action, activating the row makes its
 * list emit "row-activated". */
GtkWidget *mfa_action_row_new (const gchar *title,
                               const gchar *subtitle,
                               const gchar *icon_name,
                               const gchar *action_name,
                               GVariant    *target);

/* The row's title and subtitle wrap only between words, for text whose
 * words are short (not for a web address). */
void       mfa_action_row_wrap_between_words (MfaActionRow *self);

G_END_DECLS
