/* test-json-read.c: the tolerant accessors give NULL or the fallback for
 * every shape a hostile file can take, never a critical
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mfadiag.h"

static JsonObject *
parse_object (JsonParser  *parser,
              const gchar *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return mfa_json_object (json_parser_get_root (parser));
}

static void
test_wrong_types (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse_object (parser, "{\"s\": 5, \"o\": [], \"a\": {}, \"n\": \"x\","
                                           " \"d\": 1.5, \"z\": null, \"b\": true}");
  gint64 integer = 7;
  gdouble number = 7;

  g_assert_nonnull (root);
  g_assert_null (mfa_json_member_string (root, "s"));
  g_assert_null (mfa_json_member_object (root, "o"));
  g_assert_null (mfa_json_member_array (root, "a"));
  g_assert_false (mfa_json_member_integer (root, "d", &integer));
  g_assert_false (mfa_json_member_number (root, "n", &number));
  g_assert_cmpint (integer, ==, 7);
  g_assert_cmpfloat (number, ==, 7);
  g_assert_cmpint (mfa_json_member_int (root, "z", 3), ==, 3);
  g_assert_cmpint (mfa_json_member_int (root, "b", 3), ==, -1);
  g_assert_cmpint (mfa_json_member_int (root, "n", 3), ==, -1);
  g_assert_cmpint (mfa_json_member_int (root, "missing", 3), ==, 3);
}

static void
test_chained_lookups (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse_object (parser, "{\"a\": {\"b\": {\"c\": \"deep\", \"n\": \"42\","
                                           " \"i\": 9, \"d\": 2.5}}}");
  JsonObject *b = mfa_json_member_object (mfa_json_member_object (root, "a"), "b");
  gint64 integer = 0;
  gdouble number = 0;

  g_assert_cmpstr (mfa_json_member_string (b, "c"), ==, "deep");
  g_assert_cmpint (mfa_json_member_int (b, "n", 0), ==, 42);
  g_assert_true (mfa_json_member_integer (b, "i", &integer));
  g_assert_cmpint (integer, ==, 9);
  g_assert_true (mfa_json_member_number (b, "d", &number));
  g_assert_cmpfloat (number, ==, 2.5);
  /* A missing level anywhere gives NULL all the way down. */
  g_assert_null (mfa_json_member_string (mfa_json_member_object (root, "x"), "c"));
  g_assert_null (mfa_json_object (NULL));
  g_assert_false (mfa_json_has_member (NULL, "a"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-read/wrong-types", test_wrong_types);
  g_test_add_func ("/json-read/chained-lookups", test_chained_lookups);
  return g_test_run ();
}
