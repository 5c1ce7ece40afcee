/* freeotp.c: FreeOTP+ JSON exports
 *
 * {"tokenOrder": ["Issuer:account"], "tokens": [{"algo": "SHA1",
 *  "counter": 0, "digits": 6, "issuerExt": ISSUER, "label": ACCOUNT,
 *  "period": 30, "secret": [-12, 34, ...], "type": "TOTP"}]}
 * The key is a list of Java bytes: signed, -128 to 127.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "base32.h"
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

static gboolean
freeotp_parse_entry (const MfaImportInput  *input,
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
  mfa_import_json_entries (input, tokens, freeotp_parse_entry, entries);
  return TRUE;
}

const MfaImporter mfa_importer_freeotp_plus = {
  MFA_IMPORT_FREEOTP_PLUS, "freeotp-plus", "FreeOTP+", freeotp_detect, freeotp_parse,
};
