/* test-protobuf.c: the strict, bounded protobuf reader and the Google
 * payload on top of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fixtures.h"
#include "duplicates/importers/google.h"
#include "duplicates/importers/import-common.h"
#include "duplicates/importers/protobuf.h"

/* Reads every field; returns how many, or -1 with error set. */
static gint
read_all (const guint8  *data,
          gsize          len,
          GError       **error)
{
  MfaPbReader reader;
  MfaPbField field;
  gint n = 0;

  mfa_pb_reader_init (&reader, data, len);
  while (mfa_pb_reader_next (&reader, &field, error))
    n++;
  return error != NULL && *error != NULL ? -1 : n;
}

static void
test_fields (void)
{
  /* 1: varint 300; 2: bytes "hi"; 3: fixed32; 4: fixed64 */
  const guint8 data[] = { 0x08, 0xac, 0x02, 0x12, 0x02, 'h', 'i', 0x1d, 1, 0, 0, 0,
                          0x21, 2, 0, 0, 0, 0, 0, 0, 0 };
  MfaPbReader reader;
  MfaPbField field;
  g_autoptr(GError) error = NULL;

  mfa_pb_reader_init (&reader, data, sizeof data);
  g_assert_true (mfa_pb_reader_next (&reader, &field, &error));
  g_assert_cmpuint (field.number, ==, 1);
  g_assert_cmpuint (field.varint, ==, 300);
  g_assert_true (mfa_pb_reader_next (&reader, &field, &error));
  g_assert_cmpuint (field.wire_type, ==, MFA_PB_BYTES);
  g_assert_cmpmem (field.bytes, field.bytes_len, "hi", 2);
  g_assert_true (mfa_pb_reader_next (&reader, &field, &error));
  g_assert_cmpuint (field.varint, ==, 1);
  g_assert_true (mfa_pb_reader_next (&reader, &field, &error));
  g_assert_cmpuint (field.number, ==, 4);
  g_assert_cmpuint (field.varint, ==, 2);
  g_assert_false (mfa_pb_reader_next (&reader, &field, &error));
  g_assert_no_error (error);
}

static void
assert_damaged (const guint8 *data,
                gsize         len,
                const gchar  *needle)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (read_all (data, len, &error), ==, -1);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not say “%s”", error->message, needle);
}

static void
test_truncated (void)
{
  const guint8 varint[] = { 0x08, 0xac };
  const guint8 bytes[] = { 0x12, 0x05, 'h', 'i' };
  const guint8 fixed[] = { 0x21, 1, 2, 3 };
  const guint8 key[] = { 0x80 };

  assert_damaged (varint, sizeof varint, "cut off");
  assert_damaged (bytes, sizeof bytes, "past the end");
  assert_damaged (fixed, sizeof fixed, "cut off");
  assert_damaged (key, sizeof key, "cut off");
}

static void
test_oversized_length (void)
{
  /* A length of 2^63 and one of 2^32 + 2: both far past a 4-byte buffer
   * (and the second would wrap a 32-bit size). */
  const guint8 huge[] = { 0x12, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 };
  const guint8 wraps[] = { 0x12, 0x82, 0x80, 0x80, 0x80, 0x10, 'h', 'i' };

  assert_damaged (huge, sizeof huge, "past the end");
  assert_damaged (wraps, sizeof wraps, "past the end");
}

static void
test_varint_overflow (void)
{
  const guint8 eleven[] = { 0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                            0x01 };
  const guint8 tenth_too_big[] = { 0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                   0x02 };
  const guint8 max[] = { 0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 };
  MfaPbReader reader;
  MfaPbField field;

  assert_damaged (eleven, sizeof eleven, "larger than 64 bits");
  assert_damaged (tenth_too_big, sizeof tenth_too_big, "larger than 64 bits");
  mfa_pb_reader_init (&reader, max, sizeof max);
  g_assert_true (mfa_pb_reader_next (&reader, &field, NULL));
  g_assert_cmpuint (field.varint, ==, G_MAXUINT64);
}

static void
test_bad_keys (void)
{
  const guint8 field_zero[] = { 0x00, 0x01 };
  const guint8 group[] = { 0x0b, 0x0c };

  assert_damaged (field_zero, sizeof field_zero, "field number");
  assert_damaged (group, sizeof group, "wire type");
}

/* Every prefix of a real payload is either read or refused, never read
 * past its end (the ASan build would catch that). */
static void
test_payload_prefixes (void)
{
  g_autoptr(GBytes) payload = fixture_protobuf_payload (fixture_planted, FIXTURE_N_PLANTED,
                                                        1, 0, 3);
  gsize len;
  const guint8 *data = g_bytes_get_data (payload, &len);
  g_autoptr(GPtrArray) skipped =
    g_ptr_array_new_with_free_func ((GDestroyNotify) mfa_import_skip_free);
  MfaImportState state = { NULL, skipped, NULL, 0, 0 };
  MfaImportInput input = { "payload", NULL, 0, NULL, &state };
  guint refused = 0;

  for (gsize cut = 0; cut < len; cut++)
    {
      g_autoptr(GPtrArray) entries =
        g_ptr_array_new_with_free_func ((GDestroyNotify) mfa_import_entry_free);
      g_autofree guint8 *copy = g_memdup2 (data, cut);
      g_autoptr(GError) error = NULL;

      if (!mfa_google_parse_payload (&input, copy, cut, NULL, entries, &error))
        {
          g_assert_nonnull (error);
          refused++;
        }
    }
  g_assert_cmpuint (refused, >, len / 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/protobuf/fields", test_fields);
  g_test_add_func ("/protobuf/truncated", test_truncated);
  g_test_add_func ("/protobuf/oversized-length", test_oversized_length);
  g_test_add_func ("/protobuf/varint-overflow", test_varint_overflow);
  g_test_add_func ("/protobuf/bad-keys", test_bad_keys);
  g_test_add_func ("/protobuf/payload-prefixes", test_payload_prefixes);
  return g_test_run ();
}
