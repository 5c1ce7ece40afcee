/* json-lazy.c: large JSON exports parsed one entry at a time
 *
 * json-glib builds a tree of the whole document, about ten times the size
 * of the text: a 100 MB vault would take a gigabyte. Exports are one big
 * list of small entries, so the document is parsed as a skeleton in which
 * each large array is replaced by a marker, ["\u0001mfa-lazy:N"], and the
 * places of its elements in the text are kept; mfa_import_json_entries()
 * then parses the elements one by one, each freed (keys wiped) before the
 * next. This scanner only finds where values end: json-glib still parses,
 * and so validates, every byte of the document (the skeleton and each
 * element); a damaged array is not elided but left to json-glib to refuse.
 * A large string (the sealed vault of an encrypted export) is elided the
 * same way, as "\u0001mfa-lazy-text:N", and read from the text where it
 * stands (mfa_import_json_member_text): json-glib would hold a second copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "json-lazy"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "import-common.h"
#include "mfa-error.h"

#define LAZY_MARKER "\001mfa-lazy:"
#define LAZY_TEXT_MARKER "\001mfa-lazy-text:"

typedef struct
{
  gsize offset;
  gsize len;
} Span;

static const gchar *
skip_space (const gchar *p,
            const gchar *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

/* The end of the string that starts at p (its opening quote), or NULL. */
static const gchar *
skip_string (const gchar *p,
             const gchar *end)
{
  for (p++; p < end; p++)
    {
      if (*p == '\\')
        p++;
      else if (*p == '"')
        return p + 1;
    }
  return NULL;
}

/* The end of the value at p, or NULL when the text ends first or a
 * bracket does not match its kind of opening. Brackets are counted, not
 * nested on the stack. */
static const gchar *
skip_value (const gchar *p,
            const gchar *end)
{
  gsize open = 0;

  p = skip_space (p, end);
  if (p < end && *p != '[' && *p != '{' && *p != '"')
    {
      while (p < end && *p != ',' && *p != ']' && *p != '}' && !g_ascii_isspace (*p))
        p++;
      return p;
    }
  while (p < end)
    {
      if (*p == '"')
        {
          p = skip_string (p, end);
          if (p == NULL)
            return NULL;
        }
      else
        {
          if (*p == '[' || *p == '{')
            open++;
          else if ((*p == ']' || *p == '}') && open-- == 0)
            return NULL;
          p++;
        }
      if (open == 0)
        return p;
    }
  return NULL;
}

/* The elements' places in the array at p ('['), or NULL when it is not a
 * well-formed list of values. */
static GArray *
element_spans (const gchar *base,
               const gchar *p,
               const gchar *end)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));

  p = skip_space (p + 1, end);
  if (p < end && *p == ']')
    return g_steal_pointer (&spans);
  while (p < end)
    {
      const gchar *value_end = skip_value (p, end);
      Span span;

      if (value_end == NULL)
        return NULL;
      span.offset = p - base;
      span.len = value_end - p;
      g_array_append_val (spans, span);
      p = skip_space (value_end, end);
      if (p < end && *p == ']')
        return g_steal_pointer (&spans);
      if (p >= end || *p != ',')
        return NULL;
      p = skip_space (p + 1, end);
    }
  return NULL;
}

/* The skeleton: the document with each array and each string larger than
 * threshold bytes replaced by its marker. */
static GString *
skeleton (const gchar *data,
          gsize        len,
          gsize        threshold,
          GPtrArray   *lazy)
{
  const gchar *p = data;
  const gchar *end = data + len;
  GString *out = g_string_sized_new (MIN (len, 64 * 1024));

  while (p < end)
    {
      const gchar *stop;
      GArray *spans;

      if (*p == '"' && (stop = skip_string (p, end)) != NULL)
        {
          if ((gsize) (stop - p) > threshold)
            {
              /* The text between the quotes, escapes as written. */
              Span text = { p + 1 - data, stop - p - 2 };

              spans = g_array_new (FALSE, FALSE, sizeof (Span));
              g_array_append_val (spans, text);
              g_string_append_printf (out, "\"\\u0001mfa-lazy-text:%u\"", lazy->len);
              g_ptr_array_add (lazy, spans);
            }
          else
            g_string_append_len (out, p, stop - p);
          p = stop;
          continue;
        }
      if (*p != '[' || (stop = skip_value (p, end)) == NULL || (gsize) (stop - p) <= threshold
          || (spans = element_spans (data, p, end)) == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      g_string_append_printf (out, "[\"\\u0001mfa-lazy:%u\"]", lazy->len);
      g_ptr_array_add (lazy, spans);
      p = stop;
    }
  return out;
}

JsonNode *
mfa_import_parse_json_lazy (const MfaImportInput  *input,
                            GError               **error)
{
  g_autoptr(GString) text = NULL;
  JsonNode *root;

  if (input->state->lazy == NULL || input->len <= input->state->lazy_threshold)
    return mfa_import_parse_json (input->data, input->len, error);
  text = skeleton (input->data, input->len, input->state->lazy_threshold, input->state->lazy);
  root = mfa_import_parse_json (text->str, text->len, error);
  mfa_wipe (text->str, text->len);
  return root;
}

/* The spans a marker of the given kind names, or NULL when text is no
 * such marker. */
static GArray *
marked_spans (const MfaImportInput *input,
              const gchar          *text,
              const gchar          *kind)
{
  guint64 index;

  if (text == NULL || input->state->lazy == NULL || input->state->lazy->len == 0
      || !g_str_has_prefix (text, kind)
      || !g_ascii_string_to_unsigned (text + strlen (kind), 10, 0,
                                      input->state->lazy->len - 1, &index, NULL))
    return NULL;
  return g_ptr_array_index (input->state->lazy, index);
}

/* The spans of a lazy array, or NULL when list is a real one. */
static GArray *
lazy_spans (const MfaImportInput *input,
            JsonArray            *list)
{
  if (list == NULL || json_array_get_length (list) != 1)
    return NULL;
  return marked_spans (input, json_node_get_string (json_array_get_element (list, 0)),
                       LAZY_MARKER);
}

const gchar *
mfa_import_json_member_text (const MfaImportInput *input,
                             JsonObject           *object,
                             const gchar          *name,
                             gsize                *len)
{
  const gchar *text = mfa_json_member_string (object, name);
  GArray *spans = marked_spans (input, text, LAZY_TEXT_MARKER);

  /* A document may write a marker of its own: it names one of its own
   * places, never one outside it, but an elided list may have none. */
  if (spans != NULL && spans->len > 0)
    {
      const Span *span = &g_array_index (spans, Span, 0);

      *len = span->len;
      return input->data + span->offset;
    }
  *len = text != NULL ? strlen (text) : 0;
  return text;
}

guint
mfa_import_json_length (const MfaImportInput *input,
                        JsonArray            *list)
{
  GArray *spans = lazy_spans (input, list);

  return spans != NULL ? spans->len : json_array_get_length (list);
}

JsonNode *
mfa_import_json_element (const MfaImportInput  *input,
                         JsonArray             *list,
                         guint                  index,
                         JsonNode             **parsed,
                         GError               **error)
{
  GArray *spans = lazy_spans (input, list);
  const Span *span;

  *parsed = NULL;
  if (spans == NULL)
    return json_array_get_element (list, index);
  span = &g_array_index (spans, Span, index);
  *parsed = mfa_import_parse_json (input->data + span->offset, span->len, error);
  return *parsed;
}

gboolean
mfa_import_parse_decrypted (const MfaImportInput     *input,
                            const guint8             *plain,
                            gsize                     plain_len,
                            MfaImportDecryptedFunc    read,
                            GPtrArray                *entries,
                            GError                  **error)
{
  g_autoptr(GPtrArray) inner_lazy = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GPtrArray *outer_lazy = input->state->lazy;
  MfaImportInput inner = *input;
  JsonNode *root;
  gboolean ok;

  /* The decrypted text's places are its own, apart from the file's: a
   * marker in it can name none of the file's. */
  inner.data = (const gchar *) plain;
  inner.len = plain_len;
  input->state->lazy = inner_lazy;
  root = mfa_import_parse_json_lazy (&inner, error);
  inner.json = root;
  ok = root != NULL && read (&inner, root, entries, error);
  input->state->lazy = outer_lazy;
  if (root != NULL)
    mfa_import_json_free (root);
  return ok;
}
