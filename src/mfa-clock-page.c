/* mfa-clock-page.c: runs the clock check as soon as the page is shown and
 * says what it found, in words and figures, and what to do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-clock-page"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "mfa-check-page.h"
#include "mfa-clock-page.h"
#include "mfa-preferences-window.h"
#include "mfa-widgets.h"

struct _MfaClockPage
{
  MfaCheckPage parent_instance;

  GtkWidget    *progress_box;
  GtkSpinner   *spinner;
  GtkLabel     *progress_label;
  GtkWidget    *report_box;
  GtkWidget    *result_box;
  GtkLabel     *summary_label;
  GtkLabel     *figures_label;
  GtkLabel     *kept_label;
  GtkLabel     *settings_label;
  GtkLabel     *advice_label;
  GtkLabel     *details_label;
  GtkWidget    *failed_box;
  GtkLabel     *failed_title;
  GtkLabel     *failed_label;
  GtkWidget    *phone_clock_button;
  GtkWidget    *address_box;
  GtkEditable  *address_row;
  GtkCheckButton *keep_check;
  GtkLabel     *address_status;
  GtkWidget    *zones_label;
  GtkWidget    *again_button;

  GCancellable *cancellable; /* the running check, or NULL */
  gchar        *address;     /* the web address the running check tries, or NULL */
  gboolean      refocus;     /* the focus goes to the page once the check is done */
};

G_DEFINE_FINAL_TYPE (MfaClockPage, mfa_clock_page, MFA_TYPE_CHECK_PAGE)

static MfaSession *
session_of (MfaClockPage *self)
{
  return mfa_check_page_get_session (MFA_CHECK_PAGE (self));
}

static void
set_running (MfaClockPage *self,
             gboolean      running)
{
  gtk_widget_set_visible (self->progress_box, running);
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clock.check-again", !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->address_row), !running);
}

/* The servers the organisation configured; the schema's own defaults
 * otherwise. */
static gchar **
configured (const gchar *key)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_strv (settings, key);
}

static gchar *
describe_figures (const MfaClockReport *report)
{
  const gchar *source = mfa_clock_report_best_source (report);

  /* Signed like the summary: positive when this computer is ahead. */
  return g_strdup_printf (g_str_equal (report->source, "ntp")
                          ? _("Offset %+.3f s (± %.3f s), measured against the time server %s.")
                          : _("Offset %+.3f s (± %.3f s), read from the Date header of %s."),
                          report->offset_seconds, report->uncertainty_seconds,
                          source != NULL ? source : "");
}

/* The command line indents each source under the summary; a label wraps
 * lines, and indented first lines would look ragged beside the rest. */
static gchar *
unindent (gchar *lines)
{
  g_auto(GStrv) split = g_strsplit (g_strchomp (lines), "\n", -1);

  g_free (lines);
  for (gchar **line = split; *line != NULL; line++)
    g_strchug (*line);
  return g_strjoinv ("\n", split);
}

/* Whether automatic time is on, in a sentence; when the system's time
 * service did not answer, its reason goes to the details, not here. */
static gchar *
describe_settings (const MfaTimeSettings *settings)
{
  if (settings == NULL)
    return NULL;
  if (!settings->available)
    return g_strdup (_("Whether automatic time is on could not be read from this system."));
  return mfa_time_settings_describe (settings);
}

static gchar *
describe_details (const MfaClockReport *report)
{
  g_autofree gchar *sources = unindent (mfa_clock_report_details (report));

  if (report->settings == NULL || report->settings->available)
    return g_steal_pointer (&sources);
  return g_strdup_printf (_("%s\nSystem time service: %s"), sources, report->settings->error);
}

/* No source answered: say what happened in words — offline, or the servers
 * silent — and what still works without them. The reasons each source gave
 * are in the details. */
static void
show_no_answer (MfaClockPage *self,
                const gchar  *title)
{
  GNetworkMonitor *monitor = g_network_monitor_get_default ();
  gboolean offline = !g_network_monitor_get_network_available (monitor);

  if (title == NULL)
    title = offline ? _("This Computer Seems to Be Offline") : _("No Time Server Answered");
  gtk_label_set_label (self->failed_title, title);
  gtk_label_set_label (self->failed_label,
                       offline
                       ? _("Without a network, this computer’s clock cannot be compared with "
                           "a time server. The phone clock check works offline: it measures "
                           "the clock of the phone that makes your codes, which matters most.")
                       : _("Neither the time servers nor the web addresses for the time "
                           "answered: the network may block them. The phone clock check "
                           "works offline: it measures the clock of the phone that makes your "
                           "codes, which matters most."));
  /* Without a network a web address cannot help either. */
  gtk_widget_set_visible (self->address_box, !offline);
  gtk_widget_set_visible (self->result_box, FALSE);
  gtk_widget_set_visible (self->failed_box, TRUE);
  gtk_widget_set_visible (self->again_button, FALSE);
}

static void
show_offset (MfaClockPage         *self,
             const MfaClockReport *report)
{
  g_autofree gchar *summary = mfa_clock_report_summary (report);
  g_autofree gchar *figures = describe_figures (report);
  g_autofree gchar *advice = mfa_clock_report_advice (report);

  gtk_label_set_label (self->summary_label, summary);
  gtk_label_set_label (self->figures_label, figures);
  gtk_label_set_label (self->advice_label, advice);
  gtk_widget_set_visible (self->failed_box, FALSE);
  gtk_widget_set_visible (self->result_box, TRUE);
  gtk_widget_set_visible (self->again_button, TRUE);
}

static void
show_report (MfaClockPage         *self,
             const MfaClockReport *report)
{
  g_autofree gchar *details = describe_details (report);
  g_autofree gchar *settings = describe_settings (report->settings);

  mfa_label_show (self->settings_label, settings);
  gtk_label_set_label (self->details_label, details);
  gtk_widget_set_visible (self->zones_label, FALSE);
  gtk_widget_set_visible (self->report_box, TRUE);
  if (report->has_offset)
    show_offset (self, report);
  else
    show_no_answer (self, NULL);
}

static void
record (MfaClockPage         *self,
        const MfaClockReport *report)
{
  g_autofree gchar *summary = mfa_clock_report_summary (report);
  g_autoptr(JsonNode) evidence = mfa_clock_report_to_json (report);

  if (report->has_offset)
    mfa_session_set_clock_offset (session_of (self),
                                  (gint64) llround (-report->offset_seconds * G_USEC_PER_SEC),
                                  mfa_clock_report_best_source (report));
  mfa_check_page_record (MFA_CHECK_PAGE (self), "clock",
                         mfa_clock_verdict_to_nick (report->verdict),
                         summary, evidence);
}

/* The address the user typed gave the time: where asked, it joins the
 * addresses later checks (and Preferences) use. */
static void
keep_address (MfaClockPage *self,
              const gchar  *address)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) urls = g_settings_get_strv (settings, "http-time-urls");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  g_autofree gchar *said = NULL;

  if (!gtk_check_button_get_active (self->keep_check))
    return;
  if (!g_strv_contains ((const gchar * const *) urls, address))
    {
      g_strv_builder_add (builder, address);
      g_strv_builder_addv (builder, (const gchar **) urls);
      kept = g_strv_builder_end (builder);
      g_settings_set_strv (settings, "http-time-urls", (const gchar * const *) kept);
    }
  said = g_strdup_printf (_("Later checks read the time from %s too; Preferences lists it."),
                          address);
  mfa_label_show (self->kept_label, said);
}

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(MfaClockPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaClockReport) report = mfa_clock_check_run_finish (result, &error);
  g_autofree gchar *address = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  address = g_steal_pointer (&self->address);
  set_running (self, FALSE);
  if (report == NULL)
    {
      /* Not a network failure (those are in the report): a bug or bad
       * settings. The reason is for support, in the details. */
      gtk_label_set_label (self->details_label, error->message);
      gtk_widget_set_visible (self->report_box, TRUE);
      show_no_answer (self, _("The Clock Could Not Be Checked"));
      return;
    }
  show_report (self, report);
  if (self->refocus)
    {
      self->refocus = FALSE;
      gtk_widget_grab_focus (GTK_WIDGET (self));
    }
  record (self, report);
  if (address != NULL && report->has_offset)
    keep_address (self, address);
  else if (address != NULL)
    {
      g_autofree gchar *said =
        g_strdup_printf (_("%s did not give the time either; its answer is in the details."),
                         address);
      mfa_label_show (self->address_status, said);
    }
}

static void
run_check (MfaClockPage        *self,
           const gchar * const *servers,
           const gchar * const *http_urls,
           const gchar         *progress)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* The report goes while the check runs: a field in it that has the focus
   * lets go first, or its cursor would go on blinking unseen; the focus
   * comes back to the page with the new report. */
  self->refocus = focus != NULL && gtk_widget_is_ancestor (focus, self->report_box);
  if (self->refocus)
    gtk_root_set_focus (root, NULL);
  gtk_label_set_label (self->progress_label, progress);
  gtk_widget_set_visible (self->report_box, FALSE);
  gtk_widget_set_visible (self->zones_label, TRUE);
  mfa_label_show (self->kept_label, NULL);
  mfa_label_show (self->address_status, NULL);
  set_running (self, TRUE);
  self->cancellable = g_cancellable_new ();
  mfa_clock_check_run_async (servers, http_urls, MFA_CLOCK_DEFAULT_TIMEOUT_MS,
                             self->cancellable, check_done, g_object_ref (self));
}

static void
start_check (MfaClockPage *self)
{
  g_auto(GStrv) servers = configured ("ntp-servers");
  g_auto(GStrv) http_urls = configured ("http-time-urls");
  g_autofree gchar *list = g_strjoinv (", ", servers);
  g_autofree gchar *progress = NULL;

  if (self->cancellable != NULL)
    return;
  progress = g_strdup_printf (_("Asking the time servers: %s"), list);
  run_check (self, (const gchar * const *) servers, (const gchar * const *) http_urls, progress);
}

/* The time over HTTPS as the Preferences take it; plain HTTP only on this
 * machine, where nobody on the way could forge it (tests, local relays). */
static gboolean
address_is_usable (const gchar  *address,
                   GError      **error)
{
  g_autoptr(GUri) uri = g_uri_parse (address, G_URI_FLAGS_NONE, NULL);
  const gchar *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (host != NULL && g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0
      && (g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1")
          || g_ascii_strcasecmp (host, "localhost") == 0))
    return TRUE;
  return mfa_preferences_check_time_url (address, error);
}

static void
address_applied (MfaClockPage *self)
{
  g_autofree gchar *typed = g_strstrip (g_strdup (gtk_editable_get_text (self->address_row)));
  /* "www.example.com" as a browser takes it: over HTTPS. */
  g_autofree gchar *address = strstr (typed, "://") != NULL || typed[0] == '\0'
                              ? g_strdup (typed) : g_strconcat ("https://", typed, NULL);
  const gchar *urls[] = { address, NULL };
  const gchar *no_servers[] = { NULL };
  g_autofree gchar *progress = NULL;
  g_autoptr(GError) error = NULL;

  if (self->cancellable != NULL)
    return;
  if (!address_is_usable (address, &error))
    {
      mfa_label_show (self->address_status, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
      return;
    }
  progress = g_strdup_printf (_("Reading the time from %s"), address);
  self->address = g_strdup (address);
  run_check (self, no_servers, urls, progress);
}

static void
stop_check (MfaClockPage *self)
{
  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
}

static void
check_again (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  start_check (MFA_CLOCK_PAGE (widget));
}

/* Runs when shown; a check interrupted by leaving the page runs again. */
static void
mfa_clock_page_map (GtkWidget *widget)
{
  MfaClockPage *self = MFA_CLOCK_PAGE (widget);

  GTK_WIDGET_CLASS (mfa_clock_page_parent_class)->map (widget);
  if (mfa_check_page_get_verdict (MFA_CHECK_PAGE (self)) == NULL)
    start_check (self);
}

static void
mfa_clock_page_unmap (GtkWidget *widget)
{
  stop_check (MFA_CLOCK_PAGE (widget));
  GTK_WIDGET_CLASS (mfa_clock_page_parent_class)->unmap (widget);
}

static void
mfa_clock_page_dispose (GObject *object)
{
  MfaClockPage *self = MFA_CLOCK_PAGE (object);

  stop_check (self);
  g_clear_pointer (&self->address, g_free);
  G_OBJECT_CLASS (mfa_clock_page_parent_class)->dispose (object);
}

/* The first field is what the user acts on next. While the check runs
 * nothing can be done but wait: the page takes the focus when it is done.
 * With no answer, the way on is the phone clock check, which needs no
 * network: its button. With a result, the figures are read, not edited; the
 * one thing to do on this page is Check Again (after changing the clock,
 * say), so the focus goes there rather than to the details expander. */
static gboolean
mfa_clock_page_grab_focus (GtkWidget *widget)
{
  MfaClockPage *self = MFA_CLOCK_PAGE (widget);

  if (self->cancellable != NULL)
    {
      /* Nothing to act on yet: the focus comes once the result is in. */
      self->refocus = TRUE;
      return FALSE;
    }
  if (gtk_widget_get_visible (self->report_box))
    return gtk_widget_grab_focus (gtk_widget_get_visible (self->failed_box)
                                  ? self->phone_clock_button : self->again_button);
  return GTK_WIDGET_CLASS (mfa_clock_page_parent_class)->grab_focus (widget);
}

static void
mfa_clock_page_class_init (MfaClockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mfa_clock_page_dispose;
  widget_class->map = mfa_clock_page_map;
  widget_class->unmap = mfa_clock_page_unmap;
  widget_class->grab_focus = mfa_clock_page_grab_focus;

  g_type_ensure (ADW_TYPE_ENTRY_ROW);
  mfa_check_page_class_set_title (MFA_CHECK_PAGE_CLASS (klass), N_("Is This Computer’s Clock Right?"));
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mfa-clock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, report_box);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, result_box);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, figures_label);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, kept_label);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, settings_label);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, advice_label);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, failed_box);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, failed_title);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, failed_label);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, phone_clock_button);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, address_box);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, keep_check);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, address_status);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, zones_label);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, again_button);
  gtk_widget_class_bind_template_callback (widget_class, address_applied);
  gtk_widget_class_install_action (widget_class, "clock.check-again", NULL, check_again);
}

static void
mfa_clock_page_init (MfaClockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mfa_check_page_set_result_widget (MFA_CHECK_PAGE (self), self->report_box);
  mfa_check_page_name_row_buttons (GTK_WIDGET (self->address_row), NULL, NULL);
}
