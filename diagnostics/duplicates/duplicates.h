/* duplicates.h: several authenticator entries for one account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "importers/importer.h"

G_BEGIN_DECLS

/* Issuer names that mean one organisation. Built in: Aliyun, Alibaba Cloud
 * and 阿里云; organisations add their own with mfa_alias_table_add(). */
typedef struct _MfaAliasTable MfaAliasTable;

MfaAliasTable *mfa_alias_table_new     (void);
void           mfa_alias_table_add     (MfaAliasTable *table,
                                        const gchar   *alias,
                                        const gchar   *canonical);
void           mfa_alias_table_free    (MfaAliasTable *table);
/* The folded, alias-resolved form under which issuers are compared. */
gchar         *mfa_alias_table_resolve (const MfaAliasTable *table,
                                        const gchar         *issuer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaAliasTable, mfa_alias_table_free)

/* Trimmed, inner white space folded to one space, case folded, NFKC. */
gchar         *mfa_duplicates_fold     (const gchar *text);

typedef enum
{
  MFA_DUPLICATE_SAME_KEY,       /* harmless copies */
  MFA_DUPLICATE_DIFFERENT_KEYS, /* only one can be current: the others are stale */
} MfaDuplicateKind;

typedef struct
{
  const gchar      *issuer;   /* of the first member, as written; "" for none */
  const gchar      *account;
  MfaDuplicateKind  kind;
  GPtrArray        *members;  /* MfaImportEntry *, borrowed from the entries */
  /* Some member records no issuer and was grouped by its account name
   * alone: possibly the same account. */
  gboolean          issuer_unknown;
  /* The issuers such a member may belong to, when there are several (NULL
   * otherwise). */
  GStrv             issuers;
} MfaDuplicateGroup;

typedef struct
{
  guint      n_entries;
  GPtrArray *groups;   /* MfaDuplicateGroup *, in order of first appearance */
  GPtrArray *skipped;  /* MfaImportSkip *: entries that could not be read; never NULL */
} MfaDuplicateReport;

/* Groups borrow the entries: keep them alive as long as the report. */
MfaDuplicateReport *mfa_duplicates_find     (GPtrArray           *entries,
                                             const MfaAliasTable *aliases);
/* The same for a collection read with mfa_import_read: the report also
 * names what could not be read, and says it is partial. */
MfaDuplicateReport *mfa_duplicates_find_in_result (const MfaImportResult *result,
                                                   const MfaAliasTable   *aliases);
gboolean            mfa_duplicate_report_is_partial (const MfaDuplicateReport *report);
void                mfa_duplicate_report_free (MfaDuplicateReport *report);
JsonNode           *mfa_duplicate_report_to_json (const MfaDuplicateReport *report);

/* In words (duplicates-report.c): "Issuer / account"; what a group means;
 * one member as "file, entry N: label". Labels only, never a key. */
gchar              *mfa_duplicate_group_name     (const MfaDuplicateGroup *group);
gchar              *mfa_duplicate_group_describe (const MfaDuplicateGroup *group);
gchar              *mfa_duplicate_entry_describe (const MfaImportEntry    *entry);
/* "problem" when some account has entries with different keys, "warning"
 * when they only possibly are one account or the report is partial, else
 * "ok". */
const gchar        *mfa_duplicate_report_verdict (const MfaDuplicateReport *report);
/* One sentence for the whole report. */
gchar              *mfa_duplicate_report_summarize (const MfaDuplicateReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaDuplicateReport, mfa_duplicate_report_free)

G_END_DECLS
