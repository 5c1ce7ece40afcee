/* mfa-code-page.c: the code check, on a page of its own or on a flow step
 *
 * The key and the codes are secrets: they live only in the entries (the
 * key's in non-pageable memory that GTK wipes), in the check's own copies
 * (wiped when the check ends), and they are cleared when the page is left.
 * What the session records is the report's JSON: verdicts and offsets,
 * never a key or a code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-code-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "mfa-widgets.h"
#include "mfa-code-page.h"
#include "mfa-file-check-page.h"

struct _MfaCodePage
{
  MfaFileCheckPage      parent_instance;

  GtkEditable          *key_entry;
  GtkLabel             *key_status;
  GtkEditable          *codes_entry;
  GtkLabel             *codes_status;
  GtkWidget            *cancel_button;
  GtkSpinner           *spinner;
  GtkWidget            *result_box;
  GtkImage             *verdict_icon;
  GtkLabel             *summary_label;
  GtkWidget            *details_box;
};

G_DEFINE_FINAL_TYPE (MfaCodePage, mfa_code_page, MFA_TYPE_FILE_CHECK_PAGE)

/* ---- state ------------------------------------------------------------ */

static void
set_busy (MfaFileCheckPage *page,
          gboolean          busy)
{
  MfaCodePage *self = MFA_CODE_PAGE (page);

  gtk_widget_set_visible (self->cancel_button, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "code.check", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "code.open-image", !busy);
}

static void
show_status (GtkLabel    *label,
             const gchar *text,
             gboolean     is_error)
{
  mfa_label_show (label, text);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

/* Leaving the page forgets the key and the codes. */
static void
forget (MfaFileCheckPage *page)
{
  MfaCodePage *self = MFA_CODE_PAGE (page);

  gtk_editable_set_text (self->key_entry, "");
  gtk_editable_set_text (self->codes_entry, "");
  show_status (self->key_status, NULL, FALSE);
  show_status (self->codes_status, NULL, TRUE);
}

/* ---- reading the key from a picture ----------------------------------- */

static void
image_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(MfaCodePage) self = user_data;
  g_autoptr(MfaOtpauth) key = NULL;
  g_autoptr(MfaSecretString) uri = NULL;
  g_autofree gchar *name = NULL;
  g_autofree gchar *label = NULL;
  g_autofree gchar *status = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (MFA_IS_CODE_PAGE (self));

  key = mfa_key_from_qr_file_finish (result, &name, &error);
  if (!mfa_file_check_page_end_work (MFA_FILE_CHECK_PAGE (self), result))
    return;
  if (key == NULL)
    {
      show_status (self->key_status, error->message, TRUE);
      return;
    }
  /* The entry holds the key from now on, as if it had been pasted. */
  uri = mfa_otpauth_format (key);
  gtk_editable_set_text (self->key_entry, uri);
  label = mfa_otpauth_label (key);
  status = label[0] != '\0' ? g_strdup_printf (_("Read the key for %s from %s."), label, name)
                            : g_strdup_printf (_("Read the key from %s."), name);
  show_status (self->key_status, status, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->codes_entry));
}

void
mfa_code_page_open_image (MfaCodePage *self,
                          GFile       *file)
{
  g_return_if_fail (MFA_IS_CODE_PAGE (self) && G_IS_FILE (file));

  mfa_key_from_qr_file_async (file, mfa_file_check_page_start_work (MFA_FILE_CHECK_PAGE (self)),
                              image_read_cb, g_object_ref (self));
}

/* Only the first file: a key comes from one picture. */
static void
open_files (MfaFileCheckPage *page,
            GFile *const     *files,
            guint             n_files)
{
  mfa_code_page_open_image (MFA_CODE_PAGE (page), files[0]);
}

static void
open_image (GtkWidget   *widget,
            const gchar *action_name,
            GVariant    *parameter)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Pictures (PNG, JPEG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  mfa_file_check_page_choose_files (MFA_FILE_CHECK_PAGE (widget),
                                    _("Open a Picture of the QR Code"), filter, FALSE);
}

/* ---- the check -------------------------------------------------------- */

static void
show_report (MfaCodePage         *self,
             const MfaCodeReport *report)
{
  gint deciding = -1;
  const gchar *verdict = mfa_code_report_verdict (report, &deciding);
  g_autofree gchar *summary = mfa_code_result_describe (report, deciding);
  g_autofree gchar *evidence_text = mfa_code_report_to_json (report);
  /* The library writes this JSON itself; failing to read it back is a bug. */
  g_autoptr(JsonNode) evidence = json_from_string (evidence_text, NULL);
  GtkWidget *row;

  mfa_check_page_show_verdict (self->verdict_icon, verdict);
  gtk_label_set_text (self->summary_label, mfa_code_report_headline (report, deciding));
  /* One row for each code typed, in a boxed list: long sentences wrap in
   * rows as they do in GNOME Settings. */
  while ((row = gtk_widget_get_first_child (self->details_box)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->details_box), row);
  for (guint i = 0; i < report->results->len; i++)
    {
      g_autofree gchar *sentence = mfa_code_result_describe (report, i);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sentence);
      adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (GTK_LIST_BOX (self->details_box), row);
    }
  gtk_widget_set_visible (self->result_box, TRUE);
  mfa_check_page_record (MFA_CHECK_PAGE (self), "code", verdict, summary,
                         evidence);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(MfaCodePage) self = user_data;
  g_autoptr(MfaCodeReport) report = mfa_code_check_finish (result, NULL);

  g_assert (MFA_IS_CODE_PAGE (self));

  if (mfa_file_check_page_end_work (MFA_FILE_CHECK_PAGE (self), result) && report != NULL)
    show_report (self, report);
}

static MfaOtpauth *
read_key (MfaCodePage *self)
{
  g_autoptr(MfaOtpauth) key = NULL;
  g_autoptr(GError) error = NULL;

  key = mfa_key_from_text (gtk_editable_get_text (self->key_entry), &error);
  if (key != NULL && !mfa_key_check_time_based (key, &error))
    g_clear_pointer (&key, mfa_otpauth_free);
  if (key == NULL)
    {
      show_status (self->key_status, error->message, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->key_entry));
    }
  return g_steal_pointer (&key);
}

static void
check_codes (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  MfaCodePage *self = MFA_CODE_PAGE (widget);
  g_autoptr(MfaSecretStrv) codes = NULL;
  g_autoptr(MfaOtpauth) key = read_key (self);
  MfaSession *session;
  gint64 reference;

  if (key == NULL)
    return;
  codes = mfa_code_split_list (gtk_editable_get_text (self->codes_entry));
  if (codes[0] == NULL)
    {
      show_status (self->codes_status, _("Type at least one code from your authenticator."),
                   TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->codes_entry));
      return;
    }
  show_status (self->codes_status, NULL, TRUE);

  /* Against true time when the clock check measured this computer's clock. */
  session = mfa_check_page_get_session (MFA_CHECK_PAGE (self));
  reference = mfa_session_get_true_time (session) / G_USEC_PER_SEC;
  mfa_code_check_async (key->secret, &key->params, reference, MFA_CODE_CHECK_DEFAULT_WINDOW,
                        (const gchar * const *) codes,
                        mfa_file_check_page_start_work (MFA_FILE_CHECK_PAGE (self)),
                        checked_cb, g_object_ref (self));
}

static void
cancel (GtkWidget   *widget,
        const gchar *action_name,
        GVariant    *parameter)
{
  mfa_file_check_page_cancel_work (MFA_FILE_CHECK_PAGE (widget));
}

/* ---- template callbacks ----------------------------------------------- */

static void
key_activated (MfaCodePage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->codes_entry));
}

static void
key_changed (MfaCodePage *self)
{
  /* What was said about the previous key no longer holds. */
  show_status (self->key_status, NULL, FALSE);
}

static void
codes_activated (MfaCodePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "code.check", NULL);
}

/* ---- GObject ---------------------------------------------------------- */

static void
mfa_code_page_class_init (MfaCodePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  MfaFileCheckPageClass *page_class = MFA_FILE_CHECK_PAGE_CLASS (klass);

  page_class->open_files = open_files;
  page_class->set_busy = set_busy;
  page_class->forget = forget;

  g_type_ensure (ADW_TYPE_PASSWORD_ENTRY_ROW);
  mfa_check_page_class_set_title (MFA_CHECK_PAGE_CLASS (klass), N_("Check a Code Against Its Key"));
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mfa-code-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaCodePage, key_entry);
  gtk_widget_class_bind_template_child (widget_class, MfaCodePage, key_status);
  gtk_widget_class_bind_template_child (widget_class, MfaCodePage, codes_entry);
  gtk_widget_class_bind_template_child (widget_class, MfaCodePage, codes_status);
  gtk_widget_class_bind_template_child (widget_class, MfaCodePage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MfaCodePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, MfaCodePage, result_box);
  gtk_widget_class_bind_template_child (widget_class, MfaCodePage, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, MfaCodePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MfaCodePage, details_box);
  gtk_widget_class_bind_template_callback (widget_class, key_activated);
  gtk_widget_class_bind_template_callback (widget_class, key_changed);
  gtk_widget_class_bind_template_callback (widget_class, codes_activated);
  gtk_widget_class_install_action (widget_class, "code.open-image", NULL, open_image);
  gtk_widget_class_install_action (widget_class, "code.check", NULL, check_codes);
  gtk_widget_class_install_action (widget_class, "code.cancel", NULL, cancel);
}

static void
mfa_code_page_init (MfaCodePage *self)
{
  g_autoptr(GtkEntryBuffer) buffer = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  mfa_check_page_set_result_widget (MFA_CHECK_PAGE (self), self->result_box);
  /* Codes are secrets too: their text lives in memory that is wiped, as
   * the key's does in its password row. The row's text is a GtkText that
   * takes a buffer like any other. */
  buffer = gtk_password_entry_buffer_new ();
  gtk_text_set_buffer (GTK_TEXT (gtk_editable_get_delegate (self->codes_entry)), buffer);
  /* Undo keeps copies of the text in ordinary memory. */
  gtk_editable_set_enable_undo (self->codes_entry, FALSE);
  gtk_editable_set_enable_undo (self->key_entry, FALSE);
  mfa_check_page_name_row_buttons (GTK_WIDGET (self->key_entry), _("Show Key"), _("Hide Key"));
}

GtkWidget *
mfa_code_page_new (MfaSession *session)
{
  g_return_val_if_fail (MFA_IS_SESSION (session), NULL);

  return g_object_new (MFA_TYPE_CODE_PAGE, "session", session, NULL);
}
