/* mfa-ticket-review.c: everything a ticket bundle will hold, before it is saved
 *
 * Built from the same MfaBundleContent the writer gets, with the library's
 * own labels and time format, so what the user checks is what support reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-ticket-review"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mfa-attachment-row.h"
#include "mfa-widgets.h"
#include "mfa-ticket-review.h"
#include "mfa-zone-names.h"

struct _MfaTicketReview
{
  GtkBox parent_instance;
};

G_DEFINE_FINAL_TYPE (MfaTicketReview, mfa_ticket_review, GTK_TYPE_BOX)

static GtkWidget *
new_label (const gchar *text,
           const gchar *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
add_heading (MfaTicketReview *self,
             const gchar     *text)
{
  /* The role is fixed at construction: a heading for screen readers, not
   * only a bold label. */
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "xalign", 0.0f, "wrap", TRUE,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);

  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (self), label);
}

static GtkWidget *
new_list (const gchar *name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return list;
}

/* A row of text that wraps at any width: the user's own words can be long. */
static GtkWidget *
text_row (const gchar *title,
          const gchar *text,
          const gchar *css_class)
{
  GtkWidget *row = adw_action_row_new ();

  if (title != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  if (title != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  else
    {
      GtkWidget *label = new_label (text, css_class);

      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
    }
  return row;
}

/* The time as the user picked it, its zone named by city as on the time
 * page (the file itself records the IANA identifier). */
static gchar *
user_zone_time (const MfaBundleContent *content)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (content->operation_zone);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (content->operation_time_usec
                                                            / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;
  g_autofree gchar *name = mfa_zone_display_name (content->operation_zone);

  if (zone == NULL || utc == NULL)
    return NULL;
  local = g_date_time_to_timezone (utc, zone);
  return mfa_format_wall_time (local, name);
}

static void
add_facts (MfaTicketReview        *self,
           const MfaBundleContent *content)
{
  GtkWidget *list = new_list (_("The ticket’s facts"));
  g_autoptr(GPtrArray) facts = mfa_bundle_content_facts (content);
  g_autofree gchar *zone_time = user_zone_time (content);

  for (guint i = 0; i + 1 < facts->len; i += 2)
    {
      const gchar *value = facts->pdata[i + 1];

      /* The library names the zone by its IANA id; here by its city, as the
       * time page did. (Matched by the library's own label.) */
      if (zone_time != NULL && g_str_equal (facts->pdata[i], _("Operation Time (User’s Zone)")))
        value = zone_time;
      gtk_list_box_append (GTK_LIST_BOX (list), text_row (facts->pdata[i], value, NULL));
    }
  gtk_box_append (GTK_BOX (self), list);
}

static GtkWidget *
plain_row (const gchar *text,
           const gchar *css_class)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = new_label (text, css_class);

  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  return row;
}

static void
add_words_and_steps (MfaTicketReview        *self,
                     const MfaBundleContent *content)
{
  GtkWidget *list;

  add_heading (self, _("In the User’s Words"));
  list = new_list (_("In the user’s words"));
  if (content->description == NULL || content->description[0] == '\0')
    gtk_list_box_append (GTK_LIST_BOX (list), plain_row (_("Nothing written."), "dim-label"));
  else
    gtk_list_box_append (GTK_LIST_BOX (list), plain_row (content->description, NULL));
  gtk_box_append (GTK_BOX (self), list);
  if (content->steps->len == 0)
    return;
  add_heading (self, _("Steps Taken"));
  list = new_list (_("Steps taken"));
  for (guint i = 0; i < content->steps->len; i++)
    {
      const MfaBundleStep *step = content->steps->pdata[i];
      g_autofree gchar *words = mfa_bundle_step_describe (step, FALSE);
      g_autofree gchar *translated = mfa_bundle_step_describe (step, TRUE);
      g_autofree gchar *line = g_strdup_printf ("%u. %s", i + 1, words);
      GtkWidget *row = text_row (line, translated, NULL);

      /* A title is one line in a row: the step's words wrap instead. */
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (GTK_BOX (self), list);
}

static void
add_checks (MfaTicketReview *self,
            MfaSession      *session)
{
  guint n = mfa_session_get_n_results (session);
  GtkWidget *list;

  add_heading (self, _("What the Checks Found"));
  list = new_list (_("What the checks found"));
  if (n == 0)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         plain_row (_("No check was run. The checks you run in this window (the "
                                      "clock, codes, duplicate entries) are added by themselves."),
                                    "dim-label"));
  for (guint i = 0; i < n; i++)
    {
      const MfaSessionResult *result = mfa_session_get_result (session, i);
      g_autofree gchar *title = g_strdup_printf ("%s (%s)", result->kind, result->verdict);

      gtk_list_box_append (GTK_LIST_BOX (list), text_row (title, result->summary, NULL));
    }
  gtk_box_append (GTK_BOX (self), list);
}

/* The picture as it will be sent (QR codes covered), and beside it what it
 * is; where a QR code was covered, why, next to the picture. */
static GtkWidget *
attachment_item (MfaAttachmentRow *row)
{
  GtkWidget *item = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *picture = mfa_attachment_row_new_thumbnail (row);
  const gchar *caption = mfa_attachment_row_get_caption (row);

  gtk_widget_set_size_request (picture, 96, 72);
  gtk_widget_set_valign (picture, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (text), new_label (mfa_bundle_attachment_kind_label (
                                               mfa_attachment_row_get_kind (row)), "heading"));
  if (caption[0] != '\0')
    gtk_box_append (GTK_BOX (text), new_label (caption, NULL));
  if (mfa_attachment_row_get_qr_codes (row) > 0)
    gtk_box_append (GTK_BOX (text),
                    new_label (_("The QR code in this picture is covered: it may hold your MFA "
                                 "key, so the ticket never shows it."), "warning"));
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (item), box);
  return item;
}

static void
add_attachments (MfaTicketReview *self,
                 GPtrArray       *rows)
{
  GtkWidget *list;

  add_heading (self, _("Attachments"));
  list = new_list (_("Attachments"));
  if (rows->len == 0)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         plain_row (_("None. Support usually needs a screenshot of the error page "
                                      "and of the time on your phone."), "warning"));
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), attachment_item (rows->pdata[i]));
  gtk_box_append (GTK_BOX (self), list);
}

static void
mfa_ticket_review_class_init (MfaTicketReviewClass *klass)
{
}

static void
mfa_ticket_review_init (MfaTicketReview *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
}

void
mfa_ticket_review_show (MfaTicketReview        *self,
                        const MfaBundleContent *content,
                        MfaSession             *session,
                        GPtrArray              *rows)
{
  g_return_if_fail (MFA_IS_TICKET_REVIEW (self));

  mfa_box_remove_all (GTK_BOX (self));
  add_facts (self, content);
  add_words_and_steps (self, content);
  add_checks (self, session);
  add_attachments (self, rows);
}
