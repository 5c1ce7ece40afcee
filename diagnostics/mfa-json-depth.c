/* mfa-json-depth.c: refusing JSON nested too deep before anything parses it
 *
 * json-glib parses recursively: a few kilobytes of "[[[[…" overflow the
 * stack. Every parse of a file we did not write calls this first. It counts
 * brackets outside strings (a backslash escapes the next character inside
 * one), which is all the nesting JSON has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-json-depth"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mfa-json-depth.h"

gboolean
mfa_json_check_depth (const gchar  *data,
                      gssize        len,
                      const gchar  *what,
                      MfaError      code,
                      GError      **error)
{
  gsize size = len < 0 ? strlen (data) : (gsize) len;
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < size; i++)
    {
      gchar c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == ']' || c == '}')
        depth = depth > 0 ? depth - 1 : 0;
      else if ((c == '[' || c == '{') && ++depth > MFA_JSON_MAX_DEPTH)
        {
          g_set_error (error, MFA_ERROR, code,
                       _("%s nests arrays or objects more than %d levels deep: refused"),
                       what, MFA_JSON_MAX_DEPTH);
          return FALSE;
        }
    }
  return TRUE;
}
