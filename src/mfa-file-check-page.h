/* mfa-file-check-page.h: what the check pages that read the user's files
 * (the code and duplicates checks) share beyond MfaCheckPage: one piece
 * of work at a time with cancel, and files opened or dropped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mfa-check-page.h"

G_BEGIN_DECLS

#define MFA_TYPE_FILE_CHECK_PAGE (mfa_file_check_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (MfaFileCheckPage, mfa_file_check_page, MFA, FILE_CHECK_PAGE,
                          MfaCheckPage)

/* A page's template belongs to its own (final) class; this class disposes
 * of it. */

struct _MfaFileCheckPageClass
{
  MfaCheckPageClass parent_class;

  /* Files the user opened or dropped (at least one). */
  void (*open_files) (MfaFileCheckPage *self,
                      GFile *const     *files,
                      guint             n_files);
  /* Work started or ended: show it, and allow what may be done meanwhile. */
  void (*set_busy)   (MfaFileCheckPage *self,
                      gboolean          busy);
  /* The page is left: forget every secret (work is cancelled already). */
  void (*forget)     (MfaFileCheckPage *self);
};

/* Cancels any work still running and returns a cancellable for new work. */
GCancellable *mfa_file_check_page_start_work   (MfaFileCheckPage *self);
/* The work ended; FALSE when it was cancelled, and nothing is to be shown. */
gboolean      mfa_file_check_page_end_work     (MfaFileCheckPage *self,
                                                GAsyncResult     *result);
void          mfa_file_check_page_cancel_work  (MfaFileCheckPage *self);

/* A file chooser (a portal where there is one) whose files go to
 * open_files; filter may be NULL. */
void          mfa_file_check_page_choose_files (MfaFileCheckPage *self,
                                                const gchar      *title,
                                                GtkFileFilter    *filter,
                                                gboolean          multiple);

G_END_DECLS
