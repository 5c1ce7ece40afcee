/* mfa-window.c: the wizard window; for now its start page, the topics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mfa-topic-row.h"
#include "mfa-window.h"

struct _MfaWindow
{
  GtkApplicationWindow parent_instance;

  GtkSearchEntry      *search_entry;
  GtkListBox          *topic_list;
  GtkStack            *list_stack;
  GtkLabel            *no_match_label;

  GSettings           *settings;
};

G_DEFINE_FINAL_TYPE (MfaWindow, mfa_window, GTK_TYPE_APPLICATION_WINDOW)

static gboolean
filter_topic (GtkListBoxRow *row,
              gpointer       user_data)
{
  MfaWindow *self = MFA_WINDOW (user_data);
  const gchar *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return mfa_topic_matches (mfa_topic_row_get_topic (MFA_TOPIC_ROW (row)), query);
}

static void
search_changed (MfaWindow *self)
{
  const gchar *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gsize n_topics, n_shown = 0;
  const MfaTopic *topics = mfa_topics_get (&n_topics);

  gtk_list_box_invalidate_filter (self->topic_list);
  for (gsize i = 0; i < n_topics; i++)
    n_shown += mfa_topic_matches (&topics[i], query);

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

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
populate_topics (MfaWindow *self)
{
  gsize n_topics;
  const MfaTopic *topics = mfa_topics_get (&n_topics);

  for (gsize i = 0; i < n_topics; i++)
    gtk_list_box_append (self->topic_list, mfa_topic_row_new (&topics[i]));
  gtk_list_box_set_filter_func (self->topic_list, filter_topic, self, NULL);
}

static void
mfa_window_dispose (GObject *object)
{
  MfaWindow *self = MFA_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), MFA_TYPE_WINDOW);
  G_OBJECT_CLASS (mfa_window_parent_class)->dispose (object);
}

static void
mfa_window_class_init (MfaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mfa_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/mfa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, topic_list);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, MfaWindow, no_match_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, focus_search);
}

static void
mfa_window_init (MfaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  populate_topics (self);
}

MfaWindow *
mfa_window_new (MfaApplication *application)
{
  return g_object_new (MFA_TYPE_WINDOW, "application", application, NULL);
}
