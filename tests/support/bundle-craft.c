/* bundle-craft.c: ZIP archives and manifests made by hand, for attacks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <archive.h>
#include <archive_entry.h>

#include <string.h>

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


guint32
test_crc32 (const guint8 *data,
            gsize         len,
            guint32       crc)
{
  crc = ~crc;
  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (guint k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
  return ~crc;
}

static void
append_le (GByteArray *out,
           guint       n,
           guint32     value)
{
  for (guint i = 0; i < n; i++, value >>= 8)
    {
      guint8 byte = value & 0xff;

      g_byte_array_append (out, &byte, 1);
    }
}

void
test_write_raw_zip (const gchar   *path,
                    const Craft   *entries,
                    guint          n,
                    GBytes * const *local_extras)
{
  g_autoptr(GByteArray) zip = g_byte_array_new ();
  g_autoptr(GByteArray) directory = g_byte_array_new ();

  for (guint i = 0; i < n; i++)
    {
      gsize extra_len = 0;
      const guint8 *extra = local_extras != NULL && local_extras[i] != NULL
                              ? g_bytes_get_data (local_extras[i], &extra_len) : NULL;
      guint32 crc = test_crc32 ((const guint8 *) entries[i].data, entries[i].len, 0);
      guint32 offset = zip->len;
      gsize name_len = strlen (entries[i].name);

      append_le (zip, 4, 0x04034b50);
      append_le (zip, 2, 20);
      append_le (zip, 4, 0);              /* flags, stored */
      append_le (zip, 4, 0);              /* time, date */
      append_le (zip, 4, crc);
      append_le (zip, 4, entries[i].len);
      append_le (zip, 4, entries[i].len);
      append_le (zip, 2, name_len);
      append_le (zip, 2, extra_len);
      g_byte_array_append (zip, (const guint8 *) entries[i].name, name_len);
      if (extra != NULL)
        g_byte_array_append (zip, extra, extra_len);
      g_byte_array_append (zip, (const guint8 *) entries[i].data, entries[i].len);

      append_le (directory, 4, 0x02014b50);
      append_le (directory, 2, 0x031e);
      append_le (directory, 2, 20);
      append_le (directory, 4, 0);
      append_le (directory, 4, 0);
      append_le (directory, 4, crc);
      append_le (directory, 4, entries[i].len);
      append_le (directory, 4, entries[i].len);
      append_le (directory, 2, name_len);
      append_le (directory, 4, 0);        /* extra, comment lengths */
      append_le (directory, 4, 0);        /* disk, internal attributes */
      append_le (directory, 4, 0100644u << 16);
      append_le (directory, 4, offset);
      g_byte_array_append (directory, (const guint8 *) entries[i].name, name_len);
    }
  append_le (directory, 4, 0x06054b50);
  append_le (directory, 4, 0);
  append_le (directory, 2, n);
  append_le (directory, 2, n);
  append_le (directory, 4, directory->len - 12);
  append_le (directory, 4, zip->len);
  append_le (directory, 2, 0);
  g_byte_array_append (zip, directory->data, directory->len);
  g_assert_true (g_file_set_contents (path, (const gchar *) zip->data, zip->len, NULL));
}
