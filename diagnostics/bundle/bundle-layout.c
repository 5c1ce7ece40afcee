/* bundle-layout.c: a bundle's ZIP structure read one way only
 *
 * ZIP keeps every entry's name, method, sizes and CRC twice: in the local
 * header before its data and in the central directory at the end. Tools
 * disagree on which copy they believe (unzip the directory, a streaming
 * reader the local headers), so an archive whose copies differ shows one
 * thing to us and another to the support engineer's unzip. Before anything
 * is read, this walks the file from its first byte to its last and accepts
 * only the layout our writer makes: the first local header at offset 0, each
 * entry followed directly by the next, then the central directory, then one
 * end-of-central-directory record ending the file; every directory record
 * equal to its local header (and data descriptor). Anything else is refused,
 * naming the first disagreement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bundle-layout"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "bundle-layout.h"
#include "mfa-error.h"

#define LOCAL_SIGNATURE 0x04034b50
#define CENTRAL_SIGNATURE 0x02014b50
#define END_SIGNATURE 0x06054b50
#define DESCRIPTOR_SIGNATURE 0x08074b50
#define LOCAL_SIZE 30
#define CENTRAL_SIZE 46
#define END_SIZE 22
#define FLAG_DESCRIPTOR 0x0008
/* A directory of MFA_BUNDLE_MAX_ENTRIES records with long names fits. */
#define MAX_DIRECTORY_SIZE (4 << 20)

typedef struct
{
  guint16  flags;
  guint16  method;
  guint32  crc;
  guint32  compressed;
  guint32  size;
  gchar   *name;
  guint16  name_len;
  guint32  offset;      /* of the local header */
} Record;

static void
record_clear (gpointer data)
{
  g_free (((Record *) data)->name);
}

static guint16
le16 (const guint8 *p)
{
  return p[0] | p[1] << 8;
}

static guint32
le32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static guint64
le64 (const guint8 *p)
{
  return le32 (p) | (guint64) le32 (p + 4) << 32;
}

static gboolean
read_at (int        fd,
         guint8    *buffer,
         gsize      len,
         goffset    offset)
{
  gsize done = 0;

  while (done < len)
    {
      gssize n = pread (fd, buffer + done, len - done, offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      done += n;
    }
  return TRUE;
}

/* The end record: exactly at the end of the file (an empty comment), one
 * disk, and a directory that ends where it begins. */
static gboolean
read_end (int       fd,
          goffset   file_size,
          guint    *entries,
          guint32  *directory_offset,
          guint32  *directory_size,
          gint      code,
          GError  **error)
{
  guint8 end[END_SIZE];

  if (file_size < END_SIZE || !read_at (fd, end, END_SIZE, file_size - END_SIZE)
      || le32 (end) != END_SIGNATURE)
    return mfa_error_fail (error, code,
                           _("not a complete ZIP archive: it does not end with a central "
                             "directory (cut short, or something follows it)"));
  *entries = le16 (end + 10);
  *directory_size = le32 (end + 12);
  *directory_offset = le32 (end + 16);
  if (le16 (end + 20) != 0)
    return mfa_error_fail (error, code, _("the ZIP archive ends with a comment or other data"));
  if (le16 (end + 4) != 0 || le16 (end + 6) != 0 || le16 (end + 8) != *entries)
    return mfa_error_fail (error, code, _("the ZIP archive claims to span several disks"));
  if ((goffset) *directory_offset + *directory_size != file_size - END_SIZE)
    return mfa_error_fail (error, code,
                           _("the ZIP archive’s central directory is not where its end "
                             "record says (another archive or data in between)"));
  if (*entries > MFA_BUNDLE_MAX_ENTRIES)
    return mfa_error_fail (error, code,
                           _("the bundle has more than %d entries"), MFA_BUNDLE_MAX_ENTRIES);
  if (*directory_size > MAX_DIRECTORY_SIZE)
    return mfa_error_fail (error, code, _("the ZIP archive’s central directory is too large"));
  return TRUE;
}

static gboolean
parse_records (const guint8  *directory,
               gsize          size,
               guint          entries,
               GArray        *records,
               GError       **error)
{
  gsize at = 0;

  for (guint i = 0; i < entries; i++)
    {
      Record record = { 0 };
      gsize extra, comment;

      if (at + CENTRAL_SIZE > size || le32 (directory + at) != CENTRAL_SIGNATURE)
        return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                               _("the ZIP central directory is damaged at record %u"), i + 1);
      record.flags = le16 (directory + at + 8);
      record.method = le16 (directory + at + 10);
      record.crc = le32 (directory + at + 16);
      record.compressed = le32 (directory + at + 20);
      record.size = le32 (directory + at + 24);
      record.name_len = le16 (directory + at + 28);
      extra = le16 (directory + at + 30);
      comment = le16 (directory + at + 32);
      record.offset = le32 (directory + at + 42);
      if (at + CENTRAL_SIZE + record.name_len + extra + comment > size)
        return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                               _("the ZIP central directory is damaged at record %u"), i + 1);
      record.name = g_malloc0 (record.name_len + 1);
      memcpy (record.name, directory + at + CENTRAL_SIZE, record.name_len);
      g_array_append_val (records, record);
      at += CENTRAL_SIZE + record.name_len + extra + comment;
    }
  if (at != size)
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("the ZIP central directory holds more than its %u records"), entries);
  return TRUE;
}

/* The data descriptor after an entry's data, as the directory gives it:
 * with or without its signature, 32- or 64-bit sizes. Its length, or 0. */
static guint
descriptor_length (int           fd,
                   goffset       at,
                   goffset       limit,
                   const Record *record)
{
  guint8 d[24] = { 0 };
  gsize available = MIN (sizeof d, (gsize) MAX (limit - at, 0));
  guint skip;

  if (available < 12 || !read_at (fd, d, available, at))
    return 0;
  skip = le32 (d) == DESCRIPTOR_SIGNATURE ? 4 : 0;
  if (le32 (d + skip) != record->crc)
    return 0;
  if (12 + skip <= available && le32 (d + skip + 4) == record->compressed
      && le32 (d + skip + 8) == record->size)
    return 12 + skip;
  if (20 + skip <= available && le64 (d + skip + 4) == record->compressed
      && le64 (d + skip + 12) == record->size)
    return 20 + skip;
  return 0;
}

/* The name shown for an entry: escaped, for a hostile one holds anything. */
static gchar *
shown (const gchar *name)
{
  return g_strescape (name, NULL);
}

static gboolean
local_value_matches (guint32   local,
                     guint32   central,
                     gboolean  deferred)
{
  return local == central || (deferred && local == 0);
}

/* One entry: its local header at `*at`, equal to its record; moves `*at`
 * to where the next entry must start. */
static gboolean
check_entry (int            fd,
             const Record  *record,
             goffset       *at,
             goffset        limit,
             GError       **error)
{
  g_autofree gchar *name = shown (record->name);
  g_autofree gchar *local_name = NULL;
  g_autofree gchar *local_shown = NULL;
  guint8 header[LOCAL_SIZE];
  gboolean deferred;
  goffset data_end;
  guint16 name_len;
  guint descriptor = 0;
  goffset expected = *at;

  if (record->offset != expected)
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("%s: not where the previous entry ends (a gap, an overlap or a hidden "
                             "entry in between)"), name);
  if (expected + LOCAL_SIZE > limit || !read_at (fd, header, LOCAL_SIZE, expected)
      || le32 (header) != LOCAL_SIGNATURE)
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("%s: no local header where the central "
                             "directory says"), name);
  name_len = le16 (header + 26);
  local_name = g_malloc0 (name_len + 1);
  if (expected + LOCAL_SIZE + name_len > limit
      || !read_at (fd, (guint8 *) local_name, name_len, expected + LOCAL_SIZE)
      || name_len != record->name_len || memcmp (local_name, record->name, name_len) != 0)
    {
      local_shown = shown (local_name);
      return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                             _("the central directory names “%s” where the local header names “%s”"),
                             name, local_shown);
    }
  if (le16 (header + 6) != record->flags)
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("%s: its flags differ between the local "
                             "header and the central directory"), name);
  if (le16 (header + 8) != record->method)
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("%s: its compression method differs "
                             "between the local header and the "
                             "central directory"), name);
  deferred = (record->flags & FLAG_DESCRIPTOR) != 0;
  if (!local_value_matches (le32 (header + 14), record->crc, deferred))
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("%s: its CRC differs between the local "
                             "header and the central directory"), name);
  if (!local_value_matches (le32 (header + 18), record->compressed, deferred)
      || !local_value_matches (le32 (header + 22), record->size, deferred))
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("%s: its sizes differ between the local "
                             "header and the central directory"), name);
  data_end = expected + LOCAL_SIZE + name_len + le16 (header + 28) + record->compressed;
  if (data_end > limit)
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("%s: its data runs into the central "
                             "directory"), name);
  if (deferred && (descriptor = descriptor_length (fd, data_end, limit, record)) == 0)
    return mfa_error_fail (error, MFA_ERROR_BUNDLE_DAMAGED,
                           _("%s: its data descriptor differs from "
                             "the central directory"), name);
  *at = data_end + descriptor;
  return TRUE;
}

static void
layout_entry_free (MfaBundleLayoutEntry *entry)
{
  g_free (entry->name);
  g_free (entry);
}

gboolean
mfa_bundle_check_layout (int         fd,
                         GPtrArray **entries_out,
                         GError    **error)
{
  g_autoptr(GArray) records = g_array_new (FALSE, TRUE, sizeof (Record));
  g_autofree guint8 *directory = NULL;
  guint8 start[4] = { 0 };
  guint32 directory_offset = 0, directory_size = 0;
  goffset at = 0;
  guint entries = 0;
  struct stat info;
  gint code;

  g_array_set_clear_func (records, record_clear);
  if (fstat (fd, &info) != 0)
    return mfa_error_fail (error, MFA_ERROR_NOT_A_BUNDLE, "%s", g_strerror (errno));
  read_at (fd, start, sizeof start, 0);
  if (le32 (start) == END_SIGNATURE)
    return mfa_error_fail (error, MFA_ERROR_NOT_A_BUNDLE,
                           _("not a ticket bundle: the archive is empty"));
  if (le32 (start) != LOCAL_SIGNATURE)
    return mfa_error_fail (error, MFA_ERROR_NOT_A_BUNDLE,
                           _("not a ticket bundle: it does not start with a ZIP entry (a ZIP archive "
                             "with something in front of it, or no ZIP archive at all)"));
  /* It starts as a ZIP archive: from here on it is a damaged bundle. */
  code = MFA_ERROR_BUNDLE_DAMAGED;
  if (!read_end (fd, info.st_size, &entries, &directory_offset, &directory_size, code, error))
    return FALSE;
  directory = g_malloc (MAX (directory_size, 1));
  if (!read_at (fd, directory, directory_size, directory_offset))
    return mfa_error_fail (error, code, _("the ZIP central directory cannot be read"));
  if (!parse_records (directory, directory_size, entries, records, error))
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      if (!check_entry (fd, &g_array_index (records, Record, i), &at, directory_offset, error))
        return FALSE;
    }
  if (at != directory_offset)
    return mfa_error_fail (error, code,
                           _("the ZIP archive holds data that its central directory does "
                             "not list (a hidden entry or another archive)"));
  *entries_out = g_ptr_array_new_with_free_func ((GDestroyNotify) layout_entry_free);
  for (guint i = 0; i < records->len; i++)
    {
      Record *record = &g_array_index (records, Record, i);
      MfaBundleLayoutEntry *entry = g_new0 (MfaBundleLayoutEntry, 1);

      entry->name = g_steal_pointer (&record->name);
      entry->size = record->size;
      g_ptr_array_add (*entries_out, entry);
    }
  return TRUE;
}
