/* fuzz-google-payload.c: libFuzzer target for the protobuf reader under the
 * Google Authenticator MigrationPayload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mfadiag.h"
#include "duplicates/importers/google.h"
#include "duplicates/importers/import-common.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) mfa_import_entry_free);
  g_autoptr(MfaGoogleBatches) batches = mfa_google_batches_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skipped =
    g_ptr_array_new_with_free_func ((GDestroyNotify) mfa_import_skip_free);
  MfaImportState state = { batches, skipped, NULL, 0, 0 };
  MfaImportInput input = { "fuzz", NULL, 0, NULL, &state };

  if (mfa_google_parse_payload (&input, data, size, batches, entries, &error))
    {
      g_assert (error == NULL);
      for (guint i = 0; i < entries->len; i++)
        {
          MfaImportEntry *entry = g_ptr_array_index (entries, i);

          g_assert (entry->secret->len > 0 && entry->secret->len <= MFA_BASE32_MAX_KEY_BYTES);
        }
      mfa_google_batches_check (batches, NULL);
    }
  else
    g_assert (error != NULL);
  return 0;
}
