/* fuzz-bundle.c: libFuzzer target for the bundle reader (archive + manifest)
 *
 * Byte flips alone never get past a ZIP's signatures and checksums, so the
 * custom mutator knows the format: it changes the structure of a bundle
 * (local headers, central directory records, offsets, names, methods,
 * flags, sizes, the end record; entries hidden, repeated, concatenated or
 * prefixed), or writes a fresh stored bundle whose manifest nests JSON to a
 * chosen depth and lists its files truthfully or not. The seed corpus
 * (tests/fuzz/corpus/bundle) holds bundles made by mfa-ticket create.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "mfadiag.h"

int    LLVMFuzzerTestOneInput  (const guint8 *data, size_t size);
size_t LLVMFuzzerCustomMutator (guint8 *data, size_t size, size_t max_size, unsigned int seed);
size_t LLVMFuzzerMutate        (guint8 *data, size_t size, size_t max_size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static gchar *path = NULL;
  g_autoptr(MfaBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    path = g_strdup_printf ("%s/mfa-fuzz-bundle-%d.mfaticket", g_get_tmp_dir (), getpid ());
  g_file_set_contents (path, (const gchar *) data, size, NULL);
  bundle = mfa_bundle_verify (path, NULL, NULL, &error);
  g_assert ((bundle == NULL) == (error != NULL));
  if (bundle != NULL)
    for (guint i = 0; i < bundle->files->len; i++)
      g_assert (mfa_bundle_path_is_safe (((MfaBundleFile *) bundle->files->pdata[i])->path));
  return 0;
}

/* ---- the ZIP format, by hand ------------------------------------------------ */

static guint32
get_le (const guint8 *p,
        guint         n)
{
  guint32 value = 0;

  for (guint i = n; i > 0; i--)
    value = value << 8 | p[i - 1];
  return value;
}

static void
put_le (guint8  *p,
        guint    n,
        guint32  value)
{
  for (guint i = 0; i < n; i++, value >>= 8)
    p[i] = value & 0xff;
}

static void
append_le (GByteArray *out,
           guint       n,
           guint32     value)
{
  guint8 bytes[4];

  put_le (bytes, n, value);
  g_byte_array_append (out, bytes, n);
}

static guint32
crc32 (const guint8 *data,
       gsize         len)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (guint k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
  return ~crc;
}

/* Offsets of every local header and central record a well-formed archive
 * declares; FALSE when the end record cannot be found. */
static gboolean
find_records (const guint8 *data,
              gsize         size,
              GArray       *locals,
              GArray       *centrals)
{
  gsize end = size >= 22 ? size - 22 : 0, at;
  guint n;

  while (end > 0 && get_le (data + end, 4) != 0x06054b50)
    end--;
  if (size < 22 || get_le (data + end, 4) != 0x06054b50)
    return FALSE;
  n = get_le (data + end + 10, 2);
  at = get_le (data + end + 16, 4);
  for (guint i = 0; i < n && at + 46 <= size && get_le (data + at, 4) == 0x02014b50; i++)
    {
      guint32 local = get_le (data + at + 42, 4);

      g_array_append_val (centrals, at);
      if ((gsize) local + 30 <= size)
        {
          gsize local_at = local;

          g_array_append_val (locals, local_at);
        }
      at += 46 + get_le (data + at + 28, 2) + get_le (data + at + 30, 2)
            + get_le (data + at + 32, 2);
    }
  return centrals->len > 0;
}

/* One field of one header changed: where both copies of a value live. */
static size_t
mutate_field (guint8 *data,
              size_t  size,
              GRand  *rand)
{
  g_autoptr(GArray) locals = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) centrals = g_array_new (FALSE, FALSE, sizeof (gsize));
  static const guint8 local_fields[][2] = { { 6, 2 }, { 8, 2 }, { 14, 4 }, { 18, 4 }, { 22, 4 },
                                            { 26, 2 }, { 28, 2 }, { 30, 1 } };
  static const guint8 central_fields[][2] = { { 8, 2 }, { 10, 2 }, { 16, 4 }, { 20, 4 },
                                              { 24, 4 }, { 28, 2 }, { 30, 2 }, { 42, 4 },
                                              { 46, 1 }, { 38, 4 } };
  static const guint32 values[] = { 0, 1, 8, 0xffff, 0xffffffff, 0x7fffffff, 46, 30, 22 };
  gboolean central;
  const guint8 *field;
  gsize at;
  guint32 value;

  if (!find_records (data, size, locals, centrals))
    return 0;
  central = g_rand_boolean (rand) || locals->len == 0;
  if (central)
    {
      at = g_array_index (centrals, gsize, g_rand_int_range (rand, 0, centrals->len));
      field = central_fields[g_rand_int_range (rand, 0, G_N_ELEMENTS (central_fields))];
    }
  else
    {
      at = g_array_index (locals, gsize, g_rand_int_range (rand, 0, locals->len));
      field = local_fields[g_rand_int_range (rand, 0, G_N_ELEMENTS (local_fields))];
    }
  if (at + field[0] + field[1] > size)
    return 0;
  value = get_le (data + at + field[0], field[1]);
  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0: value = values[g_rand_int_range (rand, 0, G_N_ELEMENTS (values))]; break;
    case 1: value += g_rand_int_range (rand, -4, 5); break;
    case 2: value ^= 1u << g_rand_int_range (rand, 0, 8 * field[1]); break;
    default: value = field[1] == 1 ? (guint32) "./\\:%\x01" [g_rand_int_range (rand, 0, 6)]
                                   : g_rand_int (rand);
    }
  put_le (data + at + field[0], field[1], value);
  return size;
}

/* Whole-archive changes: data in front or behind, the archive twice, a
 * piece cut out or repeated. */
static size_t
mutate_layout (guint8 *data,
               size_t  size,
               size_t  max_size,
               GRand  *rand)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize from = g_rand_int_range (rand, 0, size + 1);
  gsize len = g_rand_int_range (rand, 0, size - from + 1);

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      g_byte_array_append (out, (const guint8 *) "<html><body>MZ\x90", 15);
      g_byte_array_append (out, data, size);
      break;
    case 1:
      g_byte_array_append (out, data, size);
      g_byte_array_append (out, data, size);
      break;
    case 2:
      g_byte_array_append (out, data, from);
      g_byte_array_append (out, data + from + len, size - from - len);
      break;
    default:
      g_byte_array_append (out, data, from + len);
      g_byte_array_append (out, data + from, size - from);
    }
  if (out->len > max_size)
    return 0;
  /* libFuzzer may hand an empty input as NULL: memcpy takes no NULL, even
   * for no bytes. */
  if (out->len > 0)
    memcpy (data, out->data, out->len);
  return out->len;
}

/* ---- fresh stored bundles with chosen manifests ------------------------------- */

typedef struct
{
  gchar  *name;
  GBytes *data;
} Member;

static void
member_clear (gpointer data)
{
  Member *member = data;

  g_free (member->name);
  g_bytes_unref (member->data);
}

static void
append_member (GByteArray   *zip,
               GByteArray   *directory,
               const Member *member)
{
  gsize len;
  const guint8 *bytes = g_bytes_get_data (member->data, &len);
  guint32 crc = crc32 (bytes, len), offset = zip->len;
  guint16 name_len = strlen (member->name);

  append_le (zip, 4, 0x04034b50);
  append_le (zip, 2, 20);
  append_le (zip, 2, 0);            /* flags */
  append_le (zip, 2, 0);            /* stored */
  append_le (zip, 4, 0);            /* time, date */
  append_le (zip, 4, crc);
  append_le (zip, 4, len);
  append_le (zip, 4, len);
  append_le (zip, 2, name_len);
  append_le (zip, 2, 0);
  g_byte_array_append (zip, (const guint8 *) member->name, name_len);
  g_byte_array_append (zip, bytes, len);

  append_le (directory, 4, 0x02014b50);
  append_le (directory, 2, 0x031e);
  append_le (directory, 2, 20);
  append_le (directory, 2, 0);
  append_le (directory, 2, 0);
  append_le (directory, 4, 0);
  append_le (directory, 4, crc);
  append_le (directory, 4, len);
  append_le (directory, 4, len);
  append_le (directory, 2, name_len);
  append_le (directory, 4, 0);      /* extra, comment lengths */
  append_le (directory, 4, 0);      /* disk, internal attributes */
  append_le (directory, 4, 0100644u << 16);
  append_le (directory, 4, offset);
  g_byte_array_append (directory, (const guint8 *) member->name, name_len);
}

static const gchar *const names[] = {
  "attachments/01-other.png", "summary.html", "diagnostics/code.json", "../x.html",
  "attachments/.bashrc", "attachments//x", "manifest.json", "/etc/x", "a\\b", "attachments/01-other.png",
};

/* A manifest that lists `members` (each truthfully unless `lie`), with an
 * array nested `depth` deep beside them. */
static gchar *
manifest_text (GArray   *members,
               guint     depth,
               gboolean  lie)
{
  GString *json = g_string_new ("{\"format\":\"mfa-ticket\",\"version\":1,\"files\":[");

  for (guint i = 0; i < members->len; i++)
    {
      Member *member = &g_array_index (members, Member, i);
      g_autofree gchar *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, member->data);

      g_string_append_printf (json, "%s{\"path\":\"%s\",\"size\":%" G_GSIZE_FORMAT
                              ",\"sha256\":\"%s\",\"kind\":\"other\","
                              "\"media_type\":\"image/png\"}",
                              i > 0 ? "," : "", member->name,
                              g_bytes_get_size (member->data) + (lie && i == 0), sha);
    }
  g_string_append (json, "],\"x\":");
  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, i % 2 ? '{' : '[');
  for (guint i = depth; i > 0; i--)
    g_string_append (json, (i - 1) % 2 ? "\"k\":1}" : "]");
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

static size_t
fresh_bundle (guint8 *data,
              size_t  max_size,
              GRand  *rand)
{
  g_autoptr(GArray) members = g_array_new (FALSE, TRUE, sizeof (Member));
  g_autoptr(GByteArray) zip = g_byte_array_new ();
  g_autoptr(GByteArray) directory = g_byte_array_new ();
  guint n = g_rand_int_range (rand, 0, 4);
  guint depth = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 80)
                                      : g_rand_int_range (rand, 0, MIN (max_size / 8, 200000));
  Member manifest;
  gchar *text;

  g_array_set_clear_func (members, member_clear);
  for (guint i = 0; i < n; i++)
    {
      static const gchar image[] = "\x89PNG\r\n\x1a\nfuzzed entry bytes";
      Member member = { g_strdup (names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))]),
                        g_bytes_new (image, 12 + i) };

      g_array_append_val (members, member);
    }
  manifest.name = g_strdup ("manifest.json");
  text = manifest_text (members, depth, g_rand_int_range (rand, 0, 8) == 0);
  manifest.data = g_bytes_new_take (text, strlen (text));
  g_array_prepend_val (members, manifest);
  for (guint i = 0; i < members->len; i++)
    append_member (zip, directory, &g_array_index (members, Member, i));
  {
    guint32 directory_offset = zip->len;

    g_byte_array_append (zip, directory->data, directory->len);
    append_le (zip, 4, 0x06054b50);
    append_le (zip, 4, 0);
    append_le (zip, 2, members->len);
    append_le (zip, 2, members->len);
    append_le (zip, 4, directory->len);
    append_le (zip, 4, directory_offset);
    append_le (zip, 2, 0);
  }
  if (zip->len > max_size)
    return 0;
  memcpy (data, zip->data, zip->len);
  return zip->len;
}

size_t
LLVMFuzzerCustomMutator (guint8       *data,
                         size_t        size,
                         size_t        max_size,
                         unsigned int  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  size_t result = 0;

  switch (g_rand_int_range (rand, 0, 8))
    {
    case 0:
    case 1:
    case 2:
      result = mutate_field (data, size, rand);
      break;
    case 3:
      result = size > 0 ? mutate_layout (data, size, max_size, rand) : 0;
      break;
    case 4:
      result = fresh_bundle (data, max_size, rand);
      break;
    default:
      break;
    }
  return result > 0 ? result : LLVMFuzzerMutate (data, size, max_size);
}
