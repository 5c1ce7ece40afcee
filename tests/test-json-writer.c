/* test-json-writer.c: MfaJsonWriter writes what json-glib would print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>

#include "mfa-json-writer.h"

/* The same document, built by json-glib and written by MfaJsonWriter. */
typedef struct
{
  JsonBuilder   *builder;
  MfaJsonWriter *writer;
} Both;

static Both
both_new (void)
{
  return (Both) { json_builder_new (), mfa_json_writer_new () };
}

/* Frees both and asserts they came out the same. */
static void
both_assert_same (Both *both)
{
  g_autoptr(JsonNode) root = json_builder_get_root (both->builder);
  g_autofree gchar *expected = json_to_string (root, TRUE);
  g_autofree gchar *text = mfa_json_writer_free_to_text (both->writer);

  g_object_unref (both->builder);
  g_assert_cmpstr (text, ==, expected);
}

/* Strings (as names and as values), numbers and booleans. */
static void
test_values (void)
{
  const gchar *strings[] = {
    "", "plain", "quote \" backslash \\ slash /", "tab\tnew line\ncarriage\rbell\a",
    "\b\f\x01\x1e\x7f", "阿里云 — ünïcödé ✓", "</script>",
  };
  const gdouble doubles[] = { 0.0, 1.0, 0.5, -2.25, 0.025592819558073129, 5.9999850000200009e-06,
                              1e300, 123456789.0 };
  const gint64 ints[] = { 0, 1, -1, G_MAXINT64, G_MININT64, 86400 };
  Both both = both_new ();
  JsonBuilder *builder = both.builder;
  MfaJsonWriter *writer = both.writer;

  json_builder_begin_object (builder);
  mfa_json_writer_begin_object (writer);
  for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      json_builder_set_member_name (builder, strings[i]);
      json_builder_add_string_value (builder, strings[i]);
      mfa_json_writer_member (writer, strings[i]);
      mfa_json_writer_add_string (writer, strings[i]);
    }
  json_builder_set_member_name (builder, "numbers");
  json_builder_begin_array (builder);
  mfa_json_writer_member (writer, "numbers");
  mfa_json_writer_begin_array (writer);
  for (gsize i = 0; i < G_N_ELEMENTS (doubles); i++)
    {
      json_builder_add_double_value (builder, doubles[i]);
      mfa_json_writer_add_double (writer, doubles[i]);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (ints); i++)
    {
      json_builder_add_int_value (builder, ints[i]);
      mfa_json_writer_add_int (writer, ints[i]);
    }
  json_builder_add_boolean_value (builder, TRUE);
  mfa_json_writer_add_boolean (writer, TRUE);
  json_builder_add_boolean_value (builder, FALSE);
  mfa_json_writer_add_boolean (writer, FALSE);
  json_builder_end_array (builder);
  mfa_json_writer_end_array (writer);
  json_builder_end_object (builder);
  mfa_json_writer_end_object (writer);

  both_assert_same (&both);
}

/* Where json-glib 1.6 writes what is not JSON: U+001F raw, and 1e-300 as
 * "1e-300.0". */
static void
test_not_like_json_glib (void)
{
  MfaJsonWriter *writer = mfa_json_writer_new ();
  g_autofree gchar *text = NULL;

  mfa_json_writer_begin_array (writer);
  mfa_json_writer_add_string (writer, "\x1f");
  mfa_json_writer_add_double (writer, 1e-300);
  mfa_json_writer_end_array (writer);
  text = mfa_json_writer_free_to_text (writer);
  g_assert_cmpstr (text, ==, "[\n  \"\\u001f\",\n  1e-300\n]");
}

/* Empty and nested containers, in objects and in arrays. */
static void
test_nesting (void)
{
  Both both = both_new ();
  JsonBuilder *builder = both.builder;
  MfaJsonWriter *writer = both.writer;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "empty object");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "empty array");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "arrays");
  json_builder_begin_array (builder);
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, 1);
  json_builder_end_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "deep");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "x");
  json_builder_add_string_value (builder, "y");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  mfa_json_writer_begin_object (writer);
  mfa_json_writer_member (writer, "empty object");
  mfa_json_writer_begin_object (writer);
  mfa_json_writer_end_object (writer);
  mfa_json_writer_member (writer, "empty array");
  mfa_json_writer_begin_array (writer);
  mfa_json_writer_end_array (writer);
  mfa_json_writer_member (writer, "arrays");
  mfa_json_writer_begin_array (writer);
  mfa_json_writer_begin_array (writer);
  mfa_json_writer_add_int (writer, 1);
  mfa_json_writer_end_array (writer);
  mfa_json_writer_begin_object (writer);
  mfa_json_writer_member (writer, "deep");
  mfa_json_writer_begin_object (writer);
  mfa_json_writer_member (writer, "x");
  mfa_json_writer_add_string (writer, "y");
  mfa_json_writer_end_object (writer);
  mfa_json_writer_end_object (writer);
  mfa_json_writer_begin_array (writer);
  mfa_json_writer_end_array (writer);
  mfa_json_writer_end_array (writer);
  mfa_json_writer_end_object (writer);

  both_assert_same (&both);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-writer/values", test_values);
  g_test_add_func ("/json-writer/not-like-json-glib", test_not_like_json_glib);
  g_test_add_func ("/json-writer/nesting", test_nesting);
  return g_test_run ();
}
