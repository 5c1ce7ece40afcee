/* bundle-craft.h: ZIP archives and manifests made by hand, for attacks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

enum { FILE_ENTRY, LINK_ENTRY, HARDLINK_ENTRY, DIR_ENTRY };

typedef struct
{
  const gchar *name;
  gint         type;
  const gchar *data;   /* NULL with len: that many zero bytes */
  gsize        len;
} Craft;

void   test_write_zip     (const gchar *path, const Craft *entries, guint n);
gchar *test_sha256_of     (const Craft *file);
/* A manifest listing `files` truthfully, unless told otherwise. */
gchar *test_manifest_for  (const Craft *files, guint n, gint version, const gchar *extra_file);

/* CRC-32 as ZIP and PNG use it. */
guint32 test_crc32        (const guint8 *data, gsize len, guint32 crc);
/* A ZIP archive written byte by byte (stored entries, sizes and CRC in the
 * local headers, no data descriptors), with `local_extras[i]` (may be NULL)
 * as entry i's local extra field: what libarchive cannot be made to write. */
void   test_write_raw_zip (const gchar *path, const Craft *entries, guint n,
                           GBytes * const *local_extras);

G_END_DECLS
