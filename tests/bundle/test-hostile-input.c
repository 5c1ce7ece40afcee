/* test-hostile-input.c: what an attack on the reader, the writer and the
 * viewer's library side found (issue 15), each attack built here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "mfadiag.h"
#include "bundle-craft.h"
#include "test-support.h"

#define DEEP 100000

static gchar *workdir;

static gchar *
work_path (const gchar *name)
{
  return g_build_filename (workdir, name, NULL);
}

/* `n` arrays inside each other, in the middle of `before` … `after`. */
static gchar *
nested (const gchar *before,
        guint        n,
        const gchar *after)
{
  GString *text = g_string_new (before);

  for (guint i = 0; i < n; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < n; i++)
    g_string_append_c (text, ']');
  g_string_append (text, after);
  return g_string_free (text, FALSE);
}

/* Runs a command; its exit status, -1 when it was killed (a crash). */
static gint
run (const gchar * const *argv,
     gchar              **err)
{
  g_autoptr(GError) error = NULL;
  gint status;

  g_spawn_sync (NULL, (gchar **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, err,
                &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* ---- JSON depth ----------------------------------------------------------- */

static void
test_depth_guard (void)
{
  g_autofree gchar *deep = nested ("", DEEP, "");
  g_autofree gchar *fine = nested ("{\"a\":\"[[[[\\\"[[[\",\"b\":", MFA_JSON_MAX_DEPTH - 1, "}");
  g_autoptr(GError) error = NULL;

  g_assert_true (mfa_json_check_depth (fine, -1, "x", MFA_ERROR_FAILED, &error));
  g_assert_no_error (error);
  g_assert_false (mfa_json_check_depth (deep, -1, "x.json", MFA_ERROR_INVALID_EXPORT, &error));
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT);
  g_assert_nonnull (strstr (error->message, "x.json"));
  g_assert_nonnull (strstr (error->message, "levels deep"));
}

static gchar *
deep_bundle (void)
{
  g_autofree gchar *manifest = nested ("{\"format\":\"mfa-ticket\",\"version\":1,\"files\":[],"
                                       "\"x\":", DEEP, "}");
  const Craft entries[] = { { "manifest.json", FILE_ENTRY, manifest, strlen (manifest) } };
  gchar *path = work_path ("deep.mfaticket");

  test_write_zip (path, entries, G_N_ELEMENTS (entries));
  return path;
}

/* 100,000 nested arrays in a 1 KB manifest: every reader refuses, none crashes. */
static void
test_deep_manifest (void)
{
  g_autofree gchar *path = deep_bundle ();
  g_autofree gchar *out = work_path ("deep-out");
  const gchar *ticket = g_getenv ("MFA_TICKET");
  const gchar *verify[] = { ticket, "verify", path, NULL };
  const gchar *show[] = { ticket, "show", path, NULL };
  const gchar *extract[] = { ticket, "extract", path, out, NULL };
  const gchar * const *commands[] = { verify, show, extract };
  g_autoptr(MfaBundle) head = NULL;
  g_autoptr(GError) error = NULL;
  struct stat info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_size, <, 2048);
  /* The viewer reads the head through the same library call. */
  head = mfa_bundle_read_head (path, NULL, NULL, &error);
  g_assert_null (head);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_NOT_A_BUNDLE);
  g_assert_nonnull (strstr (error->message, "manifest.json nests"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree gchar *err = NULL;

      g_assert_cmpint (run (commands[i], &err), ==, 2);
      g_assert_nonnull (strstr (err, "levels deep"));
    }
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* A manifest of white space only has no JSON root at all: refused as not
 * an object, without a critical warning (fatal in tests) on the way. */
static void
test_empty_manifest (void)
{
  static const gchar *const manifests[] = { "", "  \n\t", NULL };

  for (guint i = 0; manifests[i] != NULL; i++)
    {
      const Craft entries[] = { { "manifest.json", FILE_ENTRY, manifests[i],
                                  strlen (manifests[i]) } };
      g_autofree gchar *path = work_path ("empty-manifest.mfaticket");
      g_autoptr(MfaBundle) head = NULL;
      g_autoptr(GError) error = NULL;

      test_write_zip (path, entries, G_N_ELEMENTS (entries));
      head = mfa_bundle_read_head (path, NULL, NULL, &error);
      g_assert_null (head);
      g_assert_error (error, MFA_ERROR, MFA_ERROR_NOT_A_BUNDLE);
      g_assert_nonnull (strstr (error->message, "manifest.json is not a JSON object"));
    }
}

static void
test_deep_export (void)
{
  g_autofree gchar *json = nested ("{\"version\":1,\"header\":{\"slots\":null,\"params\":null},"
                                   "\"db\":{\"version\":2,\"entries\":", DEEP, "}}");
  g_autofree gchar *path = work_path ("deep-aegis.json");
  const gchar *argv[] = { g_getenv ("MFA_DIAG"), "duplicates", path, NULL };
  g_autofree gchar *err = NULL;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  g_assert_cmpint (run (argv, &err), ==, 2);
  g_assert_nonnull (strstr (err, "levels deep"));
}

static void
test_deep_flows_and_evidence (void)
{
  g_autofree gchar *flows = nested ("{\"format\":\"mfa-flows\",\"flows\":", DEEP, "}");
  g_autofree gchar *evidence = nested ("{\"verdict\":\"ok\",\"x\":", DEEP, "}");
  g_autofree gchar *evidence_path = work_path ("deep-evidence.json");
  g_autofree gchar *target = work_path ("deep-evidence.mfaticket");
  g_autofree gchar *check = g_strdup_printf ("code=%s", evidence_path);
  const gchar *argv[] = { g_getenv ("MFA_TICKET"), "create", "--account-type", "ram-user",
                          "--account", "alice@1234567.onaliyun.com", "--check", check,
                          "-o", target, NULL };
  g_autoptr(MfaFlowSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *err = NULL;

  set = mfa_flow_set_load_data (flows, -1, &error);
  g_assert_null (set);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_FLOW);
  g_assert_true (g_file_set_contents (evidence_path, evidence, -1, NULL));
  g_assert_cmpint (run (argv, &err), ==, 2);
  g_assert_nonnull (strstr (err, "levels deep"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

/* ---- saving attachments ----------------------------------------------------- */

static const gchar png_a[] = "\x89PNG\r\n\x1a\n first image";
static const gchar png_b[] = "\x89PNG\r\n\x1a\n second image, same base name";
static const gchar dotfile[] = "\x89PNG\r\n\x1a\n alias ls='rm -rf ~'";
static const gchar script[] = "#!/bin/sh\necho owned\n";

static gchar *
file_json (const Craft *file,
           const gchar *kind,
           const gchar *media_type)
{
  g_autofree gchar *sha = test_sha256_of (file);

  return g_strdup_printf ("{\"path\":\"%s\",\"size\":%" G_GSIZE_FORMAT ",\"sha256\":\"%s\","
                          "\"kind\":\"%s\",\"media_type\":\"%s\"}",
                          file->name, file->len, sha, kind, media_type);
}

/* Names the bundle chose: a dot file, two files of one base name, a script
 * declared as PNG, a kind nobody knows. */
static gchar *
hostile_attachments (void)
{
  const Craft files[] = {
    { "attachments/.bashrc", FILE_ENTRY, dotfile, sizeof dotfile - 1 },
    { "attachments/a/shot.png", FILE_ENTRY, png_a, sizeof png_a - 1 },
    { "attachments/b/shot.png", FILE_ENTRY, png_b, sizeof png_b - 1 },
    { "attachments/run.sh", FILE_ENTRY, script, sizeof script - 1 },
  };
  const gchar *kinds[] = { "other", "error-page", "../../evil", "phone-time" };
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_autofree gchar *extra = NULL, *manifest = NULL;
  gchar *path = work_path ("names.mfaticket");
  Craft entries[G_N_ELEMENTS (files) + 1];

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_ptr_array_add (listed, file_json (&files[i], kinds[i], "image/png"));
  g_ptr_array_add (listed, NULL);
  extra = g_strjoinv (",", (gchar **) listed->pdata);
  manifest = test_manifest_for (NULL, 0, 1, extra);
  entries[0] = (Craft) { "manifest.json", FILE_ENTRY, manifest, strlen (manifest) };
  memcpy (entries + 1, files, sizeof files);
  test_write_zip (path, entries, G_N_ELEMENTS (entries));
  return path;
}

static gchar *
read_text (const gchar *dir,
           const gchar *name)
{
  g_autofree gchar *path = g_build_filename (dir, name, NULL);
  gchar *text = NULL;

  g_file_get_contents (path, &text, NULL, NULL);
  return text;
}

static void
test_save_attachments (void)
{
  g_autofree gchar *bundle = hostile_attachments ();
  g_autofree gchar *dir = work_path ("saved");
  g_autofree gchar *outside = work_path ("outside.txt");
  g_autofree gchar *link = g_build_filename (dir, "02-error-page.png", NULL);
  g_autofree gchar *bashrc = g_build_filename (dir, ".bashrc", NULL);
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *text = NULL;
  guint skipped = 0;

  g_mkdir (dir, 0700);
  g_file_set_contents (bashrc, "my own settings\n", -1, NULL);
  g_file_set_contents (outside, "outside\n", -1, NULL);
  g_assert_cmpint (symlink (outside, link), ==, 0);

  /* A name that exists: refused before anything is written, naming it. */
  saved = mfa_bundle_save_attachments (bundle, dir, FALSE, &skipped, &error);
  g_assert_null (saved);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "02-error-page.png"));
  g_clear_error (&error);
  g_assert_null (read_text (dir, "01-other.png"));

  /* Asked to replace: the link is replaced, its target left alone. */
  saved = mfa_bundle_save_attachments (bundle, dir, TRUE, &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (saved, 0), ==, "01-other.png");
  g_assert_cmpstr (g_ptr_array_index (saved, 1), ==, "02-error-page.png");
  g_assert_cmpstr (g_ptr_array_index (saved, 2), ==, "03-other.png");
  g_assert_cmpuint (skipped, ==, 1); /* the script is no PNG, whatever it says */
  g_assert_false (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  text = read_text (workdir, "outside.txt");
  g_assert_cmpstr (text, ==, "outside\n");
  g_free (text);
  text = read_text (dir, ".bashrc");
  g_assert_cmpstr (text, ==, "my own settings\n");
  g_free (text);
  /* Two entries of one base name: two whole files, never one mixed. */
  text = read_text (dir, "02-error-page.png");
  g_assert_cmpstr (text, ==, png_a);
  g_free (text);
  text = read_text (dir, "03-other.png");
  g_assert_cmpstr (text, ==, png_b);
  g_free (text);
  text = read_text (dir, "01-other.png");
  g_assert_cmpstr (text, ==, dotfile);
  g_assert_null (read_text (dir, "04-phone-time.png"));
  g_assert_null (read_text (dir, "run.sh"));
}

/* ---- input files: only regular ones, bounded ------------------------------------- */

static gint
run_with_timeout (const gchar * const *argv,
                  guint                seconds,
                  gchar              **err)
{
  g_autoptr(GError) error = NULL;
  gint err_fd, status = -1;
  GPid pid;

  g_spawn_async_with_pipes (NULL, (gchar **) argv, NULL,
                            G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                            &pid, NULL, NULL, &err_fd, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < seconds * 100; i++)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        break;
      g_usleep (10000);
      status = -1;
    }
  if (status == -1)
    {
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
      g_error ("%s did not finish within %u s", argv[1], seconds);
    }
  {
    g_autoptr(GIOChannel) channel = g_io_channel_unix_new (err_fd);

    g_io_channel_set_close_on_unref (channel, TRUE);
    g_io_channel_read_to_end (channel, err, NULL, NULL);
  }
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_inputs_regular_only (void)
{
  g_autofree gchar *fifo = work_path ("input.fifo");
  g_autofree gchar *target = work_path ("inputs.mfaticket");
  const gchar *inputs[] = { "/dev/zero", fifo, "/dev/null", workdir };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree gchar *attach = g_strdup_printf ("other=%s", inputs[i]);
      g_autofree gchar *check = g_strdup_printf ("code=%s", inputs[i]);
      const gchar *with_attach[] = { g_getenv ("MFA_TICKET"), "create", "--account-type",
                                     "ram-user", "--account", "alice@1234567.onaliyun.com",
                                     "--attach", attach, "-o", target, NULL };
      const gchar *with_check[] = { g_getenv ("MFA_TICKET"), "create", "--account-type",
                                    "ram-user", "--account", "alice@1234567.onaliyun.com",
                                    "--check", check, "-o", target, NULL };
      const gchar *qr[] = { g_getenv ("MFA_DIAG"), "code", "--qr", inputs[i], "123456", NULL };
      g_autofree gchar *flows_option = g_strdup_printf ("--check=%s", inputs[i]);
      const gchar *flows[] = { g_getenv ("MFA_DIAG"), "flows", flows_option, NULL };
      const gchar * const *commands[] = { with_attach, with_check, qr, flows };

      for (guint j = 0; j < G_N_ELEMENTS (commands); j++)
        {
          g_autofree gchar *err = NULL;

          g_assert_cmpint (run_with_timeout (commands[j], 10, &err), ==, 2);
          if (strstr (err, "not a regular file") == NULL)
            g_error ("%s %s: %s", commands[j][1], inputs[i], err);
          g_assert_true (g_utf8_validate (err, -1, NULL));
        }
    }
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

/* ---- pixel bombs ----------------------------------------------------------------- */

static void
append_chunk (GByteArray   *png,
              const gchar  *type,
              const guint8 *data,
              gsize         len)
{
  guint32 size = GUINT32_TO_BE (len), crc;

  g_byte_array_append (png, (const guint8 *) &size, 4);
  g_byte_array_append (png, (const guint8 *) type, 4);
  g_byte_array_append (png, data, len);
  crc = test_crc32 ((const guint8 *) type, 4, 0);
  crc = GUINT32_TO_BE (test_crc32 (data, len, crc));
  g_byte_array_append (png, (const guint8 *) &crc, 4);
}

/* A real PNG of side × side white-on-black 1-bit pixels, a few hundred KB. */
static gchar *
make_pixel_bomb (guint side)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GZlibCompressor) zlib = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) deflate = g_converter_output_stream_new (memory, G_CONVERTER (zlib));
  gsize row_len = 1 + (side + 7) / 8;
  g_autofree guint8 *row = g_malloc0 (row_len);
  guint32 ihdr_words[2] = { GUINT32_TO_BE (side), GUINT32_TO_BE (side) };
  guint8 ihdr[13] = { 0 };
  gchar *path = work_path ("pixel-bomb.png");

  memcpy (ihdr, ihdr_words, 8);
  ihdr[8] = 1; /* bit depth; colour type 0 (grey), no interlace */
  g_byte_array_append (png, (const guint8 *) "\x89PNG\r\n\x1a\n", 8);
  append_chunk (png, "IHDR", ihdr, sizeof ihdr);
  for (guint y = 0; y < side; y++)
    g_assert_true (g_output_stream_write_all (deflate, row, row_len, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (deflate, NULL, NULL));
  append_chunk (png, "IDAT",
                g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)));
  append_chunk (png, "IEND", NULL, 0);
  g_assert_true (g_file_set_contents (path, (const gchar *) png->data, png->len, NULL));
  return path;
}

static void
test_pixel_bomb_refused_at_header (void)
{
  g_autofree gchar *bomb = make_pixel_bomb (30000);
  g_autofree gchar *target = work_path ("bomb.mfaticket");
  g_autofree gchar *attach = g_strdup_printf ("other=%s", bomb);
  const gchar *create[] = { g_getenv ("MFA_TICKET"), "create", "--account-type", "ram-user",
                            "--account", "alice@1234567.onaliyun.com", "--attach", attach,
                            "-o", target, NULL };
  const gchar *qr[] = { g_getenv ("MFA_DIAG"), "code", "--qr", bomb, "123456", NULL };
  const gchar * const *commands[] = { create, qr };
  guint width = 0, height = 0;
  gsize len;
  g_autofree gchar *data = NULL;

  g_assert_true (g_file_get_contents (bomb, &data, &len, NULL));
  g_assert_true (mfa_input_image_size ((const guint8 *) data, len, &width, &height));
  g_assert_cmpuint (width, ==, 30000);
  g_assert_cmpuint (height, ==, 30000);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree gchar *err = NULL;
      gint64 start = g_get_monotonic_time ();

      /* Refused from the header: no 900-megapixel decode first. */
      g_assert_cmpint (run_with_timeout (commands[i], 20, &err), ==, 2);
      g_assert_nonnull (strstr (err, "30000 × 30000 pixels"));
      g_test_message ("%s refused the bomb in %.2f s", commands[i][1],
                      (g_get_monotonic_time () - start) / 1e6);
    }
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

/* ---- core dumps ------------------------------------------------------------------ */

static void
test_core_dumps_off_in_process (void)
{
  struct rlimit limit;

  mfa_secret_protect_process ();
  g_assert_cmpint (getrlimit (RLIMIT_CORE, &limit), ==, 0);
  g_assert_cmpuint (limit.rlim_cur, ==, 0);
  g_assert_cmpuint (limit.rlim_max, ==, 0);
  g_assert_cmpint (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0), ==, 0);
}

/* "Max core file size  0  0  bytes" in a running process's limits. */
static gboolean
core_limit_is_zero (GPid pid)
{
  g_autofree gchar *path = g_strdup_printf ("/proc/%d/limits", pid);
  g_autofree gchar *limits = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &limits, NULL, NULL))
    return FALSE;
  lines = g_strsplit (limits, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Max core file size"))
      {
        g_auto(GStrv) words = g_strsplit_set (lines[i] + strlen ("Max core file size"), " ", -1);
        guint zeros = 0;

        for (guint j = 0; words[j] != NULL; j++)
          zeros += g_str_equal (words[j], "0");
        return zeros == 2;
      }
  return FALSE;
}

/* Each command that holds keys, seen after it finished but before it is
 * reaped (a zombie keeps its limits): its core limit was zero. */
static void
test_core_dumps_off_in_commands (void)
{
  g_autofree gchar *key = work_path ("core.key");
  g_autofree gchar *export = work_path ("core-export.txt");
  g_autofree gchar *target = work_path ("core.mfaticket");
  const gchar *code[] = { g_getenv ("MFA_DIAG"), "code", "--key-file", key, "123456", NULL };
  const gchar *duplicates[] = { g_getenv ("MFA_DIAG"), "duplicates", export, NULL };
  const gchar *create[] = { g_getenv ("MFA_TICKET"), "create", "--account-type", "ram-user",
                            "--account", "alice@1234567.onaliyun.com", "-o", target, NULL };
  const gchar * const *commands[] = { code, duplicates, create };
  struct rlimit unlimited = { RLIM_INFINITY, RLIM_INFINITY };

  /* Whatever the test runner set, the commands must set it themselves. */
  g_assert_cmpint (setrlimit (RLIMIT_CORE, &unlimited), ==, 0);
  g_file_set_contents (key, "JBSWY3DPEHPK3PXP\n", -1, NULL);
  g_file_set_contents (export, "otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP\n", -1, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GError) error = NULL;
      siginfo_t info;
      gboolean zero;
      GPid pid;

      g_spawn_async (NULL, (gchar **) commands[i], NULL, G_SPAWN_DO_NOT_REAP_CHILD
                       | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &pid, &error);
      g_assert_no_error (error);
      g_assert_cmpint (waitid (P_PID, pid, &info, WEXITED | WNOWAIT), ==, 0);
      g_assert_cmpint (info.si_code, ==, CLD_EXITED);
      zero = core_limit_is_zero (pid);
      waitpid (pid, NULL, 0);
      g_spawn_close_pid (pid);
      if (!zero)
        g_error ("%s %s kept core dumps on", commands[i][0], commands[i][1]);
    }
  g_assert_true (g_file_test (target, G_FILE_TEST_EXISTS));
}

/* ---- keys in disguise ------------------------------------------------------------ */

static void
test_disguised_keys_refused (void)
{
  const gchar *keys[] = {
    "my key JBSWY3DPEHPK3PXP",
    "JBSW Y3DP EHPK 3PXP",
    "jbsw-y3dp-ehpk-3pxp",
    "JBSWY-3DPEH-PK3PX-P",                                   /* groups of five */
    "JBSW\u2010Y3DP\u2013EHPK\u2014" "3PXP",                   /* Unicode dashes */
    "JBSW\u200bY3DP\u200cEHPK\u2060" "3PXP",                   /* zero-width */
    "\uff2a\uff22\uff33\uff37\uff39\uff13\uff24\uff30\uff25\uff28\uff30\uff2b\uff13\uff30\uff38\uff30", /* full width */
    "48656c6c6f21deadbeef48656c6c6f21deadbeef",              /* the key's bytes in hex */
    "4865 6c6c 6f21 dead beef 4865 6c6c 6f21 dead beef",
    "\uff4f\uff54\uff50\uff41\uff55\uff54\uff48://totp/x?secret=JBSWY3DPEHPK3PXP",
  };
  const gchar *words[] = {
    "I tried 3 times at 2 pm yesterday and 5 times today",
    "alice@1234567.onaliyun.com",
    "2026-11-28T12:00:31.000Z from 203.107.6.88 via ntp.aliyun.com",
    "The code is rejected every time since 27 November.",
    "手机时间不对，验证码一直错误",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GError) error = NULL;

      if (mfa_bundle_check_text ("The note", keys[i], &error))
        g_error ("a key slipped through: %s", keys[i]);
      g_assert_error (error, MFA_ERROR, MFA_ERROR_SECRET_IN_TEXT);
    }
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!mfa_bundle_check_text ("The note", words[i], &error))
        g_error ("ordinary words refused: %s: %s", words[i], error->message);
    }
}

static gint
create_with (const gchar *option,
             const gchar *value,
             gchar      **err)
{
  g_autofree gchar *target = work_path ("keys.mfaticket");
  const gchar *argv[] = { g_getenv ("MFA_TICKET"), "create", "--account-type", "ram-user",
                          "--account", "alice@1234567.onaliyun.com", option, value,
                          "-o", target, NULL };
  gint status = run (argv, err);

  g_unlink (target);
  return status;
}

/* Evidence only as the known fields of a known check, topics only as flow ids. */
static void
test_keys_in_evidence_and_topic (void)
{
  const gchar *evidence[] = {
    "{\"verdict\":\"ok\",\"codes\":[{\"verdict\":\"now\",\"message\":\"JBSW Y3DP EHPK 3PXP\"}]}",
    "{\"verdict\":\"ok\",\"secret\":\"not even a key\"}",
  };
  g_autofree gchar *path = work_path ("evidence.json");
  g_autofree gchar *code = g_strdup_printf ("code=%s", path);
  g_autofree gchar *unknown = g_strdup_printf ("passwords=%s", path);
  g_autofree gchar *err = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (evidence); i++)
    {
      g_assert_true (g_file_set_contents (path, evidence[i], -1, NULL));
      g_assert_cmpint (create_with ("--check", code, &err), ==, 2);
      g_test_message ("%s", err);
      g_clear_pointer (&err, g_free);
    }
  g_assert_true (g_file_set_contents (path, "{\"verdict\":\"ok\",\"codes\":[]}", -1, NULL));
  g_assert_cmpint (create_with ("--check", unknown, &err), ==, 2);
  g_assert_nonnull (strstr (err, "not a check"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (create_with ("--check", code, &err), ==, 0);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (create_with ("--topic", "JBSWY3DPEHPK3PXP", &err), ==, 2);
  g_assert_nonnull (strstr (err, "signin-code-rejected"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (create_with ("--topic", "signin-code-rejected", &err), ==, 0);
}

/* What the commands print with --json is evidence the writer takes as it is. */
static void
test_real_evidence_accepted (void)
{
  g_autofree gchar *key = work_path ("evidence.key");
  g_autofree gchar *export = work_path ("evidence-export.txt");
  const gchar *diag = g_getenv ("MFA_DIAG");
  const gchar *code[] = { diag, "code", "--key-file", key, "--json", "123456", NULL };
  /* RFC 6238's SHA-1 key makes 287082 at 59 s: typed twice, the second is
   * a replay and both results name each other. */
  g_autofree gchar *rfc_key = work_path ("evidence-rfc.key");
  const gchar *replay[] = { diag, "code", "--key-file", rfc_key, "--at", "@59", "--json",
                            "287082", "287082", NULL };
  const gchar *duplicates[] = { diag, "duplicates", "--json", export, NULL };
  const gchar *clock[] = { diag, "clock", "--server", "127.0.0.1:9", "--http", "http://127.0.0.1:9/",
                           "--timeout", "1", "--json", NULL };
  const gchar * const *commands[] = { code, replay, duplicates, clock };
  const gchar *kinds[] = { "code", "code", "duplicates", "clock" };

  g_file_set_contents (key, "JBSWY3DPEHPK3PXP\n", -1, NULL);
  g_file_set_contents (rfc_key, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n", -1, NULL);
  /* Every member the duplicates report writes: an issuer-less entry, a Steam
   * entry and an entry that cannot be read (a partial report). */
  g_file_set_contents (export, "otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP\n"
                               "otpauth://totp/Acme:bob?secret=KRSXG5CTMVRXEZLU\n"
                               "otpauth://totp/bob?secret=KRSXG5CTMVRXEZLU\n"
                               "otpauth://steam/Steam:gaben?secret=MFRGGZDFMZTWQ2LK\n"
                               "otpauth://totp/Broken:x?secret=JBSW%\n", -1, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree gchar *out = NULL, *err = NULL, *check = NULL, *path = NULL;
      g_autoptr(GError) error = NULL;

      g_spawn_sync (NULL, (gchar **) commands[i], NULL, 0, NULL, NULL, &out, &err, NULL, &error);
      g_assert_no_error (error);
      path = work_path (kinds[i]);
      g_file_set_contents (path, out, -1, NULL);
      check = g_strdup_printf ("%s=%s", kinds[i], path);
      g_clear_pointer (&err, g_free);
      if (create_with ("--check", check, &err) != 0)
        g_error ("%s evidence refused: %s", kinds[i], err);
    }
}

/* ---- messages a person can act on ------------------------------------------------ */

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { 16 * 1024, 16 * 1024 };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static gchar *
noise_png (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 300, 200);
  gchar *path = work_path ("noise.png");
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);

  for (gsize i = 0; i < (gsize) gdk_pixbuf_get_rowstride (pixbuf) * 200; i++)
    pixels[i] = g_test_rand_int_range (0, 256);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", NULL, NULL));
  return path;
}

/* A full disk (a 64 KiB tmpfs, where this test may mount one) and a file
 * size limit: each said as what it is, with what the bundle needs. */
static void
test_full_disk_message (void)
{
  g_autofree gchar *image = noise_png ();
  g_autofree gchar *attach = g_strdup_printf ("other=%s", image);
  g_autofree gchar *small = work_path ("small-disk");
  g_autofree gchar *target = g_build_filename (small, "t.mfaticket", NULL);
  const gchar *argv[] = { g_getenv ("MFA_TICKET"), "create", "--account-type", "ram-user",
                          "--account", "alice@1234567.onaliyun.com", "--attach", attach,
                          "-o", target, NULL };
  const gchar *mount[] = { "mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small, NULL };
  const gchar *umount[] = { "umount", small, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree gchar *err = NULL;
  gint status = 1;

  g_mkdir (small, 0700);
  g_spawn_sync (NULL, (gchar **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, limit_file_size, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "a file size limit stops it (it needs up to"));
  g_clear_pointer (&err, g_free);

  g_spawn_sync (NULL, (gchar **) mount, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                  | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL);
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("cannot mount a small tmpfs here (not root, or no mount rights)");
      return;
    }
  status = run (argv, &err);
  g_spawn_sync (NULL, (gchar **) umount, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                NULL, NULL);
  g_assert_cmpint (status, ==, 2);
  if (strstr (err, "the disk is full (it needs up to") == NULL)
    g_error ("no word of a full disk: %s", err);
  g_assert_null (strstr (err, "Write error"));
}

/* /dev/null named as itself, not mangled by a mapping error. */
static void
test_dev_null_named (void)
{
  const gchar *argv[] = { g_getenv ("MFA_DIAG"), "duplicates", "/dev/null", NULL };
  g_autofree gchar *err = NULL;

  g_assert_cmpint (run (argv, &err), ==, 2);
  g_assert_cmpstr (err, ==, "mfa-diag duplicates: /dev/null: not a regular file (a device, a pipe "
                            "or a folder)\n");
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  workdir = g_dir_make_tmp ("mfa-hostile-XXXXXX", NULL);

  g_test_add_func ("/hostile/json/depth-guard", test_depth_guard);
  g_test_add_func ("/hostile/json/deep-manifest", test_deep_manifest);
  g_test_add_func ("/hostile/json/empty-manifest", test_empty_manifest);
  g_test_add_func ("/hostile/json/deep-aegis-export", test_deep_export);
  g_test_add_func ("/hostile/json/deep-flows-and-evidence", test_deep_flows_and_evidence);
  g_test_add_func ("/hostile/save-attachments", test_save_attachments);
  g_test_add_func ("/hostile/keys/disguised", test_disguised_keys_refused);
  g_test_add_func ("/hostile/keys/evidence-and-topic", test_keys_in_evidence_and_topic);
  g_test_add_func ("/hostile/keys/real-evidence-accepted", test_real_evidence_accepted);
  g_test_add_func ("/hostile/inputs-regular-only", test_inputs_regular_only);
  g_test_add_func ("/hostile/pixel-bomb", test_pixel_bomb_refused_at_header);
  g_test_add_func ("/hostile/messages/full-disk", test_full_disk_message);
  g_test_add_func ("/hostile/messages/dev-null", test_dev_null_named);
  /* The commands first: the library case turns core dumps off in this process. */
  g_test_add_func ("/hostile/core-dumps/commands", test_core_dumps_off_in_commands);
  g_test_add_func ("/hostile/core-dumps/library", test_core_dumps_off_in_process);
  status = g_test_run ();
  {
    const gchar *rm[] = { "rm", "-rf", workdir, NULL };

    g_spawn_sync (NULL, (gchar **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
  g_free (workdir);
  return status;
}
