/* fixture-accounts.c: one set of accounts in every export format, written
 * from each app's published layout (and its own source where there is no
 * document), encrypted with the same primitives the apps use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fixture-accounts.h"
#include "fixtures.h"
#include "duplicates/importers/vault-crypto.h"

const FixtureAccount fixture_accounts[FIXTURE_N_ACCOUNTS] = {
  { "GitHub", "alice@example.com", "JBSWY3DPEHPK3PXP", MFA_OTP_TYPE_TOTP,
    MFA_ALGORITHM_SHA1, 6, 30, 0 },
  { "阿里云", "张三", "GEZDGNBVGY3TQOJQ", MFA_OTP_TYPE_TOTP, MFA_ALGORITHM_SHA256, 7, 20, 0 },
  { "Proton", "bob", "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U", MFA_OTP_TYPE_TOTP,
    MFA_ALGORITHM_SHA512, 8, 60, 0 },
  { "Banque Crédit", "Zoë", "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA", MFA_OTP_TYPE_TOTP,
    MFA_ALGORITHM_SHA1, 8, 50, 0 },
  { "Example", "dave", "GAYTEMZUGU3DOOBZGAYTEMZUGU3DOOBZ", MFA_OTP_TYPE_HOTP,
    MFA_ALGORITHM_SHA1, 6, 30, 5 },
  { "Steam", "gaben", "STEAMSTEAMSTEAM2", MFA_OTP_TYPE_STEAM, MFA_ALGORITHM_SHA1, 5, 30, 0 },
  { NULL, "Mason", "MASONMASONMASON2", MFA_OTP_TYPE_TOTP, MFA_ALGORITHM_SHA1, 6, 30, 0 },
};

static const gchar *
type_upper (MfaOtpType type)
{
  return type == MFA_OTP_TYPE_HOTP ? "HOTP" : type == MFA_OTP_TYPE_STEAM ? "STEAM" : "TOTP";
}

static guint8 *
take_text (gchar *text,
           gsize *len)
{
  *len = strlen (text);
  return (guint8 *) text;
}

static gchar *
builder_text (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

static void
member_string (JsonBuilder *builder,
               const gchar *name,
               const gchar *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
member_int (JsonBuilder *builder,
            const gchar *name,
            gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static guint8 *
random_bytes (gsize len)
{
  guint8 *bytes = g_malloc (len);

  for (gsize i = 0; i < len; i++)
    bytes[i] = g_random_int_range (0, 256);
  return bytes;
}

static gchar *
hex (const guint8 *data,
     gsize         len)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < len; i++)
    g_string_append_printf (out, "%02x", data[i]);
  return g_string_free (out, FALSE);
}

gboolean
fixture_fits (MfaImportFormat       format,
              const FixtureAccount *account)
{
  if (format == MFA_IMPORT_GOOGLE)
    return account->type != MFA_OTP_TYPE_STEAM && account->period == 30
           && (account->digits == 6 || account->digits == 8);
  if (format == MFA_IMPORT_FREEOTP_PLUS || format == MFA_IMPORT_FREEOTP)
    return account->type != MFA_OTP_TYPE_STEAM;
  if (format == MFA_IMPORT_AUTHENTICATOR_PRO)
    return account->issuer != NULL;
  return TRUE;
}

/* ---- otpauth:// (Aegis, Ente, Authenticator Pro text exports) ------- */

static gchar *
account_uri (const FixtureAccount *account)
{
  g_autofree gchar *name = g_uri_escape_string (account->account, NULL, FALSE);
  GString *out = g_string_new ("otpauth://");

  g_string_append_printf (out, "%s/", mfa_otp_type_to_string (account->type));
  if (account->issuer != NULL)
    {
      g_autofree gchar *issuer = g_uri_escape_string (account->issuer, NULL, FALSE);

      g_string_append_printf (out, "%s:%s?secret=%s&issuer=%s", issuer, name, account->base32,
                              issuer);
    }
  else
    g_string_append_printf (out, "%s?secret=%s", name, account->base32);
  g_string_append_printf (out, "&algorithm=%s&digits=%u",
                          mfa_algorithm_to_string (account->algorithm), account->digits);
  if (account->type == MFA_OTP_TYPE_HOTP)
    g_string_append_printf (out, "&counter=%" G_GUINT64_FORMAT, account->counter);
  else
    g_string_append_printf (out, "&period=%u", account->period);
  return g_string_free (out, FALSE);
}

guint8 *
fixture_accounts_uri (const FixtureAccount *accounts,
                      guint                 n,
                      FixtureSealing        sealing,
                      gsize                *len)
{
  GString *out = g_string_new ("# otpauth:// list\n");

  for (guint i = 0; i < n; i++)
    {
      g_autofree gchar *uri = account_uri (&accounts[i]);

      g_string_append_printf (out, "%s\n", uri);
    }
  return take_text (g_string_free (out, FALSE), len);
}

static gchar *
key_text (const FixtureAccount *account)
{
  return account->type == MFA_OTP_TYPE_STEAM ? g_strconcat ("steam://", account->base32, NULL)
                                             : account_uri (account);
}

/* ---- Aegis (docs/vault.md) ----------------------------------------- */

static gchar *
aegis_db (const FixtureAccount *accounts,
          guint                 n)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  member_int (builder, "version", 3);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      const FixtureAccount *account = &accounts[i];
      g_autofree gchar *uuid = g_strdup_printf ("01234567-89ab-4def-8123-%012u", i);
      g_autofree gchar *type = g_ascii_strdown (type_upper (account->type), -1);

      json_builder_begin_object (builder);
      member_string (builder, "type", type);
      member_string (builder, "uuid", uuid);
      member_string (builder, "name", account->account);
      member_string (builder, "issuer", account->issuer != NULL ? account->issuer : "");
      member_string (builder, "note", "");
      json_builder_set_member_name (builder, "favorite");
      json_builder_add_boolean_value (builder, FALSE);
      json_builder_set_member_name (builder, "icon");
      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "info");
      json_builder_begin_object (builder);
      member_string (builder, "secret", account->base32);
      member_string (builder, "algo", mfa_algorithm_to_string (account->algorithm));
      member_int (builder, "digits", account->digits);
      if (account->type == MFA_OTP_TYPE_HOTP)
        member_int (builder, "counter", account->counter);
      else
        member_int (builder, "period", account->period);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "groups");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return builder_text (builder);
}

static void
nonce_and_tag (JsonBuilder  *builder,
               const guint8 *nonce,
               const guint8 *tag)
{
  g_autofree gchar *nonce_hex = hex (nonce, 12);
  g_autofree gchar *tag_hex = hex (tag, MFA_VAULT_TAG_SIZE);

  json_builder_begin_object (builder);
  member_string (builder, "nonce", nonce_hex);
  member_string (builder, "tag", tag_hex);
  json_builder_end_object (builder);
}

/* A password slot sealing the master key under scrypt (N 2^15, r 8, p 1,
 * Aegis's own settings), and the db sealed under the master key. */
static gchar *
aegis_encrypted (const gchar *db)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree guint8 *master = random_bytes (MFA_VAULT_KEY_SIZE);
  g_autofree guint8 *salt = random_bytes (32);
  g_autofree guint8 *slot_nonce = random_bytes (12);
  g_autofree guint8 *db_nonce = random_bytes (12);
  g_autofree guint8 *sealed_key = NULL, *sealed_db = NULL;
  g_autofree gchar *salt_hex = hex (salt, 32), *key_hex = NULL, *db_base64 = NULL;
  guint8 derived[MFA_VAULT_KEY_SIZE], slot_tag[16], db_tag[16];

  g_assert_true (mfa_vault_scrypt (FIXTURE_PASSWORD, salt, 32, 32768, 8, 1, derived, NULL));
  sealed_key = mfa_vault_gcm_seal (derived, slot_nonce, 12, master, MFA_VAULT_KEY_SIZE,
                                   slot_tag);
  sealed_db = mfa_vault_gcm_seal (master, db_nonce, 12, (const guint8 *) db, strlen (db), db_tag);
  key_hex = hex (sealed_key, MFA_VAULT_KEY_SIZE);
  db_base64 = g_base64_encode (sealed_db, strlen (db));

  json_builder_begin_object (builder);
  member_int (builder, "version", 1);
  json_builder_set_member_name (builder, "header");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "slots");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  member_int (builder, "type", 1);
  member_string (builder, "uuid", "a8325752-c1be-458a-9b3e-5e0a8154d9ec");
  member_string (builder, "key", key_hex);
  json_builder_set_member_name (builder, "key_params");
  nonce_and_tag (builder, slot_nonce, slot_tag);
  member_int (builder, "n", 32768);
  member_int (builder, "r", 8);
  member_int (builder, "p", 1);
  member_string (builder, "salt", salt_hex);
  json_builder_set_member_name (builder, "repaired");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "is_backup");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "params");
  nonce_and_tag (builder, db_nonce, db_tag);
  json_builder_end_object (builder);
  member_string (builder, "db", db_base64);
  json_builder_end_object (builder);
  return builder_text (builder);
}

guint8 *
fixture_accounts_aegis (const FixtureAccount *accounts,
                        guint                 n,
                        FixtureSealing        sealing,
                        gsize                *len)
{
  g_autofree gchar *db = aegis_db (accounts, n);

  if (sealing != FIXTURE_PLAIN)
    return take_text (aegis_encrypted (db), len);
  return take_text (g_strdup_printf ("{\"version\": 1, \"header\": {\"slots\": null, "
                                     "\"params\": null}, \"db\": %s}", db), len);
}

/* ---- andOTP (BackupHelper.java, EncryptionHelper.java) -------------- */

static gchar *
andotp_json (const FixtureAccount *accounts,
             guint                 n)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      const FixtureAccount *account = &accounts[i];

      json_builder_begin_object (builder);
      member_string (builder, "secret", account->base32);
      member_string (builder, "issuer", account->issuer != NULL ? account->issuer : "");
      member_string (builder, "label", account->account);
      member_int (builder, "digits", account->digits);
      member_string (builder, "type", type_upper (account->type));
      member_string (builder, "algorithm", mfa_algorithm_to_string (account->algorithm));
      member_string (builder, "thumbnail", "Default");
      member_int (builder, "last_used", 1700000000000);
      member_int (builder, "used_frequency", 0);
      if (account->type == MFA_OTP_TYPE_HOTP)
        member_int (builder, "counter", account->counter);
      else
        member_int (builder, "period", account->period);
      json_builder_set_member_name (builder, "tags");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return builder_text (builder);
}

/* New layout: iterations (big endian), salt, IV, ciphertext, tag, the key
 * PBKDF2-HMAC-SHA1; old: IV, ciphertext, tag, the key SHA-256. A random IV
 * unless one is given. */
static guint8 *
andotp_encrypted (const gchar    *json,
                  FixtureSealing  sealing,
                  const guint8   *iv_given,
                  gsize          *len)
{
  gsize plain_len = strlen (json);
  gboolean old = sealing == FIXTURE_ENCRYPTED_OLD;
  gsize header = old ? 0 : 16;
  guint8 *out = g_malloc (header + 12 + plain_len + 16);
  guint8 key[MFA_VAULT_KEY_SIZE];
  g_autofree guint8 *iv = iv_given != NULL ? g_memdup2 (iv_given, 12) : random_bytes (12);
  g_autofree guint8 *sealed = NULL;
  guint32 iterations = GUINT32_TO_BE (4321);

  if (old)
    mfa_vault_sha256 (FIXTURE_PASSWORD, key);
  else
    {
      g_autofree guint8 *salt = random_bytes (12);

      memcpy (out, &iterations, 4);
      memcpy (out + 4, salt, 12);
      g_assert_true (mfa_vault_pbkdf2 (MFA_VAULT_SHA1, FIXTURE_PASSWORD, salt, 12, 4321, key,
                                       NULL));
    }
  memcpy (out + header, iv, 12);
  sealed = mfa_vault_gcm_seal (key, iv, 12, (const guint8 *) json, plain_len,
                               out + header + 12 + plain_len);
  memcpy (out + header + 12, sealed, plain_len);
  *len = header + 12 + plain_len + 16;
  return out;
}

guint8 *
fixture_accounts_andotp (const FixtureAccount *accounts,
                         guint                 n,
                         FixtureSealing        sealing,
                         gsize                *len)
{
  g_autofree gchar *json = andotp_json (accounts, n);

  if (sealing != FIXTURE_PLAIN)
    return andotp_encrypted (json, sealing, NULL, len);
  return take_text (g_steal_pointer (&json), len);
}

guint8 *
fixture_andotp_old_with_iv (const FixtureAccount *accounts,
                            guint                 n,
                            const guint8         *iv,
                            gsize                *len)
{
  g_autofree gchar *json = andotp_json (accounts, n);

  return andotp_encrypted (json, FIXTURE_ENCRYPTED_OLD, iv, len);
}

/* ---- 2FAS (schema 4) ------------------------------------------------ */

static void
twofas_service (JsonBuilder          *builder,
                const FixtureAccount *account,
                guint                 position)
{
  json_builder_begin_object (builder);
  /* With no issuer, 2FAS names the service after the account. */
  member_string (builder, "name", account->issuer != NULL ? account->issuer : account->account);
  member_string (builder, "secret", account->base32);
  member_int (builder, "updatedAt", 1700000000000);
  json_builder_set_member_name (builder, "otp");
  json_builder_begin_object (builder);
  member_string (builder, "label", account->account);
  member_string (builder, "account", account->account);
  if (account->issuer != NULL)
    member_string (builder, "issuer", account->issuer);
  member_int (builder, "digits", account->digits);
  member_int (builder, "period", account->period);
  member_string (builder, "algorithm", mfa_algorithm_to_string (account->algorithm));
  member_int (builder, "counter", account->counter);
  member_string (builder, "tokenType", type_upper (account->type));
  member_string (builder, "source", "Link");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "order");
  json_builder_begin_object (builder);
  member_int (builder, "position", position);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* base64 (ciphertext and tag) ":" base64 (salt) ":" base64 (IV). */
static gchar *
twofas_seal (const gchar  *text,
             const guint8 *key,
             const guint8 *salt)
{
  gsize len = strlen (text);
  g_autofree guint8 *iv = random_bytes (12);
  g_autofree guint8 *sealed = NULL;
  g_autofree guint8 *joined = g_malloc (len + 16);
  g_autofree gchar *a = NULL, *b = NULL, *c = NULL;

  sealed = mfa_vault_gcm_seal (key, iv, 12, (const guint8 *) text, len, joined + len);
  memcpy (joined, sealed, len);
  a = g_base64_encode (joined, len + 16);
  b = g_base64_encode (salt, 256);
  c = g_base64_encode (iv, 12);
  return g_strdup_printf ("%s:%s:%s", a, b, c);
}

guint8 *
fixture_accounts_2fas (const FixtureAccount *accounts,
                       guint                 n,
                       FixtureSealing        sealing,
                       gsize                *len)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonBuilder) services = json_builder_new ();

  json_builder_begin_array (services);
  for (guint i = 0; i < n; i++)
    twofas_service (services, &accounts[i], i);
  json_builder_end_array (services);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "services");
  if (sealing == FIXTURE_PLAIN)
    json_builder_add_value (builder, json_builder_get_root (services));
  else
    {
      g_autofree gchar *list = builder_text (services);
      g_autofree guint8 *salt = random_bytes (256);
      g_autofree gchar *sealed = NULL, *reference = NULL;
      guint8 key[MFA_VAULT_KEY_SIZE];

      g_assert_true (mfa_vault_pbkdf2 (MFA_VAULT_SHA256, FIXTURE_PASSWORD, salt, 256, 10000,
                                       key, NULL));
      sealed = twofas_seal (list, key, salt);
      reference = twofas_seal ("a known text the app checks the password with", key, salt);
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
      member_string (builder, "servicesEncrypted", sealed);
      member_string (builder, "reference", reference);
    }
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  member_int (builder, "updatedAt", 1700000000000);
  member_int (builder, "schemaVersion", 4);
  member_int (builder, "appVersionCode", 5000011);
  member_string (builder, "appVersionName", "5.0.11");
  member_string (builder, "appOrigin", "android");
  json_builder_end_object (builder);
  return take_text (builder_text (builder), len);
}

/* A 2FAS backup whose sealed services are any text, as a hostile or
 * damaged file may hold: the reader must refuse what it decrypts to. */
guint8 *
fixture_2fas_sealing (const gchar *services_text,
                      gsize       *len)
{
  g_autofree guint8 *salt = random_bytes (256);
  g_autofree gchar *sealed = NULL;
  guint8 key[MFA_VAULT_KEY_SIZE];

  g_assert_true (mfa_vault_pbkdf2 (MFA_VAULT_SHA256, FIXTURE_PASSWORD, salt, 256, 10000, key,
                                   NULL));
  sealed = twofas_seal (services_text, key, salt);
  return take_text (g_strdup_printf ("{\"services\": [], \"groups\": [], \"schemaVersion\": 4, "
                                     "\"servicesEncrypted\": \"%s\"}", sealed), len);
}

/* ---- FreeOTP+ and FreeOTP ------------------------------------------- */

static void
freeotp_token (JsonBuilder          *builder,
               const FixtureAccount *account)
{
  g_autoptr(MfaSecret) key = mfa_base32_decode (account->base32, NULL);

  json_builder_begin_object (builder);
  member_string (builder, "algo", mfa_algorithm_to_string (account->algorithm));
  member_int (builder, "counter", account->counter);
  member_int (builder, "digits", account->digits);
  member_string (builder, "issuerExt", account->issuer != NULL ? account->issuer : "");
  member_string (builder, "issuerInt", account->issuer != NULL ? account->issuer : "");
  member_string (builder, "label", account->account);
  member_int (builder, "period", account->period);
  json_builder_set_member_name (builder, "secret");
  json_builder_begin_array (builder);
  for (gsize b = 0; b < key->len; b++)
    json_builder_add_int_value (builder, (gint8) key->data[b]);
  json_builder_end_array (builder);
  member_string (builder, "type", type_upper (account->type));
  json_builder_end_object (builder);
}

static gchar *
freeotp_id (const FixtureAccount *account)
{
  return g_strdup_printf ("%s:%s", account->issuer != NULL ? account->issuer : "",
                          account->account);
}

/* FreeOTP's shared preferences: each token's JSON as XML text. */
guint8 *
fixture_accounts_freeotp_xml (const FixtureAccount *accounts,
                              guint                 n,
                              FixtureSealing        sealing,
                              gsize                *len)
{
  GString *out = g_string_new ("<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n"
                               "<map>\n");
  g_autoptr(JsonBuilder) order = json_builder_new ();
  g_autofree gchar *order_text = NULL, *order_xml = NULL;

  json_builder_begin_array (order);
  for (guint i = 0; i < n; i++)
    {
      g_autofree gchar *id = freeotp_id (&accounts[i]);
      g_autoptr(JsonBuilder) token = json_builder_new ();
      g_autofree gchar *json = NULL, *id_xml = NULL, *json_xml = NULL;

      if (!fixture_fits (MFA_IMPORT_FREEOTP, &accounts[i]))
        continue;
      json_builder_add_string_value (order, id);
      freeotp_token (token, &accounts[i]);
      json = builder_text (token);
      id_xml = g_markup_escape_text (id, -1);
      json_xml = g_markup_escape_text (json, -1);
      g_string_append_printf (out, "    <string name=\"%s\">%s</string>\n", id_xml, json_xml);
    }
  json_builder_end_array (order);
  order_text = builder_text (order);
  order_xml = g_markup_escape_text (order_text, -1);
  g_string_append_printf (out, "    <string name=\"tokenOrder\">%s</string>\n</map>\n",
                          order_xml);
  return take_text (g_string_free (out, FALSE), len);
}

guint8 *
fixture_accounts_freeotp_plus (const FixtureAccount *accounts,
                               guint                 n,
                               FixtureSealing        sealing,
                               gsize                *len)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "tokenOrder");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autofree gchar *id = NULL;

      if (!fixture_fits (MFA_IMPORT_FREEOTP_PLUS, &accounts[i]))
        continue;
      id = freeotp_id (&accounts[i]);

      json_builder_add_string_value (builder, id);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "tokens");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      if (!fixture_fits (MFA_IMPORT_FREEOTP_PLUS, &accounts[i]))
        continue;
      freeotp_token (builder, &accounts[i]);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return take_text (builder_text (builder), len);
}

/* ---- Bitwarden ------------------------------------------------------ */

static gchar *
bitwarden_plain (const FixtureAccount *accounts,
                 guint                 n)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "encrypted");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "folders");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      const FixtureAccount *account = &accounts[i];
      g_autofree gchar *totp = key_text (account);

      json_builder_begin_object (builder);
      member_string (builder, "id", "2c54e9f4-cf3b-4bb5-9a9e-b0b6010e3a2f");
      member_int (builder, "type", 1);
      member_string (builder, "name", account->issuer != NULL ? account->issuer
                                                              : account->account);
      json_builder_set_member_name (builder, "login");
      json_builder_begin_object (builder);
      member_string (builder, "username", account->account);
      member_string (builder, "password", "not a key");
      member_string (builder, "totp", totp);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return builder_text (builder);
}

static gchar *
enc_string (const guint8 *enc,
            const guint8 *mac,
            const gchar  *text)
{
  g_autofree guint8 *iv = random_bytes (16);
  g_autofree guint8 *sealed = NULL;
  g_autofree gchar *iv64 = NULL, *data64 = NULL, *mac64 = NULL;
  guint8 tag[32];
  gsize len;

  sealed = mfa_vault_cbc_hmac_seal (enc, mac, iv, (const guint8 *) text, strlen (text), tag,
                                    &len);
  iv64 = g_base64_encode (iv, 16);
  data64 = g_base64_encode (sealed, len);
  mac64 = g_base64_encode (tag, 32);
  return g_strdup_printf ("2.%s|%s|%s", iv64, data64, mac64);
}

/* Password protected: PBKDF2-SHA-256 (or Argon2id, Bitwarden's defaults
 * 3 iterations, 64 MiB, 4 lanes), stretched with HKDF into two keys. */
static gchar *
bitwarden_encrypted (const gchar *inner,
                     gboolean     argon2)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const gchar *salt = "pZ3ee2DcMtm1d0HTcmHbcQ==";
  g_autofree gchar *validation = NULL, *data = NULL;
  guint8 key[MFA_VAULT_KEY_SIZE], enc[MFA_VAULT_KEY_SIZE], mac[MFA_VAULT_KEY_SIZE];

  if (argon2)
    {
      guint8 salt_hash[MFA_VAULT_KEY_SIZE];

      mfa_vault_sha256 (salt, salt_hash);
      g_assert_true (mfa_vault_argon2id (FIXTURE_PASSWORD, salt_hash, 32, 3, 64 * 1024, 4, key,
                                         NULL));
    }
  else
    g_assert_true (mfa_vault_pbkdf2 (MFA_VAULT_SHA256, FIXTURE_PASSWORD, (const guint8 *) salt,
                                     strlen (salt), 100000, key, NULL));
  mfa_vault_hkdf_expand (key, "enc", enc);
  mfa_vault_hkdf_expand (key, "mac", mac);
  validation = enc_string (enc, mac, "8f5a7d4e-7a9e-4c2d-9b1e-6b1a2f3c4d5e");
  data = enc_string (enc, mac, inner);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "encrypted");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "passwordProtected");
  json_builder_add_boolean_value (builder, TRUE);
  member_string (builder, "salt", salt);
  member_int (builder, "kdfType", argon2 ? 1 : 0);
  member_int (builder, "kdfIterations", argon2 ? 3 : 100000);
  if (argon2)
    {
      member_int (builder, "kdfMemory", 64);
      member_int (builder, "kdfParallelism", 4);
    }
  member_string (builder, "encKeyValidation_DO_NOT_EDIT", validation);
  member_string (builder, "data", data);
  json_builder_end_object (builder);
  return builder_text (builder);
}

guint8 *
fixture_accounts_bitwarden (const FixtureAccount *accounts,
                            guint                 n,
                            FixtureSealing        sealing,
                            gsize                *len)
{
  g_autofree gchar *plain = bitwarden_plain (accounts, n);

  if (sealing != FIXTURE_PLAIN)
    return take_text (bitwarden_encrypted (plain, sealing == FIXTURE_ENCRYPTED_OLD), len);
  return take_text (g_steal_pointer (&plain), len);
}

static void
csv_field (GString     *out,
           const gchar *text)
{
  g_autofree gchar *doubled = NULL;
  g_auto(GStrv) parts = g_strsplit (text, "\"", -1);

  doubled = g_strjoinv ("\"\"", parts);
  g_string_append_printf (out, "\"%s\"", doubled);
}

/* Bitwarden's CSV: every field quoted when it must be; a note with a comma,
 * a quote and a line break; a login without a key. */
guint8 *
fixture_accounts_bitwarden_csv (const FixtureAccount *accounts,
                                guint                 n,
                                FixtureSealing        sealing,
                                gsize                *len)
{
  GString *out = g_string_new ("folder,favorite,type,name,notes,fields,reprompt,login_uri,"
                               "login_username,login_password,login_totp\n"
                               ",,login,Mail,,,0,https://mail.example,carol,hunter2,\n");

  for (guint i = 0; i < n; i++)
    {
      g_autofree gchar *totp = key_text (&accounts[i]);

      g_string_append (out, "Work,1,login,");
      csv_field (out, accounts[i].issuer != NULL ? accounts[i].issuer : accounts[i].account);
      g_string_append_c (out, ',');
      csv_field (out, "note, with \"quotes\"\nand a second line");
      g_string_append (out, ",,0,https://example.com,");
      csv_field (out, accounts[i].account);
      g_string_append (out, ",not-a-key,");
      csv_field (out, totp);
      g_string_append (out, "\r\n");
    }
  return take_text (g_string_free (out, FALSE), len);
}

guint8 *
fixture_accounts_proton (const FixtureAccount *accounts,
                         guint                 n,
                         FixtureSealing        sealing,
                         gsize                *len)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  member_int (builder, "version", 1);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      const FixtureAccount *account = &accounts[i];
      g_autofree gchar *uri = key_text (account);
      g_autofree gchar *id = g_strdup_printf ("01JZ%022u", i);

      json_builder_begin_object (builder);
      member_string (builder, "id", id);
      json_builder_set_member_name (builder, "content");
      json_builder_begin_object (builder);
      member_string (builder, "uri", uri);
      member_string (builder, "entry_type",
                     account->type == MFA_OTP_TYPE_STEAM ? "Steam" : "Totp");
      member_string (builder, "name", account->account);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "note");
      json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return take_text (builder_text (builder), len);
}

guint8 *
fixture_accounts_authenticator_pro (const FixtureAccount *accounts,
                                    guint                 n,
                                    FixtureSealing        sealing,
                                    gsize                *len)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Authenticators");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      const FixtureAccount *account = &accounts[i];
      gint type = account->type == MFA_OTP_TYPE_HOTP ? 1
                  : account->type == MFA_OTP_TYPE_STEAM ? 4 : 2;

      if (!fixture_fits (MFA_IMPORT_AUTHENTICATOR_PRO, account))
        continue;
      json_builder_begin_object (builder);
      member_int (builder, "Type", type);
      member_string (builder, "Icon", "default");
      member_string (builder, "Issuer", account->issuer);
      member_string (builder, "Username", account->account);
      member_string (builder, "Secret", account->base32);
      json_builder_set_member_name (builder, "Pin");
      json_builder_add_null_value (builder);
      member_int (builder, "Algorithm", account->algorithm);
      member_int (builder, "Digits", account->digits);
      member_int (builder, "Period", account->period);
      member_int (builder, "Counter", account->counter);
      member_int (builder, "Ranking", i);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "Categories");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "AuthenticatorCategories");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "CustomIcons");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return take_text (builder_text (builder), len);
}

/* ---- Google Authenticator ------------------------------------------- */

guint8 *
fixture_accounts_google (const FixtureAccount *accounts,
                         guint                 n,
                         FixtureSealing        sealing,
                         gsize                *len)
{
  g_autoptr(GByteArray) payload = g_byte_array_new ();
  g_autofree gchar *base64 = NULL, *escaped = NULL;

  for (guint i = 0; i < n; i++)
    {
      const FixtureAccount *account = &accounts[i];
      g_autoptr(GByteArray) otp = g_byte_array_new ();
      g_autoptr(MfaSecret) key = mfa_base32_decode (account->base32, NULL);
      g_autofree gchar *name = account->issuer != NULL
                                 ? g_strdup_printf ("%s:%s", account->issuer, account->account)
                                 : g_strdup (account->account);

      if (!fixture_fits (MFA_IMPORT_GOOGLE, account))
        continue;
      pb_bytes (otp, 1, key->data, key->len);
      pb_bytes (otp, 2, (const guint8 *) name, strlen (name));
      if (account->issuer != NULL)
        pb_bytes (otp, 3, (const guint8 *) account->issuer, strlen (account->issuer));
      pb_varint (otp, 4 << 3);
      pb_varint (otp, account->algorithm + 1);
      pb_varint (otp, 5 << 3);
      pb_varint (otp, account->digits == 8 ? 2 : 1);
      pb_varint (otp, 6 << 3);
      pb_varint (otp, account->type == MFA_OTP_TYPE_HOTP ? 1 : 2);
      if (account->type == MFA_OTP_TYPE_HOTP)
        {
          pb_varint (otp, 7 << 3);
          pb_varint (otp, account->counter);
        }
      pb_bytes (payload, 1, otp->data, otp->len);
    }
  pb_varint (payload, 2 << 3);
  pb_varint (payload, 1);
  base64 = g_base64_encode (payload->data, payload->len);
  escaped = g_uri_escape_string (base64, NULL, FALSE);
  return take_text (g_strdup_printf ("otpauth-migration://offline?data=%s\n", escaped), len);
}

/* ---- checking ------------------------------------------------------- */

void
fixture_assert_account (const MfaImportEntry *entry,
                        const FixtureAccount *account)
{
  g_autoptr(MfaSecret) key = mfa_base32_decode (account->base32, NULL);

  g_assert_cmpstr (entry->issuer, ==, account->issuer);
  g_assert_cmpstr (entry->account, ==, account->account);
  g_assert_cmpmem (entry->secret->data, entry->secret->len, key->data, key->len);
  g_assert_cmpint (entry->type, ==, account->type);
  g_assert_cmpint (entry->params.algorithm, ==, account->algorithm);
  g_assert_cmpuint (entry->params.digits, ==, account->digits);
  g_assert_cmpuint (entry->params.period, ==, account->period);
}
