/* duplicates-report.c: a duplicates report in words, the same for the
 * command line and the desktop app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "duplicates-report"

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

/* A member without an issuer was grouped by account name alone. */
static gchar *
describe_possible (const MfaDuplicateGroup *group,
                   const gchar             *name)
{
  if (group->issuers != NULL)
    {
      g_autofree gchar *issuers = g_strjoinv (_(", "), group->issuers);

      return g_strdup_printf (_("%s: an entry with no issuer recorded has the same account "
                                "name as entries from %u issuers (%s), and none of their keys. "
                                "It is possibly one of these accounts, with a stale key."),
                              name, g_strv_length (group->issuers), issuers);
    }
  if (group->kind == MFA_DUPLICATE_DIFFERENT_KEYS)
    return g_strdup_printf (_("%s: %u entries with different keys, possibly the same account "
                              "(no issuer recorded). If they are, only one of them can be the "
                              "current binding; the others are stale and make codes that are "
                              "rejected."),
                            name, group->members->len);
  return g_strdup_printf (_("%s: %u entries with the same key (harmless copies), possibly the "
                            "same account (no issuer recorded)."),
                          name, group->members->len);
}

gchar *
mfa_duplicate_group_describe (const MfaDuplicateGroup *group)
{
  g_autofree gchar *name = mfa_duplicate_group_name (group);

  if (group->issuer_unknown)
    return describe_possible (group, name);
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
              MfaDuplicateKind          kind,
              gboolean                  issuer_unknown)
{
  guint n = 0;

  for (guint i = 0; i < report->groups->len; i++)
    {
      const MfaDuplicateGroup *group = g_ptr_array_index (report->groups, i);

      if (group->kind == kind && group->issuer_unknown == issuer_unknown)
        n++;
    }
  return n;
}

/* Only different keys make codes fail; copies of one key are harmless. A
 * partial report cannot give the all-clear. */
const gchar *
mfa_duplicate_report_verdict (const MfaDuplicateReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  if (count_groups (report, MFA_DUPLICATE_DIFFERENT_KEYS, FALSE) > 0)
    return "problem";
  if (count_groups (report, MFA_DUPLICATE_DIFFERENT_KEYS, TRUE) > 0
      || mfa_duplicate_report_is_partial (report))
    return "warning";
  return "ok";
}

static gchar *
summarize_groups (const MfaDuplicateReport *report)
{
  guint different = count_groups (report, MFA_DUPLICATE_DIFFERENT_KEYS, FALSE);
  guint possible = count_groups (report, MFA_DUPLICATE_DIFFERENT_KEYS, TRUE);
  guint same = count_groups (report, MFA_DUPLICATE_SAME_KEY, FALSE)
               + count_groups (report, MFA_DUPLICATE_SAME_KEY, TRUE);

  if (different > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u account has entries with different keys: codes "
                                         "from the stale ones are rejected.",
                                         "%u accounts have entries with different keys: codes "
                                         "from the stale ones are rejected.",
                                         different),
                            different);
  if (possible > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u account possibly has entries with different keys "
                                         "(an entry records no issuer): check it below.",
                                         "%u accounts possibly have entries with different keys "
                                         "(entries record no issuer): check them below.",
                                         possible),
                            possible);
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

gchar *
mfa_duplicate_report_summarize (const MfaDuplicateReport *report)
{
  g_autofree gchar *groups = NULL;
  guint skipped;

  g_return_val_if_fail (report != NULL, NULL);

  groups = summarize_groups (report);
  skipped = report->skipped->len;
  if (skipped == 0)
    return g_steal_pointer (&groups);
  /* TRANSLATORS: the first %s is the sentence about the groups found */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s The report is partial: %u entry or file could not be "
                                       "read.",
                                       "%s The report is partial: %u entries or files could not "
                                       "be read.",
                                       skipped),
                          groups, skipped);
}
