/* mfa-save-error.h: why a file could not be saved, in words a person understands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  MFA_SAVE_FAILURE_OTHER,       /* none of the below: the error's own words */
  MFA_SAVE_FAILURE_NO_FOLDER,   /* the folder is gone (moved, removed, unplugged) */
  MFA_SAVE_FAILURE_PERMISSION,  /* the user may not write there */
  MFA_SAVE_FAILURE_READ_ONLY,   /* the folder's disk is mounted read-only */
  MFA_SAVE_FAILURE_FULL,        /* not enough free space */
} MfaSaveFailure;

/* What stopped a save of about `needed` bytes into `dir` with `error`: the
 * folder as it is now, and the system's reason inside the message. */
MfaSaveFailure mfa_save_failure_classify (const gchar  *dir,
                                          guint64       needed,
                                          const GError *error);

/* One or two sentences: the cause, and what to do about it. */
gchar         *mfa_save_failure_describe (MfaSaveFailure failure,
                                          const gchar   *dir,
                                          const GError  *error);

G_END_DECLS
