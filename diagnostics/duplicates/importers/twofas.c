/* twofas.c: 2FAS Authenticator backups (.2fas)
 *
 * {"schemaVersion": 4, "services": [{"name": ISSUER, "secret": BASE32,
 *  "otp": {"account": ACCOUNT, "issuer": ISSUER, "digits": 6, "period": 30,
 *  "algorithm": "SHA1", "tokenType": "TOTP"}, "order": {"position": 0}}],
 *  "groups": []}
 * A password-protected backup has an empty "services" and the entries in
 * "servicesEncrypted": "CIPHERTEXT+TAG:SALT:IV", each base64, the list of
 * services as JSON sealed with AES-256-GCM under PBKDF2-HMAC-SHA-256
 * (password, salt, 10,000 iterations); "reference" holds a known text
 * sealed the same way, which the app uses to check the password.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "twofas"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "import-common.h"
#include "mfa-error.h"
#include "mfa-secret.h"
#include "vault-crypto.h"

#define TWOFAS_PBKDF2_ITERATIONS 10000

static gboolean
twofas_detect (const MfaImportInput *input)
{
  JsonObject *root = mfa_json_object (input->json);

  return mfa_json_has_member (root, "schemaVersion")
         && (mfa_json_has_member (root, "services")
             || mfa_json_has_member (root, "servicesEncrypted"));
}

static gboolean
twofas_parse_entry (const MfaImportInput  *input,
                    JsonObject            *service,
                    GPtrArray             *entries,
                    GError               **error)
{
  MfaImportEntry *entry = mfa_import_entry_new (input, entries);
  JsonObject *otp = mfa_json_member_object (service, "otp");
  const gchar *issuer = mfa_json_member_string (otp, "issuer");
  const gchar *account = mfa_json_member_string (otp, "account");
  const gchar *type = mfa_json_member_string (otp, "tokenType");

  /* 2FAS names a service with no issuer after its account: then there is
   * no issuer to record. */
  if (issuer == NULL || issuer[0] == '\0')
    issuer = mfa_json_member_string (service, "name");
  if (issuer != NULL && account != NULL && mfa_json_member_string (otp, "issuer") == NULL
      && g_strcmp0 (issuer, account) == 0)
    issuer = NULL;
  if (account == NULL)
    account = mfa_json_member_string (otp, "label");
  mfa_import_entry_set_names (entry, issuer, account);
  return mfa_import_take_params (entry, type, mfa_json_member_string (otp, "algorithm"),
                                 mfa_json_member_int (otp, "digits", 6),
                                 mfa_json_member_int (otp, "period", 30), error)
         && mfa_import_base32_secret (entry, mfa_json_member_string (service, "secret"), error);
}

/* The services' JSON text, decrypted, or NULL; the caller wipes and frees
 * it. The sealed text is read where it stands in the export (a large one
 * is never copied whole) and decoded in one buffer, freed before the text
 * is parsed. */
static guint8 *
twofas_decrypt (const MfaImportInput  *input,
                JsonObject            *root,
                gsize                 *plain_len,
                GError               **error)
{
  gsize text_len = 0, salt_len, iv_len;
  const gchar *text = mfa_import_json_member_text (input, root, "servicesEncrypted", &text_len);
  const gchar *iv_colon = text != NULL ? memrchr (text, ':', text_len) : NULL;
  const gchar *salt_colon = iv_colon != NULL ? memrchr (text, ':', iv_colon - text) : NULL;
  g_autofree guint8 *sealed = NULL, *salt = NULL, *iv = NULL;
  guint8 key[MFA_VAULT_KEY_SIZE];
  guint8 *plain;

  /* CIPHERTEXT+TAG:SALT:IV; a further colon is damage the decoder finds. */
  if (salt_colon == NULL)
    {
      mfa_import_fail (error, _("its “%s” is missing or damaged"), "servicesEncrypted");
      return NULL;
    }
  sealed = mfa_import_decode_base64_text (text, salt_colon - text, plain_len,
                                          "servicesEncrypted", error);
  salt = sealed ? mfa_import_decode_base64_text (salt_colon + 1, iv_colon - salt_colon - 1,
                                                 &salt_len, "servicesEncrypted", error)
                : NULL;
  iv = salt ? mfa_import_decode_base64_text (iv_colon + 1, text + text_len - iv_colon - 1,
                                             &iv_len, "servicesEncrypted", error)
            : NULL;
  if (iv == NULL)
    return NULL;
  if (*plain_len <= MFA_VAULT_TAG_SIZE)
    {
      mfa_import_fail (error, _("its “%s” is missing or damaged"), "servicesEncrypted");
      return NULL;
    }
  if (!mfa_vault_pbkdf2 (MFA_VAULT_SHA256, input->state->password, salt, salt_len,
                         TWOFAS_PBKDF2_ITERATIONS, key, error))
    return NULL;
  *plain_len -= MFA_VAULT_TAG_SIZE;
  plain = mfa_vault_gcm_open (key, iv, iv_len, sealed, *plain_len, sealed + *plain_len);
  mfa_wipe (key, sizeof key);
  if (plain == NULL)
    mfa_import_wrong_password (error);
  return plain;
}

static gboolean
twofas_read_services (const MfaImportInput  *input,
                      JsonNode              *services,
                      GPtrArray             *entries,
                      GError               **error)
{
  if (!JSON_NODE_HOLDS_ARRAY (services))
    return mfa_import_fail (error, _("this 2FAS backup has no list of services"));
  mfa_import_json_entries (input, json_node_get_array (services), twofas_parse_entry, entries);
  return TRUE;
}

static gboolean
twofas_parse (const MfaImportInput  *input,
              GPtrArray             *entries,
              GError               **error)
{
  JsonObject *root = mfa_json_object (input->json);
  JsonArray *services = mfa_json_member_array (root, "services");
  const gchar *encrypted = mfa_json_member_string (root, "servicesEncrypted");
  guint8 *plain;
  gsize plain_len = 0;
  gboolean ok;

  if (encrypted != NULL && encrypted[0] != '\0')
    {
      if (input->state->password == NULL)
        return mfa_import_need_password ("2FAS", error);
      plain = twofas_decrypt (input, root, &plain_len, error);
      if (plain == NULL)
        return FALSE;
      ok = mfa_import_parse_decrypted (input, plain, plain_len, twofas_read_services, entries,
                                       error);
      mfa_wipe (plain, plain_len);
      g_free (plain);
      return ok;
    }
  if (services == NULL)
    return mfa_import_fail (error, _("this 2FAS backup has no list of services"));
  mfa_import_json_entries (input, services, twofas_parse_entry, entries);
  return TRUE;
}

const MfaImporter mfa_importer_2fas = {
  MFA_IMPORT_2FAS, "2fas", "2FAS", twofas_detect, twofas_parse, FALSE,
  N_("2FAS backups (.2fas), with or without a password"),
};
