/* duplicates.c: normalising issuer and account names, grouping entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "duplicates.h"

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

static gchar *
entry_key (const MfaAliasTable  *aliases,
           const MfaImportEntry *entry)
{
  g_autofree gchar *issuer = mfa_alias_table_resolve (aliases, entry->issuer);
  g_autofree gchar *account = account_key (aliases, issuer, entry->account);

  /* U+0001 cannot come out of folding readable names: no two distinct
   * (issuer, account) pairs share a key. */
  return g_strconcat (issuer, "\001", account, NULL);
}

static void
group_free (MfaDuplicateGroup *group)
{
  g_ptr_array_unref (group->members);
  g_free (group);
}

void
mfa_duplicate_report_free (MfaDuplicateReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->groups);
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

MfaDuplicateReport *
mfa_duplicates_find (GPtrArray           *entries,
                     const MfaAliasTable *aliases)
{
  g_autoptr(GHashTable) by_key =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  MfaDuplicateReport *report = g_new0 (MfaDuplicateReport, 1);

  report->n_entries = entries->len;
  report->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  for (guint i = 0; i < entries->len; i++)
    {
      MfaImportEntry *entry = g_ptr_array_index (entries, i);
      gchar *key = entry_key (aliases, entry);
      GPtrArray *members = g_hash_table_lookup (by_key, key);

      if (members == NULL)
        {
          members = g_ptr_array_new ();
          g_hash_table_insert (by_key, key, members);
          g_ptr_array_add (order, members);
        }
      else
        g_free (key);
      g_ptr_array_add (members, entry);
    }
  for (guint i = 0; i < order->len; i++)
    {
      GPtrArray *members = g_ptr_array_index (order, i);
      const MfaImportEntry *first = g_ptr_array_index (members, 0);
      MfaDuplicateGroup *group;

      if (members->len < 2)
        continue;
      group = g_new0 (MfaDuplicateGroup, 1);
      group->issuer = first->issuer != NULL ? first->issuer : "";
      group->account = first->account;
      group->members = g_ptr_array_ref (members);
      group->kind = classify (members);
      g_ptr_array_add (report->groups, group);
    }
  return report;
}

const gchar *
mfa_duplicate_kind_to_string (MfaDuplicateKind kind)
{
  return kind == MFA_DUPLICATE_DIFFERENT_KEYS ? "different-keys" : "same-key";
}

/* Names, files and positions only: never a key. */
JsonNode *
mfa_duplicate_report_to_json (const MfaDuplicateReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "entries");
  json_builder_add_int_value (builder, report->n_entries);
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->groups->len; i++)
    {
      const MfaDuplicateGroup *group = g_ptr_array_index (report->groups, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "issuer");
      json_builder_add_string_value (builder, group->issuer);
      json_builder_set_member_name (builder, "account");
      json_builder_add_string_value (builder, group->account);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, mfa_duplicate_kind_to_string (group->kind));
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
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
