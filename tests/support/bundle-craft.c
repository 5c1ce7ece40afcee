/* bundle-craft.c: ZIP archives and manifests made by hand, for attacks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <archive.h>
#include <archive_entry.h>

#include "bundle-craft.h"

void
test_write_zip (const gchar *path, const Craft *entries, guint n)
{
  struct archive *archive = archive_write_new ();
  g_autofree guint8 *zeros = g_malloc0 (1 << 20);

  archive_write_set_format_zip (archive);
  archive_write_zip_set_compression_deflate (archive);
  g_assert_cmpint (archive_write_open_filename (archive, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < n; i++)
    {
      struct archive_entry *entry = archive_entry_new ();

      archive_entry_set_pathname (entry, entries[i].name);
      archive_entry_set_perm (entry, 0644);
      if (entries[i].type == LINK_ENTRY)
        {
          archive_entry_set_filetype (entry, AE_IFLNK);
          archive_entry_set_symlink (entry, "/etc/passwd");
        }
      else if (entries[i].type == DIR_ENTRY)
        archive_entry_set_filetype (entry, AE_IFDIR);
      else
        {
          archive_entry_set_filetype (entry, AE_IFREG);
          archive_entry_set_size (entry, entries[i].len);
          if (entries[i].type == HARDLINK_ENTRY)
            archive_entry_set_hardlink (entry, "manifest.json");
        }
      archive_write_header (archive, entry);
      if (entries[i].type == FILE_ENTRY && entries[i].data != NULL)
        archive_write_data (archive, entries[i].data, entries[i].len);
      else if (entries[i].type == FILE_ENTRY)
        for (gsize done = 0; done < entries[i].len; done += 1 << 20)
          archive_write_data (archive, zeros, MIN (entries[i].len - done, 1 << 20));
      archive_entry_free (entry);
    }
  archive_write_close (archive);
  archive_write_free (archive);
}

gchar *
test_sha256_of (const Craft *file)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *zeros = g_malloc0 (1 << 20);

  if (file->data != NULL)
    g_checksum_update (checksum, (const guint8 *) file->data, file->len);
  else
    for (gsize done = 0; done < file->len; done += 1 << 20)
      g_checksum_update (checksum, zeros, MIN (file->len - done, 1 << 20));
  return g_strdup (g_checksum_get_string (checksum));
}

gchar *
test_manifest_for (const Craft *files, guint n, gint version, const gchar *extra_file)
{
  g_autoptr(GString) json = g_string_new (NULL);

  g_string_append_printf (json, "{\"format\":\"mfa-ticket\",\"version\":%d,\"files\":[", version);
  for (guint i = 0; i < n; i++)
    {
      g_autofree gchar *sha = test_sha256_of (&files[i]);

      g_string_append_printf (json, "%s{\"path\":\"%s\",\"size\":%" G_GSIZE_FORMAT
                              ",\"sha256\":\"%s\",\"kind\":\"other\"}",
                              i > 0 ? "," : "", files[i].name, files[i].len, sha);
    }
  if (extra_file != NULL)
    g_string_append_printf (json, "%s%s", n > 0 ? "," : "", extra_file);
  g_string_append (json, "]}");
  return g_string_free (g_steal_pointer (&json), FALSE);
}

