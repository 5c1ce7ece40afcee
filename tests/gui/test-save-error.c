/* test-save-error.c: a failed save names its real cause, and zones are named by city
 *
 * Each cause is made for real and the real bundle writer fails on it: a
 * folder removed before saving, a folder the user may not write (as root:
 * the save runs as "nobody"), a read-only disk and a full one (small tmpfs
 * mounts, where this runs as root). Then the words the assistant shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "mfa-save-error.h"
#include "mfa-zone-names.h"
#include "mfadiag.h"
#include "test-support.h"

/* A real PNG of noise, about `size` bytes (noise does not compress). */
static void
write_noise_png (const gchar *path,
                 gsize        size)
{
  gint side = MAX (8, (gint) sqrt (size / 3.0));
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, side, side);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  gsize n = (gsize) gdk_pixbuf_get_rowstride (pixbuf) * side;

  for (gsize i = 0; i < n; i++)
    pixels[i] = (guchar) g_random_int ();
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", NULL, NULL));
}

/* A bundle with an attachment of about `size` bytes, written to `dir`:
 * fails there, and says why. */
static MfaSaveFailure
save_into (const gchar  *dir,
           gsize         size,
           gchar       **words)
{
  g_autoptr(MfaBundleContent) content = test_sample_content ();
  g_autofree gchar *scratch = g_dir_make_tmp ("mfa-save-error-XXXXXX", NULL);
  g_autofree gchar *image = g_build_filename (scratch, "error.png", NULL);
  g_autofree gchar *target = g_build_filename (dir, "ticket.mfaticket", NULL);
  g_autoptr(GError) error = NULL;
  MfaSaveFailure failure;

  write_noise_png (image, size);
  mfa_bundle_content_add_attachment (content, "error-page", image, "", 0);
  g_assert_false (mfa_bundle_write (content, target, &error));
  g_assert_nonnull (error);
  failure = mfa_save_failure_classify (dir, size, error);
  *words = mfa_save_failure_describe (failure, dir, error);
  g_test_message ("%s → %s", error->message, *words);
  g_unlink (image);
  g_rmdir (scratch);
  return failure;
}

static void
test_folder_removed (void)
{
  g_autofree gchar *dir = g_dir_make_tmp ("mfa-save-gone-XXXXXX", NULL);
  g_autofree gchar *words = NULL;

  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_assert_cmpint (save_into (dir, 1024, &words), ==, MFA_SAVE_FAILURE_NO_FOLDER);
  g_assert_nonnull (strstr (words, "no longer exists"));
  g_assert_nonnull (strstr (words, dir));
  g_assert_nonnull (strstr (words, "Choose another folder"));
}

static void
test_permission_denied (void)
{
  g_autofree gchar *dir = g_dir_make_tmp ("mfa-save-denied-XXXXXX", NULL);
  g_autofree gchar *words = NULL;
  MfaSaveFailure failure;

  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  /* Root may write anywhere: the save runs as an ordinary user. */
  if (geteuid () == 0)
    g_assert_cmpint (seteuid (65534), ==, 0);
  failure = save_into (dir, 1024, &words);
  if (getuid () == 0)
    g_assert_cmpint (seteuid (0), ==, 0);
  g_assert_cmpint (failure, ==, MFA_SAVE_FAILURE_PERMISSION);
  g_assert_nonnull (strstr (words, "You do not have permission to save files in the folder"));
  g_assert_nonnull (strstr (words, "Documents"));
  g_rmdir (dir);
}

/* A small tmpfs mounted on a fresh folder, with `options`; NULL (and a skip)
 * where mounting is not allowed. */
static gchar *
mount_small (const gchar *options)
{
  g_autofree gchar *dir = g_dir_make_tmp ("mfa-save-mount-XXXXXX", NULL);

  if (mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    {
      g_autofree gchar *reason = g_strdup_printf ("cannot mount a tmpfs here: %s",
                                                  g_strerror (errno));

      g_rmdir (dir);
      g_test_skip (reason);
      return NULL;
    }
  return g_steal_pointer (&dir);
}

static void
unmount (const gchar *dir)
{
  g_assert_cmpint (umount (dir), ==, 0);
  g_rmdir (dir);
}

static void
test_read_only (void)
{
  g_autofree gchar *dir = mount_small ("size=1m");
  g_autofree gchar *words = NULL;

  if (dir == NULL)
    return;
  g_assert_cmpint (mount (NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, "size=1m"), ==, 0);
  g_assert_cmpint (save_into (dir, 1024, &words), ==, MFA_SAVE_FAILURE_READ_ONLY);
  g_assert_nonnull (strstr (words, "can only be read"));
  unmount (dir);
}

static void
test_disk_full (void)
{
  g_autofree gchar *dir = mount_small ("size=256k");
  g_autofree gchar *words = NULL;

  if (dir == NULL)
    return;
  g_assert_cmpint (save_into (dir, 1024 * 1024, &words), ==, MFA_SAVE_FAILURE_FULL);
  g_assert_nonnull (strstr (words, "is full"));
  g_assert_nonnull (strstr (words, "Free some space"));
  /* Nothing half-written is left behind. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);

    g_assert_null (g_dir_read_name (listing));
  }
  unmount (dir);
}

static void
test_other_reason (void)
{
  g_autoptr(GError) error = g_error_new (MFA_ERROR, MFA_ERROR_IO, "Cannot write the bundle: "
                                         "something odd happened.");
  g_autofree gchar *words = mfa_save_failure_describe (MFA_SAVE_FAILURE_OTHER, "/tmp", error);

  g_assert_cmpint (mfa_save_failure_classify ("/tmp", 0, error), ==, MFA_SAVE_FAILURE_OTHER);
  /* The library's reason, one full stop, and what to do. */
  g_assert_cmpstr (words, ==, "Cannot write the bundle: something odd happened. Choose another "
                              "folder, or try again.");
}

static void
test_zone_names (void)
{
  g_autofree gchar *shanghai = mfa_zone_display_name ("Asia/Shanghai");
  g_autofree gchar *new_york = mfa_zone_display_name ("America/New_York");
  g_autofree gchar *buenos_aires = mfa_zone_display_name ("America/Argentina/Buenos_Aires");
  g_autofree gchar *utc = mfa_zone_display_name ("Etc/UTC");
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) zones = mfa_zone_list ("Asia/Chongqing", &names);
  guint position;

  g_assert_cmpstr (shanghai, ==, "Shanghai, China");
  g_assert_cmpstr (new_york, ==, "New York, United States");
  g_assert_cmpstr (buenos_aires, ==, "Buenos Aires, Argentina");
  g_assert_cmpstr (utc, ==, "Coordinated Universal Time");
  g_assert_true (mfa_zone_is_utc ("UTC") && mfa_zone_is_utc ("Etc/UTC"));
  g_assert_false (mfa_zone_is_utc ("Asia/Shanghai"));
  /* IANA identifiers, this computer's own among them, one UTC. */
  g_assert_true (g_ptr_array_find_with_equal_func (zones, "Asia/Shanghai", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (zones, "Asia/Chongqing", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (zones, "UTC", g_str_equal, &position));
  g_assert_false (g_ptr_array_find_with_equal_func (zones, "Etc/UTC", g_str_equal, NULL));
  /* The names beside them, in the same order: sorted as they are shown,
   * by city. */
  g_assert_cmpuint (names->len, ==, zones->len);
  for (guint i = 0; i < zones->len; i++)
    {
      g_autofree gchar *shown = mfa_zone_display_name (zones->pdata[i]);

      g_assert_cmpstr (names->pdata[i], ==, shown);
      if (i > 0)
        g_assert_cmpint (g_utf8_collate (names->pdata[i - 1], names->pdata[i]), <=, 0);
    }
  g_assert_cmpstr (names->pdata[position], ==, "Coordinated Universal Time");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/save-error/folder-removed", test_folder_removed);
  g_test_add_func ("/save-error/permission-denied", test_permission_denied);
  g_test_add_func ("/save-error/read-only", test_read_only);
  g_test_add_func ("/save-error/disk-full", test_disk_full);
  g_test_add_func ("/save-error/other", test_other_reason);
  g_test_add_func ("/zone-names/by-city", test_zone_names);
  return g_test_run ();
}
