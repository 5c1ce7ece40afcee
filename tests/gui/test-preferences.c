/* test-preferences.c: the Preferences window stores only what the app can use,
 * and says why it refuses the rest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gtk-test-support.h"

#include "mfa-preferences-window.h"

static void
test_servers_checked (void)
{
  const gchar *good[] = { "ntp.aliyun.com", "127.0.0.1:12300", "[::1]:123", "time.例子.cn" };
  const gchar *bad[] = { "ntp.example.com:99999", "ntp.example.com:abc", "bad_host!", "-x.org",
                         "host:0", "" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (mfa_preferences_check_server (good[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (mfa_preferences_check_server (bad[i], &error));
      g_assert_nonnull (strstr (error->message, "is not a time server"));
    }
}

static void
test_time_urls_checked (void)
{
  g_autoptr(GError) plain = NULL;
  g_autoptr(GError) garbage = NULL;

  g_assert_true (mfa_preferences_check_time_url ("https://www.aliyun.com/", NULL));
  g_assert_false (mfa_preferences_check_time_url ("http://www.aliyun.com/", &plain));
  g_assert_nonnull (strstr (plain->message, "not an https:// address"));
  g_assert_false (mfa_preferences_check_time_url ("www.aliyun.com", &garbage));
  g_assert_nonnull (strstr (garbage->message, "is not a web address"));
}

static GtkWidget *
row (GtkWidget   *window,
     const gchar *id)
{
  return GTK_WIDGET (gtk_widget_get_template_child (window, MFA_TYPE_PREFERENCES_WINDOW, id));
}

static void
apply (GtkWidget   *window,
       const gchar *id,
       const gchar *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (window, id)), text);
  g_signal_emit_by_name (row (window, id), "apply");
}

/* What is typed and applied reaches GSettings; what is refused does not, and
 * the row is marked; an empty list restores the default. */
static void
test_window_stores_valid_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = mfa_preferences_window_new (NULL);
  g_auto(GStrv) servers = NULL;
  g_auto(GStrv) defaults = NULL;
  g_autofree gchar *upload = NULL;

  g_object_ref_sink (window);
  apply (window, "servers_row", "127.0.0.1:12300, ntp.example.com");
  servers = g_settings_get_strv (settings, "ntp-servers");
  g_assert_cmpuint (g_strv_length (servers), ==, 2);
  g_assert_cmpstr (servers[0], ==, "127.0.0.1:12300");
  g_assert_cmpstr (servers[1], ==, "ntp.example.com");

  apply (window, "servers_row", "ntp.example.com:99999");
  g_clear_pointer (&servers, g_strfreev);
  servers = g_settings_get_strv (settings, "ntp-servers");
  g_assert_cmpuint (g_strv_length (servers), ==, 2);
  g_assert_true (gtk_widget_has_css_class (row (window, "servers_row"), "error"));
  g_assert_true (gtk_widget_get_visible (row (window, "clock_error_label")));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (row (window, "clock_error_label"))),
                            "ntp.example.com:99999"));

  apply (window, "servers_row", "");
  g_clear_pointer (&servers, g_strfreev);
  servers = g_settings_get_strv (settings, "ntp-servers");
  g_settings_reset (settings, "ntp-servers");
  defaults = g_settings_get_strv (settings, "ntp-servers");
  g_assert_true (g_strv_equal ((const gchar * const *) servers, (const gchar * const *) defaults));
  g_assert_false (gtk_widget_has_css_class (row (window, "servers_row"), "error"));
  g_assert_false (gtk_widget_get_visible (row (window, "clock_error_label")));

  apply (window, "upload_row", "http://support.example.com/upload");
  upload = g_settings_get_string (settings, "upload-endpoint");
  g_assert_cmpstr (upload, ==, "");
  apply (window, "upload_row", "https://support.example.com/upload");
  g_free (upload);
  upload = g_settings_get_string (settings, "upload-endpoint");
  g_assert_cmpstr (upload, ==, "https://support.example.com/upload");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (!test_gtk_init_or_skip ())
    return 0;
  adw_init ();
  g_test_add_func ("/preferences/servers-checked", test_servers_checked);
  g_test_add_func ("/preferences/time-urls-checked", test_time_urls_checked);
  g_test_add_func ("/preferences/window-stores-valid-settings", test_window_stores_valid_settings);
  return g_test_run ();
}
