/* bitwarden.c: Bitwarden unencrypted JSON vault exports
 *
 * {"encrypted": false, "folders": [], "items": [{"type": 1, "name": NAME,
 *  "login": {"username": ACCOUNT, "totp": "otpauth://…" or BASE32}}]}
 * Only login items with a "totp" hold an authenticator entry. Encrypted
 * exports say "encrypted": true and carry everything in "data". A
 * password-protected one adds "passwordProtected": true, "salt" (text),
 * "kdfType" (0 PBKDF2-SHA-256, 1 Argon2id), "kdfIterations", "kdfMemory"
 * (MiB) and "kdfParallelism"; the KDF's key, stretched with HKDF-Expand
 * into an encryption and a MAC key ("enc", "mac"), opens "data" and
 * "encKeyValidation_DO_NOT_EDIT", both type 2 strings "2.IV|DATA|MAC"
 * (AES-256-CBC, HMAC-SHA-256, base64). Argon2id salts with the SHA-256 of
 * the salt text. An account-restricted export is sealed with the account's
 * own key, which only Bitwarden has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bitwarden"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "import-common.h"
#include "mfa-error.h"
#include "mfa-secret.h"
#include "vault-crypto.h"

#define BITWARDEN_KDF_PBKDF2 0
#define BITWARDEN_KDF_ARGON2ID 1

static gboolean
bitwarden_detect (const MfaImportInput *input)
{
  JsonObject *root = mfa_json_object (input->json);

  return mfa_json_has_member (root, "encrypted")
         && (mfa_json_has_member (root, "items") || mfa_json_has_member (root, "data"));
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
  /* A bare key takes the item's name and the login's user name, as
   * Bitwarden shows them. */
  return mfa_import_take_key_text (mfa_import_entry_new (input, entries), totp,
                                   mfa_json_member_string (item, "name"),
                                   mfa_json_member_string (mfa_json_member_object (item, "login"),
                                                           "username"),
                                   error);
}

typedef struct
{
  guint8 enc[MFA_VAULT_KEY_SIZE];
  guint8 mac[MFA_VAULT_KEY_SIZE];
} StretchedKey;

static gboolean
derive_key (JsonObject    *root,
            const gchar   *password,
            StretchedKey  *keys,
            GError       **error)
{
  const gchar *salt = mfa_json_member_string (root, "salt");
  gint64 kdf = mfa_json_member_int (root, "kdfType", BITWARDEN_KDF_PBKDF2);
  gint64 iterations = mfa_json_member_int (root, "kdfIterations", 0);
  guint8 key[MFA_VAULT_KEY_SIZE];
  gboolean ok;

  if (salt == NULL || iterations <= 0)
    return mfa_import_fail (error, _("its “%s” is missing or damaged"), "salt");
  if (kdf == BITWARDEN_KDF_PBKDF2)
    ok = mfa_vault_pbkdf2 (MFA_VAULT_SHA256, password, (const guint8 *) salt, strlen (salt),
                           iterations, key, error);
  else if (kdf == BITWARDEN_KDF_ARGON2ID)
    {
      gint64 memory = mfa_json_member_int (root, "kdfMemory", 0);
      guint8 salt_hash[MFA_VAULT_KEY_SIZE];

      mfa_vault_sha256 (salt, salt_hash);
      ok = memory > 0 && memory <= G_MAXINT32 / 1024
           && mfa_vault_argon2id (password, salt_hash, sizeof salt_hash, iterations,
                                  memory * 1024, mfa_json_member_int (root, "kdfParallelism", 0),
                                  key, error);
      if (!ok && error != NULL && *error == NULL)
        mfa_import_fail (error, _("its “%s” is missing or damaged"), "kdfMemory");
    }
  else
    return mfa_import_fail (error, _("it uses a key derivation this tool does not know "
                                     "(number %lld)"), (long long) kdf);
  if (ok)
    {
      mfa_vault_hkdf_expand (key, "enc", keys->enc);
      mfa_vault_hkdf_expand (key, "mac", keys->mac);
    }
  mfa_wipe (key, sizeof key);
  return ok;
}

/* A type 2 string opened: NULL when the keys do not open it (wrong
 * password), or, with error set, when it is damaged. */
static guint8 *
open_enc_string (const StretchedKey  *keys,
                 const gchar         *text,
                 gsize                text_len,
                 const gchar         *field,
                 gsize               *len,
                 GError             **error)
{
  const gchar *end = text + text_len;
  const gchar *first = NULL, *second = NULL;
  g_autofree guint8 *iv = NULL, *data = NULL, *mac = NULL;
  gsize iv_len = 0, data_len = 0, mac_len = 0;

  /* "2.IV|DATA|MAC", each base64; read where it stands, for "data" may be
   * the whole vault. */
  if (text != NULL && text_len > 2 && memcmp (text, "2.", 2) == 0)
    first = memchr (text + 2, '|', end - text - 2);
  if (first != NULL)
    second = memchr (first + 1, '|', end - first - 1);
  if (second == NULL || memchr (second + 1, '|', end - second - 1) != NULL)
    {
      mfa_import_fail (error, _("its “%s” is missing or damaged"), field);
      return NULL;
    }
  iv = mfa_import_decode_base64_text (text + 2, first - text - 2, &iv_len, field, error);
  data = iv ? mfa_import_decode_base64_text (first + 1, second - first - 1, &data_len, field,
                                             error)
            : NULL;
  mac = data ? mfa_import_decode_base64_text (second + 1, end - second - 1, &mac_len, field,
                                              error)
             : NULL;
  if (mac == NULL)
    return NULL;
  if (iv_len != 16 || mac_len != 32)
    {
      mfa_import_fail (error, _("its “%s” is missing or damaged"), field);
      return NULL;
    }
  return mfa_vault_cbc_hmac_open (keys->enc, keys->mac, iv, data, data_len, mac, len);
}

/* The export inside as JSON text, decrypted, or NULL; the caller wipes and
 * frees it. */
static guint8 *
bitwarden_decrypt (const MfaImportInput  *input,
                   JsonObject            *root,
                   gsize                 *plain_len,
                   GError               **error)
{
  StretchedKey keys;
  guint8 *check;
  guint8 *plain = NULL;
  const gchar *text;
  gsize text_len, len = 0;

  if (!derive_key (root, input->state->password, &keys, error))
    return NULL;
  text = mfa_import_json_member_text (input, root, "encKeyValidation_DO_NOT_EDIT", &text_len);
  check = open_enc_string (&keys, text, text_len, "encKeyValidation_DO_NOT_EDIT", &len, error);
  if (check == NULL && error != NULL && *error == NULL)
    mfa_import_wrong_password (error);
  if (check != NULL)
    {
      mfa_wipe (check, len);
      g_free (check);
      text = mfa_import_json_member_text (input, root, "data", &text_len);
      plain = open_enc_string (&keys, text, text_len, "data", plain_len, error);
      if (plain == NULL && error != NULL && *error == NULL)
        mfa_import_fail (error, _("the password is right, but the export's data are damaged"));
    }
  mfa_wipe (&keys, sizeof keys);
  return plain;
}

static gboolean
bitwarden_parse_items (const MfaImportInput  *input,
                       JsonObject            *root,
                       GPtrArray             *entries,
                       GError               **error)
{
  JsonArray *items = mfa_json_member_array (root, "items");

  if (items == NULL)
    return mfa_import_fail (error, _("this Bitwarden export has no list of items"));
  mfa_import_json_entries (input, items, bitwarden_parse_item, entries);
  return TRUE;
}

static gboolean
bitwarden_read_decrypted (const MfaImportInput  *input,
                          JsonNode              *inner,
                          GPtrArray             *entries,
                          GError               **error)
{
  return bitwarden_parse_items (input, mfa_json_object (inner), entries, error);
}

static gboolean
bitwarden_parse (const MfaImportInput  *input,
                 GPtrArray             *entries,
                 GError               **error)
{
  JsonObject *root = mfa_json_object (input->json);
  JsonNode *encrypted = mfa_json_member (root, "encrypted");
  guint8 *plain;
  gsize plain_len = 0;
  gboolean ok;

  if (encrypted == NULL || !JSON_NODE_HOLDS_VALUE (encrypted)
      || json_node_get_value_type (encrypted) != G_TYPE_BOOLEAN
      || !json_node_get_boolean (encrypted))
    return bitwarden_parse_items (input, root, entries, error);
  if (!json_object_get_boolean_member_with_default (root, "passwordProtected", FALSE))
    return mfa_import_refuse_encrypted (error, "Bitwarden",
                                        _("this export is sealed with your account's own key. "
                                          "In Bitwarden, export again as “.json (Encrypted)” "
                                          "with the type “Password protected”, or as “.json”"));
  if (input->state->password == NULL)
    return mfa_import_need_password ("Bitwarden", error);
  plain = bitwarden_decrypt (input, root, &plain_len, error);
  if (plain == NULL)
    return FALSE;
  ok = mfa_import_parse_decrypted (input, plain, plain_len, bitwarden_read_decrypted, entries,
                                   error);
  mfa_wipe (plain, plain_len);
  g_free (plain);
  return ok;
}

const MfaImporter mfa_importer_bitwarden = {
  MFA_IMPORT_BITWARDEN, "bitwarden", "Bitwarden", bitwarden_detect, bitwarden_parse, FALSE,
  N_("Bitwarden’s “.json” export, or “.json (Encrypted)” with a password"),
};
