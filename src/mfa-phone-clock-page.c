/* mfa-phone-clock-page.c: shows a test key as a QR code, takes the codes
 * the phone makes for it, and says how far the phone's clock is off
 *
 * Times are true time (the session's NTP-corrected clock when the clock
 * check measured it). A fresh key is made each time the page is shown, and
 * wiped when it is left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-phone-clock-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mfa-phone-clock-page.h"
#include "mfa-widgets.h"
#include "mfa-qr-code.h"

struct _MfaPhoneClockPage
{
  MfaCheckPage parent_instance;

  GtkLabel      *intro_label;
  MfaQrCode     *qr_code;
  GtkLabel      *key_label;
  GtkLabel      *reference_label;
  GtkLabel      *precise_label;
  GtkEditable   *code_entry;
  GtkWidget     *mark_button;
  GtkToggleButton *precise_button;
  GtkLabel      *error_label;
  GtkWidget     *result_box;
  GtkLabel      *summary_label;
  GtkLabel      *advice_label;
  GtkLabel      *reminder_label;

  MfaPhoneClock *clock;          /* holds the test key while the page shows */
  gint64         first_key_usec; /* true time of the first digit typed, 0: none */
  gint64         pressed_usec;   /* true time "New Code Now" was pressed, 0: not */
};

G_DEFINE_FINAL_TYPE (MfaPhoneClockPage, mfa_phone_clock_page, MFA_TYPE_CHECK_PAGE)

static MfaSession *
session_of (MfaPhoneClockPage *self)
{
  return mfa_check_page_get_session (MFA_CHECK_PAGE (self));
}

/* Says which clock "true time" is, and tells the measurement. */
static void
update_reference (MfaPhoneClockPage *self)
{
  const gchar *source = NULL;
  g_autofree gchar *text = NULL;

  if (mfa_session_get_clock_offset (session_of (self), NULL, &source) && source != NULL)
    {
      mfa_phone_clock_set_reference (self->clock, g_str_has_prefix (source, "http") ? "http" : "ntp",
                                     source);
      text = g_strdup_printf (_("Measured against the true time from %s, as the clock check "
                                "found it: this computer’s own clock does not matter."), source);
    }
  else
    {
      mfa_phone_clock_set_reference (self->clock, "system-clock", NULL);
      text = g_strdup (_("Measured against this computer’s clock, since the clock check has "
                         "not measured the true time: if this computer’s clock is off, the "
                         "result is off by as much."));
    }
  gtk_label_set_label (self->reference_label, text);
}

static void
clear_entry (MfaPhoneClockPage *self)
{
  /* What GTK copied cannot be reached; the entry's own text is replaced. */
  gtk_editable_set_text (self->code_entry, "");
  self->first_key_usec = 0;
}

static void
set_precise_step (MfaPhoneClockPage *self,
                  gboolean           pressed)
{
  gboolean precise = gtk_toggle_button_get_active (self->precise_button);

  self->pressed_usec = pressed ? mfa_session_get_true_time (session_of (self)) : 0;
  gtk_widget_set_visible (self->mark_button, precise && !pressed);
  gtk_widget_set_visible (GTK_WIDGET (self->precise_label), precise);
  gtk_label_set_label (self->precise_label,
                       pressed ? _("Pressed. Now type the new code and press Enter.")
                               : _("Watch the test entry on your phone. The moment its code "
                                   "changes, press “New Code Now”, then type the new code. "
                                   "This measures the offset to about a second."));
}

static void
start_measurement (MfaPhoneClockPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaSecretString) uri = NULL;
  g_autoptr(MfaSecretString) key_text = NULL;
  g_autofree gchar *intro = NULL;

  self->clock = mfa_phone_clock_new (&error);
  if (self->clock == NULL)
    {
      mfa_label_show (self->error_label, error->message);
      return;
    }
  uri = mfa_phone_clock_dup_uri (self->clock);
  key_text = mfa_phone_clock_dup_key_text (self->clock);
  mfa_qr_code_set_text (self->qr_code, uri);
  gtk_label_set_label (self->key_label, key_text);
  intro = g_strdup_printf (_("Scan this QR code with the authenticator app on your phone. It "
                             "adds a test entry, “%s”, that belongs to no account. Then type "
                             "the code that entry shows and press Enter; a second code a little "
                             "later narrows the result."),
                           _("Phone clock test – delete me"));
  gtk_label_set_label (self->intro_label, intro);
  update_reference (self);
  clear_entry (self);
  set_precise_step (self, FALSE);
  mfa_label_show (self->error_label, NULL);
}

/* The page is left: the key goes, from memory and from the screen. */
static void
forget (MfaPhoneClockPage *self)
{
  g_clear_pointer (&self->clock, mfa_phone_clock_free);
  mfa_qr_code_set_text (self->qr_code, NULL);
  gtk_label_set_label (self->key_label, "");
  clear_entry (self);
}

static void
show_result (MfaPhoneClockPage *self)
{
  g_autofree gchar *summary = mfa_phone_clock_describe (self->clock);
  g_autofree gchar *advice = mfa_phone_clock_advice (self->clock);
  g_autofree gchar *reminder =
    g_strdup_printf (_("When you are done, delete the entry “%s” from your authenticator app: "
                       "it belongs to no account and is of no further use."),
                     _("Phone clock test – delete me"));

  gtk_label_set_label (self->summary_label, summary);
  gtk_label_set_label (self->advice_label, advice);
  gtk_label_set_label (self->reminder_label, reminder);
  gtk_widget_set_visible (self->result_box, mfa_phone_clock_get_n_codes (self->clock) > 0);
}

static void
record (MfaPhoneClockPage *self)
{
  g_autofree gchar *summary = mfa_phone_clock_describe (self->clock);
  g_autoptr(JsonNode) evidence = mfa_phone_clock_to_json (self->clock);
  const gchar *verdict = mfa_phone_clock_check_verdict (self->clock);

  mfa_check_page_record (MFA_CHECK_PAGE (self), "phone-clock", verdict,
                         summary, evidence);
}

static void
check_code (GtkWidget   *widget,
            const gchar *action_name,
            GVariant    *parameter)
{
  MfaPhoneClockPage *self = MFA_PHONE_CLOCK_PAGE (widget);
  gint64 entered = mfa_session_get_true_time (session_of (self));
  const gchar *typed = gtk_editable_get_text (self->code_entry);
  g_autoptr(GError) error = NULL;
  gboolean added;

  if (self->clock == NULL)
    return;
  update_reference (self);
  if (self->pressed_usec != 0)
    added = mfa_phone_clock_add_precise (self->clock, typed, self->pressed_usec, &error);
  else
    added = mfa_phone_clock_add_code (self->clock, typed,
                                      self->first_key_usec != 0 ? self->first_key_usec : entered,
                                      entered, &error);
  if (!added)
    {
      mfa_label_show (self->error_label, error->message);
      return;
    }
  mfa_label_show (self->error_label, NULL);
  clear_entry (self);
  gtk_toggle_button_set_active (self->precise_button, FALSE);
  show_result (self);
  record (self);
}

static void
mark_new_code (GtkWidget   *widget,
               const gchar *action_name,
               GVariant    *parameter)
{
  MfaPhoneClockPage *self = MFA_PHONE_CLOCK_PAGE (widget);

  set_precise_step (self, TRUE);
  clear_entry (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
}

static void
restart (GtkWidget   *widget,
         const gchar *action_name,
         GVariant    *parameter)
{
  MfaPhoneClockPage *self = MFA_PHONE_CLOCK_PAGE (widget);

  if (self->clock == NULL)
    return;
  /* The same key: it is on the phone already. */
  mfa_phone_clock_reset (self->clock);
  show_result (self);
  mfa_label_show (self->error_label, NULL);
  clear_entry (self);
}

static void
code_activated (MfaPhoneClockPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "phone-clock.check-code", NULL);
}

static void
precise_toggled (MfaPhoneClockPage *self)
{
  set_precise_step (self, FALSE);
}

/* The moment the code was read is bounded by the first digit typed. */
static void
code_changed (MfaPhoneClockPage *self)
{
  if (gtk_editable_get_text (self->code_entry)[0] == '\0')
    self->first_key_usec = 0;
  else if (self->first_key_usec == 0)
    self->first_key_usec = mfa_session_get_true_time (session_of (self));
}

/* Digits only (full-width ones too, as input methods type them), and the
 * spaces and hyphens codes are shown with. */
static void
filter_insert (GtkEditable       *editable,
               const gchar       *text,
               gint               length,
               gint              *position,
               MfaPhoneClockPage *self)
{
  g_autoptr(GString) kept = g_string_new (NULL);
  const gchar *end = length < 0 ? text + strlen (text) : text + length;

  for (const gchar *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_digit_value (c) >= 0 || c == ' ' || c == '-')
        g_string_append_unichar (kept, c);
    }
  if ((gsize) (end - text) == kept->len)
    return;
  g_signal_stop_emission_by_name (editable, "insert-text");
  g_signal_handlers_block_by_func (editable, filter_insert, self);
  gtk_editable_insert_text (editable, kept->str, (gint) kept->len, position);
  g_signal_handlers_unblock_by_func (editable, filter_insert, self);
  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
mfa_phone_clock_page_map (GtkWidget *widget)
{
  MfaPhoneClockPage *self = MFA_PHONE_CLOCK_PAGE (widget);

  GTK_WIDGET_CLASS (mfa_phone_clock_page_parent_class)->map (widget);
  if (self->clock == NULL)
    start_measurement (self);
}

static void
mfa_phone_clock_page_unmap (GtkWidget *widget)
{
  forget (MFA_PHONE_CLOCK_PAGE (widget));
  GTK_WIDGET_CLASS (mfa_phone_clock_page_parent_class)->unmap (widget);
}

static void
mfa_phone_clock_page_dispose (GObject *object)
{
  MfaPhoneClockPage *self = MFA_PHONE_CLOCK_PAGE (object);

  g_clear_pointer (&self->clock, mfa_phone_clock_free);
  G_OBJECT_CLASS (mfa_phone_clock_page_parent_class)->dispose (object);
}

static void
mfa_phone_clock_page_class_init (MfaPhoneClockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mfa_phone_clock_page_dispose;
  widget_class->map = mfa_phone_clock_page_map;
  widget_class->unmap = mfa_phone_clock_page_unmap;

  g_type_ensure (MFA_TYPE_QR_CODE);
  mfa_check_page_class_set_title (MFA_CHECK_PAGE_CLASS (klass), N_("Is Your Phone’s Clock Right?"));
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mfa-phone-clock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MfaPhoneClockPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, MfaPhoneClockPage, qr_code);
  gtk_widget_class_bind_template_child (widget_class, MfaPhoneClockPage, key_label);
  gtk_widget_class_bind_template_child (widget_class, MfaPhoneClockPage, reference_label);
  gtk_widget_class_bind_template_child (widget_class, MfaPhoneClockPage, precise_label);
  gtk_widget_class_bind_template_child (widget_class, MfaPhoneClockPage, code_entry);
  gtk_widget_class_bind_template_child (widget_class, MfaPhoneClockPage, mark_button);
  gtk_widget_class_bind_template_child (widget_class, MfaPhoneClockPage, precise_button);
  gtk_widget_class_bind_template_child (widget_class, MfaPhoneClockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, MfaPhoneClockPage, result_box);
  gtk_widget_class_bind_template_child (widget_class, MfaPhoneClockPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MfaPhoneClockPage, advice_label);
  gtk_widget_class_bind_template_child (widget_class, MfaPhoneClockPage, reminder_label);
  gtk_widget_class_install_action (widget_class, "phone-clock.check-code", NULL, check_code);
  gtk_widget_class_install_action (widget_class, "phone-clock.mark", NULL, mark_new_code);
  gtk_widget_class_install_action (widget_class, "phone-clock.restart", NULL, restart);
}

static void
mfa_phone_clock_page_init (MfaPhoneClockPage *self)
{
  GtkEditable *text;

  gtk_widget_init_template (GTK_WIDGET (self));
  mfa_check_page_set_result_widget (MFA_CHECK_PAGE (self), self->result_box);
  /* Insertions reach the entry's inner text widget, where they are filtered. */
  text = gtk_editable_get_delegate (self->code_entry);
  g_signal_connect (text, "insert-text", G_CALLBACK (filter_insert), self);
  g_signal_connect_swapped (self->code_entry, "changed", G_CALLBACK (code_changed), self);
  g_signal_connect_swapped (self->code_entry, "activate", G_CALLBACK (code_activated), self);
  g_signal_connect_swapped (self->precise_button, "toggled", G_CALLBACK (precise_toggled), self);
}
