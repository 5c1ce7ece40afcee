/* mfa-show-in-files.h: "Show in Files" for a file the app saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Opens the file manager on `path`, the file selected where the file manager
 * can (org.freedesktop.FileManager1 on the session bus); in a sandbox through
 * the OpenURI portal's OpenDirectory; else the folder, through the default
 * application for folders. */
void mfa_show_in_files (GtkWindow   *parent,
                        const gchar *path);

G_END_DECLS
