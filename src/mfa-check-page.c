/* mfa-check-page.c: the check pages' base class, and the table that maps a
 * check's id to its page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-check-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mfa-check-page.h"
#include "mfa-widgets.h"
#include "mfa-clock-page.h"
#include "mfa-phone-clock-page.h"
#include "mfa-code-page.h"
#include "mfa-duplicates-page.h"

typedef struct
{
  MfaSession *session;
  gchar      *verdict;
  gboolean    embedded;
  GtkWidget  *heading;        /* first child, made once the final class is known */
  GtkWidget  *result_widget;  /* a descendant, not a reference */
} MfaCheckPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MfaCheckPage, mfa_check_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_VERDICT,
  PROP_EMBEDDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const gchar *id;
  GType      (*get_type) (void);
} CheckPageType;

/* One line per page; the ids are those of DESIGN.md and the flows. */
static const CheckPageType page_types[] = {
  { "clock", mfa_clock_page_get_type },
  { "phone-clock", mfa_phone_clock_page_get_type },
  { "code", mfa_code_page_get_type },
  { "duplicates", mfa_duplicates_page_get_type },
  { NULL, NULL },
};

/* Each subclass's title lives on its type, as class data. */
static GQuark
title_quark (void)
{
  return g_quark_from_static_string ("mfa-check-page-title");
}

void
mfa_check_page_class_set_title (MfaCheckPageClass *klass,
                                const gchar       *title)
{
  g_return_if_fail (MFA_IS_CHECK_PAGE_CLASS (klass));

  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), title_quark (), (gpointer) title);
}

MfaSession *
mfa_check_page_get_session (MfaCheckPage *self)
{
  MfaCheckPagePrivate *priv = mfa_check_page_get_instance_private (self);

  g_return_val_if_fail (MFA_IS_CHECK_PAGE (self), NULL);
  return priv->session;
}

const gchar *
mfa_check_page_get_verdict (MfaCheckPage *self)
{
  MfaCheckPagePrivate *priv = mfa_check_page_get_instance_private (self);

  g_return_val_if_fail (MFA_IS_CHECK_PAGE (self), NULL);
  /* Interned, so it outlives the page. */
  return g_intern_string (priv->verdict);
}

gboolean
mfa_check_page_get_embedded (MfaCheckPage *self)
{
  MfaCheckPagePrivate *priv = mfa_check_page_get_instance_private (self);

  g_return_val_if_fail (MFA_IS_CHECK_PAGE (self), FALSE);
  return priv->embedded;
}

void
mfa_check_page_set_embedded (MfaCheckPage *self,
                             gboolean      embedded)
{
  MfaCheckPagePrivate *priv = mfa_check_page_get_instance_private (self);

  g_return_if_fail (MFA_IS_CHECK_PAGE (self));

  embedded = !!embedded;
  if (priv->embedded == embedded)
    return;
  priv->embedded = embedded;
  if (priv->heading != NULL)
    gtk_widget_set_visible (priv->heading, !embedded);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMBEDDED]);
}

void
mfa_check_page_record (MfaCheckPage *self,
                       const gchar  *kind,
                       const gchar  *verdict,
                       const gchar  *summary,
                       JsonNode     *evidence)
{
  MfaCheckPagePrivate *priv = mfa_check_page_get_instance_private (self);

  g_return_if_fail (MFA_IS_CHECK_PAGE (self));

  mfa_session_add_result (priv->session, kind, verdict, summary, evidence);
  g_free (priv->verdict);
  priv->verdict = g_strdup (verdict);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERDICT]);
}

GtkWidget *
mfa_check_page_get_result_widget (MfaCheckPage *self)
{
  MfaCheckPagePrivate *priv = mfa_check_page_get_instance_private (self);

  g_return_val_if_fail (MFA_IS_CHECK_PAGE (self), NULL);
  return priv->result_widget != NULL ? priv->result_widget : GTK_WIDGET (self);
}

void
mfa_check_page_set_result_widget (MfaCheckPage *self,
                                  GtkWidget    *widget)
{
  MfaCheckPagePrivate *priv = mfa_check_page_get_instance_private (self);

  g_return_if_fail (MFA_IS_CHECK_PAGE (self));
  g_return_if_fail (widget == NULL || gtk_widget_is_ancestor (widget, GTK_WIDGET (self)));
  priv->result_widget = widget;
}

GStrv
mfa_check_page_dup_ids (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; page_types[i].id != NULL; i++)
    g_strv_builder_add (builder, page_types[i].id);
  return g_strv_builder_end (builder);
}

GtkWidget *
mfa_check_page_new (const gchar  *id,
                    MfaSession   *session,
                    GError      **error)
{
  g_return_val_if_fail (id != NULL && MFA_IS_SESSION (session), NULL);

  g_auto(GStrv) ids = NULL;
  g_autofree gchar *list = NULL;

  for (guint i = 0; page_types[i].id != NULL; i++)
    if (g_str_equal (page_types[i].id, id))
      return g_object_new (page_types[i].get_type (), "session", session, NULL);

  ids = mfa_check_page_dup_ids ();
  list = g_strjoinv (", ", ids);
  g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
               _("There is no check “%s”; the checks are: %s"), id, list);
  return NULL;
}

typedef struct
{
  GtkWidget   *button;  /* the peek button, owned by the row */
  const gchar *show;
  const gchar *hide;
} PeekNames;

static void
name_peek_button (GtkText   *text,
                  GParamSpec *pspec,
                  PeekNames *names)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (names->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_text_get_visibility (text) ? names->hide : names->show, -1);
}

static void
name_buttons_in (GtkWidget *widget,
                 GtkText   *text,
                 PeekNames *names)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const gchar *icon = GTK_IS_BUTTON (child)
                          ? gtk_button_get_icon_name (GTK_BUTTON (child)) : NULL;
      const gchar *tooltip = gtk_widget_get_tooltip_text (child);

      if (icon != NULL && g_str_has_prefix (icon, "view-") && names->button == NULL)
        {
          names->button = child;
          name_peek_button (text, NULL, names);
          g_signal_connect_data (text, "notify::visibility", G_CALLBACK (name_peek_button),
                                 g_memdup2 (names, sizeof *names),
                                 (GClosureNotify) (void (*) (void)) g_free, 0);
        }
      else if (icon != NULL && tooltip != NULL)
        /* An icon button of the row's own, such as Apply: its tooltip. */
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        tooltip, -1);
      else if (!GTK_IS_BUTTON (child))
        name_buttons_in (child, text, names);
    }
}

void
mfa_check_page_name_row_buttons (GtkWidget   *entry_row,
                                 const gchar *show,
                                 const gchar *hide)
{
  PeekNames names = { NULL, show, hide };
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (entry_row));

  g_return_if_fail (GTK_IS_EDITABLE (entry_row) && GTK_IS_TEXT (text));

  name_buttons_in (entry_row, GTK_TEXT (text), &names);
}

void
mfa_check_page_show_verdict (GtkImage    *image,
                             const gchar *verdict)
{
  static const struct { const gchar *verdict, *icon, *style; } looks[] = {
    { "ok", "emblem-ok-symbolic", "success" },
    { "warning", "dialog-warning-symbolic", "warning" },
    { "problem", "dialog-error-symbolic", "error" },
  };
  const gchar *icon = "dialog-question-symbolic";

  g_return_if_fail (GTK_IS_IMAGE (image));

  for (gsize i = 0; i < G_N_ELEMENTS (looks); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (image), looks[i].style);
      if (g_strcmp0 (verdict, looks[i].verdict) == 0)
        {
          icon = looks[i].icon;
          gtk_widget_add_css_class (GTK_WIDGET (image), looks[i].style);
        }
    }
  gtk_image_set_from_icon_name (image, icon);
}

/* The heading is made here, not in init: only now is the instance's class
 * the final one that carries the title. It goes before the template's
 * children. */
static void
mfa_check_page_constructed (GObject *object)
{
  MfaCheckPage *self = MFA_CHECK_PAGE (object);
  MfaCheckPagePrivate *priv = mfa_check_page_get_instance_private (self);
  const gchar *title = g_type_get_qdata (G_TYPE_FROM_INSTANCE (object), title_quark ());

  G_OBJECT_CLASS (mfa_check_page_parent_class)->constructed (object);

  if (title == NULL)
    return;
  priv->heading = g_object_new (GTK_TYPE_LABEL,
                                "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                "label", _(title),
                                "wrap", TRUE,
                                "xalign", 0.0f,
                                "visible", !priv->embedded,
                                NULL);
  gtk_widget_add_css_class (priv->heading, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_widget_insert_after (priv->heading, GTK_WIDGET (self), NULL);
}

/* A control the user fills in or presses, as opposed to a container to
 * look into, or a label: a selectable label takes the focus too, but
 * focusing the text under the heading would select it and help nobody. */
static gboolean
is_field (GtkWidget *widget)
{
  return GTK_IS_EDITABLE (widget) || GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget)
         || GTK_IS_SWITCH (widget) || GTK_IS_DROP_DOWN (widget);
}

/* The first field: what the user came to this page to fill in or press.
 * (Not gtk_widget_child_focus(): a widget that is not focusable itself
 * grabs the focus through this very function, and would come back here.) */
static gboolean
mfa_check_page_grab_focus (GtkWidget *widget)
{
  /* Depth first, in the order the page shows its parts. */
  return mfa_widget_focus_first (widget, is_field);
}

static void
mfa_check_page_dispose (GObject *object)
{
  MfaCheckPagePrivate *priv =
    mfa_check_page_get_instance_private (MFA_CHECK_PAGE (object));
  GtkWidget *child;

  /* The heading and the template's children, once the subclass has let go
   * of its parts. */
  priv->result_widget = NULL;
  priv->heading = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->session);
  G_OBJECT_CLASS (mfa_check_page_parent_class)->dispose (object);
}

static void
mfa_check_page_finalize (GObject *object)
{
  MfaCheckPagePrivate *priv =
    mfa_check_page_get_instance_private (MFA_CHECK_PAGE (object));

  g_free (priv->verdict);
  G_OBJECT_CLASS (mfa_check_page_parent_class)->finalize (object);
}

static void
mfa_check_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MfaCheckPage *self = MFA_CHECK_PAGE (object);
  MfaCheckPagePrivate *priv = mfa_check_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, priv->session);
      break;
    case PROP_VERDICT:
      g_value_set_string (value, priv->verdict);
      break;
    case PROP_EMBEDDED:
      g_value_set_boolean (value, priv->embedded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mfa_check_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MfaCheckPage *self = MFA_CHECK_PAGE (object);
  MfaCheckPagePrivate *priv = mfa_check_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SESSION:
      priv->session = g_value_dup_object (value);
      break;
    case PROP_EMBEDDED:
      mfa_check_page_set_embedded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mfa_check_page_class_init (MfaCheckPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mfa_check_page_constructed;
  object_class->dispose = mfa_check_page_dispose;
  object_class->finalize = mfa_check_page_finalize;
  object_class->get_property = mfa_check_page_get_property;
  object_class->set_property = mfa_check_page_set_property;
  widget_class->grab_focus = mfa_check_page_grab_focus;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, MFA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERDICT] =
    g_param_spec_string ("verdict", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMBEDDED] =
    g_param_spec_boolean ("embedded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
mfa_check_page_init (MfaCheckPage *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
}
