/* freeotp.c: FreeOTP+ JSON exports, and FreeOTP's own tokens.xml
 *
 * {"tokenOrder": ["Issuer:account"], "tokens": [{"algo": "SHA1",
 *  "counter": 0, "digits": 6, "issuerExt": ISSUER, "label": ACCOUNT,
 *  "period": 30, "secret": [-12, 34, ...], "type": "TOTP"}]}
 * The key is a list of Java bytes: signed, -128 to 127.
 *
 * FreeOTP keeps the same tokens in its shared preferences, tokens.xml (what
 * a rooted phone or an adb backup yields; FreeOTP has no plain export):
 * <map><string name="tokenOrder">["Issuer:account"]</string>
 *  <string name="Issuer:account">{TOKEN JSON}</string></map>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "freeotp"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "code/base32.h"
#include "import-common.h"
#include "mfa-error.h"
#include "mfa-secret.h"

static gboolean
freeotp_detect (const MfaImportInput *input)
{
  JsonObject *root = mfa_json_object (input->json);

  return mfa_json_member_array (root, "tokens") != NULL
         && mfa_json_has_member (root, "tokenOrder");
}

static gboolean
freeotp_secret (MfaImportEntry  *entry,
                JsonArray       *bytes,
                GError         **error)
{
  guint len = bytes != NULL ? json_array_get_length (bytes) : 0;
  guint8 *key;

  if (len == 0 || len > MFA_BASE32_MAX_KEY_BYTES)
    return mfa_import_fail (error, _("it has no key, or one of an impossible length"));
  key = g_malloc (len);
  for (guint i = 0; i < len; i++)
    {
      JsonNode *node = json_array_get_element (bytes, i);
      gint64 value = JSON_NODE_HOLDS_VALUE (node)
                     && json_node_get_value_type (node) == G_TYPE_INT64
                       ? json_node_get_int (node) : G_MAXINT64;

      if (value < -128 || value > 255)
        {
          mfa_wipe (key, len);
          g_free (key);
          return mfa_import_fail (error, _("its key is damaged: byte %u is not a number from "
                                           "-128 to 127"),
                                  i + 1);
        }
      key[i] = (guint8) (value & 0xff);
    }
  entry->secret = mfa_secret_new_take (key, len);
  return TRUE;
}

gboolean
mfa_freeotp_parse_token (const MfaImportInput  *input,
                         JsonObject            *token,
                         GPtrArray             *entries,
                         GError               **error)
{
  MfaImportEntry *entry = mfa_import_entry_new (input, entries);
  const gchar *issuer = mfa_json_member_string (token, "issuerExt");

  if (issuer == NULL || issuer[0] == '\0')
    issuer = mfa_json_member_string (token, "issuerInt");
  mfa_import_entry_set_names (entry, issuer, mfa_json_member_string (token, "label"));
  return mfa_import_take_params (entry, mfa_json_member_string (token, "type"),
                                 mfa_json_member_string (token, "algo"),
                                 mfa_json_member_int (token, "digits", 6),
                                 mfa_json_member_int (token, "period", 30), error)
         && freeotp_secret (entry, mfa_json_member_array (token, "secret"), error);
}

static gboolean
freeotp_parse (const MfaImportInput  *input,
               GPtrArray             *entries,
               GError               **error)
{
  JsonArray *tokens = mfa_json_member_array (mfa_json_object (input->json), "tokens");

  if (tokens == NULL)
    return mfa_import_fail (error, _("this FreeOTP+ export has no list of tokens"));
  mfa_import_json_entries (input, tokens, mfa_freeotp_parse_token, entries);
  return TRUE;
}

const MfaImporter mfa_importer_freeotp_plus = {
  MFA_IMPORT_FREEOTP_PLUS, "freeotp-plus", "FreeOTP+", freeotp_detect, freeotp_parse, FALSE,
  N_("FreeOTP+ exports (.json)"),
};

/* ---- tokens.xml ------------------------------------------------------ */

typedef struct
{
  gchar   *name;    /* of the <string> being read */
  GString *text;
  GPtrArray *names; /* in document order */
  GHashTable *values; /* name → JSON text */
} XmlState;

static void
xml_start (GMarkupParseContext  *context,
           const gchar          *element,
           const gchar         **attribute_names,
           const gchar         **attribute_values,
           gpointer              user_data,
           GError              **error)
{
  XmlState *state = user_data;

  if (!g_str_equal (element, "string"))
    return;
  g_clear_pointer (&state->name, g_free);
  for (guint i = 0; attribute_names[i] != NULL; i++)
    if (g_str_equal (attribute_names[i], "name"))
      {
        /* GMarkup lets an attribute repeat: the last one counts. */
        g_free (state->name);
        state->name = g_strdup (attribute_values[i]);
      }
  g_string_truncate (state->text, 0);
}

static void
xml_text (GMarkupParseContext  *context,
          const gchar          *text,
          gsize                 len,
          gpointer              user_data,
          GError              **error)
{
  XmlState *state = user_data;

  if (state->name != NULL)
    g_string_append_len (state->text, text, len);
}

static void
xml_end (GMarkupParseContext  *context,
         const gchar          *element,
         gpointer              user_data,
         GError              **error)
{
  XmlState *state = user_data;

  if (!g_str_equal (element, "string") || state->name == NULL)
    return;
  if (!g_hash_table_contains (state->values, state->name))
    g_ptr_array_add (state->names, g_strdup (state->name));
  g_hash_table_replace (state->values, g_steal_pointer (&state->name),
                        g_strndup (state->text->str, state->text->len));
  mfa_wipe (state->text->str, state->text->len);
}

static void
xml_state_clear (XmlState *state)
{
  g_free (state->name);
  mfa_wipe (state->text->str, state->text->allocated_len);
  g_string_free (state->text, TRUE);
  g_ptr_array_unref (state->names);
  g_hash_table_unref (state->values);
}

static gboolean
freeotp_xml_detect (const MfaImportInput *input)
{
  return input->json == NULL && mfa_import_first_line_is (input, "<?xml")
         && g_strstr_len (input->data, MIN (input->len, 4096), "tokenOrder") != NULL;
}

/* Each token's JSON, in the order tokenOrder gives (then any others). */
static void
parse_tokens (const MfaImportInput *input,
              XmlState             *state,
              GPtrArray            *entries)
{
  for (guint i = 0; i < state->names->len; i++)
    {
      const gchar *name = g_ptr_array_index (state->names, i);
      const gchar *text = g_hash_table_lookup (state->values, name);
      g_autoptr(MfaImportJson) token = NULL;
      GError *error = NULL;
      guint keep = entries->len;

      if (g_str_equal (name, "tokenOrder"))
        continue;
      input->state->next_index = keep;
      token = mfa_import_parse_json (text, strlen (text), &error);
      if (token != NULL && mfa_json_object (token) == NULL)
        mfa_import_fail (&error, _("it is not an object"));
      if (error == NULL)
        mfa_freeotp_parse_token (input, mfa_json_object (token), entries, &error);
      if (error != NULL)
        mfa_import_skip (input, entries, keep, MFA_IMPORT_AT_ENTRY, i, error);
    }
}

static gboolean
freeotp_xml_parse (const MfaImportInput  *input,
                   GPtrArray             *entries,
                   GError               **error)
{
  static const GMarkupParser parser = { xml_start, xml_end, xml_text, NULL, NULL };
  XmlState state = { NULL, g_string_new (NULL), g_ptr_array_new_with_free_func (g_free),
                     g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) mfa_free_string) };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  /* FreeOTP+ exports are read here too: --format freeotp meant them. */
  if (input->json != NULL)
    return freeotp_parse (input, entries, error);
  context = g_markup_parse_context_new (&parser, 0, &state, NULL);
  ok = g_markup_parse_context_parse (context, input->data, input->len, &local_error)
       && g_markup_parse_context_end_parse (context, &local_error);
  if (!ok)
    mfa_import_fail (error, _("the file looks like FreeOTP’s tokens.xml but is damaged: %s"),
                     local_error->message);
  else if (!g_hash_table_contains (state.values, "tokenOrder"))
    ok = mfa_import_fail (error, _("this is no FreeOTP tokens.xml: it has no token order"));
  else
    parse_tokens (input, &state, entries);
  xml_state_clear (&state);
  return ok;
}

const MfaImporter mfa_importer_freeotp = {
  MFA_IMPORT_FREEOTP, "freeotp", "FreeOTP", freeotp_xml_detect, freeotp_xml_parse, TRUE,
  N_("FreeOTP’s tokens.xml (FreeOTP has no export; its encrypted backups are named, not read); "
     "also reads FreeOTP+ exports, as it did before freeotp-plus"),
};
