/* mfa-flow-view.c: shows the current step of a flow as a page — title,
 * text, links, then the ways on — and moves through it with the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-flow-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mfa-action-row.h"
#include "mfa-widgets.h"
#include "mfa-check-page.h"
#include "mfa-flow-view.h"

struct _MfaFlowView
{
  GtkWidget   parent_instance;

  GtkStack   *content;
  GtkLabel   *title_label;
  GtkLabel   *text_label;
  GtkLabel   *countdown_label;
  GtkProgressBar *countdown_bar;
  GtkListBox *links_list;
  GtkBox     *check_box;
  GtkLabel   *prompt_label;
  GtkListBox *choices_list;
  GtkScrolledWindow *scroller;
  GtkWidget  *check_bar;
  GtkMenuButton *answers_button;
  GtkListBox *check_answers_list;
  GtkWidget  *continue_button;
  GtkWidget  *status_page;
  GtkListBox *status_links_list;
  GtkWidget  *ticket_button;
  GtkWidget  *restart_button;

  MfaFlowRun *run;
  MfaSession *session;
  GtkWidget  *check_page;     /* the current check step's page, or NULL */
  GtkWidget  *focus_target; /* the check page, the earlier answer, or the first */
  guint       countdown_id;
  gint64      countdown_start; /* monotonic µs */
  gint64      countdown_end;
};

G_DEFINE_FINAL_TYPE (MfaFlowView, mfa_flow_view, GTK_TYPE_WIDGET)

enum
{
  TOPICS_REQUESTED,
  STEP_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void render (MfaFlowView *self);

static void
list_remove_all (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The answers wait while the countdown runs: trying again before the wait
 * is over only starts it again. */
static void
hold_answers (MfaFlowView *self,
              gboolean     hold)
{
  /* Each row, so that assistive technologies see them held too. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->choices_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_sensitive (child, !hold);
  gtk_label_set_label (self->prompt_label, hold ? _("Did this fix it? Answer once the countdown "
                                                    "has ended and you have tried again.")
                                                : _("Did this fix it?"));
}

static gboolean
update_countdown (gpointer user_data)
{
  MfaFlowView *self = MFA_FLOW_VIEW (user_data);
  gint64 now = g_get_monotonic_time ();
  gint64 left = (self->countdown_end - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  g_autofree gchar *text = NULL;

  if (left <= 0)
    {
      gtk_label_set_label (self->countdown_label, _("You may try again now."));
      gtk_progress_bar_set_fraction (self->countdown_bar, 1.0);
      hold_answers (self, FALSE);
      self->countdown_id = 0;
      return G_SOURCE_REMOVE;
    }
  text = g_strdup_printf (_("You may try again in %d:%02d"), (gint) (left / 60), (gint) (left % 60));
  gtk_label_set_label (self->countdown_label, text);
  gtk_progress_bar_set_fraction (self->countdown_bar,
                                 (gdouble) (now - self->countdown_start)
                                   / (self->countdown_end - self->countdown_start));
  return G_SOURCE_CONTINUE;
}

static void
start_countdown (MfaFlowView *self,
                 guint        seconds)
{
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->countdown_label), seconds > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->countdown_bar), seconds > 0);
  if (seconds == 0)
    return;
  self->countdown_start = g_get_monotonic_time ();
  self->countdown_end = self->countdown_start + (gint64) seconds * G_USEC_PER_SEC;
  hold_answers (self, TRUE);
  update_countdown (self);
  self->countdown_id = g_timeout_add_seconds (1, update_countdown, self);
}

static void
open_link_action (GtkWidget   *widget,
                  const gchar *action_name,
                  GVariant    *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* Each link a row that names where it goes: the address as its subtitle
 * (and so its accessible description), an icon that says it leaves the app. */
static void
add_links (GtkListBox        *list,
           const MfaFlowStep *step)
{
  list_remove_all (list);
  for (guint i = 0; i < step->links->len; i++)
    {
      const MfaFlowLink *link = g_ptr_array_index (step->links, i);
      GtkWidget *row = mfa_action_row_new (_(link->label), link->url,
                                           "adw-external-link-symbolic", "flow.open-link",
                                           g_variant_new_string (link->url));

      mfa_action_row_wrap_subtitle_anywhere (MFA_ACTION_ROW (row));
      gtk_list_box_append (list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (list), step->links->len > 0);
}

static void
choose_action (GtkWidget   *widget,
               const gchar *action_name,
               GVariant    *parameter)
{
  MfaFlowView *self = MFA_FLOW_VIEW (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(GError) error = NULL;

  if (self->run == NULL)
    return;
  gtk_menu_button_popdown (self->answers_button);
  if (!mfa_flow_run_choose (self->run, index, &error))
    g_critical ("Cannot take choice %u: %s", index, error->message);
  render (self);
}

static const gchar *
prompt_for (MfaFlowView       *self,
            const MfaFlowStep *step)
{
  switch (step->type)
    {
    case MFA_STEP_ADVICE:
      return _("Did this fix it?");
    case MFA_STEP_CHECK:
      return self->check_page != NULL ? NULL : _("What did you find?");
    case MFA_STEP_QUESTION:
    case MFA_STEP_BRANCH:
    case MFA_STEP_TICKET:
    case MFA_STEP_DONE:
    default:
      return NULL;
    }
}

/* The answers as rows of `list`; returns the row to focus: the earlier
 * answer, or the first. */
static GtkWidget *
add_choices (MfaFlowView       *self,
             GtkListBox        *list,
             const MfaFlowStep *step)
{
  gint chosen = mfa_flow_run_get_chosen (self->run);
  GtkWidget *focus = NULL;

  for (guint i = 0; i < step->edges->len; i++)
    {
      const MfaFlowEdge *edge = g_ptr_array_index (step->edges, i);
      GtkWidget *row = mfa_action_row_new (_(edge->label), NULL, "go-next-symbolic",
                                           "flow.choose", g_variant_new_uint32 (i));

      gtk_list_box_append (list, row);
      if ((gint) i == chosen)
        {
          /* Coming back keeps what was answered: mark it, and start there. */
          mfa_action_row_set_subtitle (MFA_ACTION_ROW (row), _("Your earlier answer"));
          focus = row;
        }
      if (focus == NULL && i == 0)
        focus = row;
    }
  gtk_widget_set_visible (GTK_WIDGET (list), step->edges->len > 0);
  return focus;
}

static void
verdict_changed (MfaFlowView *self)
{
  MfaCheckPage *page = MFA_CHECK_PAGE (self->check_page);
  gboolean has_verdict = mfa_check_page_get_verdict (page) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.continue", has_verdict);
  if (has_verdict)
    mfa_scroll_into_view (self->scroller, mfa_check_page_get_result_widget (page));
}

static void
continue_action (GtkWidget   *widget,
                 const gchar *action_name,
                 GVariant    *parameter)
{
  MfaFlowView *self = MFA_FLOW_VIEW (widget);
  const gchar *verdict;
  g_autoptr(GError) error = NULL;

  if (self->check_page == NULL)
    return;
  verdict = mfa_check_page_get_verdict (MFA_CHECK_PAGE (self->check_page));
  if (verdict != NULL && !mfa_flow_view_report_verdict (self, verdict, &error))
    g_critical ("Cannot go on with the verdict “%s”: %s", verdict, error->message);
}

static void
remove_check_page (MfaFlowView *self)
{
  if (self->check_page != NULL)
    g_signal_handlers_disconnect_by_data (self->check_page, self);
  self->check_page = NULL;
  mfa_box_remove_all (self->check_box);
}

/* A check step shows its check's page, run right there; the page's verdict
 * then picks the way on, as the user's own answer would. */
static void
show_check_page (MfaFlowView       *self,
                 const MfaFlowStep *step)
{
  remove_check_page (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.continue", FALSE);
  if (step->type != MFA_STEP_CHECK || self->session == NULL)
    return;
  self->check_page = mfa_check_page_new (step->check, self->session, NULL);
  if (self->check_page == NULL)
    return;
  /* The step's title is the one heading. */
  mfa_check_page_set_embedded (MFA_CHECK_PAGE (self->check_page), TRUE);
  gtk_box_append (self->check_box, self->check_page);
  g_signal_connect_swapped (self->check_page, "notify::verdict",
                            G_CALLBACK (verdict_changed), self);
  verdict_changed (self);
}

/* The ticket records the way the user came, in words, and the facts
 * answered on it carry over to the ticket assistant. */
static void
record_path (MfaFlowView *self)
{
  if (self->session != NULL)
    mfa_session_set_flow_run (self->session, self->run);
}

/* Shows one page and hides the other: GTK 4.8 shows assistive technologies
 * every stack page, and the hidden one's controls would be found too. */
static void
show_page (MfaFlowView *self,
           const gchar *name)
{
  GtkWidget *step_page = gtk_stack_get_child_by_name (self->content, "step");

  gtk_widget_set_visible (step_page, TRUE);
  gtk_widget_set_visible (self->status_page, TRUE);
  gtk_stack_set_visible_child_name (self->content, name);
  gtk_widget_set_visible (g_str_equal (name, "step") ? self->status_page : step_page, FALSE);
}

/* The end of a flow: solved (or nothing more to do), or handed over to
 * support with the ticket as the way on. */
static GtkWidget *
render_status (MfaFlowView       *self,
               const MfaFlowStep *step)
{
  gboolean ticket = step->type == MFA_STEP_TICKET;

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status_page),
                                 ticket ? "help-browser-symbolic" : "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->status_page), _(step->title));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->status_page),
                                   step->text != NULL ? _(step->text) : NULL);
  add_links (self->status_links_list, step);
  gtk_widget_set_visible (self->ticket_button, ticket);
  gtk_widget_remove_css_class (self->restart_button, "suggested-action");
  if (!ticket)
    gtk_widget_add_css_class (self->restart_button, "suggested-action");
  show_page (self, "status");
  return ticket ? self->ticket_button : self->restart_button;
}

static GtkWidget *
render_step (MfaFlowView       *self,
             const MfaFlowStep *step)
{
  GtkWidget *focus;

  gtk_label_set_label (self->title_label, _(step->title));
  mfa_label_show (self->text_label, step->text != NULL ? _(step->text) : NULL);
  show_check_page (self, step);
  mfa_label_show (self->prompt_label, prompt_for (self, step));
  /* Once answered, coming back does not make the user wait again. */
  start_countdown (self, step->type == MFA_STEP_ADVICE && mfa_flow_run_get_chosen (self->run) < 0
                           ? step->wait_seconds : 0);
  add_links (self->links_list, step);
  list_remove_all (self->choices_list);
  list_remove_all (self->check_answers_list);
  gtk_widget_set_visible (self->check_bar, self->check_page != NULL);
  if (self->check_page != NULL)
    {
      /* The check comes first: its first field has the focus, so Enter
       * never answers for the user before anything was checked. */
      add_choices (self, self->check_answers_list, step);
      gtk_widget_set_visible (GTK_WIDGET (self->choices_list), FALSE);
      focus = self->check_page;
    }
  else
    focus = add_choices (self, self->choices_list, step);
  if (self->countdown_id != 0)
    hold_answers (self, TRUE);
  show_page (self, "step");
  /* Each step opens at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return focus;
}

/* The check page focuses its first field; should it have none it can
 * take, the focus still goes into the page, never to an answer. */
static void
focus_target (MfaFlowView *self)
{
  if (!gtk_widget_grab_focus (self->focus_target) && self->focus_target == self->check_page)
    mfa_widget_focus_first (self->check_page, gtk_widget_get_focusable);
  /* The viewport scrolls to the focused field; a step still opens at its
   * top, where its title and what to do are: Tab and typing scroll on. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
render (MfaFlowView *self)
{
  const MfaFlowStep *step = mfa_flow_run_get_step (self->run);

  record_path (self);
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  if (mfa_step_type_is_terminal (step->type))
    {
      remove_check_page (self);
      gtk_widget_set_visible (self->check_bar, FALSE);
      self->focus_target = render_status (self, step);
    }
  else
    self->focus_target = render_step (self, step);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.back",
                                 mfa_flow_run_can_go_back (self->run));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.forward",
                                 mfa_flow_run_can_go_forward (self->run));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(step->title), -1);
  if (self->focus_target != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_target (self);
  g_signal_emit (self, signals[STEP_CHANGED], 0);
}

static void
go_back (GtkWidget   *widget,
         const gchar *action_name,
         GVariant    *parameter)
{
  MfaFlowView *self = MFA_FLOW_VIEW (widget);

  if (self->run != NULL && mfa_flow_run_go_back (self->run))
    render (self);
}

static void
go_forward (GtkWidget   *widget,
            const gchar *action_name,
            GVariant    *parameter)
{
  MfaFlowView *self = MFA_FLOW_VIEW (widget);

  if (self->run != NULL && mfa_flow_run_go_forward (self->run))
    render (self);
}

static void
restart (GtkWidget   *widget,
         const gchar *action_name,
         GVariant    *parameter)
{
  MfaFlowView *self = MFA_FLOW_VIEW (widget);

  if (self->run == NULL)
    return;
  mfa_flow_run_restart (self->run);
  render (self);
}

static void
request_topics (GtkWidget   *widget,
                const gchar *action_name,
                GVariant    *parameter)
{
  g_signal_emit (widget, signals[TOPICS_REQUESTED], 0);
}

/* Focus moves once the page is on screen; GtkStack settles the focus of the
 * page it hides after mapping the new one, so this waits for an idle moment.
 * The check page (its first field), or the answer to give. */
static gboolean
focus_answer (gpointer user_data)
{
  MfaFlowView *self = MFA_FLOW_VIEW (user_data);

  if (self->focus_target != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_target (self);
  return G_SOURCE_REMOVE;
}

static void
mfa_flow_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mfa_flow_view_parent_class)->map (widget);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_answer, g_object_ref (widget), g_object_unref);
}

static void
mfa_flow_view_dispose (GObject *object)
{
  MfaFlowView *self = MFA_FLOW_VIEW (object);

  g_clear_handle_id (&self->countdown_id, g_source_remove);
  self->focus_target = NULL;
  remove_check_page (self);
  g_clear_pointer (&self->run, mfa_flow_run_free);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), MFA_TYPE_FLOW_VIEW);

  G_OBJECT_CLASS (mfa_flow_view_parent_class)->dispose (object);
}

static void
mfa_flow_view_class_init (MfaFlowViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mfa_flow_view_dispose;
  widget_class->map = mfa_flow_view_map;

  signals[TOPICS_REQUESTED] = g_signal_new ("topics-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);
  /* Emitted after each move: the window shows the step and the way back. */
  signals[STEP_CHANGED] = g_signal_new ("step-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mfa-flow-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, content);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, title_label);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, text_label);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, countdown_bar);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, links_list);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, check_box);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, choices_list);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, scroller);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, check_bar);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, answers_button);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, check_answers_list);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, continue_button);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, status_page);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, status_links_list);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, ticket_button);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, restart_button);

  gtk_widget_class_install_action (widget_class, "flow.back", NULL, go_back);
  gtk_widget_class_install_action (widget_class, "flow.forward", NULL, go_forward);
  gtk_widget_class_install_action (widget_class, "flow.restart", NULL, restart);
  gtk_widget_class_install_action (widget_class, "flow.topics", NULL, request_topics);
  gtk_widget_class_install_action (widget_class, "flow.choose", "u", choose_action);
  gtk_widget_class_install_action (widget_class, "flow.continue", NULL, continue_action);
  gtk_widget_class_install_action (widget_class, "flow.open-link", "s", open_link_action);
  /* Alt+Left and Alt+Right are the window's: they work from the header bar too. */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mfa_flow_view_init (MfaFlowView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mfa_status_page_mark_heading (self->status_page);
  show_page (self, "step");
}

GtkWidget *
mfa_flow_view_new (void)
{
  return g_object_new (MFA_TYPE_FLOW_VIEW, NULL);
}

gboolean
mfa_flow_view_start (MfaFlowView    *self,
                     MfaFlowSet     *set,
                     const MfaFlow  *flow,
                     GError        **error)
{
  MfaFlowRun *run = mfa_flow_run_new (set, flow, NULL, error);

  if (run == NULL)
    return FALSE;
  g_clear_pointer (&self->run, mfa_flow_run_free);
  self->run = run;
  render (self);
  return TRUE;
}

void
mfa_flow_view_set_session (MfaFlowView *self,
                           MfaSession  *session)
{
  g_return_if_fail (MFA_IS_FLOW_VIEW (self));
  g_set_object (&self->session, session);
}

MfaFlowRun *
mfa_flow_view_get_run (MfaFlowView *self)
{
  return self->run;
}

gboolean
mfa_flow_view_report_verdict (MfaFlowView  *self,
                              const gchar  *verdict,
                              GError      **error)
{
  g_return_val_if_fail (MFA_IS_FLOW_VIEW (self) && self->run != NULL, FALSE);

  if (!mfa_flow_run_report_verdict (self->run, verdict, error))
    return FALSE;
  render (self);
  return TRUE;
}
