/* test-check-pages.c: the code and duplicates check pages, built in-process
 * under a real display: what they record holds no secret, and leaving a
 * page forgets what was typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "fixtures.h"
#include "mfa-code-page.h"
#include "mfa-duplicates-page.h"

#define KEY "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

typedef gboolean (*Condition) (gpointer data);

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the condition holds; the checks run in threads. */
static void
wait_for (Condition condition,
          gpointer  data)
{
  gboolean expired = FALSE;
  guint timeout = g_timeout_add_seconds (20, timed_out, &expired);

  while (!condition (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (expired);
  g_source_remove (timeout);
}

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

/* The first widget, depth first, that matches. */
static GtkWidget *
find_widget (GtkWidget     *root,
             Match          match,
             gconstpointer  data)
{
  GtkWidget *found = match (root, data) ? root : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL && found == NULL;
       child = gtk_widget_get_next_sibling (child))
    found = find_widget (child, match, data);
  return found;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
shows_text (GtkWidget     *widget,
            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget)
         && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

#define find_by_type(root, type) find_widget ((root), is_of_type, GSIZE_TO_POINTER (type))
#define find_label(root, text) find_widget ((root), shows_text, (text))

static gboolean
has_verdict (gpointer page)
{
  return mfa_check_page_get_verdict (page) != NULL;
}

typedef struct
{
  GtkWidget   *root;
  const gchar *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return find_label (wait->root, wait->text) != NULL;
}

static gchar *
evidence_text (MfaSession  *session,
               const gchar *kind)
{
  const MfaSessionResult *result = mfa_session_lookup_result (session, kind);

  g_assert_nonnull (result);
  return json_to_string (result->evidence, FALSE);
}

/* A page in a window of its own, shown. */
static GtkWidget *
show_page (const gchar  *id,
           MfaSession   *session,
           GtkWindow   **window)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page = mfa_check_page_new (id, session, &error);

  g_assert_no_error (error);
  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (*window, page);
  gtk_window_present (*window);
  return page;
}

static void
test_ids (void)
{
  g_auto(GStrv) ids = mfa_check_page_dup_ids ();
  g_autoptr(MfaSession) session = mfa_session_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_strv_contains ((const gchar * const *) ids, "code"));
  g_assert_true (g_strv_contains ((const gchar * const *) ids, "duplicates"));
  g_assert_null (mfa_check_page_new ("no-such-check", session, &error));
  g_assert_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT);
}

/* Two steps behind: a problem, recorded without the key or the code, and
 * the key and the codes are gone once the page is left. */
static void
test_code_drift (void)
{
  g_autoptr(MfaSession) session = mfa_session_new ();
  g_autoptr(MfaSecret) secret = mfa_base32_decode (KEY, NULL);
  MfaOtpParams params = MFA_OTP_PARAMS_DEFAULT;
  gchar code[MFA_OTP_MAX_DIGITS + 1];
  GtkWindow *window;
  GtkWidget *page = show_page ("code", session, &window);
  GtkEditable *key = GTK_EDITABLE (find_by_type (page, GTK_TYPE_PASSWORD_ENTRY));
  GtkEditable *codes = GTK_EDITABLE (find_by_type (page, GTK_TYPE_ENTRY));
  g_autofree gchar *evidence = NULL;
  gint64 now = mfa_session_get_true_time (session) / G_USEC_PER_SEC;

  /* At the start of a step, so that the check sees the same step. */
  while (now % 30 > 25)
    {
      g_usleep (G_USEC_PER_SEC);
      now = mfa_session_get_true_time (session) / G_USEC_PER_SEC;
    }
  mfa_otp_format_code (mfa_totp (secret, &params, now - 60), 6, code);
  /* No undo history keeps a copy of the key or the codes. */
  g_assert_false (gtk_editable_get_enable_undo (key));
  g_assert_false (gtk_editable_get_enable_undo (codes));
  gtk_editable_set_text (key, KEY);
  gtk_editable_set_text (codes, code);
  gtk_widget_activate_action (page, "code.check", NULL);
  wait_for (has_verdict, page);

  g_assert_cmpstr (mfa_check_page_get_verdict (MFA_CHECK_PAGE (page)), ==, "problem");
  g_assert_nonnull (find_label (page, "Code 1 is from 60 seconds ago"));
  g_assert_nonnull (find_label (page, "the clock on your phone is off"));
  evidence = evidence_text (session, "code");
  g_assert_nonnull (strstr (evidence, "\"offset_steps\":-2"));
  g_assert_null (strstr (evidence, code));
  g_assert_null (strstr (evidence, "JBSWY3DP"));
  g_assert_cmpstr (mfa_session_lookup_result (session, "code")->verdict, ==, "problem");

  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_assert_cmpstr (gtk_editable_get_text (key), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (codes), ==, "");
  gtk_window_destroy (window);
}

static gboolean
key_read (gpointer data)
{
  return gtk_editable_get_text (data)[0] != '\0';
}

static void
test_code_key_from_picture (void)
{
  g_autoptr(MfaSession) session = mfa_session_new ();
  g_autofree gchar *dir = g_dir_make_tmp ("mfa-page-XXXXXX", NULL);
  g_autofree gchar *path = g_build_filename (dir, "binding.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *window;
  GtkWidget *page = show_page ("code", session, &window);
  GtkEditable *key = GTK_EDITABLE (find_by_type (page, GTK_TYPE_PASSWORD_ENTRY));
  g_autoptr(MfaOtpauth) read = NULL;

  fixture_write_qr_image ("otpauth://totp/Aliyun:alice?secret=" KEY "&issuer=Aliyun&digits=8",
                          path);
  mfa_code_page_open_image (MFA_CODE_PAGE (page), file);
  wait_for (key_read, key);

  g_assert_nonnull (find_label (page, "Read the key for Aliyun:alice from binding.png."));
  read = mfa_key_from_text (gtk_editable_get_text (key), NULL);
  g_assert_nonnull (read);
  g_assert_cmpuint (read->params.digits, ==, 8);
  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (window);
}

static void
test_duplicates_skipped_files (void)
{
  g_autoptr(MfaSession) session = mfa_session_new ();
  g_autofree gchar *dir = g_dir_make_tmp ("mfa-page-XXXXXX", NULL);
  g_autofree gchar *list = fixture_uri_list (fixture_planted, FIXTURE_N_PLANTED);
  g_autofree gchar *list_path = fixture_write (dir, "export.txt", list);
  g_autofree gchar *notes_path = fixture_write (dir, "notes.txt", "milk, bread\n");
  g_autoptr(GFile) export = g_file_new_for_path (list_path);
  g_autoptr(GFile) notes = g_file_new_for_path (notes_path);
  g_autofree gchar *vault_path =
    fixture_write (dir, "vault.json",
                   "{\"version\": 1, \"header\": {\"slots\": [{\"type\": 1}],"
                   " \"params\": {\"nonce\": \"00\", \"tag\": \"00\"}}, \"db\": \"AAAA\"}");
  g_autoptr(GFile) encrypted = g_file_new_for_path (vault_path);
  g_autofree gchar *evidence = NULL;
  GtkWindow *window;
  GtkWidget *page = show_page ("duplicates", session, &window);
  LabelWait failed = { page, "notes.txt: this is no authenticator export" };
  LabelWait refused = { page, "vault.json: this Aegis backup is encrypted" };

  mfa_duplicates_page_open_files (MFA_DUPLICATES_PAGE (page), &export, 1);
  wait_for (has_verdict, page);
  g_assert_cmpstr (mfa_check_page_get_verdict (MFA_CHECK_PAGE (page)), ==, "problem");
  g_assert_nonnull (find_label (page, "Aliyun / alice: 2 entries with different keys"));
  g_assert_nonnull (find_label (page, "GitHub / bob: 2 entries with the same key"));
  evidence = evidence_text (session, "duplicates");
  g_assert_nonnull (strstr (evidence, "\"file\":\"export.txt\""));
  g_assert_null (strstr (evidence, dir));
  g_assert_null (strstr (evidence, fixture_planted[0].base32));

  /* A file that is no export is named as skipped; the rest stands, and
   * the report says it is partial. */
  mfa_duplicates_page_open_files (MFA_DUPLICATES_PAGE (page), &notes, 1);
  wait_for (label_shown, &failed);
  g_assert_nonnull (find_label (page, "Could not be read, so this report is partial"));
  g_assert_nonnull (find_label (page, "Read 6 entries from export.txt, notes.txt."));
  g_assert_nonnull (find_label (page, "The report is partial: 1 entry or file could not be "
                                      "read."));
  g_assert_nonnull (find_label (page, "Aliyun / alice: 2 entries with different keys"));

  /* An encrypted backup asks for its password; what was read stays. */
  mfa_duplicates_page_open_files (MFA_DUPLICATES_PAGE (page), &encrypted, 1);
  wait_for (label_shown, &refused);
  g_assert_nonnull (find_label (page, "give its password to read it"));
  g_assert_true (gtk_widget_get_visible (find_by_type (page, GTK_TYPE_PASSWORD_ENTRY)));
  g_assert_nonnull (find_label (page, "Aliyun / alice: 2 entries with different keys"));

  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_assert_null (find_label (page, "Aliyun / alice"));
  g_assert_cmpstr (mfa_session_lookup_result (session, "duplicates")->verdict, ==, "problem");
  gtk_window_destroy (window);
  g_unlink (list_path);
  g_unlink (notes_path);
  g_unlink (vault_path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/check-pages/ids", test_ids);
  g_test_add_func ("/check-pages/code/drift", test_code_drift);
  g_test_add_func ("/check-pages/code/key-from-picture", test_code_key_from_picture);
  g_test_add_func ("/check-pages/duplicates/skipped-files", test_duplicates_skipped_files);
  return g_test_run ();
}
