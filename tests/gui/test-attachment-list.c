/* test-attachment-list.c: the ways images come into a ticket, in-process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gtk-test-support.h"
#include <glib/gstdio.h>
#include <qrencode.h>

#include "mfa-attachment-list.h"
#include "mfadiag.h"

typedef struct
{
  GtkWidget         *window;
  MfaAttachmentList *list;
  gchar             *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->window = gtk_window_new ();
  fixture->list = g_object_new (MFA_TYPE_ATTACHMENT_LIST, NULL);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->list));
  fixture->dir = g_dir_make_tmp ("mfa-attach-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const gchar *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree gchar *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* A grey texture with a QR code of `text` in it (none when NULL). */
static GdkTexture *
make_texture (const gchar *text)
{
  const guint size = 240, scale = 6, margin = 24;
  g_autofree guint8 *pixels = g_malloc (size * size * 3);
  g_autoptr(GBytes) bytes = NULL;
  QRcode *qr = text != NULL ? QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) : NULL;

  memset (pixels, 0xee, size * size * 3);
  for (gint y = 0; qr != NULL && y < qr->width * (gint) scale; y++)
    for (gint x = 0; x < qr->width * (gint) scale; x++)
      if (qr->data[(y / scale) * qr->width + x / scale] & 1)
        memset (pixels + ((y + margin) * size + x + margin) * 3, 0, 3);
  if (qr != NULL)
    QRcode_free (qr);
  bytes = g_bytes_new_take (g_steal_pointer (&pixels), size * size * 3);
  return gdk_memory_texture_new (size, size, GDK_MEMORY_R8G8B8, bytes, size * 3);
}

static gchar *
write_png (Fixture     *fixture,
           const gchar *name,
           const gchar *text)
{
  g_autoptr(GdkTexture) texture = make_texture (text);
  gchar *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}

/* Runs the main loop until the list holds `n_rows` rows or shows a new message. */
static GPtrArray *
wait_for_rows (Fixture *fixture,
               guint    n_rows)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  g_autofree gchar *before = g_strdup (mfa_attachment_list_get_message (fixture->list));

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GPtrArray) rows = mfa_attachment_list_get_rows (fixture->list);
      const gchar *message = mfa_attachment_list_get_message (fixture->list);

      if (rows->len == n_rows || (message != NULL && g_strcmp0 (message, before) != 0))
        return g_steal_pointer (&rows);
      g_main_context_iteration (NULL, FALSE);
    }
  return mfa_attachment_list_get_rows (fixture->list);
}

static void
test_files_kinds_and_qr (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree gchar *plain = write_png (fixture, "plain.png", NULL);
  g_autofree gchar *qr = write_png (fixture, "qr.png",
                                    "otpauth://totp/Aliyun:bob?secret=JBSWY3DPEHPK3PXP");
  g_autoptr(GPtrArray) rows = NULL;

  mfa_attachment_list_add_file (fixture->list, plain, 0);
  g_ptr_array_unref (wait_for_rows (fixture, 1));
  mfa_attachment_list_add_file (fixture->list, qr, 0);
  rows = wait_for_rows (fixture, 2);
  g_assert_null (mfa_attachment_list_get_message (fixture->list));
  g_assert_cmpuint (rows->len, ==, 2);
  /* The first is taken for the error page, the second for the phone's time. */
  g_assert_cmpstr (mfa_attachment_row_get_kind (rows->pdata[0]), ==, "error-page");
  g_assert_cmpstr (mfa_attachment_row_get_kind (rows->pdata[1]), ==, "phone-time");
  g_assert_cmpint (mfa_attachment_row_get_qr_codes (rows->pdata[0]), ==, 0);
  g_assert_cmpint (mfa_attachment_row_get_qr_codes (rows->pdata[1]), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (rows->pdata[0]), "attachment.remove", NULL);
  g_ptr_array_unref (rows);
  rows = mfa_attachment_list_get_rows (fixture->list);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (mfa_attachment_row_get_path (rows->pdata[0]), ==, qr);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree gchar *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree gchar *huge = g_build_filename (fixture->dir, "huge.png", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  FILE *file;

  g_file_set_contents (text, "not an image", -1, NULL);
  mfa_attachment_list_add_file (fixture->list, text, 0);
  g_ptr_array_unref (wait_for_rows (fixture, 1));
  g_assert_nonnull (strstr (mfa_attachment_list_get_message (fixture->list),
                            "is not a PNG or JPEG image"));

  /* Over the limit by one byte: a sparse file, quick to make. */
  file = fopen (huge, "wb");
  g_assert_nonnull (file);
  g_assert_cmpint (ftruncate (fileno (file), MFA_BUNDLE_MAX_ATTACHMENT_SIZE + 1), ==, 0);
  fclose (file);
  mfa_attachment_list_add_file (fixture->list, huge, 0);
  g_ptr_array_unref (wait_for_rows (fixture, 1));
  g_assert_nonnull (strstr (mfa_attachment_list_get_message (fixture->list),
                            "is larger than 64 MiB"));
  rows = mfa_attachment_list_get_rows (fixture->list);
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_paste (Fixture       *fixture,
            gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->list));
  g_autoptr(GdkTexture) texture = make_texture (NULL);
  g_autoptr(GPtrArray) rows = NULL;

  gdk_clipboard_set_text (clipboard, "just words");
  mfa_attachment_list_paste (fixture->list);
  g_ptr_array_unref (wait_for_rows (fixture, 1));
  g_assert_nonnull (strstr (mfa_attachment_list_get_message (fixture->list),
                            "The clipboard holds no image"));

  gdk_clipboard_set_texture (clipboard, texture);
  mfa_attachment_list_paste (fixture->list);
  rows = wait_for_rows (fixture, 1);
  g_assert_cmpuint (rows->len, ==, 1);
  /* A pasted picture was taken just now, as far as anyone can tell. */
  g_assert_cmpint (mfa_attachment_row_get_taken (rows->pdata[0]), >, 0);
  g_assert_true (g_file_test (mfa_attachment_row_get_path (rows->pdata[0]),
                              G_FILE_TEST_IS_REGULAR));
}

/* Files dropped from a file manager arrive as a file list. */
static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree gchar *plain = write_png (fixture, "dropped.png", NULL);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->list));
  g_autoptr(GFile) file = g_file_new_for_path (plain);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GPtrArray) rows = NULL;
  GSList *files = g_slist_prepend (NULL, file);
  gboolean accepted = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &accepted);
    }
  g_assert_true (accepted);
  rows = wait_for_rows (fixture, 1);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (mfa_attachment_row_get_path (rows->pdata[0]), ==, plain);
}

static GtkWidget *
find_entry (GtkWidget *widget)
{
  if (GTK_IS_ENTRY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_caption_with_key_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree gchar *plain = write_png (fixture, "plain.png", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *entry;

  mfa_attachment_list_add_file (fixture->list, plain, 0);
  rows = wait_for_rows (fixture, 1);
  g_assert_true (mfa_attachment_list_validate (fixture->list));
  /* The caption entry is the only entry in the row. */
  entry = find_entry (GTK_WIDGET (rows->pdata[0]));
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "key JBSW Y3DP EHPK 3PXP");
  g_assert_false (mfa_attachment_list_validate (fixture->list));
  g_assert_nonnull (strstr (mfa_attachment_list_get_message (fixture->list), "MFA key"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!test_gtk_init_or_skip ())
    return 0;
  g_test_add ("/attachment-list/files-kinds-and-qr", Fixture, NULL, fixture_set_up,
              test_files_kinds_and_qr, fixture_tear_down);
  g_test_add ("/attachment-list/refusals", Fixture, NULL, fixture_set_up, test_refusals,
              fixture_tear_down);
  g_test_add ("/attachment-list/paste", Fixture, NULL, fixture_set_up, test_paste,
              fixture_tear_down);
  g_test_add ("/attachment-list/drop", Fixture, NULL, fixture_set_up, test_drop,
              fixture_tear_down);
  g_test_add ("/attachment-list/caption-with-key-refused", Fixture, NULL, fixture_set_up,
              test_caption_with_key_refused, fixture_tear_down);
  return g_test_run ();
}
