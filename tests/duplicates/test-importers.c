/* test-importers.c: every export format, with planted duplicates, near
 * misses, encrypted and damaged files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "fixtures.h"

typedef gchar *(*FixtureWriter) (const FixtureEntry *rows, guint n);

static GPtrArray *
import_text (const gchar      *text,
             MfaImportFormat   format,
             GError          **error)
{
  return mfa_import_data ("export", text, strlen (text), format, error);
}

/* Detected from the content, and the same when the format is given. */
static void
check_format (FixtureWriter   writer,
              MfaImportFormat format)
{
  g_autofree gchar *text = writer (fixture_planted, FIXTURE_N_PLANTED);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) detected = import_text (text, MFA_IMPORT_AUTO, &error);
  g_autoptr(GPtrArray) given = NULL;
  MfaImportEntry *entry;

  g_assert_no_error (error);
  fixture_assert_planted (detected);
  entry = g_ptr_array_index (detected, 1);
  g_assert_cmpmem (entry->secret->data, entry->secret->len, "1234567890", 10);
  g_assert_cmpstr (entry->file, ==, "export");
  given = import_text (text, format, &error);
  g_assert_no_error (error);
  fixture_assert_planted (given);
}

static void
test_uri_list (void)
{
  check_format (fixture_uri_list, MFA_IMPORT_URI);
}

static void
test_aegis (void)
{
  check_format (fixture_aegis, MFA_IMPORT_AEGIS);
}

static void
test_andotp (void)
{
  check_format (fixture_andotp, MFA_IMPORT_ANDOTP);
}

static void
test_2fas (void)
{
  check_format (fixture_2fas, MFA_IMPORT_2FAS);
}

static void
test_freeotp (void)
{
  check_format (fixture_freeotp, MFA_IMPORT_FREEOTP_PLUS);
}

static void
test_bitwarden (void)
{
  check_format (fixture_bitwarden, MFA_IMPORT_BITWARDEN);
}

static gchar *
google_text (const FixtureEntry *rows,
             guint               n)
{
  return fixture_google_uri (rows, n, 1, 0, 7);
}

static void
test_google_text (void)
{
  check_format (google_text, MFA_IMPORT_GOOGLE);
}

/* Each label's "Issuer:" prefix is split off the account. */
static void
test_google_label_prefix (void)
{
  g_autofree gchar *text = google_text (fixture_planted, 1);
  g_autoptr(GPtrArray) entries = import_text (text, MFA_IMPORT_AUTO, NULL);
  MfaImportEntry *entry = g_ptr_array_index (entries, 0);

  g_assert_cmpstr (entry->issuer, ==, "Aliyun");
  g_assert_cmpstr (entry->account, ==, "alice");
  g_assert_cmpstr (entry->label, ==, "Aliyun:alice");
}

/* One export over two images, a PNG and a JPEG photo-like copy. */
static void
test_google_two_qr_images (void)
{
  g_autofree gchar *dir = g_dir_make_tmp ("mfa-dup-XXXXXX", NULL);
  g_autofree gchar *first = g_build_filename (dir, "part1.png", NULL);
  g_autofree gchar *second = g_build_filename (dir, "part2.jpg", NULL);
  g_autofree gchar *uri1 = fixture_google_uri (fixture_planted, 3, 2, 0, -5);
  g_autofree gchar *uri2 = fixture_google_uri (fixture_planted + 3, 3, 2, 1, -5);
  const gchar *both[] = { first, second, NULL };
  const gchar *one[] = { second, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) partial = NULL;
  g_autoptr(MfaDuplicateReport) report = NULL;
  const MfaDuplicateGroup *group;
  const MfaImportEntry *member;

  fixture_write_qr_image (uri1, first);
  fixture_write_qr_image (uri2, second);
  entries = mfa_import_files (both, MFA_IMPORT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 6);
  report = mfa_duplicates_find (entries, NULL);
  /* Without the alias table Aliyun and 阿里云 stay apart: only GitHub,
   * spread over both images (part 1 entry 2, part 2 entry 0). */
  g_assert_cmpuint (report->groups->len, ==, 1);
  group = g_ptr_array_index (report->groups, 0);
  g_assert_cmpint (group->kind, ==, MFA_DUPLICATE_SAME_KEY);
  member = g_ptr_array_index (group->members, 0);
  g_assert_cmpstr (member->file, ==, first);
  g_assert_cmpuint (member->index, ==, 2);
  member = g_ptr_array_index (group->members, 1);
  g_assert_cmpstr (member->file, ==, second);
  g_assert_cmpuint (member->index, ==, 0);

  /* One image of two: the missing part could hide the duplicate. */
  partial = mfa_import_files (one, MFA_IMPORT_AUTO, &error);
  g_assert_null (partial);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT);
  g_assert_nonnull (strstr (error->message, "only 1 of the 2"));
  g_assert_nonnull (strstr (error->message, "part2.jpg"));

  g_unlink (first);
  g_unlink (second);
  g_rmdir (dir);
}

static void
test_qr_symbol_position (void)
{
  g_autofree gchar *dir = g_dir_make_tmp ("mfa-dup-XXXXXX", NULL);
  g_autofree gchar *path = g_build_filename (dir, "code.png", NULL);
  g_autofree gchar *data = NULL;
  g_autoptr(GPtrArray) symbols = NULL;
  g_autoptr(GError) error = NULL;
  const MfaQrSymbol *symbol;
  gsize len;

  fixture_write_qr_image ("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP", path);
  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  g_assert_true (mfa_qr_is_image ((const guint8 *) data, len));
  symbols = mfa_qr_find_in_data ((const guint8 *) data, len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (symbols->len, ==, 1);
  symbol = g_ptr_array_index (symbols, 0);
  g_assert_cmpstr (symbol->text, ==, "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP");
  g_assert_cmpuint (symbol->n_points, >=, 4);
  /* The code starts after a 4-module (16-pixel) quiet zone. */
  g_assert_cmpint (symbol->x, >=, 14);
  g_assert_cmpint (symbol->x, <=, 18);
  g_assert_cmpint (symbol->y, >=, 14);
  g_assert_cmpint (symbol->width, >, 50);
  g_unlink (path);
  g_rmdir (dir);
}

/* A picture refused by its header alone, or not decodable at all, leaves
 * no loader open behind it (gdk-pixbuf's warning is fatal here). */
static void
test_refused_image_no_warning (void)
{
  static const guint8 huge[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 2, 0, 0, 0, 0, 0, 0, 0 };
  static const guint8 garbage[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 'x', 'y' };
  const struct { const guint8 *data; gsize len; } images[] = {
    { huge, sizeof huge }, { garbage, sizeof garbage },
  };

  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) symbols = mfa_qr_find_in_data (images[i].data, images[i].len, &error);

      g_assert_null (symbols);
      g_assert_nonnull (error);
    }
}

static void
test_damaged_image (void)
{
  g_autofree gchar *dir = g_dir_make_tmp ("mfa-dup-XXXXXX", NULL);
  g_autofree gchar *path = g_build_filename (dir, "cut.png", NULL);
  g_autofree gchar *blank = g_build_filename (dir, "blank.png", NULL);
  g_autofree gchar *data = NULL;
  const gchar *cut[] = { path, NULL };
  const gchar *no_code[] = { blank, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GdkPixbuf) white = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 64);
  gsize len;

  /* A QR image cut in half, then a PNG that is only a signature. */
  fixture_write_qr_image ("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP", path);
  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, data, len / 2, &error);
  g_assert_no_error (error);
  entries = mfa_import_files (cut, MFA_IMPORT_AUTO, &error);
  g_assert_null (entries);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT);
  /* libpng may decode the upper half without complaint: then the code is
   * simply not there. Either way the file is named and refused. */
  g_assert_nonnull (strstr (error->message, "cut.png: the image "));
  g_clear_error (&error);
  g_file_set_contents (path, data, 12, &error);
  g_assert_no_error (error);
  entries = mfa_import_files (cut, MFA_IMPORT_AUTO, &error);
  g_assert_null (entries);
  g_assert_nonnull (strstr (error->message, "cut.png: the image cannot be read"));
  g_clear_error (&error);

  gdk_pixbuf_fill (white, 0xffffffff);
  gdk_pixbuf_save (white, blank, "png", &error, NULL);
  g_assert_no_error (error);
  entries = mfa_import_files (no_code, MFA_IMPORT_AUTO, &error);
  g_assert_null (entries);
  g_assert_nonnull (strstr (error->message, "blank.png: the image holds no QR code"));

  g_unlink (path);
  g_unlink (blank);
  g_rmdir (dir);
}

/* An image's bad QR code is named as a QR code, not as "line 1". */
static void
test_image_names_qr_code (void)
{
  g_autofree gchar *dir = g_dir_make_tmp ("mfa-dup-XXXXXX", NULL);
  g_autofree gchar *path = g_build_filename (dir, "no-key.png", NULL);
  const gchar *files[] = { path, NULL };
  const gchar *names[] = { "no-key.png", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaImportResult) result = NULL;

  fixture_write_qr_image ("otpauth://totp/A:b?issuer=A", path);
  result = mfa_import_read (files, names, MFA_IMPORT_AUTO, NULL, &error);
  g_assert_null (result);
  g_assert_cmpstr (error->message, ==, "no-key.png, QR code 1: The URI has no secret parameter: "
                                       "it does not carry a key");
  g_unlink (path);
  g_rmdir (dir);
}

static void
assert_refused (const gchar *text,
                GQuark       domain,
                gint         code,
                const gchar *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = import_text (text, MFA_IMPORT_AUTO, &error);

  g_assert_null (entries);
  g_assert_error (error, domain, code);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not say “%s”", error->message, needle);
}

/* Any JSON, of any shape, given as any format: refused in words, never a
 * critical warning (fatal here). A Bitwarden export given as "[]" once
 * asked json-glib for a member of no object, and a damaged Bitwarden CSV
 * header set its error twice (found by their fuzzers). */
static void
test_any_shape_any_format (void)
{
  static const gchar *const shapes[] = { "[]", "{}", "null", "1", "\"x\"", "[{}]", "[[]]",
                                         "{\"encrypted\": true}",
                                         /* a CSV header whose quote never closes */
                                         "folder,favorite,type,name,login_totp,\"login_", NULL };

  for (gint format = MFA_IMPORT_AUTO; format <= MFA_IMPORT_AUTHENTICATOR_PRO; format++)
    for (guint i = 0; shapes[i] != NULL; i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) entries = mfa_import_data ("shape", shapes[i], strlen (shapes[i]),
                                                        format, &error);

        g_assert_true ((entries == NULL) != (error == NULL));
        if (error != NULL)
          g_assert_cmpstr (error->message, !=, "");
      }
}

static void
test_encrypted (void)
{
  /* FreeOTP 2 backups are serialized Java objects; app databases SQLite. */
  static const gchar freeotp2[] = "\xac\xed\x00\x05sr\x00\x11java.util.HashMap";
  static const gchar sqlite[] = "SQLite format 3\0\x10\x00\x01\x01";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  assert_refused ("{\"version\": 1, \"header\": {\"slots\": [{\"type\": 1, \"uuid\": \"x\","
                  " \"key\": \"00\", \"key_params\": {\"nonce\": \"00\", \"tag\": \"00\"},"
                  " \"n\": 32768, \"r\": 8, \"p\": 1, \"salt\": \"00\"}],"
                  " \"params\": {\"nonce\": \"00\", \"tag\": \"00\"}}, \"db\": \"AAAA\"}",
                  MFA_ERROR, MFA_ERROR_ENCRYPTED_EXPORT,
                  "this Aegis backup is encrypted: give its password");
  assert_refused ("{\"services\": [], \"groups\": [], \"schemaVersion\": 4,"
                  " \"servicesEncrypted\": \"AAAA:BBBB:CCCC\", \"reference\": \"x\"}",
                  MFA_ERROR, MFA_ERROR_ENCRYPTED_EXPORT,
                  "this 2FAS backup is encrypted: give its password");
  assert_refused ("{\"encrypted\": true, \"passwordProtected\": true, \"salt\": \"x\","
                  " \"kdfType\": 0, \"kdfIterations\": 600000,"
                  " \"encKeyValidation_DO_NOT_EDIT\": \"2.x\", \"data\": \"2.y\"}",
                  MFA_ERROR, MFA_ERROR_ENCRYPTED_EXPORT,
                  "this Bitwarden backup is encrypted: give its password");
  assert_refused ("{\"encrypted\": true, \"encKeyValidation_DO_NOT_EDIT\": \"2.x\","
                  " \"data\": \"2.y\", \"items\": []}",
                  MFA_ERROR, MFA_ERROR_UNSUPPORTED, "sealed with your account's own key");

  entries = mfa_import_data ("freeotp-backup", freeotp2, sizeof freeotp2 - 1, MFA_IMPORT_AUTO,
                             &error);
  g_assert_null (entries);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "this is an encrypted FreeOTP backup"));
  g_clear_error (&error);
  entries = mfa_import_data ("PhoneFactor", sqlite, sizeof sqlite - 1, MFA_IMPORT_AUTO, &error);
  g_assert_null (entries);
  g_assert_nonnull (strstr (error->message, "Microsoft Authenticator and Authy offer no export"));
  g_clear_error (&error);
  /* Authy's own preferences file: Authy has no export, and says so. */
  assert_refused ("<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n"
                  "<string name=\"com.authy.storage.tokens.authenticator.key\">[]</string>\n"
                  "</map>\n", MFA_ERROR, MFA_ERROR_UNSUPPORTED,
                  "Microsoft Authenticator and Authy offer no export");
  /* An encrypted andOTP backup is known by its name (or --format andotp). */
  entries = mfa_import_data ("otp_accounts.json.aes", sqlite + 3, sizeof sqlite - 4,
                             MFA_IMPORT_AUTO, &error);
  g_assert_null (entries);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_ENCRYPTED_EXPORT);
  g_assert_nonnull (strstr (error->message, "this andOTP backup is encrypted"));
}

static void
test_damaged (void)
{
  g_autofree gchar *aegis = fixture_aegis (fixture_planted, 2);
  g_autofree gchar *google = google_text (fixture_planted, 2);
  g_autofree gchar *truncated_google = NULL;

  aegis[strlen (aegis) / 2] = '\0';
  assert_refused (aegis, MFA_ERROR, MFA_ERROR_INVALID_EXPORT, "looks like JSON but is damaged");
  assert_refused ("[{\"secret\": \"NOT*BASE32\", \"issuer\": \"A\", \"label\": \"b\"}]",
                  MFA_ERROR, MFA_ERROR_INVALID_EXPORT, "entry 1: its key is damaged");
  assert_refused ("otpauth-migration://offline?data=%%%", MFA_ERROR, MFA_ERROR_INVALID_EXPORT,
                  "data");
  assert_refused ("otpauth-migration://offline?data=AB!C", MFA_ERROR, MFA_ERROR_INVALID_EXPORT,
                  "not valid base64");
  /* Cut the payload's base64 short: a length now runs past the end. */
  truncated_google = g_strndup (google, strlen (google) - 24);
  assert_refused (truncated_google, MFA_ERROR, MFA_ERROR_INVALID_EXPORT, "damaged");
  assert_refused ("otpauth://totp/A:b?issuer=A\n", MFA_ERROR, MFA_ERROR_INVALID_EXPORT,
                  "line 1");
  assert_refused ("{\"tokenOrder\": [], \"tokens\": [{\"label\": \"a\", \"secret\": [1, 300]}]}",
                  MFA_ERROR, MFA_ERROR_INVALID_EXPORT, "byte 2");
  assert_refused ("hello, world\n", MFA_ERROR, MFA_ERROR_INVALID_EXPORT,
                  "no authenticator export this tool knows");
  assert_refused ("{\"something\": \"else\"}", MFA_ERROR, MFA_ERROR_INVALID_EXPORT,
                  "no authenticator export this tool knows");
}

static void
test_format_given_wrong (void)
{
  g_autofree gchar *text = fixture_uri_list (fixture_planted, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = import_text (text, MFA_IMPORT_AEGIS, &error);

  g_assert_null (entries);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT);
  g_assert_nonnull (strstr (error->message, "exports from Aegis are JSON"));
}

static void
test_bitwarden_skips_logins_without_totp (void)
{
  g_autofree gchar *text = fixture_bitwarden (fixture_planted, 2);
  g_autoptr(GPtrArray) entries = import_text (text, MFA_IMPORT_AUTO, NULL);
  MfaImportEntry *entry;

  g_assert_cmpuint (entries->len, ==, 2);
  /* The bare key takes the item's name and user name. */
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->issuer, ==, "阿里云");
  g_assert_cmpstr (entry->account, ==, "Alice");
  /* Numbered by its place among all items, as a skipped item is named. */
  g_assert_cmpuint (entry->index, ==, 2);
}

/* The app names files without their folders, in entries and in errors. */
static void
test_files_named (void)
{
  g_autofree gchar *dir = g_dir_make_tmp ("mfa-named-XXXXXX", NULL);
  g_autofree gchar *text = fixture_uri_list (fixture_planted, 2);
  g_autofree gchar *list = fixture_write (dir, "list.txt", text);
  g_autofree gchar *notes = fixture_write (dir, "notes.txt", "milk, bread\n");
  const gchar *good[] = { list, NULL };
  const gchar *both[] = { list, notes, NULL };
  const gchar *names[] = { "A", "B", NULL };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = mfa_import_files_named (good, names, MFA_IMPORT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (((MfaImportEntry *) g_ptr_array_index (entries, 1))->file, ==, "A");

  g_assert_null (mfa_import_files_named (both, names, MFA_IMPORT_AUTO, &error));
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT);
  g_assert_true (g_str_has_prefix (error->message, "B: "));
  g_assert_null (strstr (error->message, dir));
  g_unlink (list);
  g_unlink (notes);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/importers/uri-list", test_uri_list);
  g_test_add_func ("/importers/aegis", test_aegis);
  g_test_add_func ("/importers/andotp", test_andotp);
  g_test_add_func ("/importers/2fas", test_2fas);
  g_test_add_func ("/importers/freeotp", test_freeotp);
  g_test_add_func ("/importers/image-names-qr-code", test_image_names_qr_code);
  g_test_add_func ("/importers/bitwarden", test_bitwarden);
  g_test_add_func ("/importers/bitwarden/no-totp", test_bitwarden_skips_logins_without_totp);
  g_test_add_func ("/importers/google/text", test_google_text);
  g_test_add_func ("/importers/google/label-prefix", test_google_label_prefix);
  g_test_add_func ("/importers/google/two-qr-images", test_google_two_qr_images);
  g_test_add_func ("/importers/qr/position", test_qr_symbol_position);
  g_test_add_func ("/importers/qr/damaged-image", test_damaged_image);
  g_test_add_func ("/importers/qr/refused-no-warning", test_refused_image_no_warning);
  g_test_add_func ("/importers/encrypted", test_encrypted);
  g_test_add_func ("/importers/any-shape-any-format", test_any_shape_any_format);
  g_test_add_func ("/importers/damaged", test_damaged);
  g_test_add_func ("/importers/format-given-wrong", test_format_given_wrong);
  g_test_add_func ("/importers/files-named", test_files_named);
  return g_test_run ();
}
