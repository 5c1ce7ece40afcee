/* andotp.c: andOTP plain JSON backups
 *
 * A JSON array: [{"secret": BASE32, "issuer": ISSUER, "label": ACCOUNT,
 *  "digits": 6, "type": "TOTP", "algorithm": "SHA1", "period": 30,
 *  "thumbnail": "Default", "tags": []}]. Older versions wrote
 * "Issuer - account" or "Issuer:account" in the label and no issuer.
 * Encrypted andOTP backups (.json.aes) are binary: that JSON sealed with
 * AES-256-GCM, a 12-byte IV first and the 16-byte tag last. Since andOTP
 * 0.6.3 the file starts with the PBKDF2-HMAC-SHA1 iterations (4 bytes, big
 * endian) and a 12-byte salt, and the key is PBKDF2 (password, salt);
 * before, the key was SHA-256 of the password, and the IV came first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "andotp"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "import-common.h"
#include "mfa-error.h"
#include "mfa-secret.h"
#include "vault-crypto.h"

#define ANDOTP_IV_SIZE 12
#define ANDOTP_SALT_SIZE 12
#define ANDOTP_HEADER_SIZE (4 + ANDOTP_SALT_SIZE)

static gboolean
andotp_detect (const MfaImportInput *input)
{
  g_autoptr(MfaImportJson) parsed = NULL;
  JsonNode *first;
  JsonArray *list;

  if (input->json == NULL || !JSON_NODE_HOLDS_ARRAY (input->json))
    return FALSE;
  list = json_node_get_array (input->json);
  if (mfa_import_json_length (input, list) == 0)
    return TRUE;
  first = mfa_import_json_element (input, list, 0, &parsed, NULL);
  return mfa_json_has_member (mfa_json_object (first), "secret")
         && mfa_json_has_member (mfa_json_object (first), "label");
}

static gboolean
andotp_parse_entry (const MfaImportInput  *input,
                    JsonObject            *object,
                    GPtrArray             *entries,
                    GError               **error)
{
  MfaImportEntry *entry = mfa_import_entry_new (input, entries);
  const gchar *type = mfa_json_member_string (object, "type");

  mfa_import_entry_set_names (entry, mfa_json_member_string (object, "issuer"),
                              mfa_json_member_string (object, "label"));
  return mfa_import_take_params (entry, type, mfa_json_member_string (object, "algorithm"),
                                 mfa_json_member_int (object, "digits", 6),
                                 mfa_json_member_int (object, "period", 30), error)
         && mfa_import_base32_secret (entry, mfa_json_member_string (object, "secret"), error);
}

static gboolean
andotp_parse (const MfaImportInput  *input,
              GPtrArray             *entries,
              GError               **error)
{
  JsonArray *list;

  if (input->json == NULL || !JSON_NODE_HOLDS_ARRAY (input->json))
    return mfa_import_fail (error, _("an andOTP backup is a JSON list of entries"));
  list = json_node_get_array (input->json);
  mfa_import_json_entries (input, list, andotp_parse_entry, entries);
  return TRUE;
}

/* Opens AES-256-GCM data laid out as IV, ciphertext, tag. */
static guint8 *
open_sealed (const guint8  key[MFA_VAULT_KEY_SIZE],
             const guint8 *data,
             gsize         len,
             gsize        *plain_len)
{
  if (len < ANDOTP_IV_SIZE + MFA_VAULT_TAG_SIZE)
    return NULL;
  *plain_len = len - ANDOTP_IV_SIZE - MFA_VAULT_TAG_SIZE;
  return mfa_vault_gcm_open (key, data, ANDOTP_IV_SIZE, data + ANDOTP_IV_SIZE, *plain_len,
                             data + len - MFA_VAULT_TAG_SIZE);
}

/* The newer layout first, then the older; NULL: the password opens
 * neither (or the settings are refused, with error set). */
static guint8 *
andotp_decrypt (const guint8  *data,
                gsize          len,
                const gchar   *password,
                gsize         *plain_len,
                GError       **error)
{
  guint8 key[MFA_VAULT_KEY_SIZE];
  guint8 *plain = NULL;

  if (len > ANDOTP_HEADER_SIZE)
    {
      guint32 iterations;

      memcpy (&iterations, data, sizeof iterations);
      iterations = GUINT32_FROM_BE (iterations);

      /* Not plausible iterations: an old backup, whose IV is random. */
      if (iterations > 0 && iterations <= 10000000)
        {
          if (!mfa_vault_pbkdf2 (MFA_VAULT_SHA1, password, data + 4, ANDOTP_SALT_SIZE,
                                 iterations, key, error))
            return NULL;
          plain = open_sealed (key, data + ANDOTP_HEADER_SIZE, len - ANDOTP_HEADER_SIZE,
                               plain_len);
        }
    }
  if (plain == NULL)
    {
      mfa_vault_sha256 (password, key);
      plain = open_sealed (key, data, len, plain_len);
    }
  mfa_wipe (key, sizeof key);
  if (plain == NULL)
    mfa_import_wrong_password (error);
  return plain;
}

gboolean
mfa_andotp_parse_encrypted (const MfaImportInput  *input,
                            GPtrArray             *entries,
                            GError               **error)
{
  g_autoptr(MfaImportJson) json = NULL;
  guint8 *plain;
  gsize plain_len = 0;

  if (input->state->password == NULL)
    return mfa_import_need_password ("andOTP", error);
  plain = andotp_decrypt ((const guint8 *) input->data, input->len, input->state->password,
                          &plain_len, error);
  if (plain == NULL)
    return FALSE;
  json = mfa_import_parse_json ((const gchar *) plain, plain_len, error);
  mfa_wipe (plain, plain_len);
  g_free (plain);
  if (json == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (json))
    return mfa_import_fail (error, _("an andOTP backup is a JSON list of entries"));
  mfa_import_json_entries (input, json_node_get_array (json), andotp_parse_entry, entries);
  return TRUE;
}

const MfaImporter mfa_importer_andotp = {
  MFA_IMPORT_ANDOTP, "andotp", "andOTP", andotp_detect, andotp_parse, FALSE,
  N_("andOTP backups: plain (.json), or encrypted with a password (.json.aes)"),
};
