/* po-catalog.c: reads msgid/msgstr pairs of a .po file; fuzzy, empty and
 * context-bound entries count as untranslated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "po-catalog"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mfa-error.h"
#include "po-catalog.h"

struct _MfaPoCatalog
{
  gchar      *language;
  GHashTable *translations; /* msgid → msgstr */
};

typedef struct
{
  GString  *msgid;
  GString  *msgstr;
  GString  *current; /* what a continuation line appends to */
  gboolean  fuzzy;
  gboolean  has_context;
} Entry;

static void
entry_finish (Entry        *entry,
              MfaPoCatalog *catalog)
{
  if (entry->msgid != NULL && entry->msgstr != NULL && entry->msgstr->len > 0
      && !entry->fuzzy && !entry->has_context)
    g_hash_table_replace (catalog->translations, g_strdup (entry->msgid->str),
                          g_strdup (entry->msgstr->str));
  if (entry->msgid != NULL)
    g_string_free (entry->msgid, TRUE);
  if (entry->msgstr != NULL)
    g_string_free (entry->msgstr, TRUE);
  memset (entry, 0, sizeof *entry);
}

/* Appends the C-escaped text between the quotes of a line such as
 * msgid "Text". Returns FALSE when the line has no quoted text. */
static gboolean
append_quoted (GString     *out,
               const gchar *line)
{
  const gchar *open = strchr (line, '"');
  const gchar *close = strrchr (line, '"');
  g_autofree gchar *raw = NULL;
  g_autofree gchar *text = NULL;

  if (open == NULL || close == open)
    return FALSE;
  raw = g_strndup (open + 1, close - open - 1);
  text = g_strcompress (raw);
  g_string_append (out, text);
  return TRUE;
}

static void
parse_line (const gchar  *line,
            Entry        *entry,
            MfaPoCatalog *catalog)
{
  if (g_str_has_prefix (line, "#,") && strstr (line, "fuzzy") != NULL)
    {
      entry_finish (entry, catalog);
      entry->fuzzy = TRUE;
    }
  else if (g_str_has_prefix (line, "msgctxt"))
    entry->has_context = TRUE;
  else if (g_str_has_prefix (line, "msgid ") && entry->msgid == NULL)
    {
      entry->msgid = g_string_new (NULL);
      entry->current = entry->msgid;
      append_quoted (entry->current, line);
    }
  else if (g_str_has_prefix (line, "msgid "))
    {
      gboolean fuzzy = entry->fuzzy && entry->msgstr == NULL;

      entry_finish (entry, catalog);
      entry->fuzzy = fuzzy;
      parse_line (line, entry, catalog);
    }
  else if (g_str_has_prefix (line, "msgstr ") || g_str_has_prefix (line, "msgstr[0]"))
    {
      entry->msgstr = g_string_new (NULL);
      entry->current = entry->msgstr;
      append_quoted (entry->current, line);
    }
  else if (line[0] == '"' && entry->current != NULL)
    append_quoted (entry->current, line);
  else if (line[0] == '\0' || line[0] == '#')
    {
      if (entry->msgstr != NULL)
        entry_finish (entry, catalog);
      entry->current = NULL;
    }
  else
    entry->current = NULL; /* msgid_plural, msgstr[n]: not needed here */
}

MfaPoCatalog *
mfa_po_catalog_load (const gchar  *path,
                     GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree gchar *contents = NULL;
  g_autofree gchar *base = g_path_get_basename (path);
  g_auto(GStrv) lines = NULL;
  MfaPoCatalog *catalog;
  Entry entry = { 0 };

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_IO, _("Cannot read the translation “%s”: %s"),
                   path, local_error->message);
      return NULL;
    }
  catalog = g_new0 (MfaPoCatalog, 1);
  catalog->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (g_str_has_suffix (base, ".po"))
    base[strlen (base) - 3] = '\0';
  catalog->language = g_steal_pointer (&base);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    parse_line (g_strstrip (lines[i]), &entry, catalog);
  entry_finish (&entry, catalog);
  return catalog;
}

void
mfa_po_catalog_free (MfaPoCatalog *catalog)
{
  g_free (catalog->language);
  g_hash_table_unref (catalog->translations);
  g_free (catalog);
}

const gchar *
mfa_po_catalog_get_language (MfaPoCatalog *catalog)
{
  return catalog->language;
}

const gchar *
mfa_po_catalog_lookup (MfaPoCatalog *catalog,
                       const gchar  *msgid)
{
  return g_hash_table_lookup (catalog->translations, msgid);
}
