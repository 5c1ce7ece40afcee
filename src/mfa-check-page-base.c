/* mfa-check-page-base.c: the session and verdict properties of the
 * MfaCheckPage interface, once for all pages, and a bin layout for the one
 * box a page's template holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-check-page-base"

#include "config.h"

#include "mfa-check-page.h"
#include "mfa-check-page-base.h"

typedef struct
{
  MfaSession *session;
  gchar      *verdict;
} MfaCheckPageBasePrivate;

static void mfa_check_page_base_check_page_init (MfaCheckPageInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (MfaCheckPageBase, mfa_check_page_base, GTK_TYPE_WIDGET,
                                  G_ADD_PRIVATE (MfaCheckPageBase)
                                  G_IMPLEMENT_INTERFACE (MFA_TYPE_CHECK_PAGE,
                                                         mfa_check_page_base_check_page_init))

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_VERDICT,
  N_PROPS
};

MfaSession *
mfa_check_page_base_get_session (MfaCheckPageBase *self)
{
  MfaCheckPageBasePrivate *priv = mfa_check_page_base_get_instance_private (self);

  return priv->session;
}

void
mfa_check_page_base_record (MfaCheckPageBase *self,
                            const gchar      *kind,
                            const gchar      *verdict,
                            const gchar      *summary,
                            JsonNode         *evidence)
{
  MfaCheckPageBasePrivate *priv = mfa_check_page_base_get_instance_private (self);

  mfa_session_add_result (priv->session, kind, verdict, summary, evidence);
  g_free (priv->verdict);
  priv->verdict = g_strdup (verdict);
  g_object_notify (G_OBJECT (self), "verdict");
}

static void
mfa_check_page_base_dispose (GObject *object)
{
  MfaCheckPageBasePrivate *priv =
    mfa_check_page_base_get_instance_private (MFA_CHECK_PAGE_BASE (object));
  GtkWidget *child;

  /* The template's box, once the page itself has let go of its parts. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->session);
  G_OBJECT_CLASS (mfa_check_page_base_parent_class)->dispose (object);
}

static void
mfa_check_page_base_finalize (GObject *object)
{
  MfaCheckPageBasePrivate *priv =
    mfa_check_page_base_get_instance_private (MFA_CHECK_PAGE_BASE (object));

  g_free (priv->verdict);
  G_OBJECT_CLASS (mfa_check_page_base_parent_class)->finalize (object);
}

static void
mfa_check_page_base_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MfaCheckPageBasePrivate *priv =
    mfa_check_page_base_get_instance_private (MFA_CHECK_PAGE_BASE (object));

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, priv->session);
      break;
    case PROP_VERDICT:
      g_value_set_string (value, priv->verdict);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mfa_check_page_base_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MfaCheckPageBasePrivate *priv =
    mfa_check_page_base_get_instance_private (MFA_CHECK_PAGE_BASE (object));

  switch (prop_id)
    {
    case PROP_SESSION:
      priv->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mfa_check_page_base_check_page_init (MfaCheckPageInterface *iface)
{
}

static void
mfa_check_page_base_class_init (MfaCheckPageBaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mfa_check_page_base_dispose;
  object_class->finalize = mfa_check_page_base_finalize;
  object_class->get_property = mfa_check_page_base_get_property;
  object_class->set_property = mfa_check_page_base_set_property;
  g_object_class_override_property (object_class, PROP_SESSION, "session");
  g_object_class_override_property (object_class, PROP_VERDICT, "verdict");
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
mfa_check_page_base_init (MfaCheckPageBase *self)
{
}
