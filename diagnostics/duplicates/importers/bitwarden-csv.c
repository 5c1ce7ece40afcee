/* bitwarden-csv.c: Bitwarden's CSV vault export
 *
 * RFC 4180 CSV with the header folder,favorite,type,name,notes,fields,
 * reprompt,login_uri,login_username,login_password,login_totp; quoted
 * fields may hold commas, doubled quotes and line breaks. Rows whose
 * login_totp is empty hold no authenticator entry; the others are read as
 * Bitwarden's JSON items are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bitwarden-csv"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "import-common.h"
#include "mfa-error.h"

#define HEADER_START "folder,favorite,type,name,"

/* The fields of the record at *text, which moves past it; FALSE at the
 * end, or with error set for a quote left open. Every field is wiped when
 * the array is freed. */
static gboolean
next_record (const gchar  **text,
             const gchar   *end,
             GPtrArray     *fields,
             GError       **error)
{
  const gchar *p = *text;
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  g_ptr_array_set_size (fields, 0);
  if (p >= end)
    return FALSE;
  while (p < end)
    {
      if (quoted && *p == '"' && p + 1 < end && p[1] == '"')
        {
          g_string_append_c (field, '"');
          p += 2;
          continue;
        }
      if (*p == '"' && (quoted || field->len == 0))
        quoted = !quoted;
      else if (!quoted && (*p == ',' || *p == '\n' || *p == '\r'))
        {
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          mfa_wipe (field->str, field->len);
          g_string_truncate (field, 0);
          if (*p != ',')
            {
              p += (*p == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
              *text = p;
              return TRUE;
            }
        }
      else
        g_string_append_c (field, *p);
      p++;
    }
  if (quoted)
    {
      mfa_wipe (field->str, field->len);
      return mfa_import_fail (error, _("a quoted field is never closed"));
    }
  g_ptr_array_add (fields, g_strndup (field->str, field->len));
  mfa_wipe (field->str, field->len);
  *text = end;
  return TRUE;
}

static gint
column (GPtrArray   *header,
        const gchar *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (g_ptr_array_index (header, i), name))
      return i;
  return -1;
}

static const gchar *
field (GPtrArray *record,
       gint       index)
{
  return index >= 0 && (guint) index < record->len ? g_ptr_array_index (record, index) : NULL;
}

static gboolean
csv_detect (const MfaImportInput *input)
{
  return mfa_import_first_line_is (input, HEADER_START)
         && g_strstr_len (input->data, MIN (input->len, 1024), "login_totp") != NULL;
}

static gboolean
csv_parse (const MfaImportInput  *input,
           GPtrArray             *entries,
           GError               **error)
{
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) record =
    g_ptr_array_new_with_free_func ((GDestroyNotify) mfa_free_string);
  const gchar *text = input->data;
  const gchar *end = input->data + input->len;
  gint totp, name, username;
  GError *header_error = NULL;

  /* No record at all, or a damaged one that says why. */
  if (!next_record (&text, end, header, &header_error))
    {
      if (header_error != NULL)
        {
          g_propagate_error (error, header_error);
          return FALSE;
        }
      return mfa_import_fail (error, _("this Bitwarden CSV export has no header"));
    }
  totp = column (header, "login_totp");
  name = column (header, "name");
  username = column (header, "login_username");
  if (totp < 0)
    return mfa_import_fail (error, _("this Bitwarden CSV export has no login_totp column"));
  for (guint row = 1; ; row++)
    {
      GError *row_error = NULL;
      guint keep = entries->len;
      const gchar *key;

      if (!next_record (&text, end, record, &row_error))
        {
          if (row_error != NULL)
            mfa_import_skip (input, entries, keep, MFA_IMPORT_AT_ENTRY, row, row_error);
          break;
        }
      key = field (record, totp);
      if (key == NULL || key[0] == '\0')
        continue;
      input->state->next_index = row - 1;
      if (!mfa_import_take_key_text (mfa_import_entry_new (input, entries), key,
                                     field (record, name), field (record, username),
                                     &row_error))
        mfa_import_skip (input, entries, keep, MFA_IMPORT_AT_ENTRY, row, row_error);
    }
  return TRUE;
}

const MfaImporter mfa_importer_bitwarden_csv = {
  MFA_IMPORT_BITWARDEN_CSV, "bitwarden-csv", "Bitwarden (CSV)", csv_detect, csv_parse, TRUE,
  N_("Bitwarden’s “.csv” export"),
};
