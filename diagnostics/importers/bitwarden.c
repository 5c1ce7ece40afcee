/* bitwarden.c: Bitwarden unencrypted JSON vault exports
 *
 * {"encrypted": false, "folders": [], "items": [{"type": 1, "name": NAME,
 *  "login": {"username": ACCOUNT, "totp": "otpauth://…" or BASE32}}]}
 * Only login items with a "totp" hold an authenticator entry. Encrypted
 * exports say "encrypted": true and carry everything in "data".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "import-common.h"
#include "mfa-error.h"

static gboolean
bitwarden_detect (const MfaImportInput *input)
{
  JsonObject *root = mfa_json_object (input->json);

  return mfa_json_has_member (root, "encrypted")
         && (mfa_json_has_member (root, "items") || mfa_json_has_member (root, "data"));
}

/* A URI keeps its own names; a bare key takes the item's name as issuer and
 * the login's user name as account, as Bitwarden shows them. */
static gboolean
bitwarden_parse_totp (MfaImportEntry  *entry,
                      JsonObject      *item,
                      const gchar     *totp,
                      GError         **error)
{
  JsonObject *login = mfa_json_member_object (item, "login");
  g_autoptr(MfaOtpauth) uri = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_ascii_strncasecmp (totp, "otpauth://", 10) != 0)
    {
      /* steam://KEY: Bitwarden makes Steam Guard codes from it. */
      if (g_ascii_strncasecmp (totp, "steam://", 8) == 0)
        {
          totp += 8;
          entry->type = MFA_OTP_TYPE_STEAM;
          entry->params = MFA_OTP_PARAMS_STEAM;
        }
      mfa_import_entry_set_names (entry, mfa_json_member_string (item, "name"),
                                  mfa_json_member_string (login, "username"));
      return mfa_import_base32_secret (entry, totp, error);
    }
  uri = mfa_otpauth_parse (totp, &local_error);
  if (uri == NULL)
    return mfa_import_fail (error, _("its otpauth:// URI is damaged: %s"), local_error->message);
  mfa_import_entry_set_names (entry,
                              uri->issuer != NULL ? uri->issuer
                                                  : mfa_json_member_string (item, "name"),
                              uri->account[0] != '\0'
                                ? uri->account : mfa_json_member_string (login, "username"));
  entry->type = uri->type;
  entry->params = uri->params;
  entry->secret = g_steal_pointer (&uri->secret);
  return TRUE;
}

/* Only login items with a key are authenticator entries. */
static gboolean
bitwarden_parse_item (const MfaImportInput  *input,
                      JsonObject            *item,
                      GPtrArray             *entries,
                      GError               **error)
{
  const gchar *totp = mfa_json_member_string (mfa_json_member_object (item, "login"), "totp");

  if (totp == NULL || totp[0] == '\0')
    return TRUE;
  return bitwarden_parse_totp (mfa_import_entry_new (input, entries), item, totp, error);
}

static gboolean
bitwarden_parse (const MfaImportInput  *input,
                 GPtrArray             *entries,
                 GError               **error)
{
  JsonObject *root = mfa_json_object (input->json);
  JsonNode *encrypted = json_object_get_member (root, "encrypted");
  JsonArray *items = mfa_json_member_array (root, "items");

  if (encrypted != NULL && JSON_NODE_HOLDS_VALUE (encrypted)
      && json_node_get_value_type (encrypted) == G_TYPE_BOOLEAN
      && json_node_get_boolean (encrypted))
    return mfa_import_refuse_encrypted (error, "Bitwarden",
                                        _("in Bitwarden, choose Tools → Export vault with the "
                                          "file format “.json”, not “.json (Encrypted)”"));
  if (items == NULL)
    return mfa_import_fail (error, _("this Bitwarden export has no list of items"));
  mfa_import_json_entries (input, items, bitwarden_parse_item, entries);
  return TRUE;
}

const MfaImporter mfa_importer_bitwarden = {
  MFA_IMPORT_BITWARDEN, "bitwarden", "Bitwarden", bitwarden_detect, bitwarden_parse,
};
