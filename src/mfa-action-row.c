/* mfa-action-row.c: an activatable list row with a title, a subtitle and an
 * icon that runs an action with a target, and that assistive technologies
 * and the keyboard can activate
 *
 * Why not AdwActionRow: its labels sit in a vertical box inside a
 * horizontal one, and a horizontal GtkBox asks its children, each time it is
 * allocated, how wide they want to be at the height they get. For a wrapped
 * label GTK answers that by laying the text out again and again at widths
 * found by bisection. The start page's sixteen rows made ~2,200 Pango
 * layouts before the first frame, most of the difference between the app's
 * start-up and a bare window's (callgrind: 1.49 G instructions against
 * 0.65 G). A grid measures heights for the widths it hands out, once each.
 * The text wraps between words (AdwActionRow 1.2 lets it wrap anywhere, and
 * GTK lays it out a character per line to find how narrow it may get), a
 * web address anywhere. The look is AdwActionRow's, pixel for pixel: the
 * same style classes, and its header's margins and spacing in style.css.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-action-row"

#include "config.h"

#include "mfa-action-row.h"

typedef struct
{
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkImage *icon;
} MfaActionRowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (MfaActionRow, mfa_action_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GTK 4.8 gives list rows no AT-SPI action of their own but exposes the
 * widget actions of their class: "row.activate" is what a screen reader
 * (and dogtail) can call. Activating the row runs its action. */
static void
activate_row_action (GtkWidget   *widget,
                     const gchar *action_name,
                     GVariant    *parameter)
{
  gtk_widget_activate (widget);
}

static void
mfa_action_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MfaActionRow *self = MFA_ACTION_ROW (object);
  MfaActionRowPrivate *priv = mfa_action_row_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, mfa_action_row_get_title (self));
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, mfa_action_row_get_subtitle (self));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, gtk_image_get_icon_name (priv->icon));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mfa_action_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MfaActionRow *self = MFA_ACTION_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      mfa_action_row_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      mfa_action_row_set_subtitle (self, g_value_get_string (value));
      break;
    case PROP_ICON_NAME:
      mfa_action_row_set_icon_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mfa_action_row_class_init (MfaActionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = mfa_action_row_get_property;
  object_class->set_property = mfa_action_row_set_property;

  /* Titles are text from flows, never markup (the labels' default). */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template's one object is the row's child, which GtkListBoxRow
   * disposes of (and GTK 4.8's gtk_widget_dispose_template() looks for the
   * template in the class of the instance, which a topic row's is not). */
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mfa-action-row.ui");
  gtk_widget_class_bind_template_child_private (widget_class, MfaActionRow, title_label);
  gtk_widget_class_bind_template_child_private (widget_class, MfaActionRow, subtitle_label);
  gtk_widget_class_bind_template_child_private (widget_class, MfaActionRow, icon);

  gtk_widget_class_install_action (widget_class, "row.activate", NULL, activate_row_action);
  /* The list's own Enter binding needs a cursor row, which focusing a row
   * with Tab does not always set: the row answers the keys itself. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "row.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "row.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "row.activate", NULL);
}

static void
mfa_action_row_init (MfaActionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mfa_action_row_new (const gchar *title,
                    const gchar *subtitle,
                    const gchar *icon_name,
                    const gchar *action_name,
                    GVariant    *target)
{
  GtkWidget *row = g_object_new (MFA_TYPE_ACTION_ROW, "title", title, "subtitle", subtitle,
                                 "icon-name", icon_name, NULL);

  if (action_name != NULL)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
  return row;
}

const gchar *
mfa_action_row_get_title (MfaActionRow *self)
{
  MfaActionRowPrivate *priv = mfa_action_row_get_instance_private (self);

  g_return_val_if_fail (MFA_IS_ACTION_ROW (self), NULL);

  return gtk_label_get_label (priv->title_label);
}

void
mfa_action_row_set_title (MfaActionRow *self,
                          const gchar  *title)
{
  MfaActionRowPrivate *priv = mfa_action_row_get_instance_private (self);

  g_return_if_fail (MFA_IS_ACTION_ROW (self));

  if (g_strcmp0 (gtk_label_get_label (priv->title_label), title != NULL ? title : "") == 0)
    return;
  gtk_label_set_label (priv->title_label, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const gchar *
mfa_action_row_get_subtitle (MfaActionRow *self)
{
  MfaActionRowPrivate *priv = mfa_action_row_get_instance_private (self);

  g_return_val_if_fail (MFA_IS_ACTION_ROW (self), NULL);

  return gtk_label_get_label (priv->subtitle_label);
}

void
mfa_action_row_set_subtitle (MfaActionRow *self,
                             const gchar  *subtitle)
{
  MfaActionRowPrivate *priv = mfa_action_row_get_instance_private (self);
  gboolean shown = subtitle != NULL && subtitle[0] != '\0';

  g_return_if_fail (MFA_IS_ACTION_ROW (self));

  if (g_strcmp0 (gtk_label_get_label (priv->subtitle_label), subtitle != NULL ? subtitle : "")
      == 0)
    return;
  /* The row's accessible description is this label: hidden, it is empty.
   * A title alone is centred in the row, one above a subtitle kept at its
   * bottom. */
  gtk_label_set_label (priv->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (priv->subtitle_label), shown);
  gtk_label_set_yalign (priv->title_label, shown ? 1.0 : 0.5);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

void
mfa_action_row_wrap_subtitle_anywhere (MfaActionRow *self)
{
  MfaActionRowPrivate *priv = mfa_action_row_get_instance_private (self);

  g_return_if_fail (MFA_IS_ACTION_ROW (self));

  gtk_label_set_wrap_mode (priv->subtitle_label, PANGO_WRAP_WORD_CHAR);
}

void
mfa_action_row_set_icon_name (MfaActionRow *self,
                              const gchar  *icon_name)
{
  MfaActionRowPrivate *priv = mfa_action_row_get_instance_private (self);
  gboolean shown = icon_name != NULL && icon_name[0] != '\0';

  g_return_if_fail (MFA_IS_ACTION_ROW (self));

  if (g_strcmp0 (gtk_image_get_icon_name (priv->icon), shown ? icon_name : NULL) == 0)
    return;
  gtk_image_set_from_icon_name (priv->icon, shown ? icon_name : NULL);
  gtk_widget_set_visible (GTK_WIDGET (priv->icon), shown);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}
