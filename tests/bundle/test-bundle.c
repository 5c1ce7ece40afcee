/* test-bundle.c: ticket bundles written, read back, and attacked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <archive.h>
#include <archive_entry.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <qrencode.h>

#include "mfadiag.h"
#include "bundle-craft.h"
#include "test-support.h"
#include "qr/qr-image.h"

static gchar *workdir;

static gchar *
work_path (const gchar *name)
{
  return g_build_filename (workdir, name, NULL);
}

/* A noisy RGB image (PNG barely compresses noise), optionally with a QR code. */
static gchar *
make_image (const gchar *name, guint width, guint height, const gchar *qr_text)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  gint stride = gdk_pixbuf_get_rowstride (pixbuf);
  gchar *path = work_path (name);

  for (guint y = 0; y < height; y++)
    for (guint x = 0; x < width * 3; x++)
      pixels[y * stride + x] = qr_text != NULL ? 0xff : g_test_rand_int_range (0, 256);
  if (qr_text != NULL)
    {
      QRcode *code = QRcode_encodeString (qr_text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
      const guint scale = 6, left = 60, top = 40;

      for (gint y = 0; y < code->width * (gint) scale; y++)
        for (gint x = 0; x < code->width * (gint) scale; x++)
          if (code->data[(y / scale) * code->width + x / scale] & 1)
            memset (pixels + (top + y) * stride + (left + x) * 3, 0, 3);
      QRcode_free (code);
    }
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
  return path;
}

static MfaBundleContent *
sample_content (void)
{
  return test_sample_content ();
}

static void
test_round_trip (void)
{
  g_autoptr(MfaBundleContent) content = sample_content ();
  g_autofree gchar *big1 = make_image ("big1.png", 1600, 1000, NULL);
  g_autofree gchar *big2 = make_image ("big2.png", 1400, 900, NULL);
  g_autofree gchar *target = work_path ("round-trip.mfaticket");
  g_autofree gchar *out = work_path ("round-trip-out");
  g_autofree gchar *copy = NULL, *original = NULL;
  gsize copy_len, original_len;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) evidence = NULL;
  g_autoptr(MfaBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *extracted = NULL;
  g_autofree gchar *text = NULL, *expected = NULL;
  JsonObject *root;

  json_parser_load_from_data (parser, "{\"verdict\":\"problem\",\"summary\":\"47 s slow\"}", -1,
                              NULL);
  evidence = json_node_ref (json_parser_get_root (parser));
  mfa_bundle_content_add_check (content, "clock", evidence);
  mfa_bundle_content_add_attachment (content, "error-page", big1, "Sign-in error", 0);
  mfa_bundle_content_add_attachment (content, "phone-time", big2, "Phone clock", 0);
  g_assert_true (mfa_bundle_write (content, target, &error));
  g_assert_no_error (error);

  bundle = mfa_bundle_verify (target, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bundle->files->len, ==, 5);
  root = json_node_get_object (bundle->manifest);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "mfa-ticket");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "account"),
                                                  "name"), ==, "alice@1234567.onaliyun.com");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_object_get_object_member (root, "checks"),
                                                    "clock"), "verdict"), ==, "problem");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (
                   json_object_get_object_member (root, "operation_time"), "local"), "+08"));

  g_assert_true (mfa_bundle_extract (target, out, &error));
  g_assert_no_error (error);
  extracted = g_build_filename (out, "attachments", "01-error-page.png", NULL);
  g_file_get_contents (extracted, &copy, &copy_len, NULL);
  g_file_get_contents (big1, &original, &original_len, NULL);
  g_assert_cmpuint (original_len, >, 3 << 20);
  g_assert_cmpmem (copy, copy_len, original, original_len);

  /* summary.txt is what the app copies for a ticket form, word for word. */
  g_free (extracted);
  extracted = g_build_filename (out, "summary.txt", NULL);
  g_assert_true (g_file_get_contents (extracted, &text, NULL, NULL));
  expected = mfa_bundle_content_summary (content);
  g_assert_cmpstr (text, ==, expected);
  g_assert_nonnull (strstr (text, "alice@1234567.onaliyun.com"));
  g_assert_nonnull (strstr (text, "47 s slow"));
  g_assert_nonnull (strstr (text, "Sign-in error"));
}

/* ---- redaction and refused text ------------------------------------------ */

static void
test_qr_code_masked (void)
{
  g_autoptr(MfaBundleContent) content = sample_content ();
  g_autofree gchar *shot = make_image ("qr.png", 600, 400,
                                       "otpauth://totp/Aliyun:alice?secret=JBSWY3DPEHPK3PXP");
  g_autofree gchar *target = work_path ("qr.mfaticket");
  g_autofree gchar *out = work_path ("qr-out");
  g_autofree gchar *masked_path = NULL;
  g_autofree gchar *before = NULL, *after = NULL;
  gsize before_len, after_len;
  g_autoptr(GPtrArray) found_before = NULL;
  g_autoptr(GPtrArray) found_after = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (shot, &before, &before_len, NULL);
  found_before = mfa_qr_find_in_data ((const guint8 *) before, before_len, &error);
  g_assert_cmpuint (found_before->len, ==, 1);

  mfa_bundle_content_add_attachment (content, "error-page", shot, "Binding page", 0);
  g_assert_true (mfa_bundle_write (content, target, &error));
  g_assert_true (mfa_bundle_extract (target, out, &error));
  masked_path = g_build_filename (out, "attachments", "01-error-page.png", NULL);
  g_file_get_contents (masked_path, &after, &after_len, NULL);
  found_after = mfa_qr_find_in_data ((const guint8 *) after, after_len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found_after->len, ==, 0);
  g_assert_null (g_strstr_len (after, after_len, "JBSWY3DPEHPK3PXP"));
}

/* The assistant's preview: the same count and the same painted image. */
static void
test_inspect_image (void)
{
  g_autofree gchar *shot = make_image ("inspect.png", 600, 400,
                                       "otpauth://totp/Aliyun:alice?secret=JBSWY3DPEHPK3PXP");
  g_autofree gchar *plain = make_image ("inspect-plain.png", 300, 200, NULL);
  g_autoptr(GBytes) masked = NULL;
  g_autoptr(GBytes) none = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  guint n_codes = 0;

  g_assert_true (mfa_bundle_inspect_image (shot, &n_codes, &masked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_codes, ==, 1);
  found = mfa_qr_find_in_data (g_bytes_get_data (masked, NULL), g_bytes_get_size (masked),
                               &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_assert_true (mfa_bundle_inspect_image (plain, &n_codes, &none, &error));
  g_assert_cmpuint (n_codes, ==, 0);
  g_assert_null (none);
}

static void
test_script_stays_text (void)
{
  g_autoptr(MfaBundleContent) content = sample_content ();
  g_autofree gchar *target = work_path ("script.mfaticket");
  g_autofree gchar *out = work_path ("script-out");
  g_autofree gchar *summary_path = NULL, *html = NULL;
  g_autoptr(GError) error = NULL;

  g_free (content->account_name);
  content->account_name = g_strdup ("<script>alert(1)</script>@1.onaliyun.com");
  g_free (content->description);
  content->description = g_strdup ("It failed <script>alert('x')</script> & again");
  g_assert_true (mfa_bundle_write (content, target, &error));
  g_assert_true (mfa_bundle_extract (target, out, &error));
  summary_path = g_build_filename (out, "summary.html", NULL);
  g_file_get_contents (summary_path, &html, NULL, NULL);
  g_assert_null (strstr (html, "<script"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "&amp; again"));
}

static void
test_keys_in_text_refused (void)
{
  const gchar *refused[] = {
    "my key is otpauth://totp/x?secret=JBSWY3DPEHPK3PXP",
    "key JBSWY3DPEHPK3PXP please", "JBSW Y3DP EHPK 3PXP", "jbsw-y3dp-ehpk-3pxp-aaaa",
  };
  const gchar *accepted[] = {
    "internationalization failed", "call me on 13812345678", "account ID 1234567890123456",
    "codes rejected at 2026-11-28 12:00", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (mfa_bundle_check_text ("The note", refused[i], &error));
      g_assert_error (error, MFA_ERROR, MFA_ERROR_SECRET_IN_TEXT);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!mfa_bundle_check_text ("The note", accepted[i], &error))
        g_error ("“%s” refused: %s", accepted[i], error->message);
    }
}

static void
test_account_shapes (void)
{
  g_autoptr(GError) error = NULL;
  gchar *warning = NULL;

  g_assert_true (mfa_bundle_check_account ("ram-user", "bob@acme.onaliyun.com", &warning, NULL));
  g_assert_null (warning);
  g_assert_true (mfa_bundle_check_account ("ram-user", "bob", &warning, NULL));
  g_assert_nonnull (strstr (warning, "onaliyun.com"));
  g_clear_pointer (&warning, g_free);
  g_assert_true (mfa_bundle_check_account ("alibaba-cloud-account", "bob@acme.onaliyun.com",
                                           &warning, NULL));
  g_assert_nonnull (strstr (warning, "RAM user"));
  g_clear_pointer (&warning, g_free);
  g_assert_false (mfa_bundle_check_account ("root", "bob", &warning, &error));
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT);
}

/* ---- a corpus of hostile and damaged bundles, crafted here --------------- */

typedef struct
{
  const gchar *name;
  gint         code;      /* MfaError expected */
  const gchar *fragment;  /* in the message */
} Hostile;

static const Craft good = { "attachments/01-other.png", FILE_ENTRY, "\x89PNG fake image", 15 };

/* ---- ZIP structure taken apart by hand (little-endian fields) ---------- */

static guint32
get_le (const guint8 *p, guint n)
{
  guint32 value = 0;

  for (guint i = n; i > 0; i--)
    value = value << 8 | p[i - 1];
  return value;
}

static void
put_le (guint8 *p, guint n, guint32 value)
{
  for (guint i = 0; i < n; i++, value >>= 8)
    p[i] = value & 0xff;
}

/* The central-directory record of entry `index` in an archive's bytes. */
static guint8 *
central_record (GByteArray *zip, guint index)
{
  guint8 *record = zip->data + get_le (zip->data + zip->len - 22 + 16, 4);

  for (guint i = 0; i < index; i++)
    record += 46 + get_le (record + 28, 2) + get_le (record + 30, 2) + get_le (record + 32, 2);
  g_assert_cmpuint (get_le (record, 4), ==, 0x02014b50);
  return record;
}

static GByteArray *
load (const gchar *path)
{
  gchar *data;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_byte_array_new_take ((guint8 *) data, len);
}

static void
save (const gchar *path, GByteArray *zip)
{
  g_assert_true (g_file_set_contents (path, (const gchar *) zip->data, zip->len, NULL));
}

/* The directory forgets the last entry: its local header and data stay. */
static void
hide_last_entry (GByteArray *zip)
{
  guint8 *end = zip->data + zip->len - 22;
  guint n = get_le (end + 10, 2);
  guint8 *last = central_record (zip, n - 1);
  gsize record_len = end - last;

  put_le (end + 8, 2, n - 1);
  put_le (end + 10, 2, n - 1);
  put_le (end + 12, 4, get_le (end + 12, 4) - record_len);
  g_byte_array_remove_range (zip, last - zip->data, record_len);
}

static void
build_hostile (const gchar *name, const gchar *path)
{
  g_autofree gchar *manifest = test_manifest_for (&good, 1, 1, NULL);
  Craft m = { "manifest.json", FILE_ENTRY, manifest, strlen (manifest) };

#define ZIP(...) G_STMT_START { const Craft list[] = { __VA_ARGS__ }; \
                   test_write_zip (path, list, G_N_ELEMENTS (list)); } G_STMT_END
#define EVIL(entry_name) ZIP (m, good, { entry_name, FILE_ENTRY, "x", 1 })

  if (g_str_equal (name, "not-a-zip"))
    g_file_set_contents (path, "This is not a ZIP archive at all.\n", -1, NULL);
  else if (g_str_equal (name, "empty-zip"))
    test_write_zip (path, NULL, 0);
  else if (g_str_equal (name, "manifest-not-first"))
    ZIP (good, m);
  else if (g_str_equal (name, "manifest-not-json"))
    ZIP ({ "manifest.json", FILE_ENTRY, "{\"format\": \"mfa-ticket\", ", 25 }, good);
  else if (g_str_equal (name, "manifest-huge"))
    ZIP ({ "manifest.json", FILE_ENTRY, NULL, 3 << 20 }, good);
  else if (g_str_equal (name, "future-version"))
    {
      g_autofree gchar *future = test_manifest_for (&good, 1, 7, NULL);
      ZIP ({ "manifest.json", FILE_ENTRY, future, strlen (future) }, good);
    }
  else if (g_str_equal (name, "wrong-format"))
    ZIP ({ "manifest.json", FILE_ENTRY, "{\"format\":\"zip\",\"version\":1,\"files\":[]}", 39 });
  else if (g_str_equal (name, "dotdot"))
    EVIL ("../evil.txt");
  else if (g_str_equal (name, "dotdot-inside"))
    EVIL ("attachments/../../evil.txt");
  else if (g_str_equal (name, "absolute"))
    EVIL ("/tmp/mfa-evil.txt");
  else if (g_str_equal (name, "backslash"))
    EVIL ("attachments\\..\\..\\evil.txt");
  else if (g_str_equal (name, "drive-letter"))
    EVIL ("C:/evil.txt");
  else if (g_str_equal (name, "dot-segment"))
    EVIL ("./attachments/evil.txt");
  else if (g_str_equal (name, "empty-segment"))
    EVIL ("attachments//evil.txt");
  else if (g_str_equal (name, "control-character"))
    EVIL ("attachments/ev\x01il.txt");
  else if (g_str_equal (name, "symlink"))
    ZIP (m, good, { "attachments/link", LINK_ENTRY, NULL, 0 });
  else if (g_str_equal (name, "hardlink"))
    ZIP (m, good, { "attachments/hard", HARDLINK_ENTRY, NULL, 0 });
  else if (g_str_equal (name, "directory"))
    ZIP (m, { "attachments/", DIR_ENTRY, NULL, 0 }, good);
  else if (g_str_equal (name, "duplicate"))
    ZIP (m, good, good);
  else if (g_str_equal (name, "unlisted"))
    ZIP (m, good, { "attachments/02-other.png", FILE_ENTRY, "extra", 5 });
  else if (g_str_equal (name, "missing"))
    ZIP (m);
  else if (g_str_equal (name, "size-mismatch"))
    ZIP (m, { good.name, FILE_ENTRY, "\x89PNG fake image!", 16 });
  else if (g_str_equal (name, "flipped-byte"))
    ZIP (m, { good.name, FILE_ENTRY, "\x89PNG fake imagf", 15 });
  else if (g_str_equal (name, "truncated"))
    {
      g_autofree gchar *whole = NULL;
      gsize len;

      ZIP (m, good, { "attachments/02-other.png", FILE_ENTRY, NULL, 100000 });
      g_file_get_contents (path, &whole, &len, NULL);
      g_file_set_contents (path, whole, len / 2, NULL);
    }
  else if (g_str_equal (name, "zip-bomb"))
    {
      Craft bomb = { "attachments/01-other.png", FILE_ENTRY, NULL, 200 << 20 };
      g_autofree gchar *honest = test_manifest_for (&bomb, 1, 1, NULL);
      ZIP ({ "manifest.json", FILE_ENTRY, honest, strlen (honest) }, bomb);
    }
  else if (g_str_equal (name, "tens-of-thousands"))
    {
      g_autofree Craft *many = g_new0 (Craft, 20002);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      many[0] = m;
      many[1] = good;
      for (guint i = 0; i < 20000; i++)
        {
          g_ptr_array_add (names, g_strdup_printf ("attachments/f%05u", i));
          many[i + 2] = (Craft) { g_ptr_array_index (names, i), FILE_ENTRY, "", 0 };
        }
      test_write_zip (path, many, 20002);
    }
  else if (g_str_equal (name, "manifest-lists-too-many"))
    {
      g_autoptr(GString) files = g_string_new (NULL);
      g_autofree gchar *huge = NULL;

      for (guint i = 0; i < 5000; i++)
        g_string_append_printf (files, "%s{\"path\":\"f%u\",\"size\":0,\"sha256\":\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"}",
                                i > 0 ? "," : "", i);
      huge = test_manifest_for (NULL, 0, 1, files->str);
      ZIP ({ "manifest.json", FILE_ENTRY, huge, strlen (huge) });
    }
  else if (g_str_equal (name, "listed-unsafe-path"))
    {
      g_autofree gchar *bad = test_manifest_for (&good, 1, 1,
        "{\"path\":\"../../x\",\"size\":1,\"sha256\":\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"}");
      ZIP ({ "manifest.json", FILE_ENTRY, bad, strlen (bad) }, good);
    }
  else if (g_str_equal (name, "listed-bad-sha"))
    {
      g_autofree gchar *bad = test_manifest_for (NULL, 0, 1,
        "{\"path\":\"a.png\",\"size\":1,\"sha256\":\"NOT-A-HASH\"}");
      ZIP ({ "manifest.json", FILE_ENTRY, bad, strlen (bad) });
    }
  else if (g_str_equal (name, "listed-huge-size"))
    {
      g_autofree gchar *bad = test_manifest_for (NULL, 0, 1,
        "{\"path\":\"a.png\",\"size\":10000000000,\"sha256\":\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"}");
      ZIP ({ "manifest.json", FILE_ENTRY, bad, strlen (bad) });
    }
  else if (g_str_equal (name, "cd-name-differs") || g_str_equal (name, "method-differs")
           || g_str_equal (name, "local-only-entry") || g_str_equal (name, "no-central-directory"))
    {
      g_autoptr(GByteArray) zip = NULL;

      ZIP (m, good, { "summary.html", FILE_ENTRY, "<p>hello</p>", 12 });
      zip = load (path);
      if (g_str_equal (name, "cd-name-differs")) /* unzip would show the traversal name */
        memcpy (central_record (zip, 2) + 46, "../../x.html", 12);
      else if (g_str_equal (name, "method-differs"))
        put_le (central_record (zip, 1) + 10, 2, 0);
      else if (g_str_equal (name, "local-only-entry"))
        hide_last_entry (zip);
      else
        g_byte_array_set_size (zip, get_le (zip->data + zip->len - 22 + 16, 4));
      save (path, zip);
    }
  else if (g_str_equal (name, "concatenated") || g_str_equal (name, "html-in-front")
           || g_str_equal (name, "exe-in-front"))
    {
      g_autoptr(GByteArray) joined = g_byte_array_new ();
      g_autoptr(GByteArray) zip = NULL;

      ZIP (m, good);
      zip = load (path);
      if (g_str_equal (name, "concatenated"))
        g_byte_array_append (joined, zip->data, zip->len);
      else if (g_str_equal (name, "html-in-front"))
        g_byte_array_append (joined, (const guint8 *) "<html><script>alert(1)</script></html>\n", 39);
      else
        g_byte_array_append (joined, (const guint8 *) "MZ\x90\0\3\0\0\0\4\0\0\0\xff\xff", 14);
      g_byte_array_append (joined, zip->data, zip->len);
      save (path, joined);
    }
  else if (g_str_equal (name, "unicode-path-extra"))
    {
      /* The local header carries an Info-ZIP Unicode Path field with another
       * name: a streaming reader believes it, unzip and the directory do not. */
      static const gchar other[] = "summary.html";
      g_autoptr(GByteArray) extra = g_byte_array_new ();
      guint32 crc = test_crc32 ((const guint8 *) good.name, strlen (good.name), 0);
      guint8 head[9] = { 0x75, 0x70, 5 + sizeof other - 1, 0, 1,
                         crc & 0xff, crc >> 8 & 0xff, crc >> 16 & 0xff, crc >> 24 };
      const Craft list[] = { m, good };
      g_autoptr(GBytes) no_extra = NULL;
      g_autoptr(GBytes) disguise = NULL;

      g_byte_array_append (extra, head, sizeof head);
      g_byte_array_append (extra, (const guint8 *) other, sizeof other - 1);
      disguise = g_byte_array_free_to_bytes (g_steal_pointer (&extra));
      {
        GBytes *extras[] = { no_extra, disguise };

        test_write_raw_zip (path, list, G_N_ELEMENTS (list), extras);
      }
    }
  else if (g_str_equal (name, "files-not-array"))
    {
      static const gchar text[] = "{\"format\":\"mfa-ticket\",\"version\":1,\"files\":{}}";
      ZIP ({ "manifest.json", FILE_ENTRY, text, sizeof text - 1 });
    }
  else
    g_assert_not_reached ();
#undef EVIL
#undef ZIP
}

static const Hostile hostile[] = {
  { "not-a-zip", MFA_ERROR_NOT_A_BUNDLE, "not a ticket bundle" },
  { "empty-zip", MFA_ERROR_NOT_A_BUNDLE, "not a ticket bundle" },
  { "manifest-not-first", MFA_ERROR_NOT_A_BUNDLE, "first entry" },
  { "manifest-not-json", MFA_ERROR_NOT_A_BUNDLE, "not a JSON object" },
  { "manifest-huge", MFA_ERROR_NOT_A_BUNDLE, "larger than 1 MiB" },
  { "future-version", MFA_ERROR_NOT_A_BUNDLE, "newer version" },
  { "wrong-format", MFA_ERROR_NOT_A_BUNDLE, "not a ticket bundle" },
  { "dotdot", MFA_ERROR_BUNDLE_DAMAGED, "unsafe path" },
  { "dotdot-inside", MFA_ERROR_BUNDLE_DAMAGED, "unsafe path" },
  { "absolute", MFA_ERROR_BUNDLE_DAMAGED, "unsafe path" },
  { "backslash", MFA_ERROR_BUNDLE_DAMAGED, "unsafe path" },
  { "drive-letter", MFA_ERROR_BUNDLE_DAMAGED, "unsafe path" },
  { "dot-segment", MFA_ERROR_BUNDLE_DAMAGED, "unsafe path" },
  { "empty-segment", MFA_ERROR_BUNDLE_DAMAGED, "unsafe path" },
  { "control-character", MFA_ERROR_BUNDLE_DAMAGED, "unsafe path" },
  { "symlink", MFA_ERROR_BUNDLE_DAMAGED, "not a regular file" },
  { "hardlink", MFA_ERROR_BUNDLE_DAMAGED, "attachments/hard" }, /* ZIP stores it as a plain entry */
  { "directory", MFA_ERROR_BUNDLE_DAMAGED, "not a regular file" },
  { "duplicate", MFA_ERROR_BUNDLE_DAMAGED, "appears twice" },
  { "unlisted", MFA_ERROR_BUNDLE_DAMAGED, "not listed" },
  { "missing", MFA_ERROR_BUNDLE_DAMAGED, "missing" },
  { "size-mismatch", MFA_ERROR_BUNDLE_DAMAGED, "size" },
  { "flipped-byte", MFA_ERROR_BUNDLE_DAMAGED, "SHA-256" },
  { "truncated", MFA_ERROR_BUNDLE_DAMAGED, "" },
  { "zip-bomb", MFA_ERROR_BUNDLE_DAMAGED, "ZIP bomb" },
  { "tens-of-thousands", MFA_ERROR_BUNDLE_DAMAGED, "more than 1000 entries" },
  { "manifest-lists-too-many", MFA_ERROR_BUNDLE_DAMAGED, "too many" },
  { "listed-unsafe-path", MFA_ERROR_BUNDLE_DAMAGED, "unsafe" },
  { "listed-bad-sha", MFA_ERROR_BUNDLE_DAMAGED, "SHA-256" },
  { "listed-huge-size", MFA_ERROR_BUNDLE_DAMAGED, "size" },
  { "files-not-array", MFA_ERROR_BUNDLE_DAMAGED, "files" },
  /* One reading of the archive: the central directory and the local headers agree. */
  { "cd-name-differs", MFA_ERROR_BUNDLE_DAMAGED, "names “../../x.html” where the local header "
                                                 "names “summary.html”" },
  { "method-differs", MFA_ERROR_BUNDLE_DAMAGED, "compression method" },
  { "local-only-entry", MFA_ERROR_BUNDLE_DAMAGED, "does not list" },
  { "no-central-directory", MFA_ERROR_BUNDLE_DAMAGED, "does not end with a central directory" },
  { "concatenated", MFA_ERROR_BUNDLE_DAMAGED, "central directory is not where" },
  { "html-in-front", MFA_ERROR_NOT_A_BUNDLE, "does not start with a ZIP entry" },
  { "exe-in-front", MFA_ERROR_NOT_A_BUNDLE, "does not start with a ZIP entry" },
  { "unicode-path-extra", MFA_ERROR_BUNDLE_DAMAGED, "summary.html: read where the central "
                                                    "directory lists another entry" },
};

static guint
count_entries (const gchar *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
test_hostile (gconstpointer data)
{
  const Hostile *test = data;
  g_autofree gchar *name = g_strdup_printf ("hostile-%s.mfaticket", test->name);
  g_autofree gchar *path = work_path (name);
  g_autofree gchar *out = g_strdup_printf ("%s.out", path);
  g_autoptr(MfaBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) extract_error = NULL;
  guint before;
  gint64 start;

  build_hostile (test->name, path);
  before = count_entries (workdir);
  start = g_get_monotonic_time ();
  bundle = mfa_bundle_verify (path, NULL, NULL, &error);
  g_assert_null (bundle);
  g_assert_error (error, MFA_ERROR, test->code);
  if (strstr (error->message, test->fragment) == NULL)
    g_error ("%s: expected “%s” in: %s", test->name, test->fragment, error->message);
  g_assert_null (strstr (error->message, "(null)"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

  /* extract writes nothing at all, inside its folder or out of it */
  g_assert_false (mfa_bundle_extract (path, out, &extract_error));
  g_assert_nonnull (extract_error);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("/tmp/mfa-evil.txt", G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (workdir), ==, before);
  g_unlink (path);
}

/* ---- a crash or a full disk leaves nothing -------------------------------- */

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { 64 * 1024, 64 * 1024 };

  signal (SIGXFSZ, SIG_IGN); /* write fails with EFBIG instead of killing */
  setrlimit (RLIMIT_FSIZE, &limit);
}

static GPtrArray *
create_argv (const gchar *target, const gchar *image)
{
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);
  const gchar *fixed[] = { g_getenv ("MFA_TICKET"), "create", "--account-type", "ram-user",
                           "--account", "alice@1.onaliyun.com", "-o", target, NULL };

  for (guint i = 0; fixed[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (fixed[i]));
  for (guint i = 0; i < 6; i++)
    g_ptr_array_add (argv, g_strdup_printf ("--attach=other=%s", image));
  g_ptr_array_add (argv, NULL);
  return argv;
}

static void
test_full_disk_leaves_nothing (void)
{
  g_autofree gchar *dir = work_path ("full-disk");
  g_autofree gchar *target = g_build_filename (dir, "t.mfaticket", NULL);
  g_autofree gchar *image = make_image ("full-disk.png", 500, 400, NULL);
  g_autoptr(GPtrArray) argv = create_argv (target, image);
  g_autofree gchar *err = NULL;
  g_autoptr(GError) error = NULL;
  gint status;

  g_mkdir (dir, 0700);
  g_spawn_sync (NULL, (gchar **) argv->pdata, NULL, 0, limit_file_size, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "Cannot write"));
  g_assert_cmpuint (count_entries (dir), ==, 0);
}

static void
test_kill_leaves_nothing (void)
{
  g_autofree gchar *dir = work_path ("killed");
  g_autofree gchar *target = g_build_filename (dir, "t.mfaticket", NULL);
  g_autofree gchar *image = make_image ("killed.png", 2000, 1500, NULL);
  g_autoptr(GPtrArray) argv = create_argv (target, image);
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_mkdir (dir, 0700);
  /* Kill it at several moments of its work: none leaves a file behind. */
  for (guint delay_ms = 30; delay_ms <= 270; delay_ms += 60)
    {
      g_spawn_async (NULL, (gchar **) argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD
                       | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      g_usleep (delay_ms * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
      g_spawn_close_pid (pid);
      if (g_file_test (target, G_FILE_TEST_EXISTS))
        {
          /* It finished before the kill: then it must be whole. */
          g_autoptr(MfaBundle) bundle = mfa_bundle_verify (target, NULL, NULL, &error);

          g_assert_no_error (error);
          g_assert_nonnull (bundle);
          g_unlink (target);
        }
      g_assert_cmpuint (count_entries (dir), ==, 0);
    }
}


/* ---- mfa-ticket ------------------------------------------------------------ */

static gint
run_ticket (const gchar * const *args, gchar **out, gchar **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MFA_TICKET"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (gchar **) argv->pdata, NULL, 0, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli_statuses (void)
{
  g_autofree gchar *image = make_image ("cli.png", 300, 200, NULL);
  g_autofree gchar *target = work_path ("cli.mfaticket");
  g_autofree gchar *damaged_path = work_path ("cli-damaged.mfaticket");
  g_autofree gchar *junk = work_path ("cli-junk.mfaticket");
  g_autofree gchar *out_dir = work_path ("cli-out");
  g_autofree gchar *attach = g_strdup_printf ("error-page=%s", image);
  g_autofree gchar *contents = NULL;
  gsize len;
  const gchar *create[] = { "create", "--account-type", "ram-user", "--account",
                            "bob@acme.onaliyun.com", "--operation-time", "2026-11-28T20:00:31+08:00",
                            "--attach", attach, "--note", "rejected twice", "-o", target, NULL };
  const gchar *bad_shape[] = { "create", "--account-type", "ram-user", "--account", "bob",
                               "-o", target, NULL };
  const gchar *with_key[] = { "create", "--account-type", "alibaba-cloud-account", "--account",
                              "bob@example.com", "--note", "key: JBSWY3DPEHPK3PXP", "-o", target,
                              NULL };
  const gchar *verify[] = { "verify", target, NULL };
  const gchar *verify_damaged[] = { "verify", damaged_path, NULL };
  const gchar *verify_junk[] = { "verify", junk, NULL };
  const gchar *show[] = { "show", target, "--json", NULL };
  const gchar *extract[] = { "extract", target, out_dir, NULL };
  g_autofree gchar *o1 = NULL, *e1 = NULL, *o2 = NULL, *e2 = NULL, *o3 = NULL, *e3 = NULL;
  g_autofree gchar *o4 = NULL, *e4 = NULL, *o5 = NULL, *e5 = NULL, *o6 = NULL, *e6 = NULL;
  g_autofree gchar *o7 = NULL, *e7 = NULL, *o8 = NULL, *e8 = NULL;

  g_assert_cmpint (run_ticket (bad_shape, &o1, &e1), ==, 2);
  g_assert_nonnull (strstr (e1, "--force"));
  g_assert_cmpint (run_ticket (with_key, &o2, &e2), ==, 2);
  g_assert_nonnull (strstr (e2, "MFA key"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run_ticket (create, &o3, &e3), ==, 0);
  g_assert_cmpint (run_ticket (verify, &o4, &e4), ==, 0);
  g_assert_nonnull (strstr (o4, "intact"));
  g_assert_cmpint (run_ticket (show, &o5, &e5), ==, 0);
  g_assert_nonnull (strstr (o5, "\"2026-11-28T12:00:31.000Z\""));
  g_assert_cmpint (run_ticket (extract, &o6, &e6), ==, 0);
  g_assert_cmpuint (count_entries (out_dir), ==, 4);

  /* One flipped byte near the end (inside the attachment): damaged, exit 1. */
  g_file_get_contents (target, &contents, &len, NULL);
  contents[len / 2] ^= 0x01;
  g_file_set_contents (damaged_path, contents, len, NULL);
  g_assert_cmpint (run_ticket (verify_damaged, &o7, &e7), ==, 1);
  g_assert_true (g_str_has_prefix (e7, "mfa-ticket verify: "));

  g_file_set_contents (junk, "no zip", -1, NULL);
  g_assert_cmpint (run_ticket (verify_junk, &o8, &e8), ==, 2);
}

/* A hostile bundle's text must not reach the terminal as escape sequences. */
static void
test_cli_show_strips_controls (void)
{
  g_autoptr(MfaBundleContent) content = sample_content ();
  g_autofree gchar *target = work_path ("controls.mfaticket");
  g_autoptr(GError) error = NULL;
  const gchar *show[] = { "show", target, NULL };
  g_autofree gchar *out = NULL, *err = NULL;

  g_free (content->description);
  content->description = g_strdup ("\x1b]0;owned\x07\x1b[2J\u202eevil");
  g_assert_true (mfa_bundle_write (content, target, &error));
  g_assert_cmpint (run_ticket (show, &out, &err), ==, 0);
  g_assert_null (strchr (out, '\x1b'));
  g_assert_null (strchr (out, '\x07'));
  g_assert_null (strstr (out, "\u202e"));
  g_assert_nonnull (strstr (out, "evil"));
}

static void
remove_all (const gchar *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const gchar *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree gchar *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_all (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  workdir = g_dir_make_tmp ("mfa-bundle-XXXXXX", NULL);

  g_test_add_func ("/bundle/round-trip", test_round_trip);
  g_test_add_func ("/bundle/qr-code-masked", test_qr_code_masked);
  g_test_add_func ("/bundle/inspect-image", test_inspect_image);
  g_test_add_func ("/bundle/script-stays-text", test_script_stays_text);
  g_test_add_func ("/bundle/keys-in-text-refused", test_keys_in_text_refused);
  g_test_add_func ("/bundle/account-shapes", test_account_shapes);
  for (gsize i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree gchar *test_path = g_strdup_printf ("/bundle/hostile/%s", hostile[i].name);

      g_test_add_data_func (test_path, &hostile[i], test_hostile);
    }
  g_test_add_func ("/bundle/full-disk-leaves-nothing", test_full_disk_leaves_nothing);
  g_test_add_func ("/bundle/kill-leaves-nothing", test_kill_leaves_nothing);
  g_test_add_func ("/bundle/cli/statuses", test_cli_statuses);
  g_test_add_func ("/bundle/cli/show-strips-controls", test_cli_show_strips_controls);
  status = g_test_run ();
  remove_all (workdir);
  g_free (workdir);
  return status;
}
