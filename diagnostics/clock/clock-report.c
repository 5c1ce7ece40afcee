/* clock-report.c: a clock check's result in words and in JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "clock-report"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "clock-check.h"
#include "clock/clock-enums.h"
#include "mfa-format.h"

/* Codes last 30 s and servers accept about one step either way: beyond 30 s
 * codes fail, from 5 s on the margin is being eaten. */
MfaClockVerdict
mfa_clock_verdict_for_offset (gdouble offset_seconds)
{
  gdouble magnitude = fabs (offset_seconds);

  if (magnitude < 5)
    return MFA_CLOCK_VERDICT_OK;
  if (magnitude < 30)
    return MFA_CLOCK_VERDICT_WARNING;
  return MFA_CLOCK_VERDICT_PROBLEM;
}

gchar *
mfa_clock_report_summary (const MfaClockReport *report)
{
  g_autofree gchar *amount = NULL;

  if (!report->has_offset)
    return g_strdup (_("The clock could not be checked: no time server answered."));
  if (fabs (report->offset_seconds) < 1)
    return g_strdup_printf (_("This computer’s clock is right (off by %.2f seconds)."),
                            fabs (report->offset_seconds));
  amount = mfa_format_duration ((gint64) llround (report->offset_seconds));
  return g_strdup_printf (report->offset_seconds > 0 ? _("This computer’s clock is %s fast.")
                                                     : _("This computer’s clock is %s slow."),
                          amount);
}

gchar *
mfa_clock_report_advice (const MfaClockReport *report)
{
  const gchar *zones = _("Time zones do not matter: codes count seconds in UTC, so a phone set "
                         "to another zone still makes the right codes if its clock is right.");

  switch (report->verdict)
    {
    case MFA_CLOCK_VERDICT_OK:
      return g_strdup_printf (_("Nothing to do here. The clock that matters most is the one on "
                                "the phone that makes your codes: check that its date and time "
                                "are set automatically. %s"), zones);
    case MFA_CLOCK_VERDICT_WARNING:
    case MFA_CLOCK_VERDICT_PROBLEM:
      if (report->settings != NULL && report->settings->available && !report->settings->ntp)
        return g_strdup_printf (_("Automatic time is off on this computer: turn it on (in "
                                  "GNOME: Settings → System → Date & Time → Automatic Date & "
                                  "Time; in a terminal: timedatectl set-ntp true). Set your "
                                  "phone to automatic time as well. %s"), zones);
      return g_strdup_printf (_("Turn on automatic date and time (in GNOME: Settings → System → "
                                "Date & Time → Automatic Date & Time; in a terminal: timedatectl "
                                "set-ntp true). If this computer’s clock is off, your phone’s may "
                                "be too: set it to automatic as well. %s"), zones);
    case MFA_CLOCK_VERDICT_UNKNOWN:
    default:
      return g_strdup (_("Check the network connection. Some networks block time servers (UDP "
                         "port 123); the check then needs a web address to read the time from."));
    }
}

/* A line for each source asked ("  HOST (ADDRESS): this computer +1.234 s,
 * …"), the web addresses first when they were asked. */
gchar *
mfa_clock_report_details (const MfaClockReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; report->http != NULL && i < report->http->len; i++)
    {
      const MfaHttpTime *time = g_ptr_array_index (report->http, i);

      if (time->n_samples > 0)
        g_string_append_printf (text, _("  %s: this computer %+.3f s (± %.3f s)\n"), time->url,
                                -time->server_ahead_seconds, time->uncertainty_seconds);
      else
        g_string_append_printf (text, _("  %s: %s\n"), time->url,
                                time->error != NULL ? time->error : "");
    }
  for (guint i = 0; i < report->servers->len; i++)
    {
      const MfaClockServer *server = g_ptr_array_index (report->servers, i);

      if (server->n_samples > 0)
        g_string_append_printf (text,
                                _("  %s (%s): this computer %+.3f s, round trip %.3f s, "
                                  "stratum %u\n"),
                                server->host, server->address, -server->offset_usec / 1e6,
                                server->delay_usec / 1e6, server->stratum);
      else
        g_string_append_printf (text, _("  %s: %s\n"), server->host,
                                server->error != NULL ? server->error : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The server or address the offset came from, NULL when none answered. */
const gchar *
mfa_clock_report_best_source (const MfaClockReport *report)
{
  const MfaClockServer *best = NULL;
  const MfaHttpTime *best_http = NULL;

  if (!report->has_offset)
    return NULL;
  /* As the check chose: NTP by lowest delay, else HTTP by uncertainty. */
  for (guint i = 0; i < report->servers->len; i++)
    {
      const MfaClockServer *server = g_ptr_array_index (report->servers, i);

      if (server->n_samples > 0 && (best == NULL || server->delay_usec < best->delay_usec))
        best = server;
    }
  if (best != NULL && g_strcmp0 (report->source, "ntp") == 0)
    return best->host;
  for (guint i = 0; report->http != NULL && i < report->http->len; i++)
    {
      const MfaHttpTime *time = g_ptr_array_index (report->http, i);

      if (time->n_samples > 0 && (best_http == NULL
                                  || time->uncertainty_seconds < best_http->uncertainty_seconds))
        best_http = time;
    }
  return best_http != NULL ? best_http->url : NULL;
}

/* One line saying what failed, for a verdict of unknown. */
gchar *
mfa_clock_report_failure (const MfaClockReport *report)
{
  g_autoptr(GString) line = g_string_new (_("no time server answered"));
  const gchar *separator = ":";

  for (guint i = 0; i < report->servers->len; i++, separator = ";")
    {
      const MfaClockServer *server = g_ptr_array_index (report->servers, i);

      g_string_append_printf (line, "%s %s: %s", separator, server->host,
                              server->error != NULL ? server->error : _("no reply"));
    }
  for (guint i = 0; report->http != NULL && i < report->http->len; i++, separator = ";")
    {
      const MfaHttpTime *time = g_ptr_array_index (report->http, i);

      g_string_append_printf (line, "%s %s: %s", separator, time->url,
                              time->error != NULL ? time->error : _("no usable answer"));
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static void
add_server (JsonBuilder          *builder,
            const MfaClockServer *server)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "host");
  json_builder_add_string_value (builder, server->host);
  json_builder_set_member_name (builder, "address");
  if (server->address != NULL)
    json_builder_add_string_value (builder, server->address);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "port");
  json_builder_add_int_value (builder, server->port);
  json_builder_set_member_name (builder, "samples");
  json_builder_add_int_value (builder, server->n_samples);
  if (server->n_samples > 0)
    {
      /* As for the report: this computer ahead of the server. */
      json_builder_set_member_name (builder, "offset_seconds");
      json_builder_add_double_value (builder, -server->offset_usec / 1e6);
      json_builder_set_member_name (builder, "delay_seconds");
      json_builder_add_double_value (builder, server->delay_usec / 1e6);
      json_builder_set_member_name (builder, "stratum");
      json_builder_add_int_value (builder, server->stratum);
    }
  else
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, server->error != NULL ? server->error : "");
    }
  json_builder_end_object (builder);
}

static void
add_http (JsonBuilder       *builder,
          const MfaHttpTime *time)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, time->url);
  json_builder_set_member_name (builder, "samples");
  json_builder_add_int_value (builder, time->n_samples);
  if (time->n_samples > 0)
    {
      json_builder_set_member_name (builder, "offset_seconds");
      json_builder_add_double_value (builder, -time->server_ahead_seconds);
      json_builder_set_member_name (builder, "uncertainty_seconds");
      json_builder_add_double_value (builder, time->uncertainty_seconds);
    }
  else
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, time->error != NULL ? time->error : "");
    }
  json_builder_end_object (builder);
}

JsonNode *
mfa_clock_report_to_json (const MfaClockReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree gchar *summary = mfa_clock_report_summary (report);
  g_autofree gchar *advice = mfa_clock_report_advice (report);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, mfa_clock_verdict_to_nick (report->verdict));
  json_builder_set_member_name (builder, "offset_seconds");
  if (report->has_offset)
    json_builder_add_double_value (builder, report->offset_seconds);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "uncertainty_seconds");
  if (report->has_offset)
    json_builder_add_double_value (builder, report->uncertainty_seconds);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "source");
  if (report->source != NULL)
    json_builder_add_string_value (builder, report->source);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, summary);
  json_builder_set_member_name (builder, "advice");
  json_builder_add_string_value (builder, advice);
  json_builder_set_member_name (builder, "servers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->servers->len; i++)
    add_server (builder, g_ptr_array_index (report->servers, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "system");
  if (report->settings != NULL)
    json_builder_add_value (builder, mfa_time_settings_to_json (report->settings));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "http");
  json_builder_begin_array (builder);
  for (guint i = 0; report->http != NULL && i < report->http->len; i++)
    add_http (builder, g_ptr_array_index (report->http, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
