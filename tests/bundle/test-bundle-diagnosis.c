/* test-bundle-diagnosis.c: the viewer's diagnosis sentence, from check evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <locale.h>
#include <glib/gstdio.h>

#include "mfadiag.h"

static JsonObject *
parse (const gchar *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static gchar *
diagnose (const gchar *checks,
          const gchar *evidence)
{
  g_autoptr(JsonObject) c = checks != NULL ? parse (checks) : NULL;
  g_autoptr(JsonObject) e = evidence != NULL ? parse (evidence) : NULL;

  return mfa_bundle_diagnosis (c, e);
}

#define assert_has(text, fragment) G_STMT_START {                                   \
    if (strstr ((text), (fragment)) == NULL)                                        \
      g_error ("expected “%s” in: %s", (fragment), (text));                         \
  } G_STMT_END

static void
test_phone_clock (void)
{
  const struct { const gchar *evidence, *expected; } cases[] = {
    { "{\"phone-clock\": {\"verdict\": \"ahead\", \"offset_min_seconds\": 60,"
      " \"offset_max_seconds\": 90}}",
      "The phone’s clock was between 60 seconds and 90 seconds ahead; codes fail beyond about "
      "30 seconds." },
    { "{\"phone-clock\": {\"verdict\": \"behind\", \"offset_min_seconds\": -90,"
      " \"offset_max_seconds\": -90}}",
      "The phone’s clock was about 90 seconds behind; codes fail beyond about 30 seconds." },
    { "{\"phone-clock\": {\"verdict\": \"in-sync\"}}",
      "No check found a problem. The phone’s clock was right: its codes matched the current "
      "time." },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *text = diagnose (NULL, cases[i].evidence);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_phone_first (void)
{
  /* Both clocks off, a code drifting: the phone's clock leads; the drifting
   * code would only say it again, so the computer's clock comes second. */
  g_autofree gchar *text = diagnose (
    NULL,
    "{\"clock\": {\"verdict\": \"problem\", \"offset_seconds\": 45.0},"
    " \"code\": {\"window_seconds\": 86400, \"codes\": [{\"verdict\": \"current\"},"
    "   {\"verdict\": \"drift\", \"offset_seconds\": 90}]},"
    " \"phone-clock\": {\"verdict\": \"ahead\", \"offset_min_seconds\": 80,"
    "   \"offset_max_seconds\": 95}}");

  assert_has (text, "The phone’s clock was between 80 seconds and 95 seconds ahead");
  assert_has (text, "The computer’s clock was 45 seconds fast");
  g_assert_null (strstr (text, "belongs to"));
}

static void
test_clock_only (void)
{
  g_autofree gchar *fast = diagnose (NULL, "{\"clock\": {\"offset_seconds\": 91.4}}");
  g_autofree gchar *close = diagnose (NULL, "{\"clock\": {\"offset_seconds\": -12}}");
  g_autofree gchar *right = diagnose (NULL, "{\"clock\": {\"offset_seconds\": 0.2}}");
  g_autofree gchar *none = diagnose (NULL, "{\"clock\": {\"offset_seconds\": null}}");

  g_assert_cmpstr (fast, ==, "The computer’s clock was 91 seconds fast; codes fail beyond about "
                             "30 seconds, and the phone may be off too.");
  assert_has (close, "12 seconds slow: within the 30 seconds");
  g_assert_cmpstr (right, ==, "No check found a problem. The computer’s clock was right.");
  assert_has (none, "could not be checked");
}

static void
test_codes (void)
{
  g_autofree gchar *other = diagnose (
    NULL, "{\"code\": {\"codes\": [{\"verdict\": \"other-parameters\", \"algorithm\": \"SHA256\","
          " \"digits\": 8, \"period\": 60}]}}");
  g_autofree gchar *missing = diagnose (
    NULL, "{\"code\": {\"window_seconds\": 86400, \"codes\": [{\"verdict\": \"not-found\"}]}}");
  g_autofree gchar *replay = diagnose (
    NULL, "{\"code\": {\"codes\": [{\"verdict\": \"replayed\", \"replay_of\": 0}]}}");
  g_autofree gchar *fine = diagnose (NULL, "{\"code\": {\"codes\": [{\"verdict\": \"current\"}]}}");

  assert_has (other, "(SHA256, 8 digits, 60-second period)");
  assert_has (missing, "matches no time within 24 hours of the key");
  assert_has (replay, "used twice");
  g_assert_cmpstr (fine, ==, "No check found a problem. The codes the user typed were right "
                             "when checked.");
}

static void
test_duplicates (void)
{
  g_autofree gchar *different = diagnose (
    NULL, "{\"duplicates\": {\"entries\": 5, \"groups\": [{\"issuer\": \"Alibaba Cloud\","
          " \"account\": \"alice\", \"kind\": \"different-keys\", \"members\": ["
          " {\"label\": \"Aliyun:alice\"}, {\"label\": \"阿里云:alice\"}]}]}}");
  g_autofree gchar *evidence = NULL;
  g_autoptr(JsonObject) object = parse ("{\"entries\": 5, \"groups\": [{\"issuer\": \"A\","
                                        " \"account\": \"alice\", \"kind\": \"same-key\","
                                        " \"members\": [{\"label\": \"one\", \"secret\": \"X\"},"
                                        " {\"label\": \"two\"}]}]}");
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  g_assert_cmpstr (different, ==, "The authenticator holds 2 entries for “alice” with different "
                                  "keys: only the newest makes valid codes.");
  evidence = mfa_bundle_evidence_text ("duplicates", node);
  assert_has (evidence, "“one”, “two”");
  g_assert_null (strstr (evidence, "X"));
}

static void
test_manifest_only (void)
{
  /* No evidence files read yet: the manifest's verdicts and summaries serve. */
  g_autofree gchar *text = diagnose ("{\"clock\": {\"verdict\": \"ok\", \"summary\": \"fine\"},"
                                     " \"sms\": {\"verdict\": \"problem\","
                                     " \"summary\": \"no signal\\u001b[31m\"}}", NULL);
  g_autofree gchar *nothing = diagnose ("{}", NULL);

  g_assert_cmpstr (text, ==, "sms: no signal\xef\xbf\xbd[31m");
  g_assert_cmpstr (nothing, ==, "No check was run: read what the user wrote.");
}

static void
test_hostile_shapes (void)
{
  /* Wrong types everywhere: no crash, nothing invented. */
  g_autofree gchar *text = diagnose (
    "{\"clock\": 5, \"code\": [1], \"duplicates\": {\"verdict\": 7}}",
    "{\"clock\": \"fast\", \"code\": {\"codes\": [5, null, {\"verdict\": 3}]},"
    " \"duplicates\": {\"groups\": {\"a\": 1}}, \"phone-clock\": {\"verdict\": \"ahead\","
    " \"offset_min_seconds\": 1e308, \"offset_max_seconds\": \"x\"}}");
  g_autofree gchar *evidence = NULL;
  g_autoptr(JsonObject) object = parse ("{\"servers\": [1, {\"host\": 5, \"samples\": 1e300}],"
                                        " \"offset_seconds\": 1e300}");
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  g_assert_nonnull (text);
  assert_has (text, "The phone’s clock was ahead");
  evidence = mfa_bundle_evidence_text ("clock", node);
  g_assert_nonnull (evidence);
  g_assert_null (mfa_bundle_evidence_text ("unknown-kind", node));
}

static void
test_report_text (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonObject) evidence = parse ("{\"clock\": {\"offset_seconds\": 90.0, \"servers\": "
                                          "[{\"host\": \"ntp.example\", \"samples\": 3,"
                                          " \"offset_seconds\": 90.0, \"delay_seconds\": 0.02,"
                                          " \"stratum\": 2}]}}");
  g_autofree gchar *text = NULL;

  g_assert_true (json_parser_load_from_data (
    parser, "{\"account\": {\"type\": \"ram-user\", \"name\": \"bob@1.onaliyun.com\"},"
            " \"operation_time\": {\"utc\": \"2026-11-28T12:00:31.000Z\"},"
            " \"problem\": {\"description\": \"line one\\nline two\", \"steps\": [\"Tried\", 4]},"
            " \"checks\": {\"clock\": {\"verdict\": \"problem\"}}}", -1, NULL));
  text = mfa_bundle_report_text (json_parser_get_root (parser), evidence, "intact");
  assert_has (text, "The computer’s clock was 90 seconds fast");
  assert_has (text, "Account: bob@1.onaliyun.com (ram-user)");
  assert_has (text, "Bundle: intact");
  assert_has (text, "line one\nline two");
  /* A step that is neither a version 1 id nor a version 2 object is left out. */
  assert_has (text, "1. Tried\n");
  g_assert_null (strstr (text, "\n2. "));
  assert_has (text, "• ntp.example: +90.000 s, delay 20 ms, stratum 2, 3 samples");
}

/* ---- the head: what the viewer reads before verifying ------------------ */

static const guint8 tiny_png[] =
  "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02"
  "\x00\x00\x00\x02\x08\x00\x00\x00\x00\x57\xdd\x52\xf8\x00\x00\x00\x0e\x49\x44\x41"
  "\x54\x78\x9c\x63\x68\x68\x60\x68\x68\x00\x00\x06\x06\x02\x01\x2c\xc1\x50\xd7\x00"
  "\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";

static gboolean
count_entries (const MfaBundleFile  *file,
               const guint8         *data,
               gsize                 len,
               gpointer              user_data,
               GError              **error)
{
  GPtrArray *seen = user_data;

  if (data == NULL)
    g_ptr_array_add (seen, g_strdup (file->path));
  return TRUE;
}

static void
test_head (void)
{
  g_autofree gchar *dir = g_dir_make_tmp ("mfa-head-XXXXXX", NULL);
  g_autofree gchar *image = g_build_filename (dir, "error.png", NULL);
  g_autofree gchar *path = g_build_filename (dir, "head.mfaticket", NULL);
  g_autoptr(MfaBundleContent) content = mfa_bundle_content_new ();
  g_autoptr(JsonObject) evidence = parse ("{\"offset_seconds\": 90.0}");
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), evidence);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MfaBundle) head = NULL;
  g_autoptr(MfaBundle) whole = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *data = NULL;
  gchar *png;
  gsize len;

  g_assert_true (g_file_set_contents (image, (const gchar *) tiny_png, sizeof tiny_png - 1, NULL));
  content->account_type = g_strdup ("alibaba-cloud-account");
  content->account_name = g_strdup ("alice@example.com");
  content->operation_time_usec = G_GINT64_CONSTANT (1795867231) * G_USEC_PER_SEC;
  mfa_bundle_content_add_check (content, "clock", node);
  mfa_bundle_content_add_attachment (content, "error-page", image, NULL, 0);
  g_assert_true (mfa_bundle_write (content, path, &error));
  g_assert_no_error (error);

  /* Damage the attachment: the head is still whole, the bundle is not. */
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  png = memmem (data, len, "\x89PNG", 4);
  g_assert_nonnull (png);
  png[20] ^= 0x01;
  g_assert_true (g_file_set_contents (path, data, len, NULL));

  head = mfa_bundle_read_head (path, count_entries, seen, &error);
  g_assert_no_error (error);
  g_assert_nonnull (head);
  /* manifest, the two summaries, clock evidence: no attachment */
  g_assert_cmpuint (seen->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (seen, 3), ==, "diagnostics/clock.json");
  whole = mfa_bundle_verify (path, NULL, NULL, &error);
  g_assert_null (whole);
  g_assert_error (error, MFA_ERROR, MFA_ERROR_BUNDLE_DAMAGED);
  assert_has (error->message, "attachments/01-error-page.png");
  g_unlink (path);
  g_unlink (image);
  g_rmdir (dir);
}

/* Times as people read them, shared by the summaries and the viewer. */
static void
test_wall_time (void)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (1795867231);
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, shanghai);
  g_autofree gchar *as_utc = mfa_format_wall_time (utc, NULL);
  g_autofree gchar *named = mfa_format_wall_time (local, "Asia/Shanghai");
  g_autofree gchar *unnamed = mfa_format_wall_time (local, "");

  g_assert_cmpstr (as_utc, ==, "2026-11-28 12:00:31 UTC");
  g_assert_cmpstr (named, ==, "2026-11-28 20:00:31 (Asia/Shanghai, UTC+08:00)");
  g_assert_cmpstr (unnamed, ==, "2026-11-28 20:00:31 (UTC+08:00)");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bundle/diagnosis/phone-clock/interval", test_phone_clock);
  g_test_add_func ("/bundle/diagnosis/phone-clock/first", test_phone_first);
  g_test_add_func ("/bundle/diagnosis/clock", test_clock_only);
  g_test_add_func ("/bundle/diagnosis/codes", test_codes);
  g_test_add_func ("/bundle/diagnosis/duplicates", test_duplicates);
  g_test_add_func ("/bundle/diagnosis/manifest-only", test_manifest_only);
  g_test_add_func ("/bundle/diagnosis/hostile-shapes", test_hostile_shapes);
  g_test_add_func ("/bundle/diagnosis/report-text", test_report_text);
  g_test_add_func ("/bundle/head/before-attachments", test_head);
  g_test_add_func ("/format/wall-time", test_wall_time);
  return g_test_run ();
}
