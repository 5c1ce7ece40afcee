/* aegis.c: Aegis Authenticator vaults (plain JSON export)
 *
 * {"version": 1, "header": {"slots": null, "params": null},
 *  "db": {"version": 2, "entries": [{"type": "totp", "name": ACCOUNT,
 *   "issuer": ISSUER, "info": {"secret": BASE32, "algo": "SHA1",
 *   "digits": 6, "period": 30}}]}}
 * An encrypted vault has key slots in the header and the db, encrypted,
 * as base64: each password slot {"type": 1, "key": HEX, "key_params":
 * {"nonce": HEX, "tag": HEX}, "n": 32768, "r": 8, "p": 1, "salt": HEX}
 * holds the vault's 32-byte master key sealed with AES-256-GCM under
 * scrypt (password, salt); "params" {"nonce", "tag"} seal the db (the
 * JSON above) under the master key. See Aegis's docs/vault.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "aegis"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "import-common.h"
#include "mfa-error.h"
#include "mfa-secret.h"
#include "vault-crypto.h"

#define AEGIS_SLOT_PASSWORD 1
#define AEGIS_NONCE_SIZE 12

static gboolean
aegis_detect (const MfaImportInput *input)
{
  JsonObject *root = mfa_json_object (input->json);

  return mfa_json_has_member (root, "header") && mfa_json_has_member (root, "db");
}

static gboolean
aegis_parse_entry (const MfaImportInput  *input,
                   JsonObject            *object,
                   GPtrArray             *entries,
                   GError               **error)
{
  MfaImportEntry *entry = mfa_import_entry_new (input, entries);
  JsonObject *info = mfa_json_member_object (object, "info");
  const gchar *type = mfa_json_member_string (object, "type");

  if (info == NULL)
    return mfa_import_fail (error, _("it has no “info” with its key"));
  /* Yandex and mOTP entries make other codes; they are still bindings. */
  if (type != NULL && g_ascii_strcasecmp (type, "hotp") != 0
      && g_ascii_strcasecmp (type, "steam") != 0)
    type = "totp";
  mfa_import_entry_set_names (entry, mfa_json_member_string (object, "issuer"),
                              mfa_json_member_string (object, "name"));
  return mfa_import_take_params (entry, type, mfa_json_member_string (info, "algo"),
                                 mfa_json_member_int (info, "digits", 6),
                                 mfa_json_member_int (info, "period", 30), error)
         && mfa_import_base32_secret (entry, mfa_json_member_string (info, "secret"), error);
}

/* Opens one password slot: the master key, or NULL (wrong password, or a
 * damaged slot, with error set only for the latter). */
static guint8 *
open_slot (JsonObject   *slot,
           const gchar  *password,
           GError      **error)
{
  JsonObject *params = mfa_json_member_object (slot, "key_params");
  g_autofree guint8 *salt = NULL, *sealed = NULL, *nonce = NULL, *tag = NULL;
  guint8 derived[MFA_VAULT_KEY_SIZE];
  gsize salt_len, len;
  guint8 *master;

  salt = mfa_import_decode_hex (mfa_json_member_string (slot, "salt"), 0, &salt_len, "salt",
                                error);
  sealed = salt ? mfa_import_decode_hex (mfa_json_member_string (slot, "key"),
                                         MFA_VAULT_KEY_SIZE, &len, "key", error) : NULL;
  nonce = sealed ? mfa_import_decode_hex (mfa_json_member_string (params, "nonce"),
                                          AEGIS_NONCE_SIZE, &len, "nonce", error) : NULL;
  tag = nonce ? mfa_import_decode_hex (mfa_json_member_string (params, "tag"),
                                       MFA_VAULT_TAG_SIZE, &len, "tag", error) : NULL;
  if (tag == NULL
      || !mfa_vault_scrypt (password, salt, salt_len, mfa_json_member_int (slot, "n", 0),
                            mfa_json_member_int (slot, "r", 0), mfa_json_member_int (slot, "p", 0),
                            derived, error))
    return NULL;
  master = mfa_vault_gcm_open (derived, nonce, AEGIS_NONCE_SIZE, sealed, MFA_VAULT_KEY_SIZE, tag);
  mfa_wipe (derived, sizeof derived);
  return master;
}

static guint8 *
aegis_master_key (JsonArray    *slots,
                  const gchar  *password,
                  GError      **error)
{
  gboolean has_password_slot = FALSE;

  for (guint i = 0; i < json_array_get_length (slots); i++)
    {
      JsonObject *slot = mfa_json_object (json_array_get_element (slots, i));
      guint8 *master;

      if (mfa_json_member_int (slot, "type", -1) != AEGIS_SLOT_PASSWORD)
        continue;
      has_password_slot = TRUE;
      master = open_slot (slot, password, error);
      if (master != NULL || (error != NULL && *error != NULL))
        return master;
    }
  if (!has_password_slot)
    mfa_import_fail (error, _("this Aegis vault has no password slot: it can only be unlocked "
                              "on the phone that made it"));
  else
    mfa_import_wrong_password (error);
  return NULL;
}

/* The db's JSON text, decrypted, or NULL; the caller wipes and frees it.
 * The sealed db is read where it stands in the export and decoded in one
 * buffer, freed before the text is parsed: a 100 MB vault is held about
 * twice, never as a json-glib tree. */
static guint8 *
aegis_decrypt (const MfaImportInput  *input,
               JsonObject            *root,
               gsize                 *plain_len,
               GError               **error)
{
  JsonObject *header = mfa_json_member_object (root, "header");
  JsonObject *params = mfa_json_member_object (header, "params");
  g_autofree guint8 *sealed = NULL, *nonce = NULL, *tag = NULL;
  guint8 *master = NULL;
  guint8 *plain = NULL;
  const gchar *db_text;
  gsize len, db_len;

  db_text = mfa_import_json_member_text (input, root, "db", &db_len);
  sealed = mfa_import_decode_base64_text (db_text, db_len, plain_len, "db", error);
  nonce = sealed ? mfa_import_decode_hex (mfa_json_member_string (params, "nonce"),
                                          AEGIS_NONCE_SIZE, &len, "nonce", error) : NULL;
  tag = nonce ? mfa_import_decode_hex (mfa_json_member_string (params, "tag"),
                                       MFA_VAULT_TAG_SIZE, &len, "tag", error) : NULL;
  if (tag != NULL)
    master = aegis_master_key (mfa_json_member_array (header, "slots"), input->state->password,
                               error);
  if (master == NULL)
    return NULL;
  plain = mfa_vault_gcm_open (master, nonce, AEGIS_NONCE_SIZE, sealed, *plain_len, tag);
  mfa_wipe (master, MFA_VAULT_KEY_SIZE);
  g_free (master);
  if (plain == NULL)
    mfa_import_fail (error, _("the password is right, but the vault's contents are damaged"));
  return plain;
}

static gboolean
aegis_parse_db (const MfaImportInput  *input,
                JsonObject            *db,
                GPtrArray             *entries,
                GError               **error)
{
  JsonArray *list = mfa_json_member_array (db, "entries");

  if (list == NULL)
    return mfa_import_fail (error, _("this Aegis vault has no list of entries"));
  mfa_import_json_entries (input, list, aegis_parse_entry, entries);
  return TRUE;
}

static gboolean
aegis_read_decrypted (const MfaImportInput  *input,
                      JsonNode              *db,
                      GPtrArray             *entries,
                      GError               **error)
{
  return aegis_parse_db (input, mfa_json_object (db), entries, error);
}

static gboolean
aegis_parse (const MfaImportInput  *input,
             GPtrArray             *entries,
             GError               **error)
{
  JsonObject *root = mfa_json_object (input->json);
  guint8 *plain;
  gsize plain_len = 0;
  gboolean ok;

  if (mfa_json_member_string (root, "db") == NULL)
    return aegis_parse_db (input, mfa_json_member_object (root, "db"), entries, error);
  if (input->state->password == NULL)
    return mfa_import_need_password ("Aegis", error);
  plain = aegis_decrypt (input, root, &plain_len, error);
  if (plain == NULL)
    return FALSE;
  ok = mfa_import_parse_decrypted (input, plain, plain_len, aegis_read_decrypted, entries, error);
  mfa_wipe (plain, plain_len);
  g_free (plain);
  return ok;
}

const MfaImporter mfa_importer_aegis = {
  MFA_IMPORT_AEGIS, "aegis", "Aegis", aegis_detect, aegis_parse, FALSE,
  N_("the vault Aegis exports (.json), plain or encrypted"),
};
