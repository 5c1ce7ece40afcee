/* duplicates-report.c: a duplicates report in words, the same for the
 * command line and the desktop app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "duplicates.h"

gchar *
mfa_duplicate_group_name (const MfaDuplicateGroup *group)
{
  g_return_val_if_fail (group != NULL, NULL);

  if (group->issuer[0] == '\0')
    return g_strdup (group->account);
  return g_strdup_printf ("%s / %s", group->issuer, group->account);
}

gchar *
mfa_duplicate_group_describe (const MfaDuplicateGroup *group)
{
  g_autofree gchar *name = mfa_duplicate_group_name (group);

  if (group->kind == MFA_DUPLICATE_DIFFERENT_KEYS)
    return g_strdup_printf (_("%s: %u entries with different keys. Only one of them can be the "
                              "current binding; the others are stale and make codes that are "
                              "rejected."),
                            name, group->members->len);
  return g_strdup_printf (_("%s: %u entries with the same key (harmless copies)."),
                          name, group->members->len);
}

/* Entries count from 1, as the importers' messages count them. */
gchar *
mfa_duplicate_entry_describe (const MfaImportEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return g_strdup_printf (_("%s, entry %u: %s"), entry->file, entry->index + 1, entry->label);
}

static guint
count_groups (const MfaDuplicateReport *report,
              MfaDuplicateKind          kind)
{
  guint n = 0;

  for (guint i = 0; i < report->groups->len; i++)
    if (((const MfaDuplicateGroup *) g_ptr_array_index (report->groups, i))->kind == kind)
      n++;
  return n;
}

/* Only different keys make codes fail; copies of one key are harmless. */
const gchar *
mfa_duplicate_report_verdict (const MfaDuplicateReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return count_groups (report, MFA_DUPLICATE_DIFFERENT_KEYS) > 0 ? "problem" : "ok";
}

gchar *
mfa_duplicate_report_summarize (const MfaDuplicateReport *report)
{
  guint different;
  guint same;

  g_return_val_if_fail (report != NULL, NULL);

  different = count_groups (report, MFA_DUPLICATE_DIFFERENT_KEYS);
  same = count_groups (report, MFA_DUPLICATE_SAME_KEY);
  if (different > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u account has entries with different keys: codes "
                                         "from the stale ones are rejected.",
                                         "%u accounts have entries with different keys: codes "
                                         "from the stale ones are rejected.",
                                         different),
                            different);
  if (same > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u account has several entries with the same key "
                                         "(harmless copies).",
                                         "%u accounts have several entries with the same key "
                                         "(harmless copies).",
                                         same),
                            same);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Read %u entry; no account has more than one.",
                                       "Read %u entries; no account has more than one.",
                                       report->n_entries),
                          report->n_entries);
}
