/* mfa-finding.c: what one check's evidence says, in one sentence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-finding"

#include "config.h"

#include <math.h>

#include "mfa-finding.h"
#include "mfa-format.h"

MfaFinding *
mfa_finding_new (MfaFindingRank  rank,
                 gint            order,
                 gchar          *text)
{
  MfaFinding *finding = g_new0 (MfaFinding, 1);

  finding->rank = rank;
  finding->order = order;
  finding->text = text;
  return finding;
}

void
mfa_finding_free (MfaFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->text);
  g_free (finding);
}

gchar *
mfa_finding_duration (gdouble seconds)
{
  return mfa_format_duration ((gint64) CLAMP (llround (fabs (seconds)), 0, 100LL * 365 * 86400));
}
