/* gtk-test-support.h: what in-process widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

/* FALSE, with a TAP skip printed, when there is no display to test on. */
static inline gboolean
test_gtk_init_or_skip (void)
{
  if (gtk_init_check ())
    return TRUE;
  g_print ("1..0 # SKIP no display\n");
  return FALSE;
}
