/* mfa-flow-view.c: shows the current step of a flow as a page — title,
 * text, links, then the ways on — and moves through it with the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-flow-view"

#include "config.h"

#include <glib/gi18n.h>

#include "mfa-widgets.h"
#include "mfa-check-page.h"
#include "mfa-flow-view.h"

struct _MfaFlowView
{
  GtkWidget   parent_instance;

  GtkWidget  *content; /* the template's outer box: ours to unparent */
  GtkLabel   *position_label;
  GtkLabel   *topic_label;
  GtkLabel   *title_label;
  GtkLabel   *text_label;
  GtkLabel   *countdown_label;
  GtkProgressBar *countdown_bar;
  GtkBox     *links_box;
  GtkBox     *check_box;
  GtkLabel   *prompt_label;
  GtkBox     *choices_box;
  GtkScrolledWindow *scroller;

  MfaFlowRun *run;
  MfaSession *session;
  GtkWidget  *check_page;     /* the current check step's page, or NULL */
  GtkWidget  *continue_button;/* goes on with the page's verdict */
  GtkWidget  *focus_target; /* the answer to focus: the earlier one, or the first */
  guint       countdown_id;
  gint64      countdown_start; /* monotonic µs */
  gint64      countdown_end;
};

G_DEFINE_FINAL_TYPE (MfaFlowView, mfa_flow_view, GTK_TYPE_WIDGET)

enum
{
  TOPICS_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void render (MfaFlowView *self);

/* The answers wait while the countdown runs: trying again before the wait
 * is over only starts it again. */
static void
hold_answers (MfaFlowView *self,
              gboolean     hold)
{
  /* Each button, so that assistive technologies see them held too. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->choices_box));
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
open_link (GtkButton   *button,
           MfaFlowView *self)
{
  const gchar *url = g_object_get_data (G_OBJECT (button), "url");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static void
add_links (MfaFlowView       *self,
           const MfaFlowStep *step)
{
  mfa_box_remove_all (self->links_box);
  for (guint i = 0; i < step->links->len; i++)
    {
      const MfaFlowLink *link = g_ptr_array_index (step->links, i);
      GtkWidget *button = gtk_button_new_with_label (_(link->label));

      g_object_set_data_full (G_OBJECT (button), "url", g_strdup (link->url), g_free);
      gtk_widget_set_tooltip_text (button, link->url);
      gtk_widget_add_css_class (button, "link-button");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, link->url, -1);
      g_signal_connect (button, "clicked", G_CALLBACK (open_link), self);
      gtk_box_append (self->links_box, button);
    }
  /* Hiding the box and showing it again with new children in one frame made
   * GTK 4.8 allocate a negative width; an empty box simply takes no room. */
}

static void
choice_clicked (GtkButton   *button,
                MfaFlowView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "edge-index"));
  g_autoptr(GError) error = NULL;

  if (!mfa_flow_run_choose (self->run, index, &error))
    g_critical ("Cannot take choice %u: %s", index, error->message);
  render (self);
}

static GtkWidget *
add_button (MfaFlowView *self,
            const gchar *label)
{
  GtkWidget *button = gtk_button_new_with_label (label);
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  /* Long answers wrap instead of widening the window past 800 pixels. */
  gtk_label_set_wrap (GTK_LABEL (child), TRUE);
  gtk_label_set_xalign (GTK_LABEL (child), 0);
  gtk_box_append (self->choices_box, button);
  return button;
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
      /* Someone who checked by other means can still say what they found. */
      return self->check_page != NULL ? _("Or say what you found yourself:")
                                      : _("What did you find?");
    case MFA_STEP_TICKET:
      return _("Collect what support needs into one file:");
    case MFA_STEP_QUESTION:
    case MFA_STEP_BRANCH:
    case MFA_STEP_DONE:
    default:
      return NULL;
    }
}

/* Returns the button to focus: the earlier answer, or the first. */
static GtkWidget *
add_choices (MfaFlowView       *self,
             const MfaFlowStep *step)
{
  gint chosen = mfa_flow_run_get_chosen (self->run);
  GtkWidget *focus = NULL;

  mfa_box_remove_all (self->choices_box);
  if (step->type == MFA_STEP_TICKET)
    {
      focus = add_button (self, _("Prepare a Ticket…"));
      gtk_widget_add_css_class (focus, "suggested-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (focus), "win.new-ticket");
    }
  if (mfa_step_type_is_terminal (step->type))
    {
      GtkWidget *restart_button = add_button (self, _("Start Over"));

      if (focus == NULL)
        focus = restart_button;
      gtk_actionable_set_action_name (GTK_ACTIONABLE (restart_button), "flow.restart");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (add_button (self, _("All Topics"))),
                                      "flow.topics");
      return focus;
    }
  for (guint i = 0; i < step->edges->len; i++)
    {
      const MfaFlowEdge *edge = g_ptr_array_index (step->edges, i);
      GtkWidget *button = add_button (self, _(edge->label));

      g_object_set_data (G_OBJECT (button), "edge-index", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (choice_clicked), self);
      if ((gint) i == chosen)
        {
          /* Coming back keeps what was answered: mark it, and start there. */
          gtk_widget_add_css_class (button, "suggested-action");
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          _("Your earlier answer"), -1);
          focus = button;
        }
      if (focus == NULL && i == 0)
        focus = button;
    }
  return chosen >= 0 ? focus : gtk_widget_get_first_child (GTK_WIDGET (self->choices_box));
}

static void
verdict_changed (MfaFlowView *self)
{
  const gchar *verdict = mfa_check_page_get_verdict (MFA_CHECK_PAGE (self->check_page));

  gtk_widget_set_sensitive (self->continue_button, verdict != NULL);
}

static void
continue_with_verdict (MfaFlowView *self)
{
  const gchar *verdict = mfa_check_page_get_verdict (MFA_CHECK_PAGE (self->check_page));
  g_autoptr(GError) error = NULL;

  if (verdict != NULL && !mfa_flow_view_report_verdict (self, verdict, &error))
    g_critical ("Cannot go on with the verdict “%s”: %s", verdict, error->message);
}

static void
remove_check_page (MfaFlowView *self)
{
  if (self->check_page != NULL)
    g_signal_handlers_disconnect_by_data (self->check_page, self);
  self->check_page = NULL;
  self->continue_button = NULL;
  mfa_box_remove_all (self->check_box);
}

/* A check step shows its check's page, run right there; the page's verdict
 * then picks the way on, as the user's own answer would. */
static void
show_check_page (MfaFlowView       *self,
                 const MfaFlowStep *step)
{
  remove_check_page (self);
  if (step->type != MFA_STEP_CHECK || self->session == NULL)
    return;
  self->check_page = mfa_check_page_new (step->check, self->session, NULL);
  if (self->check_page == NULL)
    return;
  /* The step's title is the one heading. */
  mfa_check_page_set_embedded (MFA_CHECK_PAGE (self->check_page), TRUE);
  gtk_box_append (self->check_box, self->check_page);
  self->continue_button = gtk_button_new_with_label (_("Continue With This Result"));
  gtk_widget_set_halign (self->continue_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->continue_button, "suggested-action");
  gtk_box_append (self->check_box, self->continue_button);
  g_signal_connect_swapped (self->continue_button, "clicked",
                            G_CALLBACK (continue_with_verdict), self);
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

static void
render (MfaFlowView *self)
{
  const MfaFlowStep *step = mfa_flow_run_get_step (self->run);
  const MfaFlow *flow = mfa_flow_run_get_flow (self->run);
  g_autofree gchar *position = NULL;
  GtkWidget *focus;

  position = mfa_flow_run_is_finished (self->run)
             ? g_strdup_printf (_("Step %u, the last"), mfa_flow_run_get_position (self->run))
             : g_strdup_printf (_("Step %u"), mfa_flow_run_get_position (self->run));
  gtk_label_set_label (self->position_label, position);
  record_path (self);
  gtk_label_set_label (self->topic_label, _(flow->title));
  gtk_label_set_label (self->title_label, _(step->title));
  mfa_label_show (self->text_label, step->text != NULL ? _(step->text) : NULL);
  show_check_page (self, step);
  mfa_label_show (self->prompt_label, prompt_for (self, step));
  /* Once answered, coming back does not make the user wait again. */
  start_countdown (self, step->type == MFA_STEP_ADVICE && mfa_flow_run_get_chosen (self->run) < 0
                           ? step->wait_seconds : 0);
  add_links (self, step);
  focus = add_choices (self, step);
  if (self->countdown_id != 0)
    hold_answers (self, TRUE);
  self->focus_target = focus;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.back",
                                 mfa_flow_run_can_go_back (self->run));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.forward",
                                 mfa_flow_run_can_go_forward (self->run));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(step->title), -1);
  if (focus != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (focus);
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
 * page it hides after mapping the new one, so this waits for an idle moment. */
static gboolean
focus_answer (gpointer user_data)
{
  MfaFlowView *self = MFA_FLOW_VIEW (user_data);

  if (self->focus_target != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (self->focus_target);
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
  /* The outer box holds every template child: unparenting it frees them. */
  g_clear_pointer (&self->content, gtk_widget_unparent);

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mfa-flow-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, position_label);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, topic_label);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, title_label);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, text_label);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, countdown_bar);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, links_box);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, check_box);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, choices_box);
  gtk_widget_class_bind_template_child (widget_class, MfaFlowView, scroller);

  gtk_widget_class_install_action (widget_class, "flow.back", NULL, go_back);
  gtk_widget_class_install_action (widget_class, "flow.forward", NULL, go_forward);
  gtk_widget_class_install_action (widget_class, "flow.restart", NULL, restart);
  gtk_widget_class_install_action (widget_class, "flow.topics", NULL, request_topics);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "flow.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "flow.forward",
                                       NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mfa_flow_view_init (MfaFlowView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->content = gtk_widget_get_first_child (GTK_WIDGET (self));
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
