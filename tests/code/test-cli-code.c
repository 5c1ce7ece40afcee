/* test-cli-code.c: mfa-diag code as scripts and users run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mfadiag.h"
#include "command-run.h"

#define KEY "JBSWY3DPEHPK3PXP"
#define AT "2026-11-28T12:00:31Z"
#define AT_UNIX G_GINT64_CONSTANT (1795867231)

static void
run_diag (TestRun             *run,
          const gchar         *input,
          const gchar * const *args)
{
  test_run_mfa_diag (run, "code", args, input);
}

static gchar *
write_temp (const gchar *contents)
{
  g_autoptr(GError) error = NULL;
  gchar *path = NULL;
  int fd = g_file_open_tmp ("mfa-key-XXXXXX", &path, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  close (fd);
  return path;
}

static gchar *
code_at (const gchar *base32,
         gint64       when)
{
  g_autoptr(MfaSecret) key = mfa_base32_decode (base32, NULL);
  MfaOtpParams params = MFA_OTP_PARAMS_DEFAULT;
  gchar out[MFA_OTP_MAX_DIGITS + 1];

  mfa_otp_format_code (mfa_totp (key, &params, when), 6, out);
  return g_strdup (out);
}

static void
assert_one_line_error (const TestRun *run,
                       const gchar *fragment)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, fragment));
  /* exactly one line */
  g_assert_nonnull (strchr (run->err, '\n'));
  g_assert_null (strchr (strchr (run->err, '\n') + 1, '\n'));
}

static void
test_current_exits_zero (void)
{
  g_autofree gchar *path = write_temp (KEY "\n");
  g_autofree gchar *code = code_at (KEY, AT_UNIX);
  const gchar *args[] = { "--key-file", path, "--at", AT, code, NULL };
  g_auto(TestRun) run = { 0 };

  run_diag (&run, NULL, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "right for this key"));
  g_assert_null (strstr (run.out, code));
  g_unlink (path);
}

static void
test_stdin_key_and_json (void)
{
  g_autofree gchar *ahead = code_at (KEY, AT_UNIX + 120);
  const gchar *args[] = { "--key-file", "-", "--at", "@1795867231", "--json", ahead, "１２３", NULL };
  g_auto(TestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *codes;

  run_diag (&run, KEY "\n", args);
  g_assert_cmpint (run.status, ==, 1);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  codes = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "codes");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (codes, 0),
                                                  "verdict"), ==, "drift");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (codes, 0),
                                               "offset_steps"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (codes, 1),
                                                  "verdict"), ==, "malformed");
}

static void
test_uri_file_declares_settings (void)
{
  g_autoptr(MfaSecret) key = mfa_base32_decode (KEY, NULL);
  MfaOtpParams params = { MFA_ALGORITHM_SHA256, 8, 60 };
  g_autofree gchar *path = write_temp ("otpauth://totp/Aliyun:me?secret=" KEY
                                       "&algorithm=SHA256&digits=8&period=60\n");
  gchar code[MFA_OTP_MAX_DIGITS + 1];
  const gchar *args[] = { "--uri-file", path, "--at", AT, code, NULL };
  g_auto(TestRun) run = { 0 };

  mfa_otp_format_code (mfa_totp (key, &params, AT_UNIX), 8, code);
  run_diag (&run, NULL, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "SHA256, 8 digits, 60-second"));
  g_unlink (path);
}

/* A code 10 steps ahead is drift in the default window, not found in ±5. */
static void
test_window_limits_search (void)
{
  g_autofree gchar *path = write_temp (KEY);
  g_autofree gchar *ahead = code_at (KEY, AT_UNIX + 300);
  const gchar *narrow[] = { "--key-file", path, "--at", AT, "--window", "5", "--json", ahead, NULL };
  const gchar *wide[] = { "--key-file", path, "--at", AT, "--json", ahead, NULL };
  g_auto(TestRun) a = { 0 }, b = { 0 };

  run_diag (&a, NULL, narrow);
  run_diag (&b, NULL, wide);
  g_assert_cmpint (a.status, ==, 1);
  g_assert_nonnull (strstr (a.out, "\"not-found\""));
  g_assert_nonnull (strstr (a.out, "\"window_seconds\" : 150"));
  g_assert_nonnull (strstr (b.out, "\"drift\""));
  g_unlink (path);
}

static void
test_key_on_command_line_refused (void)
{
  const gchar *args[] = { "--key", KEY, "123456", NULL };
  g_auto(TestRun) run = { 0 };

  run_diag (&run, NULL, args);
  assert_one_line_error (&run, "ps");
  g_assert_null (strstr (run.err, KEY));
}

static void
test_bad_input_explained (void)
{
  g_autofree gchar *bad_key = write_temp ("JBSWY3DPEHPK3PX1\n");
  g_autofree gchar *good_key = write_temp (KEY);
  g_autofree gchar *hotp = write_temp ("otpauth://hotp/x?secret=" KEY "&counter=3\n");
  const gchar *bad_char[] = { "--key-file", bad_key, "123456", NULL };
  const gchar *missing[] = { "--key-file", "/nonexistent/key", "123456", NULL };
  const gchar *no_code[] = { "--key-file", bad_key, NULL };
  const gchar *bad_time[] = { "--key-file", good_key, "--at", "yesterday", "123456", NULL };
  const gchar *counter[] = { "--uri-file", hotp, "123456", NULL };
  const gchar *bad_digits[] = { "--key-file", good_key, "--digits", "9", "123456", NULL };
  g_auto(TestRun) a = { 0 }, b = { 0 }, c = { 0 }, d = { 0 }, e = { 0 }, f = { 0 };

  run_diag (&a, NULL, bad_char);
  assert_one_line_error (&a, "“1” at position 16");
  run_diag (&b, NULL, missing);
  assert_one_line_error (&b, "/nonexistent/key");
  run_diag (&c, NULL, no_code);
  assert_one_line_error (&c, "at least one CODE");
  run_diag (&d, NULL, bad_time);
  assert_one_line_error (&d, "“yesterday” is not a time");
  run_diag (&e, NULL, counter);
  assert_one_line_error (&e, "HOTP");
  run_diag (&f, NULL, bad_digits);
  assert_one_line_error (&f, "--digits");
  g_unlink (good_key);
  g_unlink (bad_key);
  g_unlink (hotp);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/code/current-exits-zero", test_current_exits_zero);
  g_test_add_func ("/cli/code/stdin-key-and-json", test_stdin_key_and_json);
  g_test_add_func ("/cli/code/uri-file-declares-settings", test_uri_file_declares_settings);
  g_test_add_func ("/cli/code/window-limits-search", test_window_limits_search);
  g_test_add_func ("/cli/code/key-on-command-line-refused", test_key_on_command_line_refused);
  g_test_add_func ("/cli/code/bad-input-explained", test_bad_input_explained);
  return g_test_run ();
}
