/* fuzz-json-lazy.c: libFuzzer target for the lazy JSON reader of large
 * exports (json-lazy.c), which the importer targets never reach: it starts
 * at 1 MiB, above their input size. Here the first byte chooses how large
 * "large" is (0–255 bytes), the rest is the document; every list is walked
 * element by element and every string read where it stands, as the
 * importers read them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mfadiag.h"
#include "duplicates/importers/import-common.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void walk (const MfaImportInput *input, JsonNode *node, guint depth);

static void
walk_object (const MfaImportInput *input,
             JsonObject           *object,
             guint                 depth)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *member = json_object_get_member (object, l->data);
      gboolean is_string = JSON_NODE_HOLDS_VALUE (member)
                           && json_node_get_value_type (member) == G_TYPE_STRING;
      gsize len = 0;
      const gchar *text = mfa_import_json_member_text (input, object, l->data, &len);

      /* A string member reads as text, elided or not, inside the document
       * or the parsed tree; any other member as none. */
      g_assert ((text != NULL) == is_string);
      if (text != NULL && text >= input->data && text < input->data + input->len)
        g_assert (len <= (gsize) (input->data + input->len - text));
      walk (input, member, depth + 1);
    }
}

static void
walk (const MfaImportInput *input,
      JsonNode             *node,
      guint                 depth)
{
  /* The parser refuses documents nested deeper than its limit. */
  g_assert (depth <= 2 * 64 + 2);

  if (JSON_NODE_HOLDS_OBJECT (node))
    walk_object (input, json_node_get_object (node), depth);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *list = json_node_get_array (node);
      guint n = mfa_import_json_length (input, list);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MfaImportJson) parsed = NULL;
          g_autoptr(GError) error = NULL;
          JsonNode *element = mfa_import_json_element (input, list, i, &parsed, &error);

          g_assert ((element == NULL) != (error == NULL));
          if (element != NULL)
            walk (input, element, depth + 1);
        }
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) skipped =
    g_ptr_array_new_with_free_func ((GDestroyNotify) mfa_import_skip_free);
  g_autoptr(GPtrArray) lazy = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(MfaImportJson) root = NULL;
  g_autoptr(GError) error = NULL;
  MfaImportState state = { NULL, skipped, NULL, 0, 0, lazy, 0 };
  MfaImportInput input = { "fuzz", NULL, 0, NULL, &state };
  g_autofree gchar *text = NULL;

  if (size < 1)
    return 0;
  state.lazy_threshold = data[0];
  /* Exports are text: the readers are given NUL-terminated copies. */
  text = g_strndup ((const gchar *) data + 1, size - 1);
  input.data = text;
  input.len = strlen (text);

  root = mfa_import_parse_json_lazy (&input, &error);
  g_assert ((root == NULL) != (error == NULL));
  if (root != NULL)
    walk (&input, root, 0);
  return 0;
}
