/* fixtures.c: authenticator exports built by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <qrencode.h>

#include "fixtures.h"

static const guint8 key_hello[] = { 'H', 'e', 'l', 'l', 'o', '!', 0xde, 0xad, 0xbe, 0xef };
static const guint8 key_digits[] = { '1', '2', '3', '4', '5', '6', '7', '8', '9', '0' };
#define HELLO "JBSWY3DPEHPK3PXP", key_hello, sizeof key_hello
#define DIGITS "GEZDGNBVGY3TQOJQ", key_digits, sizeof key_digits

const FixtureEntry fixture_planted[6] = {
  { "Aliyun", "alice", HELLO },
  { "阿里云", "Alice", DIGITS },
  { "GitHub", "bob", HELLO },
  { "github", " bob ", HELLO },
  { "GitLab", "bob", HELLO },
  { "GitHub", "bob2", HELLO },
};

gchar *
fixture_uri_list (const FixtureEntry *rows,
                  guint               n)
{
  GString *out = g_string_new ("# exported by a test\n");

  for (guint i = 0; i < n; i++)
    {
      g_autofree gchar *issuer = g_uri_escape_string (rows[i].issuer, NULL, FALSE);
      g_autofree gchar *account = g_uri_escape_string (rows[i].account, NULL, FALSE);

      g_string_append_printf (out, "otpauth://totp/%s:%s?secret=%s&issuer=%s&digits=6\n",
                              issuer, account, rows[i].base32, issuer);
    }
  return g_string_free (out, FALSE);
}

gchar *
fixture_aegis (const FixtureEntry *rows,
               guint               n)
{
  GString *out = g_string_new ("{\"version\": 1, \"header\": {\"slots\": null, \"params\": null},"
                               " \"db\": {\"version\": 2, \"entries\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s{\"type\": \"totp\", \"uuid\": \"0000-%u\", \"name\": \"%s\","
                            " \"issuer\": \"%s\", \"note\": \"\", \"favorite\": false,"
                            " \"icon\": null, \"info\": {\"secret\": \"%s\", \"algo\": \"SHA1\","
                            " \"digits\": 6, \"period\": 30}}",
                            i > 0 ? ", " : "", i, rows[i].account, rows[i].issuer,
                            rows[i].base32);
  g_string_append (out, "], \"groups\": []}}");
  return g_string_free (out, FALSE);
}

gchar *
fixture_andotp (const FixtureEntry *rows,
                guint               n)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s{\"secret\": \"%s\", \"issuer\": \"%s\", \"label\": \"%s\","
                            " \"digits\": 6, \"type\": \"TOTP\", \"algorithm\": \"SHA1\","
                            " \"thumbnail\": \"Default\", \"last_used\": 1700000000000,"
                            " \"used_frequency\": 0, \"period\": 30, \"tags\": []}",
                            i > 0 ? ", " : "", rows[i].base32, rows[i].issuer, rows[i].account);
  g_string_append (out, "]");
  return g_string_free (out, FALSE);
}

gchar *
fixture_2fas (const FixtureEntry *rows,
              guint               n)
{
  GString *out = g_string_new ("{\"services\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s{\"name\": \"%s\", \"secret\": \"%s\", \"updatedAt\": "
                            "1700000000000, \"otp\": {\"label\": \"%s\", \"account\": \"%s\","
                            " \"issuer\": \"%s\", \"digits\": 6, \"period\": 30, \"algorithm\":"
                            " \"SHA1\", \"tokenType\": \"TOTP\", \"source\": \"Link\"},"
                            " \"order\": {\"position\": %u}, \"icon\": {\"selected\": \"Label\"}}",
                            i > 0 ? ", " : "", rows[i].issuer, rows[i].base32, rows[i].account,
                            rows[i].account, rows[i].issuer, i);
  g_string_append (out, "], \"groups\": [], \"updatedAt\": 1700000000000, \"schemaVersion\": 4,"
                   " \"appVersionCode\": 5000000, \"appVersionName\": \"5.0.0\","
                   " \"appOrigin\": \"android\"}");
  return g_string_free (out, FALSE);
}

gchar *
fixture_freeotp (const FixtureEntry *rows,
                 guint               n)
{
  GString *out = g_string_new ("{\"tokenOrder\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s\"%s:%s\"", i > 0 ? ", " : "", rows[i].issuer,
                            rows[i].account);
  g_string_append (out, "], \"tokens\": [");
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (out, "%s{\"algo\": \"SHA1\", \"counter\": 0, \"digits\": 6,"
                              " \"issuerExt\": \"%s\", \"issuerInt\": \"%s\", \"label\": \"%s\","
                              " \"period\": 30, \"type\": \"TOTP\", \"secret\": [",
                              i > 0 ? ", " : "", rows[i].issuer, rows[i].issuer,
                              rows[i].account);
      for (gsize b = 0; b < rows[i].len; b++)
        g_string_append_printf (out, "%s%d", b > 0 ? ", " : "", (gint8) rows[i].bytes[b]);
      g_string_append (out, "]}");
    }
  g_string_append (out, "]}");
  return g_string_free (out, FALSE);
}

/* Half the items carry a URI, half a bare key (both are what Bitwarden
 * stores); a login without totp is no entry. */
gchar *
fixture_bitwarden (const FixtureEntry *rows,
                   guint               n)
{
  GString *out = g_string_new ("{\"encrypted\": false, \"folders\": [], \"items\": ["
                               "{\"id\": \"x\", \"type\": 1, \"name\": \"Mail\", \"login\":"
                               " {\"username\": \"carol\", \"password\": \"hunter2\","
                               " \"totp\": null}}");

  for (guint i = 0; i < n; i++)
    {
      g_autofree gchar *totp = NULL;

      if (i % 2 == 0)
        {
          g_autofree gchar *issuer = g_uri_escape_string (rows[i].issuer, NULL, FALSE);
          g_autofree gchar *account = g_uri_escape_string (rows[i].account, NULL, FALSE);

          totp = g_strdup_printf ("otpauth://totp/%s:%s?secret=%s&issuer=%s", issuer, account,
                                  rows[i].base32, issuer);
        }
      else
        totp = g_strdup (rows[i].base32);
      g_string_append_printf (out, ", {\"id\": \"%u\", \"organizationId\": null, \"folderId\":"
                              " null, \"type\": 1, \"reprompt\": 0, \"name\": \"%s\", \"notes\":"
                              " null, \"favorite\": false, \"login\": {\"uris\": [],"
                              " \"username\": \"%s\", \"password\": \"pw\", \"totp\": \"%s\"},"
                              " \"collectionIds\": null}",
                              i, rows[i].issuer, rows[i].account, totp);
    }
  g_string_append (out, "]}");
  return g_string_free (out, FALSE);
}

void
fixture_dir_set_up (FixtureDir    *fixture,
                    gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("mfa-dup-XXXXXX", NULL);
}

void
fixture_dir_tear_down (FixtureDir    *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const gchar *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree gchar *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

void
pb_varint (GByteArray *out,
           guint64     value)
{
  do
    {
      guint8 byte = value & 0x7f;

      value >>= 7;
      if (value != 0)
        byte |= 0x80;
      g_byte_array_append (out, &byte, 1);
    }
  while (value != 0);
}

void
pb_bytes (GByteArray   *out,
          guint         field,
          const guint8 *data,
          gsize         len)
{
  pb_varint (out, field << 3 | 2);
  pb_varint (out, len);
  g_byte_array_append (out, data, len);
}

GBytes *
fixture_protobuf_payload (const FixtureEntry *rows,
                          guint               n,
                          gint                batch_size,
                          gint                batch_index,
                          gint                batch_id)
{
  GByteArray *out = g_byte_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GByteArray) otp = g_byte_array_new ();
      g_autofree gchar *name = g_strdup_printf ("%s:%s", rows[i].issuer, rows[i].account);

      pb_bytes (otp, 1, rows[i].bytes, rows[i].len);
      pb_bytes (otp, 2, (const guint8 *) name, strlen (name));
      pb_bytes (otp, 3, (const guint8 *) rows[i].issuer, strlen (rows[i].issuer));
      pb_varint (otp, 4 << 3);
      pb_varint (otp, 1);   /* SHA1 */
      pb_varint (otp, 5 << 3);
      pb_varint (otp, 1);   /* six digits */
      pb_varint (otp, 6 << 3);
      pb_varint (otp, 2);   /* TOTP */
      pb_bytes (out, 1, otp->data, otp->len);
    }
  pb_varint (out, 2 << 3);
  pb_varint (out, 1);
  pb_varint (out, 3 << 3);
  pb_varint (out, batch_size);
  pb_varint (out, 4 << 3);
  pb_varint (out, batch_index);
  pb_varint (out, 5 << 3);
  pb_varint (out, (guint32) batch_id);
  return g_byte_array_free_to_bytes (out);
}

gchar *
fixture_google_uri (const FixtureEntry *rows,
                    guint               n,
                    gint                batch_size,
                    gint                batch_index,
                    gint                batch_id)
{
  g_autoptr(GBytes) payload = fixture_protobuf_payload (rows, n, batch_size, batch_index,
                                                        batch_id);
  gsize len;
  const guint8 *data = g_bytes_get_data (payload, &len);
  g_autofree gchar *base64 = g_base64_encode (data, len);
  g_autofree gchar *escaped = g_uri_escape_string (base64, NULL, FALSE);

  return g_strdup_printf ("otpauth-migration://offline?data=%s", escaped);
}

void
fixture_write_qr_image (const gchar *text,
                      const gchar *path)
{
  const guint scale = 4, margin = 4;
  QRcode *code = QRcode_encodeString (text, 0, QR_ECLEVEL_L, QR_MODE_8, 1);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  guint side, stride;
  guint8 *pixels;

  g_assert_nonnull (code);
  side = (code->width + 2 * margin) * scale;
  pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, side, side);
  gdk_pixbuf_fill (pixbuf, 0xffffffff);
  stride = gdk_pixbuf_get_rowstride (pixbuf);
  pixels = gdk_pixbuf_get_pixels (pixbuf);
  for (gint y = 0; y < code->width; y++)
    for (gint x = 0; x < code->width; x++)
      if (code->data[y * code->width + x] & 1)
        for (guint dy = 0; dy < scale; dy++)
          memset (pixels + ((margin + y) * scale + dy) * stride + (margin + x) * scale * 3, 0,
                  scale * 3);
  QRcode_free (code);
  gdk_pixbuf_save (pixbuf, path, g_str_has_suffix (path, ".jpg") ? "jpeg" : "png", &error, NULL);
  g_assert_no_error (error);
}

gchar *
fixture_write (const gchar *dir,
               const gchar *name,
               const gchar *contents)
{
  gchar *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* index counts the planted entries from base, the first one's position: an
 * export may hold other items before them (a Bitwarden password, say),
 * which entry numbers count too. */
static void
assert_member (const MfaDuplicateGroup *group,
               guint                    position,
               guint                    base,
               guint                    index)
{
  const MfaImportEntry *entry = g_ptr_array_index (group->members, position);

  g_assert_cmpuint (entry->index, ==, base + index);
}

void
fixture_assert_planted (GPtrArray *entries)
{
  g_autoptr(MfaAliasTable) aliases = mfa_alias_table_new ();
  g_autoptr(MfaDuplicateReport) report = NULL;
  const MfaDuplicateGroup *group;
  guint base;

  g_assert_cmpuint (entries->len, ==, FIXTURE_N_PLANTED);
  base = ((const MfaImportEntry *) g_ptr_array_index (entries, 0))->index;
  report = mfa_duplicates_find (entries, aliases);
  g_assert_cmpuint (report->groups->len, ==, 2);

  group = g_ptr_array_index (report->groups, 0);
  g_assert_cmpint (group->kind, ==, MFA_DUPLICATE_DIFFERENT_KEYS);
  g_assert_cmpstr (group->issuer, ==, "Aliyun");
  g_assert_cmpuint (group->members->len, ==, 2);
  assert_member (group, 0, base, 0);
  assert_member (group, 1, base, 1);

  group = g_ptr_array_index (report->groups, 1);
  g_assert_cmpint (group->kind, ==, MFA_DUPLICATE_SAME_KEY);
  g_assert_cmpstr (group->issuer, ==, "GitHub");
  g_assert_cmpstr (group->account, ==, "bob");
  g_assert_cmpuint (group->members->len, ==, 2);
  assert_member (group, 0, base, 2);
  assert_member (group, 1, base, 3);
}
