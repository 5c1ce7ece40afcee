/* test-check-pages.c: the code and duplicates check pages, built in-process
 * under a real display: what they record holds no secret, and leaving a
 * page forgets what was typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <adwaita.h>
#include <libsoup/soup.h>

#include "fixtures.h"
#include "mfa-clock-page.h"
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
is_exactly (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_OBJECT_TYPE (widget) == GPOINTER_TO_SIZE (type);
}

static gboolean
shows_text (GtkWidget     *widget,
            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget)
         && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* Shown on the screen: mapped, unlike the text in a closed expander. */
static gboolean
shows_text_mapped (GtkWidget     *widget,
                   gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

#define find_by_type(root, type) find_widget ((root), is_of_type, GSIZE_TO_POINTER (type))
#define find_exactly(root, type) find_widget ((root), is_exactly, GSIZE_TO_POINTER (type))
#define find_label(root, text) find_widget ((root), shows_text, (text))

/* The widest child that will not shrink, for the message when one does not. */
static void
print_widest (GtkWidget *widget,
              gint       depth)
{
  gint min;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min > 330 && depth < 12)
    {
      g_test_message ("%*s%s %d", depth * 2, "", G_OBJECT_TYPE_NAME (widget), min);
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        print_widest (child, depth + 1);
    }
}

/* Every page fits a phone: 360 px wide less the window's 12 px margins on
 * each side, in each of its states. */
static void
assert_fits_phone (GtkWidget *page)
{
  gint min;

  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min > 336)
    {
      print_widest (page, 0);
      g_test_fail_printf ("%s needs %d px", G_OBJECT_TYPE_NAME (page), min);
    }
}

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
  GtkEditable *key = GTK_EDITABLE (find_exactly (page, ADW_TYPE_PASSWORD_ENTRY_ROW));
  GtkEditable *codes = GTK_EDITABLE (find_exactly (page, ADW_TYPE_ENTRY_ROW));
  g_autofree gchar *evidence = NULL;
  gint64 now = mfa_session_get_true_time (session) / G_USEC_PER_SEC;

  /* At the start of a step, so that the check sees the same step. */
  while (now % 30 > 25)
    {
      g_usleep (G_USEC_PER_SEC);
      now = mfa_session_get_true_time (session) / G_USEC_PER_SEC;
    }
  mfa_otp_format_code (mfa_totp (secret, &params, now - 60), 6, code);
  /* Both live in memory that is never swapped and is wiped. */
  g_assert_true (GTK_IS_PASSWORD_ENTRY_BUFFER (
    gtk_text_get_buffer (GTK_TEXT (gtk_editable_get_delegate (key)))));
  g_assert_true (GTK_IS_PASSWORD_ENTRY_BUFFER (
    gtk_text_get_buffer (GTK_TEXT (gtk_editable_get_delegate (codes)))));
  /* The first field is the key. */
  g_assert_true (gtk_widget_grab_focus (page));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (key)));
  /* No undo history keeps a copy of the key or the codes. */
  g_assert_false (gtk_editable_get_enable_undo (key));
  g_assert_false (gtk_editable_get_enable_undo (codes));
  gtk_editable_set_text (key, KEY);
  gtk_editable_set_text (codes, code);
  gtk_widget_activate_action (page, "code.check", NULL);
  wait_for (has_verdict, page);

  g_assert_cmpstr (mfa_check_page_get_verdict (MFA_CHECK_PAGE (page)), ==, "problem");
  g_assert_true (gtk_widget_get_mapped (mfa_check_page_get_result_widget (MFA_CHECK_PAGE (page))));
  g_assert_nonnull (find_label (page, "Code 1 is from 60 seconds ago"));
  g_assert_nonnull (find_label (page, "the clock on your phone is off"));
  assert_fits_phone (page);
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
  GtkEditable *key = GTK_EDITABLE (find_exactly (page, ADW_TYPE_PASSWORD_ENTRY_ROW));
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

/* ---- the clock page with nothing answering ------------------------------ */

/* A loopback port nothing listens on: bound, then let go. */
static guint16
closed_port (GSocketType type)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, type, 0, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

typedef struct
{
  SoupServer *server;
  gchar      *url;
} DateServer;

/* A web server whose Date header is 90 s ahead of this computer. */
static void
date_handler (SoupServer        *server,
              SoupServerMessage *message,
              const char        *path,
              GHashTable        *query,
              gpointer           data)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC
                                                            + 90);
  g_autofree gchar *date = soup_date_time_to_string (now, SOUP_DATE_HTTP);

  soup_message_headers_replace (soup_server_message_get_response_headers (message), "Date",
                                date);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
}

static void
date_server_start (DateServer *web)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  web->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (web->server, NULL, date_handler, NULL, NULL);
  soup_server_listen_local (web->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (web->server);
  web->url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
open_check_activated (GSimpleAction *action,
                      GVariant      *target,
                      gpointer       data)
{
  g_free (*(gchar **) data);
  *(gchar **) data = g_variant_dup_string (target, NULL);
}

/* Every source refused: the page says so in words, with no raw error in
 * sight, points to the phone clock check, and offers a web address, which
 * here gives the time and is kept. */
static void
test_clock_no_answer (void)
{
  g_autoptr(MfaSession) session = mfa_session_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree gchar *ntp = g_strdup_printf ("127.0.0.1:%u", closed_port (G_SOCKET_TYPE_DATAGRAM));
  g_autofree gchar *web_url = g_strdup_printf ("http://127.0.0.1:%u/",
                                               closed_port (G_SOCKET_TYPE_STREAM));
  const gchar *servers[] = { ntp, NULL };
  const gchar *urls[] = { web_url, NULL };
  g_autoptr(GSimpleActionGroup) win = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open_check = g_simple_action_new ("open-check", G_VARIANT_TYPE_STRING);
  g_autofree gchar *opened = NULL;
  gboolean offline = !g_network_monitor_get_network_available (g_network_monitor_get_default ());
  GtkWindow *window;
  GtkWidget *page, *button, *row;
  DateServer web = { 0 };
  LabelWait slow;
  g_auto(GStrv) kept = NULL;

  g_settings_set_strv (settings, "ntp-servers", servers);
  g_settings_set_strv (settings, "http-time-urls", urls);
  g_signal_connect (open_check, "activate", G_CALLBACK (open_check_activated), &opened);
  g_action_map_add_action (G_ACTION_MAP (win), G_ACTION (open_check));
  page = show_page ("clock", session, &window);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (win));
  /* Asked for while the check runs, the focus comes with the result. */
  g_assert_false (gtk_widget_grab_focus (page));
  wait_for (has_verdict, page);

  g_assert_cmpstr (mfa_check_page_get_verdict (MFA_CHECK_PAGE (page)), ==, "unknown");
  g_assert_nonnull (find_widget (page, shows_text_mapped,
                                 offline ? "This Computer Seems to Be Offline"
                                         : "No Time Server Answered"));
  g_assert_nonnull (find_widget (page, shows_text_mapped, "The phone clock check works offline"));
  g_assert_null (find_widget (page, shows_text_mapped, "Could not connect"));
  g_assert_null (find_widget (page, shows_text_mapped, "No such file"));
  g_assert_null (find_widget (page, shows_text_mapped, "refused"));
  g_assert_true (gtk_widget_get_mapped (mfa_check_page_get_result_widget (MFA_CHECK_PAGE (page))));

  /* The way on is the phone clock check: focused first, and it opens. */
  button = find_widget (page, is_button_labelled, "Check the Phone’s Clock");
  g_assert_nonnull (button);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == button);
  g_assert_true (gtk_widget_grab_focus (page));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == button);
  g_assert_true (gtk_widget_is_sensitive (button));
  assert_fits_phone (page);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (opened, ==, "phone-clock");
  g_assert_nonnull (find_widget (page, is_button_labelled, "Check Again"));

  /* Not a web address: said next to the field, nothing runs. (A machine
   * with no network at all is offline: no field there, see
   * /check-pages/clock/offline.) */
  row = find_by_type (page, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (row);
  if (offline)
    {
      g_test_message ("offline: no web address field to try");
      g_assert_false (gtk_widget_get_mapped (row));
      gtk_window_destroy (window);
      g_settings_reset (settings, "ntp-servers");
      g_settings_reset (settings, "http-time-urls");
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "ftp://time.example.com/");
  g_signal_emit_by_name (row, "apply");
  g_assert_nonnull (find_widget (page, shows_text_mapped, "is not an https:// address"));

  /* A web server that knows the time. */
  date_server_start (&web);
  gtk_editable_set_text (GTK_EDITABLE (row), web.url);
  g_signal_emit_by_name (row, "apply");
  slow = (LabelWait) { page, "seconds slow." };
  wait_for (label_shown, &slow);
  g_assert_cmpstr (mfa_check_page_get_verdict (MFA_CHECK_PAGE (page)), ==, "problem");
  g_assert_nonnull (find_widget (page, shows_text_mapped, "read from the Date header of"));
  g_assert_nonnull (find_widget (page, shows_text_mapped, "Later checks read the time from"));
  assert_fits_phone (page);
  kept = g_settings_get_strv (settings, "http-time-urls");
  g_assert_cmpstr (kept[0], ==, web.url);
  g_assert_true (g_strv_contains ((const gchar * const *) kept, web_url));
  /* Now Check Again is what there is to do. */
  g_assert_true (gtk_widget_grab_focus (page));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_root_get_focus (GTK_ROOT (window)))), ==,
                   "Check Again");

  gtk_window_destroy (window);
  soup_server_disconnect (web.server);
  g_object_unref (web.server);
  g_free (web.url);
  g_settings_reset (settings, "ntp-servers");
  g_settings_reset (settings, "http-time-urls");
}

/* Whether this process may make a network namespace, tried in a child
 * that does nothing else. */
static gboolean
can_leave_network (void)
{
  gint status = 1;
  pid_t child = fork ();

  if (child == 0)
    _exit (unshare (CLONE_NEWNET) == 0 ? 0 : 1);
  if (child < 0 || waitpid (child, &status, 0) != child)
    return FALSE;
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* With no network at all (a network namespace of its own, where even
 * loopback is down), the page says this computer seems to be offline. In a
 * child process: the namespace is for good. */
static void
test_clock_offline (void)
{
  g_autoptr(MfaSession) session = NULL;
  g_autoptr(GSettings) settings = NULL;
  const gchar *servers[] = { "127.0.0.1:123", NULL };
  const gchar *urls[] = { "http://127.0.0.1/", NULL };
  GtkWindow *window;
  GtkWidget *page;

  if (!g_test_subprocess ())
    {
      if (!can_leave_network ())
        {
          g_test_skip ("no network namespace can be made here (it takes CAP_SYS_ADMIN)");
          return;
        }
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }
  g_assert_cmpint (unshare (CLONE_NEWNET), ==, 0);
  session = mfa_session_new ();
  settings = g_settings_new (APP_ID);
  g_settings_set_strv (settings, "ntp-servers", servers);
  g_settings_set_strv (settings, "http-time-urls", urls);
  page = show_page ("clock", session, &window);
  wait_for (has_verdict, page);

  g_assert_nonnull (find_widget (page, shows_text_mapped, "This Computer Seems to Be Offline"));
  g_assert_nonnull (find_widget (page, shows_text_mapped, "Without a network"));
  g_assert_null (find_widget (page, shows_text_mapped, "unreachable"));
  g_assert_nonnull (find_widget (page, is_button_labelled, "Check the Phone’s Clock"));
  /* No web address can help either. */
  g_assert_false (gtk_widget_get_mapped (find_by_type (page, ADW_TYPE_ENTRY_ROW)));
  gtk_window_destroy (window);
}

static gboolean
status_shown (gpointer data)
{
  LabelWait *wait = data;

  return find_widget (wait->root, shows_text_mapped, wait->text) != NULL;
}

/* A file name of 200 letters without a space still wraps: the page keeps
 * to a phone's width. */
static void
test_code_long_name (void)
{
  g_autoptr(MfaSession) session = mfa_session_new ();
  g_autofree gchar *long_name = g_strnfill (200, 'x');
  g_autofree gchar *path = g_build_filename (g_get_tmp_dir (), long_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *window;
  GtkWidget *page = show_page ("code", session, &window);
  LabelWait said = { page, "xxxxxxxxxxxxxxxxxxxx" };

  mfa_code_page_open_image (MFA_CODE_PAGE (page), file);
  wait_for (status_shown, &said);
  assert_fits_phone (page);
  gtk_window_destroy (window);
}

/* The same for an export whose name is 150 letters: the rows that name it
 * wrap too. */
static void
test_duplicates_long_name (void)
{
  g_autoptr(MfaSession) session = mfa_session_new ();
  g_autofree gchar *dir = g_dir_make_tmp ("mfa-page-XXXXXX", NULL);
  g_autofree gchar *list = fixture_uri_list (fixture_planted, FIXTURE_N_PLANTED);
  g_autofree gchar *name = g_strnfill (150, 'y');
  g_autofree gchar *path = fixture_write (dir, name, list);
  g_autoptr(GFile) export = g_file_new_for_path (path);
  GtkWindow *window;
  GtkWidget *page = show_page ("duplicates", session, &window);

  mfa_duplicates_page_open_files (MFA_DUPLICATES_PAGE (page), &export, 1);
  wait_for (has_verdict, page);
  assert_fits_phone (page);
  gtk_window_destroy (window);
  g_unlink (path);
  g_rmdir (dir);
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
  GtkWidget *password;

  mfa_duplicates_page_open_files (MFA_DUPLICATES_PAGE (page), &export, 1);
  wait_for (has_verdict, page);
  g_assert_cmpstr (mfa_check_page_get_verdict (MFA_CHECK_PAGE (page)), ==, "problem");
  g_assert_true (gtk_widget_get_mapped (mfa_check_page_get_result_widget (MFA_CHECK_PAGE (page))));
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
  assert_fits_phone (page);
  password = find_by_type (page, ADW_TYPE_PASSWORD_ENTRY_ROW);
  g_assert_true (gtk_widget_get_visible (password));
  /* The password lives in memory that is never swapped and is wiped. */
  g_assert_true (GTK_IS_PASSWORD_ENTRY_BUFFER (
    gtk_text_get_buffer (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (password))))));
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

static void
test_narrow (void)
{
  g_auto(GStrv) ids = mfa_check_page_dup_ids ();
  g_autoptr(MfaSession) session = mfa_session_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWindow *window;
      GtkWidget *page = show_page (ids[i], session, &window);

      g_test_message ("page %s", ids[i]);
      assert_fits_phone (page);
      gtk_window_destroy (window);
    }
}

/* gtk_widget_grab_focus() on a page focuses the field the user needs
 * first, never the text under the heading. */
static void
test_first_field (void)
{
  g_autoptr(MfaSession) session = mfa_session_new ();
  GtkWindow *window;
  GtkWidget *page, *focus;

  page = show_page ("phone-clock", session, &window);
  g_assert_true (gtk_widget_grab_focus (page));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, find_by_type (page, GTK_TYPE_ENTRY)));
  gtk_window_destroy (window);

  page = show_page ("duplicates", session, &window);
  g_assert_true (gtk_widget_grab_focus (page));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, "Open Export Files…");
  gtk_window_destroy (window);
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
  g_test_add_func ("/check-pages/narrow", test_narrow);
  g_test_add_func ("/check-pages/first-field", test_first_field);
  g_test_add_func ("/check-pages/clock/no-answer", test_clock_no_answer);
  g_test_add_func ("/check-pages/clock/offline", test_clock_offline);
  g_test_add_func ("/check-pages/code/drift", test_code_drift);
  g_test_add_func ("/check-pages/code/long-name", test_code_long_name);
  g_test_add_func ("/check-pages/code/key-from-picture", test_code_key_from_picture);
  g_test_add_func ("/check-pages/duplicates/long-name", test_duplicates_long_name);
  g_test_add_func ("/check-pages/duplicates/skipped-files", test_duplicates_skipped_files);
  return g_test_run ();
}
