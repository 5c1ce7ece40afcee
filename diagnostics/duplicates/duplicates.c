/* duplicates.c: normalising issuer and account names, grouping entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "duplicates"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "duplicates.h"
#include "duplicates/duplicates-enums.h"

struct _MfaAliasTable
{
  GHashTable *canonical;   /* folded alias → folded canonical name */
};

gchar *
mfa_duplicates_fold (const gchar *text)
{
  g_autofree gchar *normal = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (normal == NULL)
    return g_strdup (text);   /* not UTF-8: compare as bytes */
  out = g_string_sized_new (strlen (normal));
  for (const gchar *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }
  {
    g_autofree gchar *spaced = g_string_free (out, FALSE);

    return g_utf8_casefold (spaced, -1);
  }
}

MfaAliasTable *
mfa_alias_table_new (void)
{
  MfaAliasTable *table = g_new0 (MfaAliasTable, 1);

  table->canonical = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  mfa_alias_table_add (table, "Aliyun", "Alibaba Cloud");
  mfa_alias_table_add (table, "阿里云", "Alibaba Cloud");
  mfa_alias_table_add (table, "AlibabaCloud", "Alibaba Cloud");
  mfa_alias_table_add (table, "Alibaba Cloud International", "Alibaba Cloud");
  return table;
}

void
mfa_alias_table_add (MfaAliasTable *table,
                     const gchar   *alias,
                     const gchar   *canonical)
{
  g_autofree gchar *folded_canonical = mfa_duplicates_fold (canonical);

  g_return_if_fail (table != NULL && alias != NULL && canonical != NULL);
  /* An alias of an alias resolves to the end of the chain. */
  while (g_hash_table_contains (table->canonical, folded_canonical))
    {
      gchar *next = g_strdup (g_hash_table_lookup (table->canonical, folded_canonical));

      g_free (folded_canonical);
      folded_canonical = next;
    }
  g_hash_table_replace (table->canonical, mfa_duplicates_fold (alias),
                        g_steal_pointer (&folded_canonical));
}

void
mfa_alias_table_free (MfaAliasTable *table)
{
  if (table == NULL)
    return;
  g_hash_table_unref (table->canonical);
  g_free (table);
}

gchar *
mfa_alias_table_resolve (const MfaAliasTable *table,
                         const gchar         *issuer)
{
  g_autofree gchar *folded = mfa_duplicates_fold (issuer);
  const gchar *canonical = table != NULL ? g_hash_table_lookup (table->canonical, folded) : NULL;

  return canonical != NULL ? g_strdup (canonical) : g_steal_pointer (&folded);
}

/* The account without an "Issuer:" prefix that names the same issuer (or
 * any prefix when the entry names no issuer). */
static gchar *
account_key (const MfaAliasTable *aliases,
             const gchar         *issuer_key,
             const gchar         *account)
{
  const gchar *colon = strchr (account, ':');

  if (colon != NULL)
    {
      g_autofree gchar *prefix = g_strndup (account, colon - account);
      g_autofree gchar *prefix_key = mfa_alias_table_resolve (aliases, prefix);

      if (issuer_key[0] == '\0' || g_str_equal (prefix_key, issuer_key))
        return mfa_duplicates_fold (colon + 1);
    }
  return mfa_duplicates_fold (account);
}

/* Entries that name one account: the same issuer (after aliases) and the
 * same account name. One string holds both, "ISSUER\001ACCOUNT" (U+0001
 * cannot come out of folding readable names, so no two distinct pairs
 * share it): an export may hold 100,000 accounts. */
typedef struct
{
  gchar       *key;
  MfaImportEntry *first;      /* borrowed; most accounts have one entry, and no array */
  GPtrArray   *members;       /* MfaImportEntry *, borrowed: made for a second entry */
  gboolean     issuer_unknown;
  GStrv        issuers;
} Bucket;

#define BUCKET_HAS_ISSUER(bucket) ((bucket)->key[0] != '\001')

static void
bucket_free (Bucket *bucket)
{
  g_free (bucket->key);
  g_clear_pointer (&bucket->members, g_ptr_array_unref);
  g_strfreev (bucket->issuers);
  g_free (bucket);
}

static Bucket *
bucket_new (const gchar *issuer_key,
            const gchar *account_key)
{
  Bucket *bucket = g_new0 (Bucket, 1);

  bucket->key = g_strconcat (issuer_key, "\001", account_key, NULL);
  return bucket;
}

/* The account part of the key (the issuer's is folded text: no U+0001). */
static const gchar *
bucket_account (const Bucket *bucket)
{
  return strchr (bucket->key, '\001') + 1;
}

static guint
bucket_hash (gconstpointer bucket)
{
  return g_str_hash (((const Bucket *) bucket)->key);
}

static gboolean
bucket_equal (gconstpointer a,
              gconstpointer b)
{
  return g_str_equal (((const Bucket *) a)->key, ((const Bucket *) b)->key);
}

static GPtrArray *
bucket_members (Bucket *bucket)
{
  if (bucket->members == NULL)
    {
      bucket->members = g_ptr_array_sized_new (2);
      if (bucket->first != NULL)
        g_ptr_array_add (bucket->members, bucket->first);
    }
  return bucket->members;
}

static void
bucket_add (Bucket         *bucket,
            MfaImportEntry *entry)
{
  if (bucket->members == NULL && bucket->first == NULL)
    bucket->first = entry;
  else
    g_ptr_array_add (bucket_members (bucket), entry);
}

static guint
bucket_size (const Bucket *bucket)
{
  return bucket->members != NULL ? bucket->members->len : bucket->first != NULL;
}

static void
group_free (MfaDuplicateGroup *group)
{
  g_ptr_array_unref (group->members);
  g_strfreev (group->issuers);
  g_free (group);
}

void
mfa_duplicate_report_free (MfaDuplicateReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->groups);
  g_ptr_array_unref (report->skipped);
  g_free (report);
}

static MfaDuplicateKind
classify (GPtrArray *members)
{
  const MfaImportEntry *first = g_ptr_array_index (members, 0);

  for (guint i = 1; i < members->len; i++)
    {
      const MfaImportEntry *other = g_ptr_array_index (members, i);

      if (!mfa_secret_equal (first->secret, other->secret))
        return MFA_DUPLICATE_DIFFERENT_KEYS;
    }
  return MFA_DUPLICATE_SAME_KEY;
}

static gboolean
shares_a_key (Bucket *a,
              Bucket *b)
{
  GPtrArray *these = bucket_members (a);
  GPtrArray *those = bucket_members (b);

  for (guint i = 0; i < these->len; i++)
    for (guint j = 0; j < those->len; j++)
      if (mfa_secret_equal (((const MfaImportEntry *) g_ptr_array_index (these, i))->secret,
                            ((const MfaImportEntry *) g_ptr_array_index (those, j))->secret))
        return TRUE;
  return FALSE;
}

static void
append_members (Bucket *to,
                Bucket *from)
{
  GPtrArray *members = bucket_members (from);

  for (guint i = 0; i < members->len; i++)
    g_ptr_array_add (bucket_members (to), g_ptr_array_index (members, i));
}

/* Entries without an issuer (Google Authenticator writes "Mason" next to
 * "Deno:Mason" for one key) join the account of that name: the one
 * issuer that has it, or the one whose key they share. Where several
 * issuers have the name and none shares the key, one group shows all of
 * them. Returns the bucket the entries now belong to (NULL: unchanged). */
static Bucket *
place_issuerless (Bucket    *unknown,
                  GPtrArray *candidates)
{
  Bucket *match = NULL;
  Bucket *joined;
  g_autoptr(GStrvBuilder) issuers = NULL;

  if (candidates == NULL || candidates->len == 0)
    return NULL;
  if (candidates->len == 1)
    match = g_ptr_array_index (candidates, 0);
  for (guint i = 0; match == NULL && i < candidates->len; i++)
    if (shares_a_key (unknown, g_ptr_array_index (candidates, i)))
      match = g_ptr_array_index (candidates, i);
  if (match != NULL)
    {
      append_members (match, unknown);
      match->issuer_unknown = TRUE;
      g_ptr_array_set_size (bucket_members (unknown), 0);
      return NULL;
    }
  joined = bucket_new ("", bucket_account (unknown));
  joined->issuer_unknown = TRUE;
  issuers = g_strv_builder_new ();
  append_members (joined, unknown);
  for (guint i = 0; i < candidates->len; i++)
    {
      Bucket *candidate = g_ptr_array_index (candidates, i);
      const MfaImportEntry *first = g_ptr_array_index (bucket_members (candidate), 0);

      g_strv_builder_add (issuers, first->issuer);
      append_members (joined, candidate);
    }
  joined->issuers = g_strv_builder_end (issuers);
  g_ptr_array_set_size (bucket_members (unknown), 0);
  return joined;
}

/* Buckets of one account each, in order of first appearance. */
static GPtrArray *
fill_buckets (GPtrArray           *entries,
              const MfaAliasTable *aliases)
{
  /* A set of buckets, found by their keys. */
  g_autoptr(GHashTable) by_key = g_hash_table_new (bucket_hash, bucket_equal);
  GPtrArray *order = g_ptr_array_new_with_free_func ((GDestroyNotify) bucket_free);

  for (guint i = 0; i < entries->len; i++)
    {
      MfaImportEntry *entry = g_ptr_array_index (entries, i);
      g_autofree gchar *issuer = mfa_alias_table_resolve (aliases, entry->issuer);
      g_autofree gchar *account = account_key (aliases, issuer, entry->account);
      g_autofree gchar *key = g_strconcat (issuer, "\001", account, NULL);
      Bucket wanted = { key };
      Bucket *bucket = g_hash_table_lookup (by_key, &wanted);

      if (bucket == NULL)
        {
          bucket = bucket_new (issuer, account);
          g_hash_table_add (by_key, bucket);
          g_ptr_array_add (order, bucket);
        }
      bucket_add (bucket, entry);
    }
  return order;
}

static void
join_issuerless (GPtrArray *order)
{
  g_autoptr(GHashTable) by_account =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  guint n = order->len;

  for (guint i = 0; i < n; i++)
    {
      Bucket *bucket = g_ptr_array_index (order, i);
      GPtrArray *list;

      if (!BUCKET_HAS_ISSUER (bucket))
        continue;
      list = g_hash_table_lookup (by_account, bucket_account (bucket));
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_account, (gpointer) bucket_account (bucket), list);
        }
      g_ptr_array_add (list, bucket);
    }
  for (guint i = 0; i < n; i++)
    {
      Bucket *bucket = g_ptr_array_index (order, i);
      Bucket *joined;

      if (BUCKET_HAS_ISSUER (bucket))
        continue;
      joined = place_issuerless (bucket, g_hash_table_lookup (by_account, bucket_account (bucket)));
      if (joined != NULL)
        g_ptr_array_add (order, joined);
    }
}

static MfaDuplicateGroup *
group_new (Bucket *bucket)
{
  MfaDuplicateGroup *group = g_new0 (MfaDuplicateGroup, 1);
  GPtrArray *members = bucket_members (bucket);
  const MfaImportEntry *first = g_ptr_array_index (members, 0);

  group->issuer = first->issuer != NULL && bucket->issuers == NULL ? first->issuer : "";
  group->account = first->account;
  group->members = g_ptr_array_ref (members);
  group->kind = classify (members);
  group->issuer_unknown = bucket->issuer_unknown;
  group->issuers = g_steal_pointer (&bucket->issuers);
  return group;
}

MfaDuplicateReport *
mfa_duplicates_find (GPtrArray           *entries,
                     const MfaAliasTable *aliases)
{
  g_autoptr(GPtrArray) order = fill_buckets (entries, aliases);
  MfaDuplicateReport *report = g_new0 (MfaDuplicateReport, 1);

  report->n_entries = entries->len;
  report->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  report->skipped = g_ptr_array_new ();
  join_issuerless (order);
  for (guint i = 0; i < order->len; i++)
    {
      Bucket *bucket = g_ptr_array_index (order, i);

      if (bucket_size (bucket) >= 2)
        g_ptr_array_add (report->groups, group_new (bucket));
    }
  return report;
}

MfaDuplicateReport *
mfa_duplicates_find_in_result (const MfaImportResult *result,
                               const MfaAliasTable   *aliases)
{
  MfaDuplicateReport *report = mfa_duplicates_find (result->entries, aliases);

  g_ptr_array_unref (report->skipped);
  report->skipped = g_ptr_array_ref (result->skipped);
  return report;
}

gboolean
mfa_duplicate_report_is_partial (const MfaDuplicateReport *report)
{
  return report->skipped->len > 0;
}

static void
group_to_json (JsonBuilder             *builder,
               const MfaDuplicateGroup *group)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "issuer");
  json_builder_add_string_value (builder, group->issuer);
  json_builder_set_member_name (builder, "account");
  json_builder_add_string_value (builder, group->account);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, mfa_duplicate_kind_to_nick (group->kind));
  json_builder_set_member_name (builder, "issuer_recorded");
  json_builder_add_boolean_value (builder, !group->issuer_unknown);
  if (group->issuers != NULL)
    {
      json_builder_set_member_name (builder, "possible_issuers");
      json_builder_begin_array (builder);
      for (guint i = 0; group->issuers[i] != NULL; i++)
        json_builder_add_string_value (builder, group->issuers[i]);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint j = 0; j < group->members->len; j++)
    {
      const MfaImportEntry *entry = g_ptr_array_index (group->members, j);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, entry->file);
      json_builder_set_member_name (builder, "index");
      json_builder_add_int_value (builder, entry->index);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, entry->label);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, mfa_otp_type_to_string (entry->type));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
skip_to_json (JsonBuilder         *builder,
              const MfaImportSkip *skip)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, skip->file);
  json_builder_set_member_name (builder, "place");
  json_builder_add_string_value (builder, mfa_import_place_to_string (skip->place));
  if (skip->place != MFA_IMPORT_AT_FILE)
    {
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, skip->number);
    }
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, skip->reason);
  json_builder_end_object (builder);
}

/* Names, files and positions only: never a key. */
JsonNode *
mfa_duplicate_report_to_json (const MfaDuplicateReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "entries");
  json_builder_add_int_value (builder, report->n_entries);
  json_builder_set_member_name (builder, "partial");
  json_builder_add_boolean_value (builder, mfa_duplicate_report_is_partial (report));
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->groups->len; i++)
    group_to_json (builder, g_ptr_array_index (report->groups, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "skipped");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->skipped->len; i++)
    skip_to_json (builder, g_ptr_array_index (report->skipped, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
