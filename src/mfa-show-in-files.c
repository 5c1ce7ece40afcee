/* mfa-show-in-files.c: "Show in Files" for a file the app saved
 *
 * Three ways, best first: the FileManager1 interface that Files, Dolphin and
 * Nemo answer (the file selected in its folder); inside a sandbox, where
 * that name is out of reach and the path is the document portal's, the
 * OpenURI portal's OpenDirectory (it needs the file, and selects it too); and
 * last the folder opened with the default application for folders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-show-in-files"

#include "config.h"

#include <glib/gi18n.h>
#include <libportal-gtk4/portal-gtk4.h>

#include "mfa-accessible-names.h"
#include "mfa-show-in-files.h"

typedef struct
{
  GtkWindow *parent;  /* a reference */
  gchar     *path;
} ShowRequest;

static void
show_request_free (ShowRequest *request)
{
  g_clear_object (&request->parent);
  g_free (request->path);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShowRequest, show_request_free)

static void
folder_shown_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Nothing more to try: the file is saved all the same, and its name was
   * in the toast. */
  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    g_message ("No application opens folders here: %s", error->message);
}

static void
show_folder (ShowRequest *request)
{
  g_autofree gchar *dir = g_path_get_dirname (request->path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree gchar *uri = g_file_get_uri (folder);

  gtk_show_uri_full (request->parent, uri, GDK_CURRENT_TIME, NULL, folder_shown_cb, NULL);
}

static void
portal_opened_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ShowRequest) request = user_data;
  g_autoptr(GError) error = NULL;

  if (!xdp_portal_open_directory_finish (XDP_PORTAL (source), result, &error))
    {
      g_message ("The OpenURI portal did not open the folder: %s", error->message);
      show_folder (request);
    }
  g_object_unref (source);
}

static void
file_manager_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ShowRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result,
                                                             &error);

  if (reply == NULL)
    show_folder (request);
}

static gboolean
in_sandbox (const gchar *path)
{
  g_autofree gchar *portal_dir = g_build_filename (g_get_user_runtime_dir (), "doc", "", NULL);

  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS)
         || g_str_has_prefix (path, portal_dir);
}

void
mfa_show_in_files (GtkWindow   *parent,
                   const gchar *path)
{
  ShowRequest *request;
  g_autoptr(GFile) file = NULL;
  g_autofree gchar *uri = NULL;
  g_autoptr(GDBusConnection) bus = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (path != NULL);

  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  request = g_new0 (ShowRequest, 1);
  request->parent = g_object_ref (parent);
  request->path = g_strdup (path);
  if (in_sandbox (path))
    {
      XdpPortal *portal = xdp_portal_new ();
      XdpParent *xdp_parent = xdp_parent_new_gtk (parent);

      xdp_portal_open_directory (portal, xdp_parent, uri, XDP_OPEN_URI_FLAG_NONE, NULL,
                                 portal_opened_cb, request);
      g_clear_pointer (&xdp_parent, xdp_parent_free);
      return;
    }
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    {
      show_folder (request);
      show_request_free (request);
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new_parsed ("([%s], '')", uri), NULL,
                          G_DBUS_CALL_FLAGS_NONE, 5000, NULL, file_manager_cb, request);
}

void
mfa_show_in_files_toast (AdwToastOverlay *overlay,
                         const gchar     *title,
                         const gchar     *action_name,
                         const gchar     *saved_path)
{
  g_autofree gchar *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay) && title != NULL && action_name != NULL);

  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  if (saved_path != NULL)
    {
      adw_toast_set_button_label (toast, _("Show in Files"));
      adw_toast_set_action_name (toast, action_name);
      adw_toast_set_action_target_value (toast, g_variant_new_string (saved_path));
    }
  adw_toast_overlay_add_toast (overlay, toast);
  mfa_accessible_name_toasts (GTK_WIDGET (overlay));
}

void
mfa_show_in_files_activate (GtkWidget   *window,
                            const gchar *action_name,
                            GVariant    *parameter)
{
  mfa_show_in_files (GTK_WINDOW (window), g_variant_get_string (parameter, NULL));
}
