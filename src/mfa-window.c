/* mfa-window.c: the wizard window — the topics, then the flow of the one picked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mfa-widgets.h"
#include "mfa-check-page.h"
#include "mfa-flow-view.h"
#include "mfa-ticket-assistant.h"
#include "mfa-topic-row.h"
#include "mfa-window.h"

struct _MfaWindow
{
  AdwApplicationWindow parent_instance;

  GtkStack            *pages;
  GtkSearchEntry      *search_entry;
  GtkListBox          *topic_list;
  GtkStack            *list_stack;
  GtkLabel            *no_match_label;
  MfaFlowView         *flow_view;
  GtkBox              *check_holder;

  GSettings           *settings;
  MfaFlowSet          *flows;
  GtkWindow           *ticket_assistant; /* weak: one at a time */
};

/* Where the flows send users to open a ticket, else Alibaba Cloud's page. */
#define DEFAULT_TICKET_URL "https://smartservice.console.aliyun.com/service/create-ticket"

G_DEFINE_FINAL_TYPE (MfaWindow, mfa_window, ADW_TYPE_APPLICATION_WINDOW)

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
      g_autofree gchar *text = g_strdup_printf (_("No topic matches “%s”"), query);

      gtk_label_set_label (self->no_match_label, text);
    }
  gtk_stack_set_visible_child_name (self->list_stack, n_shown > 0 ? "topics" : "empty");
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

static void
open_flow (MfaWindow     *self,
           const MfaFlow *flow)
{
  g_autoptr(GError) error = NULL;

  if (!mfa_flow_view_start (self->flow_view, self->flows, flow, &error))
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
  gtk_widget_activate_action (GTK_WIDGET (MFA_WINDOW (widget)->flow_view), "flow.restart", NULL);
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

  g_type_ensure (MFA_TYPE_FLOW_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/mfa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, topic_list);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, no_match_label);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, flow_view);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, check_holder);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, topic_activated);
  gtk_widget_class_bind_template_callback (widget_class, search_activated);
  gtk_widget_class_bind_template_callback (widget_class, show_topics);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, focus_search);
  gtk_widget_class_install_action (widget_class, "win.open-check", "s", open_check_action);
  gtk_widget_class_install_action (widget_class, "win.new-ticket", NULL, new_ticket);
  gtk_widget_class_install_action (widget_class, "flow.restart", NULL, restart_flow);
  gtk_widget_class_install_action (widget_class, "flow.topics", NULL, all_topics);
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
}

MfaWindow *
mfa_window_new (MfaApplication *application)
{
  MfaWindow *self = g_object_new (MFA_TYPE_WINDOW, "application", application, NULL);

  mfa_flow_view_set_session (self->flow_view, mfa_application_get_session (application));
  return self;
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
