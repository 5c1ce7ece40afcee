/* mfa-finding.h: what one check's evidence says, in one sentence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How much a finding explains a rejected code, least first. */
typedef enum
{
  MFA_FINDING_NONE,
  MFA_FINDING_OK,
  MFA_FINDING_WARNING,
  MFA_FINDING_PROBLEM,
} MfaFindingRank;

/* Each check's wording module (code/code-wording.c, clock/clock-wording.c,
 * duplicates/duplicates-wording.c) makes these from evidence someone sent;
 * bundle-diagnosis.c ranks them. */
typedef struct
{
  MfaFindingRank  rank;
  gint            order;       /* among findings of one rank: which check explains more */
  gboolean        phone_time;  /* explained by the phone's clock */
  gchar          *text;        /* a sentence for support staff, in the reader's language */
} MfaFinding;

MfaFinding *mfa_finding_new  (MfaFindingRank  rank,
                              gint            order,
                              gchar          *text);
void        mfa_finding_free (MfaFinding     *finding);
/* A duration said in seconds, minutes or hours, bounded so that a hostile
 * number cannot overflow. */
gchar      *mfa_finding_duration (gdouble     seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaFinding, mfa_finding_free)

G_END_DECLS
