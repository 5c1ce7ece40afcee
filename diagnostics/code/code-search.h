/* code-search.h: where a code occurs around a reference time (internal to
 * the code check)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "code-check.h"

G_BEGIN_DECLS

/* Settings tried for one code: declared first, then 3 algorithms × 3 periods. */
#define MFA_CODE_SEARCH_MAX_SETTINGS (MFA_N_ALGORITHMS * 3)

typedef struct _MfaCodeSearch MfaCodeSearch;

/* One setting a code is tried under, and how far either way of the
 * reference time: the window for the declared settings, less for others. */
typedef struct
{
  MfaOtpParams params;
  guint        reach_seconds;
} MfaCodeSearchSetting;

MfaCodeSearch *mfa_code_search_new      (const MfaSecret    *key,
                                         const MfaOtpParams *declared,
                                         gint64              reference_time,
                                         guint               window_seconds);
void           mfa_code_search_free     (MfaCodeSearch      *search);
/* How many threads fill the tables (1: the caller's alone); by default all
 * processors on a machine of four or more, else one. */
void           mfa_code_search_set_workers (MfaCodeSearch   *search,
                                            guint            n_workers);

guint          mfa_code_search_settings (const MfaCodeSearch  *search,
                                         guint                 digits,
                                         MfaCodeSearchSetting  out[MFA_CODE_SEARCH_MAX_SETTINGS]);
/* The nearest step whose code is `code`: under the declared settings within
 * the window, under other settings within MFA_CODE_CHECK_OTHER_REACH; the
 * declared settings win a tie. */
gboolean       mfa_code_search_nearest  (MfaCodeSearch      *search,
                                         const gchar        *code,
                                         MfaOtpParams       *settings,
                                         gint64             *offset_steps);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaCodeSearch, mfa_code_search_free)

G_END_DECLS
