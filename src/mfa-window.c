/* mfa-window.c: the wizard window — the topics, then the flow of the one picked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mfa-action-row.h"
#include "mfa-widgets.h"
#include "mfa-check-page.h"
#include "mfa-flow-view.h"
#include "mfa-height-for-width-bin.h"
#include "mfa-ticket-assistant.h"
#include "mfa-topic-row.h"
#include "mfa-window.h"

struct _MfaWindow
{
  AdwApplicationWindow parent_instance;

  GtkStack            *pages;
  AdwWindowTitle      *window_title;
  GtkWidget           *back_button;
  GtkSearchEntry      *search_entry;
  GtkListBox          *topic_list;
  GtkListBox          *checks_list;
  GtkWidget           *topics_box;
  GtkWidget           *no_match_page;
  GtkBox              *no_match_buttons;
  MfaFlowView         *flow_view;     /* NULL until a topic is opened */
  GtkScrolledWindow   *check_scroller;
  GtkBox              *check_holder;

  GSettings           *settings;
  MfaFlowSet          *flows;
  GtkWindow           *ticket_assistant; /* weak: one at a time */
};

/* Where the flows send users to open a ticket, else Alibaba Cloud's page. */
#define DEFAULT_TICKET_URL "https://smartservice.console.aliyun.com/service/create-ticket"

G_DEFINE_FINAL_TYPE (MfaWindow, mfa_window, ADW_TYPE_APPLICATION_WINDOW)

/* The checks a user may run without a topic: rows on the start page, and
 * buttons when a search finds no topic. */
static const struct
{
  const gchar *id;
  const gchar *title;
  const gchar *description;
} checks[] = {
  { "clock", N_("This Computer’s Clock"), N_("Compare this computer’s clock with time servers") },
  { "phone-clock", N_("The Phone’s Clock"),
    N_("Measure how far the clock of the phone that makes the codes is off") },
  { "code", N_("A Code Against Its Key"),
    N_("Find out why a code is rejected, given the key it was made from") },
  { "duplicates", N_("Duplicate Entries"),
    N_("Find several entries for one account in an authenticator export") },
};

static void
populate_checks (MfaWindow *self)
{
  GtkWidget *previous = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (_(checks[i].title));

      gtk_list_box_append (self->checks_list,
                           mfa_action_row_new (_(checks[i].title), _(checks[i].description),
                                               "go-next-symbolic", "win.open-check",
                                               g_variant_new_string (checks[i].id)));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-check");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", checks[i].id);
      gtk_widget_set_tooltip_text (button, _(checks[i].description));
      gtk_widget_add_css_class (button, "pill");
      /* The checks first, "Prepare a Ticket…" (from the template) last. */
      gtk_box_insert_child_after (self->no_match_buttons, button, previous);
      previous = button;
    }
}

static gboolean
filter_topic (GtkListBoxRow *row,
              gpointer       user_data)
{
  MfaWindow *self = MFA_WINDOW (user_data);
  const gchar *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return mfa_flow_matches (mfa_topic_row_get_flow (MFA_TOPIC_ROW (row)), query);
}

static void
search_changed (MfaWindow *self)
{
  const gchar *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint n_shown = 0;

  gtk_list_box_invalidate_filter (self->topic_list);
  for (guint i = 0; i < mfa_flow_set_get_n_flows (self->flows); i++)
    n_shown += mfa_flow_matches (mfa_flow_set_get_flow (self->flows, i), query);

  if (n_shown == 0)
    {
      g_autofree gchar *text = g_strdup_printf (_("No topic matches “%s”. Run one of the checks, "
                                                  "or prepare a ticket for support."), query);
      g_autofree gchar *markup = g_markup_escape_text (text, -1);

      adw_status_page_set_description (ADW_STATUS_PAGE (self->no_match_page), markup);
    }
  gtk_widget_set_visible (self->topics_box, n_shown > 0);
  gtk_widget_set_visible (self->no_match_page, n_shown == 0);
}

/* Escape in the search field empties it, and every topic shows again. */
static void
search_stopped (MfaWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
focus_search (GtkWidget   *widget,
              const gchar *action_name,
              GVariant    *parameter)
{
  MfaWindow *self = MFA_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->pages, "start");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The flow under way; NULL before the first topic is opened (there is no
 * flow view yet). */
static MfaFlowRun *
current_run (MfaWindow *self)
{
  return self->flow_view != NULL ? mfa_flow_view_get_run (self->flow_view) : NULL;
}

/* Hands one of the flow view's own actions to it, if it exists yet. */
static void
activate_in_flow_view (MfaWindow   *self,
                       const gchar *action_name)
{
  if (self->flow_view != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->flow_view), action_name, NULL);
}

/* The header bar says where the user is: the app on the start page, the
 * topic and the step in a flow; the back button shows wherever it leads
 * somewhere (back a step, or to the topics). */
static void
update_header (MfaWindow *self)
{
  const gchar *page = gtk_stack_get_visible_child_name (self->pages);
  MfaFlowRun *run = current_run (self);
  gboolean in_flow = g_strcmp0 (page, "flow") == 0 && run != NULL;

  gtk_widget_set_visible (self->back_button, g_strcmp0 (page, "start") != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.forward",
                                 in_flow && mfa_flow_run_can_go_forward (run));
  if (in_flow)
    {
      g_autofree gchar *position = NULL;

      position = mfa_flow_run_is_finished (run)
                 ? g_strdup_printf (_("Step %u, the last"), mfa_flow_run_get_position (run))
                 : g_strdup_printf (_("Step %u"), mfa_flow_run_get_position (run));
      adw_window_title_set_title (self->window_title, _(mfa_flow_run_get_flow (run)->title));
      adw_window_title_set_subtitle (self->window_title, position);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("MFA Troubleshooter"));
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
}

static void show_topics (MfaWindow *self);

/* The flow view is built when the first topic is opened: the start page,
 * all most people see before they pick one, paints sooner without it. */
static MfaFlowView *
ensure_flow_view (MfaWindow *self)
{
  MfaApplication *app;

  if (self->flow_view != NULL)
    return self->flow_view;
  app = MFA_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  self->flow_view = MFA_FLOW_VIEW (mfa_flow_view_new ());
  mfa_flow_view_set_session (self->flow_view, mfa_application_get_session (app));
  g_signal_connect_swapped (self->flow_view, "topics-requested", G_CALLBACK (show_topics), self);
  g_signal_connect_swapped (self->flow_view, "step-changed", G_CALLBACK (update_header), self);
  gtk_stack_add_named (self->pages, GTK_WIDGET (self->flow_view), "flow");
  return self->flow_view;
}

static void
open_flow (MfaWindow     *self,
           const MfaFlow *flow)
{
  g_autoptr(GError) error = NULL;

  if (!mfa_flow_view_start (ensure_flow_view (self), self->flows, flow, &error))
    {
      g_critical ("Cannot start the flow “%s”: %s", flow->id, error->message);
      return;
    }
  /* Otherwise the stack hands the focus on to the page's first focusable
   * widget, its selectable text, which selects all of it; the view puts the
   * focus on the first answer itself. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_stack_set_visible_child_name (self->pages, "flow");
  gtk_window_set_title (GTK_WINDOW (self), _(flow->title));
  update_header (self);
}

static void
topic_activated (MfaWindow     *self,
                 GtkListBoxRow *row)
{
  /* Enter can reach a row through the list's binding and the row's own in
   * one press: the second must not start the flow over. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "flow") == 0)
    return;
  open_flow (self, mfa_topic_row_get_flow (MFA_TOPIC_ROW (row)));
}

/* Enter in the search field opens the first topic that matches. */
static void
search_activated (MfaWindow *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->topic_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (MFA_IS_TOPIC_ROW (row) && gtk_widget_get_child_visible (row))
      {
        open_flow (self, mfa_topic_row_get_flow (MFA_TOPIC_ROW (row)));
        return;
      }
}

static const gchar *
find_ticket_url (MfaFlowSet *flows)
{
  for (guint i = 0; i < mfa_flow_set_get_n_flows (flows); i++)
    {
      const MfaFlow *flow = mfa_flow_set_get_flow (flows, i);

      for (guint s = 0; s < flow->steps->len; s++)
        {
          const MfaFlowStep *step = g_ptr_array_index (flow->steps, s);

          if (step->type == MFA_STEP_TICKET && step->links->len > 0)
            return ((const MfaFlowLink *) g_ptr_array_index (step->links, 0))->url;
        }
    }
  return DEFAULT_TICKET_URL;
}

static void
new_ticket (GtkWidget   *widget,
            const gchar *action_name,
            GVariant    *parameter)
{
  MfaWindow *self = MFA_WINDOW (widget);
  MfaApplication *app = MFA_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  /* Not modal: the user may go back to the wizard and run another check,
   * which the assistant then includes. */
  if (self->ticket_assistant == NULL)
    {
      self->ticket_assistant = GTK_WINDOW (mfa_ticket_assistant_new (
        GTK_WINDOW (self), mfa_application_get_session (app), find_ticket_url (self->flows)));
      gtk_window_set_application (self->ticket_assistant, GTK_APPLICATION (app));
      g_object_add_weak_pointer (G_OBJECT (self->ticket_assistant),
                                 (gpointer *) &self->ticket_assistant);
    }
  else
    mfa_ticket_assistant_follow_session (MFA_TICKET_ASSISTANT (self->ticket_assistant));
  gtk_window_present (self->ticket_assistant);
}

static void
show_topics (MfaWindow *self)
{
  /* A check page left behind stops its work and forgets what was typed. */
  mfa_box_remove_all (self->check_holder);
  gtk_stack_set_visible_child_name (self->pages, "start");
  gtk_window_set_title (GTK_WINDOW (self), _("MFA Troubleshooter"));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  update_header (self);
}

/* An organisation's own flows come from the flows-file setting; a file that
 * cannot be used is reported and the shipped flows take its place. */
static MfaFlowSet *
load_flows (GSettings *settings)
{
  g_autofree gchar *path = g_settings_get_string (settings, "flows-file");
  g_autoptr(GError) error = NULL;
  MfaFlowSet *set = NULL;

  if (path[0] != '\0')
    {
      set = mfa_flow_set_load_file (path, &error);
      if (set == NULL)
        g_warning ("Using the shipped flows: %s", error->message);
      g_clear_error (&error);
    }
  if (set == NULL)
    set = mfa_flow_set_load_default (&error);
  /* The shipped flows are compiled in and tested: failing here is a bug. */
  if (set == NULL)
    g_error ("%s", error->message);
  return set;
}

static void
populate_topics (MfaWindow *self)
{
  for (guint i = 0; i < mfa_flow_set_get_n_flows (self->flows); i++)
    gtk_list_box_append (self->topic_list,
                         mfa_topic_row_new (mfa_flow_set_get_flow (self->flows, i)));
  gtk_list_box_set_filter_func (self->topic_list, filter_topic, self, NULL);
}

static void
open_check_action (GtkWidget   *widget,
                   const gchar *action_name,
                   GVariant    *parameter)
{
  g_autoptr(GError) error = NULL;

  /* The buttons name only the checks that exist: failing is a bug. */
  if (!mfa_window_open_check (MFA_WINDOW (widget), g_variant_get_string (parameter, NULL),
                              &error))
    g_critical ("%s", error->message);
}

/* Start Over and All Topics live in the primary menu, outside the flow view:
 * the window's own flow.restart and flow.topics hand them to the page shown. */
static void
restart_flow (GtkWidget   *widget,
              const gchar *action_name,
              GVariant    *parameter)
{
  activate_in_flow_view (MFA_WINDOW (widget), "flow.restart");
}

/* The header's back button: a step back in a flow, or to the topics from
 * a flow's first step and from a check opened on its own. */
static void
go_back (GtkWidget   *widget,
         const gchar *action_name,
         GVariant    *parameter)
{
  MfaWindow *self = MFA_WINDOW (widget);
  MfaFlowRun *run = current_run (self);
  const gchar *page = gtk_stack_get_visible_child_name (self->pages);

  if (g_strcmp0 (page, "start") == 0)
    return;
  if (g_strcmp0 (page, "flow") == 0 && run != NULL && mfa_flow_run_can_go_back (run))
    activate_in_flow_view (self, "flow.back");
  else
    show_topics (self);
}

static void
go_forward (GtkWidget   *widget,
            const gchar *action_name,
            GVariant    *parameter)
{
  activate_in_flow_view (MFA_WINDOW (widget), "flow.forward");
}

static void
all_topics (GtkWidget   *widget,
            const gchar *action_name,
            GVariant    *parameter)
{
  show_topics (MFA_WINDOW (widget));
}

static void
page_changed (MfaWindow *self)
{
  const gchar *page = gtk_stack_get_visible_child_name (self->pages);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.restart", g_strcmp0 (page, "flow") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.topics", g_strcmp0 (page, "start") != 0);
  update_header (self);
}

/* The header bar now comes first in the focus chain: without this, typing
 * at start would go to the menu button instead of the search field. */
static void
mfa_window_map (GtkWidget *widget)
{
  MfaWindow *self = MFA_WINDOW (widget);

  GTK_WIDGET_CLASS (mfa_window_parent_class)->map (widget);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "start") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
mfa_window_dispose (GObject *object)
{
  MfaWindow *self = MFA_WINDOW (object);

  g_clear_object (&self->settings);
  if (self->ticket_assistant != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->ticket_assistant),
                                    (gpointer *) &self->ticket_assistant);
      gtk_window_destroy (g_steal_pointer (&self->ticket_assistant));
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), MFA_TYPE_WINDOW);
  g_clear_pointer (&self->flows, mfa_flow_set_unref);
  G_OBJECT_CLASS (mfa_window_parent_class)->dispose (object);
}

static void
mfa_window_class_init (MfaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mfa_window_dispose;
  widget_class->map = mfa_window_map;

  g_type_ensure (MFA_TYPE_HEIGHT_FOR_WIDTH_BIN);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/mfa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, topic_list);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, checks_list);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, topics_box);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, no_match_buttons);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, check_scroller);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, check_holder);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, topic_activated);
  gtk_widget_class_bind_template_callback (widget_class, search_activated);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, focus_search);
  gtk_widget_class_install_action (widget_class, "win.open-check", "s", open_check_action);
  gtk_widget_class_install_action (widget_class, "win.new-ticket", NULL, new_ticket);
  gtk_widget_class_install_action (widget_class, "flow.restart", NULL, restart_flow);
  gtk_widget_class_install_action (widget_class, "flow.topics", NULL, all_topics);
  gtk_widget_class_install_action (widget_class, "flow.back", NULL, go_back);
  gtk_widget_class_install_action (widget_class, "flow.forward", NULL, go_forward);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "flow.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "flow.forward",
                                       NULL);
}

static void
mfa_window_init (MfaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->pages, "notify::visible-child-name", G_CALLBACK (page_changed),
                            self);
  page_changed (self);
  mfa_application_add_drop_target (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  self->flows = load_flows (self->settings);
  populate_topics (self);
  populate_checks (self);
  mfa_status_page_mark_heading (self->no_match_page);
}

MfaWindow *
mfa_window_new (MfaApplication *application)
{
  return g_object_new (MFA_TYPE_WINDOW, "application", application, NULL);
}

/* GtkStack settles the focus of the page it hides after mapping the new
 * one: the page takes the focus at the next idle moment. */
static gboolean
focus_page_cb (gpointer user_data)
{
  GtkWidget *page = user_data;

  if (gtk_widget_get_mapped (page))
    gtk_widget_grab_focus (page);
  return G_SOURCE_REMOVE;
}

gboolean
mfa_window_open_check (MfaWindow    *self,
                       const gchar  *check_id,
                       GError      **error)
{
  MfaApplication *app = MFA_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GtkWidget *page = mfa_check_page_new (check_id, mfa_application_get_session (app), error);

  if (page == NULL)
    return FALSE;
  mfa_box_remove_all (self->check_holder);
  gtk_box_append (self->check_holder, page);
  gtk_stack_set_visible_child_name (self->pages, "check");
  /* The page opens at its top, with its first field focused. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->check_scroller), 0);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_page_cb, g_object_ref (page), g_object_unref);
  return TRUE;
}

gboolean
mfa_window_open_topic (MfaWindow    *self,
                       const gchar  *topic_id,
                       GError      **error)
{
  const MfaFlow *flow = mfa_flow_set_find_flow (self->flows, topic_id);

  if (flow == NULL)
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint i = 0; i < mfa_flow_set_get_n_flows (self->flows); i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                                mfa_flow_set_get_flow (self->flows, i)->id);
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("There is no topic “%s”; the topics are: %s"), topic_id, ids->str);
      return FALSE;
    }
  open_flow (self, flow);
  return TRUE;
}
