/* test-bundle-async.c: the viewer's reads through the library's async
 * pairs — the head, verification with progress and thumbnails, and a file
 * that is no bundle failing with its reason instead of an empty success
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "mfadiag.h"

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  guint         progress_calls;
  guint64       last_done, last_total;
  guint         images;
  gboolean      thumbnail_fits;
  gboolean      finished;
} Waiter;

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
  waiter->finished = TRUE;
  g_main_loop_quit (waiter->loop);
}

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Waiter *waiter = user_data;

  g_assert_false (waiter->finished);
  waiter->progress_calls++;
  waiter->last_done = done;
  waiter->last_total = total;
}

static void
image_cb (const MfaBundleFile *file,
          GdkPixbuf           *thumbnail,
          gpointer             user_data)
{
  Waiter *waiter = user_data;

  g_assert_false (waiter->finished);
  g_assert_true (g_str_has_prefix (file->path, "attachments/"));
  waiter->images++;
  waiter->thumbnail_fits = thumbnail != NULL && gdk_pixbuf_get_width (thumbnail) <= 64
                           && gdk_pixbuf_get_height (thumbnail) <= 64;
}

static void
wait_for (Waiter *waiter)
{
  waiter->loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (waiter->loop);
  /* What was posted before the result has been delivered; nothing comes after. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_main_loop_unref (waiter->loop);
}

static gchar *
fixture (void)
{
  return g_test_build_filename (G_TEST_DIST, "bundle", "data", "device-lost-v1.mfaticket", NULL);
}

static void
test_head (void)
{
  g_autofree gchar *path = fixture ();
  Waiter waiter = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaBundleHead) head = NULL;

  mfa_bundle_read_head_async (path, NULL, done_cb, &waiter);
  wait_for (&waiter);
  head = mfa_bundle_read_head_finish (waiter.result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mfa_json_object (head->manifest));
  g_assert_cmpstr (mfa_json_member_string (mfa_json_object (head->manifest), "format"), ==,
                   "mfa-ticket");
  g_assert_nonnull (mfa_json_member_object (head->evidence, "phone-clock"));
  g_object_unref (waiter.result);
}

static void
test_head_of_no_bundle (void)
{
  g_autofree gchar *dir = g_dir_make_tmp ("bundle-async-XXXXXX", NULL);
  g_autofree gchar *path = g_build_filename (dir, "not-a-bundle.mfaticket", NULL);
  Waiter waiter = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaBundleHead) head = NULL;

  g_assert_true (g_file_set_contents (path, "this is text, not a ZIP archive", -1, NULL));
  mfa_bundle_read_head_async (path, NULL, done_cb, &waiter);
  wait_for (&waiter);
  head = mfa_bundle_read_head_finish (waiter.result, &error);
  g_assert_null (head);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_NOT_A_BUNDLE);
  g_object_unref (waiter.result);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_verify (void)
{
  g_autofree gchar *path = fixture ();
  Waiter waiter = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaBundle) bundle = NULL;

  mfa_bundle_verify_async (path, 64, 16 * 1024 * 1024, progress_cb, image_cb, NULL, done_cb,
                           &waiter);
  wait_for (&waiter);
  bundle = mfa_bundle_verify_finish (waiter.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bundle->files->len, ==, 4);
  g_assert_cmpuint (waiter.images, ==, 1);
  g_assert_true (waiter.thumbnail_fits);
  g_assert_cmpuint (waiter.progress_calls, >, 0);
  g_assert_cmpuint (waiter.last_done, ==, waiter.last_total);
  g_object_unref (waiter.result);
}

static void
test_verify_cancelled (void)
{
  g_autofree gchar *path = fixture ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Waiter waiter = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaBundle) bundle = NULL;

  g_cancellable_cancel (cancellable);
  mfa_bundle_verify_async (path, 64, 16 * 1024 * 1024, progress_cb, image_cb, cancellable,
                           done_cb, &waiter);
  wait_for (&waiter);
  bundle = mfa_bundle_verify_finish (waiter.result, &error);
  g_assert_null (bundle);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (waiter.images, ==, 0);
  g_assert_cmpuint (waiter.progress_calls, ==, 0);
  g_object_unref (waiter.result);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bundle-async/head", test_head);
  g_test_add_func ("/bundle-async/head-of-no-bundle", test_head_of_no_bundle);
  g_test_add_func ("/bundle-async/verify", test_verify);
  g_test_add_func ("/bundle-async/verify-cancelled", test_verify_cancelled);
  return g_test_run ();
}
