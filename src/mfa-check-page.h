/* mfa-check-page.h: the base class of every check page (clock, phone
 * clock, code, duplicates) — the session it records in, its verdict, its
 * one heading, and what the wizard that embeds it may ask of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mfa-session.h"

G_BEGIN_DECLS

#define MFA_TYPE_CHECK_PAGE (mfa_check_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (MfaCheckPage, mfa_check_page, MFA, CHECK_PAGE, GtkWidget)

/* Properties:
 *   "session" (MfaSession, construct-only): where the page records results;
 *   "verdict" (string, read-only, notified): NULL until the check has a
 *     result, then "ok", "warning", "problem" or "unknown", as flows branch;
 *   "embedded" (boolean): the page is a step of a flow, whose title is the
 *     one heading, so the page does not show its own.
 * The page lays out its children top to bottom, under its heading. A page
 * cancels its work and wipes what the user typed when it is unmapped or
 * disposed. gtk_widget_grab_focus() on a page focuses its first field. */
struct _MfaCheckPageClass
{
  GtkWidgetClass parent_class;

  gpointer padding[4];
};

/* The page's heading, in header capitalization, as an untranslated message
 * (N_()): set once in the subclass's class_init. */
void          mfa_check_page_class_set_title   (MfaCheckPageClass *klass,
                                                const gchar       *title);

MfaSession   *mfa_check_page_get_session       (MfaCheckPage      *self);
const gchar  *mfa_check_page_get_verdict       (MfaCheckPage      *self);
gboolean      mfa_check_page_get_embedded      (MfaCheckPage      *self);
void          mfa_check_page_set_embedded      (MfaCheckPage      *self,
                                                gboolean           embedded);
/* Records the page's result in the session and notifies "verdict". */
void          mfa_check_page_record            (MfaCheckPage      *self,
                                                const gchar       *kind,
                                                const gchar       *verdict,
                                                const gchar       *summary,
                                                JsonNode          *evidence);
/* The part that shows the result, for the wizard to bring into view once
 * "verdict" is set; the page itself until a subclass names it. */
GtkWidget    *mfa_check_page_get_result_widget (MfaCheckPage      *self);
void          mfa_check_page_set_result_widget (MfaCheckPage      *self,
                                                GtkWidget         *widget);

/* The ids `--check` and flow check steps accept. */
GStrv         mfa_check_page_dup_ids           (void);
/* A new page for the check `id`; NULL with an error for an unknown one. */
GtkWidget    *mfa_check_page_new               (const gchar       *id,
                                                MfaSession        *session,
                                                GError           **error);

/* libadwaita 1.2 leaves the icon buttons of an entry row nameless for
 * screen readers (the peek button is read as "GtkImage"): names them, the
 * peek button after what it does now (`show` or `hide`, translated). */
void          mfa_check_page_name_row_buttons  (GtkWidget         *entry_row,
                                                const gchar       *show,
                                                const gchar       *hide);

/* Shows a verdict as an icon in its colour, next to its summary. */
void          mfa_check_page_show_verdict      (GtkImage          *image,
                                                const gchar       *verdict);

G_END_DECLS
