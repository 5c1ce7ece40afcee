/* mfa-show-in-files.h: "Show in Files" for a file the app saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Opens the file manager on `path`, the file selected where the file manager
 * can (org.freedesktop.FileManager1 on the session bus); in a sandbox through
 * the OpenURI portal's OpenDirectory; else the folder, through the default
 * application for folders. */
void mfa_show_in_files (GtkWindow   *parent,
                        const gchar *path);

/* Says `title` briefly in a toast in `overlay`, with a "Show in Files"
 * button when a file was saved at `saved_path` (else NULL): the button runs
 * the window's `action_name`, installed with mfa_show_in_files_activate. */
void mfa_show_in_files_toast    (AdwToastOverlay *overlay,
                                 const gchar     *title,
                                 const gchar     *action_name,
                                 const gchar     *saved_path);
/* The action behind that button, taking the path (s), for
 * gtk_widget_class_install_action () on a window. */
void mfa_show_in_files_activate (GtkWidget       *window,
                                 const gchar     *action_name,
                                 GVariant        *parameter);

G_END_DECLS
