/* mfa-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mfa-error.h"
#include "mfa-format.h"

/* "45 seconds", "2 minutes", "about 3 hours": exact while small, rounded
 * where exactness would only distract. The sign is the caller's to word. */
gchar *
mfa_format_duration (gint64 seconds)
{
  guint64 magnitude = seconds < 0 ? -(guint64) seconds : (guint64) seconds;

  if (magnitude < 120)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds",
                                         (gulong) magnitude),
                            (guint) magnitude);
  if (magnitude < 2 * 3600)
    {
      guint minutes = (magnitude + 30) / 60;

      if (magnitude % 60 == 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes",
                                             minutes),
                                minutes);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %u minute",
                                           "about %u minutes", minutes),
                              minutes);
    }
  if (magnitude < 48 * 3600)
    {
      guint hours = (magnitude + 1800) / 3600;

      if (magnitude % 3600 == 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours", hours),
                                hours);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %u hour", "about %u hours",
                                           hours),
                              hours);
    }
  {
    guint64 days = (magnitude + 43200) / 86400;

    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %lu day", "about %lu days",
                                         (gulong) days),
                            (gulong) days);
  }
}

/* ISO 8601 with a zone ("2026-11-28T12:00:31Z", "…+08:00") or @UNIXSECONDS. */
gboolean
mfa_parse_time (const gchar  *text,
                gint64       *unix_seconds,
                GError      **error)
{
  g_autoptr(GDateTime) parsed = NULL;

  g_return_val_if_fail (text != NULL && unix_seconds != NULL, FALSE);

  if (text[0] == '@')
    {
      gint64 value;

      if (!g_ascii_string_to_signed (text + 1, 10, 0, G_GINT64_CONSTANT (253402300799), &value,
                                     NULL))
        {
          g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_TIME,
                       _("“%s” is not a time: after @ give whole seconds since 1970"), text);
          return FALSE;
        }
      *unix_seconds = value;
      return TRUE;
    }

  parsed = g_date_time_new_from_iso8601 (text, NULL);
  if (parsed == NULL)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_TIME,
                   _("“%s” is not a time: use ISO 8601 with a zone, such as "
                     "2026-11-28T12:00:31Z or 2026-11-28T20:00:31+08:00, or @UNIXSECONDS"),
                   text);
      return FALSE;
    }
  *unix_seconds = g_date_time_to_unix (parsed);
  return TRUE;
}

gchar *
mfa_format_iso8601 (gint64 unix_microseconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_microseconds / G_USEC_PER_SEC);
  g_autoptr(GDateTime) precise = NULL;
  g_autofree gchar *seconds = NULL;

  if (utc == NULL)
    return g_strdup ("");
  precise = g_date_time_add (utc, unix_microseconds % G_USEC_PER_SEC);
  seconds = g_date_time_format (precise, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%03dZ", seconds,
                          (int) (g_date_time_get_microsecond (precise) / 1000));
}

gchar *
mfa_format_wall_time (GDateTime   *time,
                      const gchar *zone_name)
{
  g_autofree gchar *text = g_date_time_format (time, "%Y-%m-%d %H:%M:%S");
  g_autofree gchar *offset = g_date_time_format (time, "%:z");

  if ((zone_name == NULL || zone_name[0] == '\0') && g_str_equal (offset, "+00:00"))
    return g_strdup_printf ("%s UTC", text);
  if (zone_name == NULL || zone_name[0] == '\0')
    return g_strdup_printf ("%s (UTC%s)", text, offset);
  return g_strdup_printf ("%s (%s, UTC%s)", text, zone_name, offset);
}

/* Text from a bundle is untrusted: control characters (terminal escape
 * sequences among them) are shown as U+FFFD rather than sent to the terminal
 * or shown as bidirectional overrides. */
gchar *
mfa_format_printable (const gchar *text)
{
  GString *out = g_string_new (NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_string_free (out, FALSE);
  for (const gchar *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
          || (c >= 0x2066 && c <= 0x2069))
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}
