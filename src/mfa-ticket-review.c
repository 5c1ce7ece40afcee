/* mfa-ticket-review.c: everything a ticket bundle will hold, before it is saved
 *
 * Built from the same MfaBundleContent the writer gets, with the library's
 * own labels and time format, so what the user checks is what support reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-ticket-review"

#include "config.h"

#include <glib/gi18n.h>

#include "mfa-attachment-row.h"
#include "mfa-widgets.h"
#include "mfa-ticket-review.h"

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
  GtkWidget *label = new_label (text, "heading");

  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_margin_top (label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (self), label);
}

static void
add_pair (GtkGrid     *grid,
          const gchar *name,
          const gchar *value)
{
  gint row = 0;
  GtkWidget *name_label = new_label (name, "dim-label");

  while (gtk_grid_get_child_at (grid, 0, row) != NULL)
    row++;
  gtk_label_set_selectable (GTK_LABEL (name_label), FALSE);
  gtk_grid_attach (grid, name_label, 0, row, 1, 1);
  gtk_grid_attach (grid, new_label (value, NULL), 1, row, 1, 1);
}

static void
add_facts (MfaTicketReview        *self,
           const MfaBundleContent *content)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  g_autoptr(GPtrArray) facts = mfa_bundle_content_facts (content);

  gtk_grid_set_column_spacing (grid, 12);
  gtk_grid_set_row_spacing (grid, 4);
  for (guint i = 0; i + 1 < facts->len; i += 2)
    add_pair (grid, facts->pdata[i], facts->pdata[i + 1]);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (grid));
}

static void
add_words_and_steps (MfaTicketReview        *self,
                     const MfaBundleContent *content)
{
  add_heading (self, _("In the user’s words"));
  if (content->description == NULL || content->description[0] == '\0')
    gtk_box_append (GTK_BOX (self), new_label (_("Nothing written."), "dim-label"));
  else
    gtk_box_append (GTK_BOX (self), new_label (content->description, NULL));
  if (content->steps->len == 0)
    return;
  add_heading (self, _("Steps taken"));
  for (guint i = 0; i < content->steps->len; i++)
    {
      const MfaBundleStep *step = content->steps->pdata[i];
      g_autofree gchar *words = mfa_bundle_step_describe (step, FALSE);
      g_autofree gchar *translated = mfa_bundle_step_describe (step, TRUE);
      g_autofree gchar *line = g_strdup_printf ("%u. %s", i + 1, words);

      gtk_box_append (GTK_BOX (self), new_label (line, NULL));
      if (translated != NULL)
        {
          GtkWidget *label = new_label (translated, "dim-label");

          gtk_widget_set_margin_start (label, 18);
          gtk_box_append (GTK_BOX (self), label);
        }
    }
}

static void
add_checks (MfaTicketReview *self,
            MfaSession      *session)
{
  guint n = mfa_session_get_n_results (session);

  add_heading (self, _("What the checks found"));
  if (n == 0)
    gtk_box_append (GTK_BOX (self),
                    new_label (_("No check was run. The checks you run in this window (the "
                                 "clock, codes, duplicate entries) are added by themselves."),
                               "dim-label"));
  for (guint i = 0; i < n; i++)
    {
      const MfaSessionResult *result = mfa_session_get_result (session, i);
      g_autofree gchar *line = g_strdup_printf ("%s (%s): %s", result->kind, result->verdict,
                                                result->summary);

      gtk_box_append (GTK_BOX (self), new_label (line, NULL));
    }
}

static GtkWidget *
attachment_item (MfaAttachmentRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  const gchar *caption = mfa_attachment_row_get_caption (row);

  gtk_box_append (GTK_BOX (box), mfa_attachment_row_new_thumbnail (row));
  gtk_box_append (GTK_BOX (text), new_label (mfa_bundle_attachment_kind_label (
                                               mfa_attachment_row_get_kind (row)), "heading"));
  if (caption[0] != '\0')
    gtk_box_append (GTK_BOX (text), new_label (caption, NULL));
  if (mfa_attachment_row_get_qr_codes (row) > 0)
    gtk_box_append (GTK_BOX (text),
                    new_label (_("A QR code in this image will be painted over: it may carry "
                                 "your MFA key."), "warning"));
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  return box;
}

static void
add_attachments (MfaTicketReview *self,
                 GPtrArray       *rows)
{
  add_heading (self, _("Attachments"));
  if (rows->len == 0)
    gtk_box_append (GTK_BOX (self),
                    new_label (_("None. Support usually needs a screenshot of the error page "
                                 "and of the time on your phone."), "warning"));
  for (guint i = 0; i < rows->len; i++)
    gtk_box_append (GTK_BOX (self), attachment_item (rows->pdata[i]));
}

static void
mfa_ticket_review_class_init (MfaTicketReviewClass *klass)
{
}

static void
mfa_ticket_review_init (MfaTicketReview *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 4);
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
