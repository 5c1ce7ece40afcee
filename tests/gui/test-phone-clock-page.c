/* test-phone-clock-page.c: the phone clock page built in-process — a code
 * typed for a phone 90 s ahead lands in the session as evidence without the
 * key, against the clock check's true time, and leaving the page wipes the
 * key from the screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <gtk/gtk.h>

#include "mfa-check-page.h"
#include "mfa-session.h"

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
find_widget (GtkWidget   *root,
             GType        type,
             const gchar *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type)
      && (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The code a phone `ahead` seconds ahead of `true_usec` shows, from the key
 * as the page prints it (groups of four). */
static gchar *
phone_code (const gchar *key_text,
            gint64       true_usec,
            gint         ahead)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaSecret) key = mfa_base32_decode (key_text, &error);
  MfaOtpParams params = MFA_OTP_PARAMS_DEFAULT;
  gchar code[MFA_OTP_MAX_DIGITS + 1];

  g_assert_no_error (error);
  mfa_otp_format_code (mfa_totp (key, &params, true_usec / G_USEC_PER_SEC + ahead), 6, code);
  return g_strdup (code);
}

static void
test_ahead_recorded_and_wiped (void)
{
  g_autoptr(MfaSession) session = mfa_session_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page;
  GtkLabel *key_label;
  GtkEditable *entry;
  const MfaSessionResult *result;
  JsonObject *evidence;
  g_autofree gchar *code = NULL;
  g_autofree gchar *json = NULL;
  g_autofree gchar *key_text = NULL;

  /* The clock check found this computer 47 s slow: true time is 47 s later. */
  mfa_session_set_clock_offset (session, 47 * G_USEC_PER_SEC, "ntp.example.org");
  page = mfa_check_page_new ("phone-clock", session, &error);
  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_null (mfa_check_page_get_verdict (MFA_CHECK_PAGE (page)));

  key_label = GTK_LABEL (find_widget (page, GTK_TYPE_LABEL, "test-key"));
  key_text = g_strdup (gtk_label_get_label (key_label));
  g_assert_cmpuint (strlen (key_text), ==, 39);
  entry = GTK_EDITABLE (find_widget (page, GTK_TYPE_ENTRY, NULL));
  /* Letters are refused as they are typed. */
  gtk_editable_set_text (entry, "12a3");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "123");

  code = phone_code (key_text, mfa_session_get_true_time (session), 90);
  gtk_editable_set_text (entry, code);
  g_assert_true (gtk_widget_activate_action (page, "phone-clock.check-code", NULL));
  g_assert_cmpstr (mfa_check_page_get_verdict (MFA_CHECK_PAGE (page)), ==, "problem");
  /* The part the wizard brings into view shows the verdict. */
  g_assert_true (gtk_widget_get_visible (mfa_check_page_get_result_widget (MFA_CHECK_PAGE (page))));
  g_assert_true (mfa_check_page_get_result_widget (MFA_CHECK_PAGE (page)) != page);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  result = mfa_session_lookup_result (session, "phone-clock");
  g_assert_nonnull (result);
  g_assert_cmpstr (result->verdict, ==, "problem");
  g_assert_nonnull (strstr (result->summary, "ahead"));
  evidence = json_node_get_object (result->evidence);
  g_assert_cmpstr (json_object_get_string_member (evidence, "verdict"), ==, "ahead");
  g_assert_cmpfloat (json_object_get_double_member (evidence, "offset_min_seconds"), <=, 90);
  g_assert_cmpfloat (json_object_get_double_member (evidence, "offset_max_seconds"), >=, 90);
  g_assert_cmpstr (json_object_get_string_member (evidence, "reference"), ==, "ntp");
  g_assert_cmpstr (json_object_get_string_member (evidence, "reference_server"), ==,
                   "ntp.example.org");
  json = json_to_string (result->evidence, FALSE);
  g_assert_null (strstr (json, code));
  g_assert_null (strstr (json, key_text));

  /* Leaving the page takes the key off the screen. */
  gtk_widget_set_visible (window, FALSE);
  iterate ();
  g_assert_cmpstr (gtk_label_get_label (key_label), ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int    argc,
      char **argv)
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/phone-clock-page/ahead-recorded-and-wiped", test_ahead_recorded_and_wiped);
  return g_test_run ();
}
