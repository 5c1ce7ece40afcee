/* fuzz-importer.c: libFuzzer target for one importer, chosen at build time
 * with -DFUZZ_FORMAT=MFA_IMPORT_…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mfadiag.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree gchar *text = g_strndup ((const gchar *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = mfa_import_data ("fuzz", text, strlen (text), FUZZ_FORMAT,
                                                  &error);

  g_assert ((entries == NULL) != (error == NULL));
  if (entries != NULL)
    {
      g_autoptr(MfaAliasTable) aliases = mfa_alias_table_new ();
      g_autoptr(MfaDuplicateReport) report = mfa_duplicates_find (entries, aliases);
      g_autoptr(JsonNode) node = mfa_duplicate_report_to_json (report);

      for (guint i = 0; i < entries->len; i++)
        {
          MfaImportEntry *entry = g_ptr_array_index (entries, i);

          g_assert (entry->secret != NULL && entry->secret->len > 0);
          g_assert (entry->account != NULL && entry->label != NULL);
          /* Numbered by place in the file: rising, not always from 0 (a
           * Bitwarden export's first items may hold no key). */
          g_assert (i == 0
                    || entry->index > ((MfaImportEntry *) g_ptr_array_index (entries,
                                                                             i - 1))->index);
        }
      g_assert (report->n_entries == entries->len);
      g_assert (json_node_get_object (node) != NULL);
    }
  return 0;
}
