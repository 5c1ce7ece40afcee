/* mfa-check-page.c: the check pages' common interface, and the table that
 * maps a check's id to its page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-check-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mfa-check-page.h"
#include "mfa-clock-page.h"
#include "mfa-phone-clock-page.h"
#include "mfa-code-page.h"
#include "mfa-duplicates-page.h"

G_DEFINE_INTERFACE (MfaCheckPage, mfa_check_page, GTK_TYPE_WIDGET)

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

static void
mfa_check_page_default_init (MfaCheckPageInterface *iface)
{
  g_object_interface_install_property (iface,
    g_param_spec_object ("session", NULL, NULL, MFA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_interface_install_property (iface,
    g_param_spec_string ("verdict", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

const gchar *
mfa_check_page_get_verdict (MfaCheckPage *self)
{
  g_autofree gchar *verdict = NULL;

  g_return_val_if_fail (MFA_IS_CHECK_PAGE (self), NULL);

  g_object_get (self, "verdict", &verdict, NULL);
  /* Interned, so the caller need not free it and it outlives the page. */
  return g_intern_string (verdict);
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
