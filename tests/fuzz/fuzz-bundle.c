/* fuzz-bundle.c: libFuzzer target for the bundle reader (archive + manifest)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <unistd.h>
#include <glib/gstdio.h>

#include "mfadiag.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static gchar *path = NULL;
  g_autoptr(MfaBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    path = g_build_filename (g_get_tmp_dir (), "mfa-fuzz-bundle.mfaticket", NULL);
  g_file_set_contents (path, (const gchar *) data, size, NULL);
  bundle = mfa_bundle_verify (path, NULL, NULL, &error);
  g_assert ((bundle == NULL) == (error != NULL));
  if (bundle != NULL)
    for (guint i = 0; i < bundle->files->len; i++)
      g_assert (mfa_bundle_path_is_safe (((MfaBundleFile *) bundle->files->pdata[i])->path));
  return 0;
}
