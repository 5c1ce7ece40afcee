/* bundle.c: what the writer and the reader share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bundle"

#include "config.h"

#include <string.h>

#include "bundle.h"

void
mfa_bundle_file_free (MfaBundleFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_free (file->sha256);
  g_free (file->media_type);
  g_free (file->kind);
  g_free (file->caption);
  g_free (file);
}

void
mfa_bundle_free (MfaBundle *bundle)
{
  if (bundle == NULL)
    return;
  g_clear_pointer (&bundle->manifest, json_node_unref);
  g_clear_pointer (&bundle->files, g_ptr_array_unref);
  g_free (bundle);
}

/* Relative, forward slashes only, no empty, "." or ".." part, nothing that
 * any unzip tool could take for a drive, a device or a hidden escape. */
gboolean
mfa_bundle_path_is_safe (const gchar *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || path[0] == '\0' || strlen (path) > 255 || path[0] == '/'
      || strchr (path, '\\') != NULL || strchr (path, ':') != NULL
      || !g_utf8_validate (path, -1, NULL))
    return FALSE;
  for (const gchar *p = path; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return FALSE;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
      return FALSE;
  return TRUE;
}
