/* diag-clock.c: mfa-diag clock — is this computer's clock right?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "diag-clock"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cli-common.h"
#include "cli-json.h"
#include "diag-commands.h"
#include "mfadiag.h"

#define SCHEMA_ID "io.github.mfatroubleshooter.MfaTroubleshooter"

typedef struct
{
  GMainLoop      *loop;
  MfaClockReport *report;
  GError         *error;
} Wait;

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Wait *wait = data;

  wait->report = mfa_clock_check_run_finish (result, &wait->error);
  g_main_loop_quit (wait->loop);
}

/* The configured servers when the app's schema is installed; otherwise the
 * same defaults the schema ships, so the command works on its own too. */
static gchar **
default_list (const gchar *key)
{
  const gchar *builtin[] = { "ntp.aliyun.com", "ntp1.aliyun.com", "ntp2.aliyun.com",
                             "pool.ntp.org", NULL };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema =
    source != NULL ? g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;

  const gchar *builtin_http[] = { "https://www.aliyun.com/", NULL };

  if (schema == NULL)
    return g_strdupv ((gchar **) (g_str_equal (key, "ntp-servers") ? builtin : builtin_http));
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_strv (settings, key);
}

static void
print_report (const MfaClockReport *report)
{
  g_autofree gchar *summary = mfa_clock_report_summary (report);
  g_autofree gchar *advice = mfa_clock_report_advice (report);

  g_print ("%s\n", summary);
  if (report->has_offset)
    g_print (_("Measured against %s, to within %.3f seconds.\n"),
             g_str_equal (report->source, "ntp") ? "NTP" : _("a web server’s Date header"),
             report->uncertainty_seconds);
  {
    g_autofree gchar *details = mfa_clock_report_details (report);

    g_print ("%s", details);
  }
  if (report->settings != NULL)
    {
      g_autofree gchar *settings = mfa_time_settings_describe (report->settings);

      g_print ("%s\n", settings);
    }
  g_print ("%s\n", advice);
}

int
mfa_diag_clock_main (int    argc,
                     char **argv)
{
  g_auto(GStrv) servers = NULL;
  g_auto(GStrv) http_urls = NULL;
  gdouble timeout = MFA_CLOCK_DEFAULT_TIMEOUT_MS / 1000.0;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING_ARRAY, &servers,
      N_("Ask this NTP server (repeat for several); default: the configured servers"),
      N_("HOST[:PORT]") },
    { "http", 0, 0, G_OPTION_ARG_STRING_ARRAY, &http_urls,
      N_("Read the time from this HTTPS address when no NTP server answers"), N_("URL") },
    { "timeout", 0, 0, G_OPTION_ARG_DOUBLE, &timeout,
      N_("Give up after this many seconds (default 5)"), N_("SECONDS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Wait wait = { loop, NULL, NULL };
  g_autoptr(MfaClockReport) report = NULL;
  int status;

  g_option_context_set_summary (context, _("Measure how far this computer’s clock is off."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  status = mfa_cli_parse (context, &argc, &argv);
  if (status != MFA_EXIT_OK)
    return status;
  if (argc > 1)
    return mfa_cli_fail (_("unexpected argument “%s”"), argv[1]);
  if (timeout <= 0 || timeout > 120)
    return mfa_cli_fail (_("--timeout must be between 0 and 120 seconds"));
  /* Only --http given: the web servers alone. Neither: both configured lists. */
  if (servers == NULL && http_urls == NULL)
    {
      servers = default_list ("ntp-servers");
      http_urls = default_list ("http-time-urls");
    }

  mfa_clock_check_run_async ((const gchar * const *) servers,
                             (const gchar * const *) http_urls, (guint) (timeout * 1000), NULL,
                             check_done, &wait);
  g_main_loop_run (loop);
  if (wait.error != NULL)
    {
      status = mfa_cli_fail ("%s", wait.error->message);
      g_error_free (wait.error);
      return status;
    }
  report = wait.report;

  if (json)
    {
      g_autoptr(JsonNode) node = mfa_clock_report_to_json (report);

      mfa_cli_print_json (node);
    }
  else
    print_report (report);

  if (report->verdict == MFA_CLOCK_VERDICT_UNKNOWN)
    {
      g_autofree gchar *failure = mfa_clock_report_failure (report);

      return mfa_cli_fail ("%s", failure);
    }
  return report->verdict == MFA_CLOCK_VERDICT_OK ? MFA_EXIT_OK : MFA_EXIT_PROBLEM;
}
