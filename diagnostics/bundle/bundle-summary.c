/* bundle-summary.c: summary.html and summary.txt, what support staff read first
 *
 * The HTML is self-contained (no script, no outside resource), printable, and
 * every piece of text that came from the user or a check is HTML-escaped. The
 * plain text is what the user pastes into a ticket form; the bundle carries
 * the same text, so staff see one wording wherever they look.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bundle-summary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bundle-diagnosis.h"
#include "bundle-entry.h"
#include "mfa-format.h"

static const gchar style[] =
  "body{font:15px/1.45 system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;"
  "color:#222}h1{font-size:1.5em}h2{font-size:1.1em;margin-top:1.6em;border-bottom:1px solid #ccc}"
  "table{border-collapse:collapse}td,th{text-align:left;padding:.2em .8em .2em 0;"
  "vertical-align:top}.ok{color:#1a7f37}.warning{color:#9a6700}.problem{color:#cf222e}"
  ".unknown{color:#666}img{max-width:100%;border:1px solid #ccc}"
  "@media print{body{margin:0}}";

/* The time as the user lived it, in their zone (this system's when unknown). */
static gchar *
format_local_time (gint64       unix_usec,
                   const gchar *zone_id)
{
  g_autoptr(GTimeZone) zone = zone_id != NULL ? g_time_zone_new_identifier (zone_id) : NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;

  if (zone == NULL)
    zone = g_time_zone_new_local ();
  local = g_date_time_to_timezone (utc, zone);
  return mfa_format_wall_time (local, g_time_zone_get_identifier (zone));
}

/* For people; the manifest keeps ISO 8601. */
static gchar *
format_utc_time (gint64 unix_usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_usec / G_USEC_PER_SEC);

  return mfa_format_wall_time (utc, NULL);
}

GPtrArray *
mfa_bundle_content_facts (const MfaBundleContent *content)
{
  GPtrArray *facts = g_ptr_array_new_with_free_func (g_free);
  const gchar *given = content->operation_time_given ? _("the user") : _("the computer’s clock");

  g_ptr_array_add (facts, g_strdup (_("Account Type")));
  g_ptr_array_add (facts, g_strdup (mfa_bundle_account_type_label (content->account_type)));
  g_ptr_array_add (facts, g_strdup (_("Account")));
  g_ptr_array_add (facts, g_strdup (content->account_name != NULL ? content->account_name : ""));
  g_ptr_array_add (facts, g_strdup (_("Operation Time (UTC)")));
  g_ptr_array_add (facts, format_utc_time (content->operation_time_usec));
  g_ptr_array_add (facts, g_strdup (_("Operation Time (User’s Zone)")));
  g_ptr_array_add (facts, format_local_time (content->operation_time_usec,
                                             content->operation_zone));
  g_ptr_array_add (facts, g_strdup (_("Time Given By")));
  g_ptr_array_add (facts, g_strdup (given));
  if (content->flow_id != NULL)
    {
      const gchar *title = content->topic_title != NULL ? content->topic_title : content->flow_id;

      g_ptr_array_add (facts, g_strdup (_("Topic")));
      g_ptr_array_add (facts, content->topic_title_translated != NULL
                                ? g_strdup_printf ("%s (%s)", title,
                                                   content->topic_title_translated)
                                : g_strdup (title));
    }
  return facts;
}

static void
append_escaped (GString     *html,
                const gchar *text)
{
  g_autofree gchar *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (html, escaped);
}

static void
append_row (GString     *html,
            const gchar *label,
            const gchar *value)
{
  g_string_append (html, "<tr><th>");
  append_escaped (html, label);
  g_string_append (html, "</th><td>");
  append_escaped (html, value);
  g_string_append (html, "</td></tr>\n");
}

static void
append_checks (GString    *html,
               JsonObject *checks)
{
  g_autoptr(GList) kinds = json_object_get_members (checks);

  g_string_append_printf (html, "<h2>%s</h2>\n", _("What the checks found"));
  if (kinds == NULL)
    {
      g_string_append_printf (html, "<p>%s</p>\n", _("No check was run."));
      return;
    }
  g_string_append (html, "<table>\n");
  for (GList *l = kinds; l != NULL; l = l->next)
    {
      JsonObject *check = json_object_get_object_member (checks, l->data);
      const gchar *verdict = json_object_get_string_member_with_default (check, "verdict",
                                                                          "unknown");

      g_string_append (html, "<tr><th>");
      append_escaped (html, l->data);
      g_string_append_printf (html, "</th><td class=\"%s\">",
                              g_str_equal (verdict, "ok") || g_str_equal (verdict, "warning")
                                || g_str_equal (verdict, "problem") ? verdict : "unknown");
      append_escaped (html, verdict);
      g_string_append (html, "</td><td>");
      append_escaped (html, json_object_get_string_member_with_default (check, "summary", ""));
      g_string_append (html, "</td></tr>\n");
    }
  g_string_append (html, "</table>\n");
}

static void
append_attachments (GString   *html,
                    GPtrArray *entries)
{
  g_string_append_printf (html, "<h2>%s</h2>\n", _("Attachments"));
  for (guint i = 0; i < entries->len; i++)
    {
      MfaBundleEntry *entry = g_ptr_array_index (entries, i);

      if (!g_str_has_prefix (entry->file.path, "attachments/"))
        continue;
      g_string_append (html, "<figure><img src=\"");
      append_escaped (html, entry->file.path);
      g_string_append (html, "\" alt=\"");
      append_escaped (html, entry->file.caption);
      g_string_append (html, "\"><figcaption><strong>");
      append_escaped (html, mfa_bundle_attachment_kind_label (entry->file.kind));
      g_string_append (html, "</strong>");
      if (entry->file.caption != NULL && entry->file.caption[0] != '\0')
        {
          g_string_append (html, ": ");
          append_escaped (html, entry->file.caption);
        }
      if (entry->masked->len > 0)
        g_string_append_printf (html, " — %s",
                                _("QR codes in this image were painted over: they may carry "
                                  "an MFA key."));
      g_string_append (html, "</figcaption></figure>\n");
    }
}

gchar *
mfa_bundle_summary_html (const MfaBundleContent *content,
                         GPtrArray              *entries,
                         JsonObject             *checks)
{
  g_autoptr(GString) html = g_string_new ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">");
  g_autoptr(GPtrArray) facts = mfa_bundle_content_facts (content);

  g_string_append_printf (html, "<title>%s</title><style>%s</style></head><body>\n",
                          _("MFA ticket"), style);
  g_string_append_printf (html, "<h1>%s</h1>\n<table>\n", _("MFA sign-in ticket"));
  for (guint i = 0; i + 1 < facts->len; i += 2)
    append_row (html, facts->pdata[i], facts->pdata[i + 1]);
  g_string_append (html, "</table>\n");

  g_string_append_printf (html, "<h2>%s</h2>\n<p>", _("In the user’s words"));
  append_escaped (html, content->description);
  g_string_append (html, "</p>\n");
  if (content->steps->len > 0)
    {
      g_string_append_printf (html, "<h2>%s</h2>\n<ol>\n", _("Steps taken"));
      for (guint i = 0; i < content->steps->len; i++)
        {
          const MfaBundleStep *step = g_ptr_array_index (content->steps, i);
          g_autofree gchar *line = mfa_bundle_step_describe (step, FALSE);
          g_autofree gchar *translated = mfa_bundle_step_describe (step, TRUE);

          g_string_append (html, "<li>");
          append_escaped (html, line);
          if (translated != NULL)
            {
              g_string_append (html, "<br><span class=\"unknown\">");
              append_escaped (html, translated);
              g_string_append (html, "</span>");
            }
          g_string_append (html, "</li>\n");
        }
      g_string_append (html, "</ol>\n");
    }
  append_checks (html, checks);
  append_attachments (html, entries);
  g_string_append (html, "</body></html>\n");
  return g_string_free (g_steal_pointer (&html), FALSE);
}

/* ---- plain text ----------------------------------------------------------- */

static void
append_checks_text (GString    *text,
                    JsonObject *checks)
{
  g_autoptr(GList) kinds = json_object_get_members (checks);

  g_string_append_printf (text, "\n%s\n", _("What the checks found"));
  if (kinds == NULL)
    g_string_append_printf (text, "- %s\n", _("No check was run."));
  for (GList *l = kinds; l != NULL; l = l->next)
    {
      JsonObject *check = json_object_get_object_member (checks, l->data);

      g_string_append_printf (text, "- %s: %s — %s\n", (const gchar *) l->data,
                              json_object_get_string_member_with_default (check, "verdict",
                                                                          "unknown"),
                              json_object_get_string_member_with_default (check, "summary", ""));
    }
}

gchar *
mfa_bundle_summary_text (const MfaBundleContent *content,
                         JsonObject             *checks)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) facts = mfa_bundle_content_facts (content);

  g_string_append_printf (text, "%s\n\n", _("MFA sign-in ticket"));
  for (guint i = 0; i + 1 < facts->len; i += 2)
    g_string_append_printf (text, "%s: %s\n", (const gchar *) facts->pdata[i],
                            (const gchar *) facts->pdata[i + 1]);
  g_string_append_printf (text, "\n%s\n%s\n", _("In the user’s words"),
                          content->description != NULL ? content->description : "");
  if (content->steps->len > 0)
    {
      g_string_append_printf (text, "\n%s\n", _("Steps taken"));
      for (guint i = 0; i < content->steps->len; i++)
        {
          const MfaBundleStep *step = g_ptr_array_index (content->steps, i);
          g_autofree gchar *line = mfa_bundle_step_describe (step, FALSE);
          g_autofree gchar *translated = mfa_bundle_step_describe (step, TRUE);

          g_string_append_printf (text, "%u. %s\n", i + 1, line);
          if (translated != NULL)
            g_string_append_printf (text, "   %s\n", translated);
        }
    }
  append_checks_text (text, checks);
  if (content->attachments->len > 0)
    {
      g_string_append_printf (text, "\n%s\n", _("Attachments"));
      for (guint i = 0; i < content->attachments->len; i++)
        {
          const MfaBundleAttachment *attachment = g_ptr_array_index (content->attachments, i);

          g_string_append_printf (text, "- %s%s%s\n", mfa_bundle_attachment_kind_label (attachment->kind),
                                  attachment->caption[0] != '\0' ? ": " : "",
                                  attachment->caption);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gchar *
mfa_bundle_content_summary (const MfaBundleContent *content)
{
  g_autoptr(JsonObject) checks = json_object_new ();

  g_return_val_if_fail (content != NULL, NULL);
  for (guint i = 0; i < content->check_kinds->len; i++)
    json_object_set_member (checks, g_ptr_array_index (content->check_kinds, i),
                            mfa_bundle_check_summary (g_ptr_array_index (content->check_results,
                                                                         i)));
  return mfa_bundle_summary_text (content, checks);
}
