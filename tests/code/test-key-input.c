/* test-key-input.c: keys as people give them — text, URIs, QR images
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "fixtures.h"

static void
test_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaOtpauth) plain = mfa_key_from_text ("  jbsw y3dp ehpk 3pxp\n", &error);
  g_autoptr(MfaOtpauth) uri = NULL;
  g_autoptr(MfaSecret) expected = mfa_base32_decode ("JBSWY3DPEHPK3PXP", NULL);

  g_assert_no_error (error);
  g_assert_true (mfa_secret_equal (plain->secret, expected));
  g_assert_cmpint (plain->type, ==, MFA_OTP_TYPE_TOTP);
  g_assert_cmpint (plain->params.algorithm, ==, MFA_ALGORITHM_SHA1);
  g_assert_cmpuint (plain->params.digits, ==, 6);
  g_assert_cmpuint (plain->params.period, ==, 30);

  uri = mfa_key_from_text (" otpauth://totp/Aliyun:alice?secret=JBSWY3DPEHPK3PXP&digits=8"
                           "&algorithm=SHA256&period=60\n", &error);
  g_assert_no_error (error);
  g_assert_true (mfa_secret_equal (uri->secret, expected));
  g_assert_cmpstr (uri->account, ==, "alice");
  g_assert_cmpuint (uri->params.digits, ==, 8);
  g_assert_cmpuint (uri->params.period, ==, 60);
}

/* The user sees which character is wrong, and the likely mix-up. */
static void
test_text_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaOtpauth) zero = mfa_key_from_text ("JBSWY3DPEHPK3PX0", &error);

  g_assert_null (zero);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_KEY);
  g_assert_nonnull (strstr (error->message, "is it the letter O?"));
  g_clear_error (&error);

  g_assert_null (mfa_key_from_text ("   ", &error));
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_KEY);
  g_clear_error (&error);

  g_assert_null (mfa_key_from_text ("otpauth://totp/x?digits=6", &error));
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_URI);
}

static void
test_time_based_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaOtpauth) totp = mfa_key_from_text ("JBSWY3DPEHPK3PXP", NULL);
  g_autoptr(MfaOtpauth) hotp =
    mfa_key_from_text ("otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=3", NULL);

  g_assert_true (mfa_key_check_time_based (totp, &error));
  g_assert_no_error (error);
  g_assert_false (mfa_key_check_time_based (hotp, &error));
  g_assert_error (error, MFA_ERROR, MFA_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "counter-based (HOTP)"));
}

/* Writes text as a QR image into dir, and reads a key from it again. */
static MfaOtpauth *
key_from_qr (const gchar  *dir,
             const gchar  *name,
             const gchar  *text,
             GError      **error)
{
  g_autofree gchar *path = g_build_filename (dir, name, NULL);
  g_autofree gchar *data = NULL;
  gsize len = 0;

  fixture_write_qr_image (text, path);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_unlink (path);
  return mfa_key_from_qr_image ((const guint8 *) data, len, name, error);
}

static void
test_qr_image (void)
{
  g_autofree gchar *dir = g_dir_make_tmp ("mfa-key-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaOtpauth) key = NULL;
  g_autoptr(MfaSecret) expected = mfa_base32_decode ("JBSWY3DPEHPK3PXP", NULL);

  key = key_from_qr (dir, "key.png",
                     "otpauth://totp/Aliyun:alice?secret=JBSWY3DPEHPK3PXP&issuer=Aliyun", &error);
  g_assert_no_error (error);
  g_assert_true (mfa_secret_equal (key->secret, expected));
  g_assert_cmpstr (key->issuer, ==, "Aliyun");

  g_assert_null (key_from_qr (dir, "hello.png", "hello", &error));
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==,
                   "hello.png holds no QR code with an otpauth:// key (it holds 1 other QR code)");
  g_clear_error (&error);

  g_assert_null (mfa_key_from_qr_image ((const guint8 *) "JBSWY3DP", 8, "key.txt", &error));
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "key.txt is not a PNG or JPEG image");
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/key-input/text", test_text);
  g_test_add_func ("/key-input/text-errors", test_text_errors);
  g_test_add_func ("/key-input/time-based-only", test_time_based_only);
  g_test_add_func ("/key-input/qr-image", test_qr_image);
  return g_test_run ();
}
