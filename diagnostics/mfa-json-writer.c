/* mfa-json-writer.c: pretty JSON in json-glib's layout, with GLib alone
 *
 * json-glib's generator puts each member or element on its own line,
 * indented two spaces per level, and writes `"name" : value`; an empty array
 * is `[]`, an empty object `{`, its own indentation, and `}`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-json-writer"

#include "config.h"

#include <string.h>

#include "mfa-json-writer.h"

#define INDENT 2

typedef struct
{
  gboolean is_object;
  gboolean has_items;
} Level;

struct _MfaJsonWriter
{
  GString *text;
  GArray  *levels;      /* Level, innermost last */
  gboolean after_name;  /* a member name waits for its value */
};

MfaJsonWriter *
mfa_json_writer_new (void)
{
  MfaJsonWriter *writer = g_new0 (MfaJsonWriter, 1);

  writer->text = g_string_new (NULL);
  writer->levels = g_array_new (FALSE, FALSE, sizeof (Level));
  return writer;
}

void
mfa_json_writer_free (MfaJsonWriter *writer)
{
  if (writer == NULL)
    return;
  g_string_free (writer->text, TRUE);
  g_array_unref (writer->levels);
  g_free (writer);
}

/* The text written, once every container is closed. */
gchar *
mfa_json_writer_free_to_text (MfaJsonWriter *writer)
{
  gchar *text;

  g_return_val_if_fail (writer != NULL && writer->levels->len == 0, NULL);

  text = g_string_free (writer->text, FALSE);
  g_array_unref (writer->levels);
  g_free (writer);
  return text;
}

static void
indent (MfaJsonWriter *writer)
{
  for (guint i = 0; i < writer->levels->len * INDENT; i++)
    g_string_append_c (writer->text, ' ');
}

/* Quotes and backslashes escaped, control characters and DEL as \b \f \n \r
 * \t or \u00xx, everything else (all of UTF-8) as it is: json-glib's escaping,
 * except that json-glib 1.6 leaves U+001F raw, which JSON forbids. */
static void
append_quoted (GString     *text,
               const gchar *value)
{
  g_string_append_c (text, '"');
  for (const gchar *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (text, "\\\""); break;
        case '\\': g_string_append (text, "\\\\"); break;
        case '\b': g_string_append (text, "\\b"); break;
        case '\f': g_string_append (text, "\\f"); break;
        case '\n': g_string_append (text, "\\n"); break;
        case '\r': g_string_append (text, "\\r"); break;
        case '\t': g_string_append (text, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (text, "\\u%04x", c);
          else
            g_string_append_c (text, (gchar) c);
        }
    }
  g_string_append_c (text, '"');
}

/* Starts a value: inside an array a new line; after a member name nothing. */
static void
begin_value (MfaJsonWriter *writer)
{
  Level *level;

  if (writer->after_name)
    {
      writer->after_name = FALSE;
      return;
    }
  if (writer->levels->len == 0)
    return;
  level = &g_array_index (writer->levels, Level, writer->levels->len - 1);
  g_return_if_fail (!level->is_object);
  g_string_append (writer->text, level->has_items ? ",\n" : "\n");
  level->has_items = TRUE;
  indent (writer);
}

void
mfa_json_writer_member (MfaJsonWriter *writer,
                        const gchar   *name)
{
  Level *level;

  g_return_if_fail (writer->levels->len > 0 && !writer->after_name);
  level = &g_array_index (writer->levels, Level, writer->levels->len - 1);
  g_return_if_fail (level->is_object);

  g_string_append (writer->text, level->has_items ? ",\n" : "\n");
  level->has_items = TRUE;
  indent (writer);
  append_quoted (writer->text, name);
  g_string_append (writer->text, " : ");
  writer->after_name = TRUE;
}

static void
begin_container (MfaJsonWriter *writer,
                 gboolean       is_object)
{
  Level level = { is_object, FALSE };

  begin_value (writer);
  g_string_append_c (writer->text, is_object ? '{' : '[');
  g_array_append_val (writer->levels, level);
}

static void
end_container (MfaJsonWriter *writer,
               gboolean       is_object)
{
  Level level;

  g_return_if_fail (writer->levels->len > 0 && !writer->after_name);
  level = g_array_index (writer->levels, Level, writer->levels->len - 1);
  g_return_if_fail (level.is_object == is_object);

  g_array_set_size (writer->levels, writer->levels->len - 1);
  if (level.has_items)
    g_string_append_c (writer->text, '\n');
  if (level.has_items || is_object)
    indent (writer);
  g_string_append_c (writer->text, is_object ? '}' : ']');
}

void
mfa_json_writer_begin_object (MfaJsonWriter *writer)
{
  begin_container (writer, TRUE);
}

void
mfa_json_writer_end_object (MfaJsonWriter *writer)
{
  end_container (writer, TRUE);
}

void
mfa_json_writer_begin_array (MfaJsonWriter *writer)
{
  begin_container (writer, FALSE);
}

void
mfa_json_writer_end_array (MfaJsonWriter *writer)
{
  end_container (writer, FALSE);
}

void
mfa_json_writer_add_string (MfaJsonWriter *writer,
                            const gchar   *value)
{
  g_return_if_fail (value != NULL);

  begin_value (writer);
  append_quoted (writer->text, value);
}

void
mfa_json_writer_add_int (MfaJsonWriter *writer,
                         gint64         value)
{
  begin_value (writer);
  g_string_append_printf (writer->text, "%" G_GINT64_FORMAT, value);
}

/* As json-glib prints a double: g_ascii_dtostr (17 significant digits), and
 * ".0" after a whole number, so that it reads back as a double. json-glib 1.6
 * adds it after an exponent too ("1e-300.0"), which is not JSON: not here. */
void
mfa_json_writer_add_double (MfaJsonWriter *writer,
                            gdouble        value)
{
  gchar buffer[G_ASCII_DTOSTR_BUF_SIZE];

  begin_value (writer);
  g_ascii_dtostr (buffer, sizeof buffer, value);
  g_string_append (writer->text, buffer);
  if (strpbrk (buffer, ".eE") == NULL)
    g_string_append (writer->text, ".0");
}

void
mfa_json_writer_add_boolean (MfaJsonWriter *writer,
                             gboolean       value)
{
  begin_value (writer);
  g_string_append (writer->text, value ? "true" : "false");
}
