/* mfa-file-check-page.c: the base of the check pages that read the user's
 * files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-file-check-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mfa-file-check-page.h"

typedef struct
{
  GCancellable         *cancellable;  /* the work running, if any */
  GtkFileChooserNative *chooser;
} MfaFileCheckPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MfaFileCheckPage, mfa_file_check_page,
                                     MFA_TYPE_CHECK_PAGE)

static void
set_busy (MfaFileCheckPage *self,
          gboolean          busy)
{
  MFA_FILE_CHECK_PAGE_GET_CLASS (self)->set_busy (self, busy);
}

GCancellable *
mfa_file_check_page_start_work (MfaFileCheckPage *self)
{
  MfaFileCheckPagePrivate *priv = mfa_file_check_page_get_instance_private (self);

  g_return_val_if_fail (MFA_IS_FILE_CHECK_PAGE (self), NULL);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  return priv->cancellable;
}

gboolean
mfa_file_check_page_end_work (MfaFileCheckPage *self,
                              GAsyncResult     *result)
{
  MfaFileCheckPagePrivate *priv = mfa_file_check_page_get_instance_private (self);

  g_return_val_if_fail (MFA_IS_FILE_CHECK_PAGE (self), FALSE);

  /* Cancelled work was replaced or given up: the page has moved on. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return FALSE;
  g_clear_object (&priv->cancellable);
  set_busy (self, FALSE);
  return TRUE;
}

void
mfa_file_check_page_cancel_work (MfaFileCheckPage *self)
{
  MfaFileCheckPagePrivate *priv = mfa_file_check_page_get_instance_private (self);

  g_return_if_fail (MFA_IS_FILE_CHECK_PAGE (self));

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  set_busy (self, FALSE);
}

/* ---- files ------------------------------------------------------------ */

static void
chooser_response (MfaFileCheckPage *self,
                  gint              response)
{
  MfaFileCheckPagePrivate *priv = mfa_file_check_page_get_instance_private (self);
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&priv->chooser);
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  if (array->len > 0)
    MFA_FILE_CHECK_PAGE_GET_CLASS (self)->open_files (self, (GFile *const *) array->pdata,
                                                      array->len);
}

void
mfa_file_check_page_choose_files (MfaFileCheckPage *self,
                                  const gchar      *title,
                                  GtkFileFilter    *filter,
                                  gboolean          multiple)
{
  MfaFileCheckPagePrivate *priv = mfa_file_check_page_get_instance_private (self);
  GtkRoot *root;

  g_return_if_fail (MFA_IS_FILE_CHECK_PAGE (self));

  if (priv->chooser != NULL)
    return;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  priv->chooser = gtk_file_chooser_native_new (title,
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (priv->chooser), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (priv->chooser), multiple);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (priv->chooser), TRUE);
  g_signal_connect_swapped (priv->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (priv->chooser));
}

static gboolean
files_dropped (GtkDropTarget *target,
               const GValue  *value,
               gdouble        x,
               gdouble        y,
               gpointer       user_data)
{
  MfaFileCheckPage *self = user_data;
  g_autoptr(GSList) list = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;
  MFA_FILE_CHECK_PAGE_GET_CLASS (self)->open_files (self, (GFile *const *) files->pdata,
                                                    files->len);
  return TRUE;
}

/* Work stops, the chooser closes and the page forgets what it was given. */
static void
leave (MfaFileCheckPage *self)
{
  MfaFileCheckPagePrivate *priv = mfa_file_check_page_get_instance_private (self);

  mfa_file_check_page_cancel_work (self);
  if (priv->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (priv->chooser));
  g_clear_object (&priv->chooser);
  MFA_FILE_CHECK_PAGE_GET_CLASS (self)->forget (self);
}

/* ---- GObject ---------------------------------------------------------- */

static void
mfa_file_check_page_unmap (GtkWidget *widget)
{
  leave (MFA_FILE_CHECK_PAGE (widget));
  GTK_WIDGET_CLASS (mfa_file_check_page_parent_class)->unmap (widget);
}

static void
mfa_file_check_page_dispose (GObject *object)
{
  MfaFileCheckPage *self = MFA_FILE_CHECK_PAGE (object);
  MfaFileCheckPagePrivate *priv = mfa_file_check_page_get_instance_private (self);

  /* The template is the concrete page's; what it does not clear, the base
   * class's dispose unparents. */
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  if (priv->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (priv->chooser));
  g_clear_object (&priv->chooser);
  G_OBJECT_CLASS (mfa_file_check_page_parent_class)->dispose (object);
}

static void
mfa_file_check_page_class_init (MfaFileCheckPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mfa_file_check_page_dispose;
  widget_class->unmap = mfa_file_check_page_unmap;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mfa_file_check_page_init (MfaFileCheckPage *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (files_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
