/* mfa-height-for-width-bin.h: a bin whose width never depends on its height,
 * for the content of a scrolled window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MFA_TYPE_HEIGHT_FOR_WIDTH_BIN (mfa_height_for_width_bin_get_type ())

G_DECLARE_FINAL_TYPE (MfaHeightForWidthBin, mfa_height_for_width_bin, MFA, HEIGHT_FOR_WIDTH_BIN,
                      GtkWidget)

GtkWidget *mfa_height_for_width_bin_get_child (MfaHeightForWidthBin *self);
void       mfa_height_for_width_bin_set_child (MfaHeightForWidthBin *self,
                                               GtkWidget            *child);

G_END_DECLS
