/* time-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "time-settings"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "time-settings.h"

#define TIMEDATE_NAME "org.freedesktop.timedate1"
#define TIMEDATE_PATH "/org/freedesktop/timedate1"

void
mfa_time_settings_free (MfaTimeSettings *settings)
{
  if (settings == NULL)
    return;
  g_free (settings->error);
  g_free (settings->timezone);
  g_free (settings);
}

static gboolean
read_boolean (GDBusProxy  *proxy,
              const gchar *name)
{
  g_autoptr(GVariant) value = g_dbus_proxy_get_cached_property (proxy, name);

  return value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN)
         && g_variant_get_boolean (value);
}

static void
proxy_ready (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusProxy) proxy = g_dbus_proxy_new_for_bus_finish (result, &error);
  g_autoptr(GVariant) zone = NULL;
  MfaTimeSettings *settings = g_new0 (MfaTimeSettings, 1);

  if (g_task_return_error_if_cancelled (task))
    {
      mfa_time_settings_free (settings);
      return;
    }
  zone = proxy != NULL ? g_dbus_proxy_get_cached_property (proxy, "Timezone") : NULL;
  if (zone == NULL || !g_variant_is_of_type (zone, G_VARIANT_TYPE_STRING))
    {
      /* No system bus, or no timedated on it (containers, other init systems). */
      settings->error = error != NULL
                          ? g_strdup_printf (_("the system time service cannot be reached: %s"),
                                             error->message)
                          : g_strdup (_("the system time service (timedated) is not running"));
    }
  else
    {
      settings->available = TRUE;
      settings->timezone = g_variant_dup_string (zone, NULL);
      settings->ntp = read_boolean (proxy, "NTP");
      settings->ntp_synchronized = read_boolean (proxy, "NTPSynchronized");
      settings->can_ntp = read_boolean (proxy, "CanNTP");
    }
  g_task_return_pointer (task, settings, (GDestroyNotify) mfa_time_settings_free);
}

void
mfa_time_settings_read_async (GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, mfa_time_settings_read_async);
  g_dbus_proxy_new_for_bus (G_BUS_TYPE_SYSTEM, G_DBUS_PROXY_FLAGS_DO_NOT_CONNECT_SIGNALS, NULL,
                            TIMEDATE_NAME, TIMEDATE_PATH, TIMEDATE_NAME, cancellable,
                            proxy_ready, task);
}

MfaTimeSettings *
mfa_time_settings_read_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gchar *
mfa_time_settings_describe (const MfaTimeSettings *settings)
{
  if (!settings->available)
    return g_strdup_printf (_("Automatic time: unknown (%s)."), settings->error);
  if (!settings->ntp)
    return g_strdup_printf (_("Automatic time is off. Time zone: %s."), settings->timezone);
  return g_strdup_printf (settings->ntp_synchronized
                            ? _("Automatic time is on and synchronised. Time zone: %s.")
                            : _("Automatic time is on but not synchronised yet. Time zone: %s."),
                          settings->timezone);
}

JsonNode *
mfa_time_settings_to_json (const MfaTimeSettings *settings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "available");
  json_builder_add_boolean_value (builder, settings->available);
  if (settings->available)
    {
      json_builder_set_member_name (builder, "automatic_time");
      json_builder_add_boolean_value (builder, settings->ntp);
      json_builder_set_member_name (builder, "synchronized");
      json_builder_add_boolean_value (builder, settings->ntp_synchronized);
      json_builder_set_member_name (builder, "can_automatic_time");
      json_builder_add_boolean_value (builder, settings->can_ntp);
      json_builder_set_member_name (builder, "timezone");
      json_builder_add_string_value (builder, settings->timezone);
    }
  else
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, settings->error);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
