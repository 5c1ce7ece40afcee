/* test-cli-code-qr.c: mfa-diag code --qr IMAGE takes the key from a QR code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "command-run.h"
#include "fixtures.h"

#define AT_UNIX G_GINT64_CONSTANT (1795867231)

static gint
run_code (const gchar  *image,
          const gchar  *code,
          gchar       **out,
          gchar       **err)
{
  g_auto(TestRun) run = { 0 };
  g_autofree gchar *at = g_strdup_printf ("@%" G_GINT64_FORMAT, AT_UNIX);
  const gchar *args[] = { "--qr", image, "--at", at, "--json", code, NULL };

  test_run_mfa_diag (&run, "code", args, NULL);
  *out = g_steal_pointer (&run.out);
  *err = g_steal_pointer (&run.err);
  return run.status;
}

static void
test_qr_key (void)
{
  g_autofree gchar *dir = g_dir_make_tmp ("mfa-qr-XXXXXX", NULL);
  g_autofree gchar *image = g_build_filename (dir, "key.png", NULL);
  g_autofree gchar *other = g_build_filename (dir, "hello.png", NULL);
  g_autofree gchar *text = g_build_filename (dir, "key.txt", NULL);
  g_autoptr(MfaSecret) key = mfa_base32_decode ("JBSWY3DPEHPK3PXP", NULL);
  MfaOtpParams params = { MFA_ALGORITHM_SHA256, 8, 30 };
  gchar code[MFA_OTP_MAX_DIGITS + 1];
  gchar wrong[MFA_OTP_MAX_DIGITS + 1];
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;

  /* SHA-256 and 8 digits: the settings come from the URI in the image. */
  fixture_write_qr_image ("otpauth://totp/Aliyun:alice?secret=JBSWY3DPEHPK3PXP&algorithm=SHA256"
                        "&digits=8&issuer=Aliyun", image);
  mfa_otp_format_code (mfa_totp (key, &params, AT_UNIX), 8, code);
  g_assert_cmpint (run_code (image, code, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\"verdict\" : \"current\""));
  g_assert_nonnull (strstr (out, "\"algorithm\" : \"SHA256\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  mfa_otp_format_code ((mfa_totp (key, &params, AT_UNIX) + 1) % 100000000, 8, wrong);
  g_assert_cmpint (run_code (image, wrong, &out, &err), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  fixture_write_qr_image ("hello", other);
  g_assert_cmpint (run_code (other, code, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "holds no QR code with an otpauth:// key"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_file_set_contents (text, "JBSWY3DPEHPK3PXP\n", -1, NULL);
  g_assert_cmpint (run_code (text, code, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "is not a PNG or JPEG image"));

  g_unlink (image);
  g_unlink (other);
  g_unlink (text);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-code/qr", test_qr_key);
  return g_test_run ();
}
