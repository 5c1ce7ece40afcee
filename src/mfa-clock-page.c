/* mfa-clock-page.c: runs the clock check as soon as the page is shown and
 * says what it found, in words and figures, and what to do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-clock-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "mfa-check-page.h"
#include "mfa-clock-page.h"

struct _MfaClockPage
{
  MfaCheckPage parent_instance;

  GtkWidget    *progress_box;
  GtkSpinner   *spinner;
  GtkLabel     *progress_label;
  GtkWidget    *result_box;
  GtkLabel     *summary_label;
  GtkLabel     *figures_label;
  GtkLabel     *settings_label;
  GtkLabel     *advice_label;
  GtkLabel     *details_label;
  GtkWidget    *zones_label;

  GCancellable *cancellable; /* the running check, or NULL */
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

  /* Each source's reason is in the details below. */
  if (!report->has_offset)
    return g_strdup (_("None of the time servers or web addresses answered: this computer may "
                       "be offline, or the network blocks them."));
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

static void
show_report (MfaClockPage         *self,
             const MfaClockReport *report)
{
  g_autofree gchar *summary = mfa_clock_report_summary (report);
  g_autofree gchar *figures = describe_figures (report);
  g_autofree gchar *advice = mfa_clock_report_advice (report);
  g_autofree gchar *details = unindent (mfa_clock_report_details (report));
  g_autofree gchar *settings = report->settings != NULL
                               ? mfa_time_settings_describe (report->settings) : NULL;

  gtk_label_set_label (self->summary_label, summary);
  gtk_label_set_label (self->figures_label, figures);
  gtk_label_set_label (self->settings_label, settings != NULL ? settings : "");
  gtk_widget_set_visible (GTK_WIDGET (self->settings_label), settings != NULL);
  gtk_label_set_label (self->advice_label, advice);
  gtk_label_set_label (self->details_label, details);
  /* The advice says it already, except when no server answered. */
  gtk_widget_set_visible (self->zones_label, !report->has_offset);
  gtk_widget_set_visible (self->result_box, TRUE);
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

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(MfaClockPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaClockReport) report = mfa_clock_check_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
  if (report == NULL)
    {
      /* Bad settings (an unparsable server name): say so on the page. */
      gtk_label_set_label (self->summary_label, _("The clock could not be checked."));
      gtk_label_set_label (self->figures_label, error->message);
      gtk_label_set_label (self->advice_label, "");
      gtk_widget_set_visible (self->result_box, TRUE);
      return;
    }
  show_report (self, report);
  record (self, report);
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
  gtk_label_set_label (self->progress_label, progress);
  gtk_widget_set_visible (self->result_box, FALSE);
  gtk_widget_set_visible (self->zones_label, TRUE);
  set_running (self, TRUE);
  self->cancellable = g_cancellable_new ();
  mfa_clock_check_run_async ((const gchar * const *) servers,
                             (const gchar * const *) http_urls,
                             MFA_CLOCK_DEFAULT_TIMEOUT_MS, self->cancellable, check_done,
                             g_object_ref (self));
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
  G_OBJECT_CLASS (mfa_clock_page_parent_class)->dispose (object);
}

static void
mfa_clock_page_class_init (MfaClockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mfa_clock_page_dispose;
  widget_class->map = mfa_clock_page_map;
  widget_class->unmap = mfa_clock_page_unmap;

  mfa_check_page_class_set_title (MFA_CHECK_PAGE_CLASS (klass), N_("Is This Computer’s Clock Right?"));
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mfa-clock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, result_box);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, figures_label);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, settings_label);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, advice_label);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, MfaClockPage, zones_label);
  gtk_widget_class_install_action (widget_class, "clock.check-again", NULL, check_again);
}

static void
mfa_clock_page_init (MfaClockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mfa_check_page_set_result_widget (MFA_CHECK_PAGE (self), self->result_box);
}
