/* mfa-preferences-window.c: the settings an organisation or a user may change
 * — time servers, web addresses for the time, the upload address and a flows
 * file — each checked before it is stored, with the reason when it is refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mfadiag.h"
#include "mfa-preferences-window.h"

struct _MfaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *servers_row;
  AdwEntryRow          *time_urls_row;
  AdwEntryRow          *upload_row;
  AdwActionRow         *flows_row;
  GtkWidget            *flows_reset_button;
  GtkLabel             *clock_error_label;
  GtkLabel             *upload_error_label;
  GtkLabel             *flows_error_label;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (MfaPreferencesWindow, mfa_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The same port the clock check assumes when a server names none. */
#define NTP_PORT 123

static gboolean
is_host_name (const gchar *host)
{
  if (host[0] == '\0' || host[0] == '-' || host[0] == '.')
    return FALSE;
  for (const gchar *c = host; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '.' && (guchar) *c < 0x80)
      return FALSE;
  return TRUE;
}

gboolean
mfa_preferences_check_server (const gchar  *server,
                              GError      **error)
{
  g_autoptr(GSocketConnectable) address = NULL;
  g_autoptr(GError) parse_error = NULL;
  const gchar *host;

  address = g_network_address_parse (server, NTP_PORT, &parse_error);
  if (address == NULL)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a time server: %s"), server, parse_error->message);
      return FALSE;
    }
  host = g_network_address_get_hostname (G_NETWORK_ADDRESS (address));
  if (!g_hostname_is_ip_address (host) && !is_host_name (host))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a time server: a host name has only letters, digits, "
                     "dots and dashes"), server);
      return FALSE;
    }
  if (g_network_address_get_port (G_NETWORK_ADDRESS (address)) == 0)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a time server: the port must be between 1 and 65535"),
                   server);
      return FALSE;
    }
  return TRUE;
}

gboolean
mfa_preferences_check_time_url (const gchar  *url,
                                GError      **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const gchar *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (uri == NULL || host == NULL || host[0] == '\0')
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a web address, such as https://www.example.com/"), url);
      return FALSE;
    }
  /* The time is read over HTTPS only: plain HTTP answers can be forged on the way. */
  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an https:// address: the time is only read encrypted"), url);
      return FALSE;
    }
  return TRUE;
}

/* "a, b ,c" → {a, b, c}; empty parts dropped. */
static GStrv
split_list (const gchar *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ", \t", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

/* The reason stays under the list, whole, until the row is edited. */
static GtkLabel *
error_label_for (MfaPreferencesWindow *self,
                 AdwEntryRow          *row)
{
  return row == self->upload_row ? self->upload_error_label : self->clock_error_label;
}

static void
refuse (MfaPreferencesWindow *self,
        AdwEntryRow          *row,
        const GError         *error)
{
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  error->message, -1);
  gtk_label_set_label (error_label_for (self, row), error->message);
  gtk_widget_set_visible (GTK_WIDGET (error_label_for (self, row)), TRUE);
}

static void
row_edited (MfaPreferencesWindow *self,
            GtkEditable          *editable)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (editable);

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_set_visible (GTK_WIDGET (error_label_for (self, row)), FALSE);
}

typedef gboolean (*CheckFunc) (const gchar *item, GError **error);

/* Stores the row's list when every item passes; an empty row restores the
 * shipped default. */
static void
apply_list (MfaPreferencesWindow *self,
            AdwEntryRow          *row,
            const gchar          *key,
            CheckFunc             check)
{
  g_auto(GStrv) items = split_list (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; items[i] != NULL; i++)
    if (!check (items[i], &error))
      {
        refuse (self, row, error);
        return;
      }
  if (items[0] == NULL)
    g_settings_reset (self->settings, key);
  else
    g_settings_set_strv (self->settings, key, (const gchar * const *) items);
}

static void
servers_applied (MfaPreferencesWindow *self)
{
  apply_list (self, self->servers_row, "ntp-servers", mfa_preferences_check_server);
}

static void
time_urls_applied (MfaPreferencesWindow *self)
{
  apply_list (self, self->time_urls_row, "http-time-urls", mfa_preferences_check_time_url);
}

static void
upload_applied (MfaPreferencesWindow *self)
{
  g_autofree gchar *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->upload_row))));
  g_autoptr(GError) error = NULL;

  if (url[0] != '\0' && !mfa_bundle_upload_url_is_allowed (url, &error))
    refuse (self, self->upload_row, error);
  else
    g_settings_set_string (self->settings, "upload-endpoint", url);
}

static void
show_list (MfaPreferencesWindow *self,
           AdwEntryRow          *row,
           const gchar          *key)
{
  g_auto(GStrv) items = g_settings_get_strv (self->settings, key);
  g_autofree gchar *text = g_strjoinv (", ", items);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
show_settings (MfaPreferencesWindow *self)
{
  g_autofree gchar *upload = g_settings_get_string (self->settings, "upload-endpoint");
  g_autofree gchar *flows = g_settings_get_string (self->settings, "flows-file");

  show_list (self, self->servers_row, "ntp-servers");
  show_list (self, self->time_urls_row, "http-time-urls");
  gtk_editable_set_text (GTK_EDITABLE (self->upload_row), upload);
  adw_action_row_set_subtitle (self->flows_row,
                               flows[0] != '\0' ? flows : _("The flows shipped with the app"));
  gtk_widget_set_sensitive (self->flows_reset_button, flows[0] != '\0');
}

static void
flows_reset (MfaPreferencesWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->flows_error_label), FALSE);
  g_settings_reset (self->settings, "flows-file");
}

static void
flows_chosen (GtkNativeDialog      *dialog,
              gint                  response,
              MfaPreferencesWindow *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autofree gchar *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autoptr(MfaFlowSet) flows = NULL;
  g_autoptr(GError) error = NULL;

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  if (response != GTK_RESPONSE_ACCEPT || path == NULL)
    return;
  /* Refused here, a bad file never reaches the setting and the next start. */
  flows = mfa_flow_set_load_file (path, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->flows_error_label), flows == NULL);
  if (flows == NULL)
    gtk_label_set_label (self->flows_error_label, error->message);
  else
    g_settings_set_string (self->settings, "flows-file", path);
}

static void
flows_choose (MfaPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose a Flows File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Flows files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (flows_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
mfa_preferences_window_dispose (GObject *object)
{
  MfaPreferencesWindow *self = MFA_PREFERENCES_WINDOW (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (mfa_preferences_window_parent_class)->dispose (object);
}

static void
mfa_preferences_window_class_init (MfaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mfa_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mfa-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaPreferencesWindow, servers_row);
  gtk_widget_class_bind_template_child (widget_class, MfaPreferencesWindow, time_urls_row);
  gtk_widget_class_bind_template_child (widget_class, MfaPreferencesWindow, upload_row);
  gtk_widget_class_bind_template_child (widget_class, MfaPreferencesWindow, flows_row);
  gtk_widget_class_bind_template_child (widget_class, MfaPreferencesWindow, flows_reset_button);
  gtk_widget_class_bind_template_child (widget_class, MfaPreferencesWindow, clock_error_label);
  gtk_widget_class_bind_template_child (widget_class, MfaPreferencesWindow, upload_error_label);
  gtk_widget_class_bind_template_child (widget_class, MfaPreferencesWindow, flows_error_label);
  gtk_widget_class_bind_template_callback (widget_class, servers_applied);
  gtk_widget_class_bind_template_callback (widget_class, time_urls_applied);
  gtk_widget_class_bind_template_callback (widget_class, upload_applied);
  gtk_widget_class_bind_template_callback (widget_class, row_edited);
  gtk_widget_class_bind_template_callback (widget_class, flows_choose);
  gtk_widget_class_bind_template_callback (widget_class, flows_reset);
}

static void
mfa_preferences_window_init (MfaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  show_settings (self);
  /* Stored values (also from gsettings or another window) show here at once. */
  g_signal_connect_swapped (self->settings, "changed", G_CALLBACK (show_settings), self);
}

GtkWidget *
mfa_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (MFA_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}
