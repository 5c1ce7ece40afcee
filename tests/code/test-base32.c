/* test-base32.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mfadiag.h"

static void
assert_decodes_to (const gchar *text,
                   const gchar *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaSecret) secret = mfa_base32_decode (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (secret);
  g_assert_cmpmem (secret->data, secret->len, expected, strlen (expected));
}

/* RFC 4648 section 10. */
static void
test_rfc4648_vectors (void)
{
  const struct { const gchar *plain, *encoded; } vectors[] = {
    { "f", "MY======" }, { "fo", "MZXQ====" }, { "foo", "MZXW6===" },
    { "foob", "MZXW6YQ=" }, { "fooba", "MZXW6YTB" }, { "foobar", "MZXW6YTBOI======" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autofree gchar *encoded = mfa_base32_encode ((const guint8 *) vectors[i].plain,
                                                     strlen (vectors[i].plain));
      g_autofree gchar *unpadded = g_strdup (vectors[i].encoded);

      assert_decodes_to (vectors[i].encoded, vectors[i].plain);
      *strchrnul (unpadded, '=') = '\0';
      g_assert_cmpstr (encoded, ==, unpadded);
      assert_decodes_to (unpadded, vectors[i].plain);
    }
}

static void
test_lenient_input (void)
{
  assert_decodes_to ("mzxw6ytboi", "foobar");
  assert_decodes_to ("MZXW 6YTB OI", "foobar");
  assert_decodes_to ("mzxw-6ytb-oi", "foobar");
  assert_decodes_to ("  MZXW6YTBOI======\n", "foobar");
  assert_decodes_to ("\tMzXw6\r\nYtBoI", "foobar");
}

static void
assert_rejected (const gchar *text,
                 const gchar *expected_fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaSecret) secret = mfa_base32_decode (text, &error);

  g_assert_null (secret);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_KEY);
  if (strstr (error->message, expected_fragment) == NULL)
    g_error ("“%s” should mention “%s”, says: %s", text, expected_fragment, error->message);
}

static void
test_rejects_with_reason (void)
{
  assert_rejected ("JBSWY3DPEHPK3PX1", "“1” at position 16");
  assert_rejected ("JBSWY3DPEHPK3PX1", "letter I");
  assert_rejected ("0BSWY3DPEHPK3PXP", "letter O");
  assert_rejected ("JBSW_Y3DP", "“_” at position 5");
  assert_rejected ("JBSWY3DPÉHPK3PXP", "“É” at position 9");
  assert_rejected ("", "empty");
  assert_rejected ("  - ", "empty");
  assert_rejected ("MZXW6YTBO", "9 characters");
  assert_rejected ("MZX", "3 characters");
  assert_rejected ("MZ==XW6Y", "middle");
}

static void
test_rejects_invalid_utf8 (void)
{
  assert_rejected ("JBSW\xff\xfe", "position 5");
}

static void
test_too_long (void)
{
  g_autofree gchar *text = g_strnfill ((MFA_BASE32_MAX_KEY_BYTES + 24) / 5 * 8, 'A');

  assert_rejected (text, "too long");
}

static void
test_random_round_trip (void)
{
  for (int round = 0; round < 500; round++)
    {
      gsize len = g_test_rand_int_range (1, 65);
      g_autofree guint8 *data = g_malloc (len);
      g_autofree gchar *encoded = NULL;
      g_autoptr(MfaSecret) decoded = NULL;
      g_autoptr(GError) error = NULL;

      for (gsize i = 0; i < len; i++)
        data[i] = g_test_rand_int_range (0, 256);
      encoded = mfa_base32_encode (data, len);
      decoded = mfa_base32_decode (encoded, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (decoded->data, decoded->len, data, len);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/base32/rfc4648-vectors", test_rfc4648_vectors);
  g_test_add_func ("/base32/lenient-input", test_lenient_input);
  g_test_add_func ("/base32/rejects-with-reason", test_rejects_with_reason);
  g_test_add_func ("/base32/rejects-invalid-utf8", test_rejects_invalid_utf8);
  g_test_add_func ("/base32/too-long", test_too_long);
  g_test_add_func ("/base32/random-round-trip", test_random_round_trip);
  return g_test_run ();
}
