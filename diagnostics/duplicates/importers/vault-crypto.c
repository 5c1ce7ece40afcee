/* vault-crypto.c: key derivation and authenticated decryption for
 * encrypted exports, on nettle, libsodium and libargon2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vault-crypto"

#include "config.h"

#include <string.h>
#include <argon2.h>
#include <glib/gi18n-lib.h>
#include <nettle/aes.h>
#include <nettle/cbc.h>
#include <nettle/gcm.h>
#include <nettle/hkdf.h>
#include <nettle/hmac.h>
#include <nettle/memops.h>
#include <nettle/pbkdf2.h>
#include <nettle/sha2.h>
#include <sodium.h>

#include "mfa-error.h"
#include "mfa-secret.h"
#include "vault-crypto.h"

/* Far above what any app writes (Bitwarden's PBKDF2 default is 600,000;
 * Aegis's scrypt N is 2^15), far below what would hang the check. */
#define MAX_PBKDF2_ITERATIONS 10000000
#define MAX_KDF_MEMORY (1024 * 1024 * 1024)   /* bytes, scrypt and Argon2 */
#define MAX_ARGON2_ITERATIONS 100
#define MAX_PARALLELISM 16

static gboolean
refuse_settings (GError **error)
{
  g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT,
               _("the backup asks for password settings beyond any authenticator app's"));
  return FALSE;
}

gboolean
mfa_vault_pbkdf2 (MfaVaultHash   hash,
                  const gchar   *password,
                  const guint8  *salt,
                  gsize          salt_len,
                  guint64        iterations,
                  guint8         key[MFA_VAULT_KEY_SIZE],
                  GError       **error)
{
  if (iterations == 0 || iterations > MAX_PBKDF2_ITERATIONS)
    return refuse_settings (error);
  if (hash == MFA_VAULT_SHA1)
    pbkdf2_hmac_sha1 (strlen (password), (const guint8 *) password, iterations, salt_len, salt,
                      MFA_VAULT_KEY_SIZE, key);
  else
    pbkdf2_hmac_sha256 (strlen (password), (const guint8 *) password, iterations, salt_len,
                        salt, MFA_VAULT_KEY_SIZE, key);
  return TRUE;
}

gboolean
mfa_vault_scrypt (const gchar   *password,
                  const guint8  *salt,
                  gsize          salt_len,
                  guint64        n,
                  guint64        r,
                  guint64        p,
                  guint8         key[MFA_VAULT_KEY_SIZE],
                  GError       **error)
{
  /* N a power of two; scrypt's memory is 128 r N bytes (and 128 r p). */
  if (n < 2 || (n & (n - 1)) != 0 || r == 0 || p == 0 || p > MAX_PARALLELISM
      || r > MAX_KDF_MEMORY / 128 || n > MAX_KDF_MEMORY / (128 * r))
    return refuse_settings (error);
  if (sodium_init () < 0
      || crypto_pwhash_scryptsalsa208sha256_ll ((const guint8 *) password, strlen (password),
                                                salt, salt_len, n, r, p, key,
                                                MFA_VAULT_KEY_SIZE) != 0)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_FAILED,
                   _("there is not enough memory to open the backup"));
      return FALSE;
    }
  return TRUE;
}

gboolean
mfa_vault_argon2id (const gchar   *password,
                    const guint8  *salt,
                    gsize          salt_len,
                    guint64        iterations,
                    guint64        memory_kib,
                    guint64        parallelism,
                    guint8         key[MFA_VAULT_KEY_SIZE],
                    GError       **error)
{
  int status;

  if (iterations == 0 || iterations > MAX_ARGON2_ITERATIONS || parallelism == 0
      || parallelism > MAX_PARALLELISM || memory_kib < 8 * parallelism
      || memory_kib > MAX_KDF_MEMORY / 1024)
    return refuse_settings (error);
  status = argon2id_hash_raw (iterations, memory_kib, parallelism, password, strlen (password),
                              salt, salt_len, key, MFA_VAULT_KEY_SIZE);
  if (status != ARGON2_OK)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_FAILED, _("the backup cannot be opened: %s"),
                   argon2_error_message (status));
      return FALSE;
    }
  return TRUE;
}

void
mfa_vault_sha256 (const gchar *password,
                  guint8       key[MFA_VAULT_KEY_SIZE])
{
  struct sha256_ctx ctx;

  sha256_init (&ctx);
  sha256_update (&ctx, strlen (password), (const guint8 *) password);
  sha256_digest (&ctx, SHA256_DIGEST_SIZE, key);
  mfa_wipe (&ctx, sizeof ctx);
}

void
mfa_vault_hkdf_expand (const guint8  prk[MFA_VAULT_KEY_SIZE],
                       const gchar  *info,
                       guint8        out[MFA_VAULT_KEY_SIZE])
{
  struct hmac_sha256_ctx ctx;

  hmac_sha256_set_key (&ctx, MFA_VAULT_KEY_SIZE, prk);
  hkdf_expand (&ctx, (nettle_hash_update_func *) hmac_sha256_update,
               (nettle_hash_digest_func *) hmac_sha256_digest, SHA256_DIGEST_SIZE,
               strlen (info), (const guint8 *) info, MFA_VAULT_KEY_SIZE, out);
  mfa_wipe (&ctx, sizeof ctx);
}

static void
gcm_start (struct gcm_aes256_ctx *ctx,
           const guint8           key[MFA_VAULT_KEY_SIZE],
           const guint8          *nonce,
           gsize                  nonce_len)
{
  gcm_aes256_set_key (ctx, key);
  gcm_aes256_set_iv (ctx, nonce_len, nonce);
}

guint8 *
mfa_vault_gcm_open (const guint8  key[MFA_VAULT_KEY_SIZE],
                    const guint8 *nonce,
                    gsize         nonce_len,
                    const guint8 *data,
                    gsize         len,
                    const guint8  tag[MFA_VAULT_TAG_SIZE])
{
  struct gcm_aes256_ctx ctx;
  guint8 digest[GCM_DIGEST_SIZE];
  guint8 *plain = g_malloc (len + 1);
  gboolean good;

  gcm_start (&ctx, key, nonce, nonce_len);
  gcm_aes256_decrypt (&ctx, len, plain, data);
  gcm_aes256_digest (&ctx, sizeof digest, digest);
  good = memeql_sec (digest, tag, GCM_DIGEST_SIZE);
  mfa_wipe (&ctx, sizeof ctx);
  plain[len] = '\0';
  if (!good)
    {
      mfa_wipe (plain, len);
      g_free (plain);
      return NULL;
    }
  return plain;
}

guint8 *
mfa_vault_gcm_seal (const guint8  key[MFA_VAULT_KEY_SIZE],
                    const guint8 *nonce,
                    gsize         nonce_len,
                    const guint8 *data,
                    gsize         len,
                    guint8        tag[MFA_VAULT_TAG_SIZE])
{
  struct gcm_aes256_ctx ctx;
  guint8 *sealed = g_malloc (len + 1);

  gcm_start (&ctx, key, nonce, nonce_len);
  gcm_aes256_encrypt (&ctx, len, sealed, data);
  gcm_aes256_digest (&ctx, MFA_VAULT_TAG_SIZE, tag);
  mfa_wipe (&ctx, sizeof ctx);
  return sealed;
}

static void
cbc_mac (const guint8  mac_key[MFA_VAULT_KEY_SIZE],
         const guint8  iv[16],
         const guint8 *data,
         gsize         len,
         guint8        mac[32])
{
  struct hmac_sha256_ctx ctx;

  hmac_sha256_set_key (&ctx, MFA_VAULT_KEY_SIZE, mac_key);
  hmac_sha256_update (&ctx, 16, iv);
  hmac_sha256_update (&ctx, len, data);
  hmac_sha256_digest (&ctx, SHA256_DIGEST_SIZE, mac);
  mfa_wipe (&ctx, sizeof ctx);
}

guint8 *
mfa_vault_cbc_hmac_open (const guint8  enc_key[MFA_VAULT_KEY_SIZE],
                         const guint8  mac_key[MFA_VAULT_KEY_SIZE],
                         const guint8  iv[16],
                         const guint8 *data,
                         gsize         len,
                         const guint8  mac[32],
                         gsize        *out_len)
{
  struct CBC_CTX (struct aes256_ctx, AES_BLOCK_SIZE) ctx;
  guint8 expected[32];
  guint8 *plain;
  guint pad;

  cbc_mac (mac_key, iv, data, len, expected);
  if (!memeql_sec (expected, mac, sizeof expected) || len == 0 || len % AES_BLOCK_SIZE != 0)
    return NULL;
  plain = g_malloc (len + 1);
  aes256_set_decrypt_key (&ctx.ctx, enc_key);
  CBC_SET_IV (&ctx, iv);
  CBC_DECRYPT (&ctx, aes256_decrypt, len, plain, data);
  mfa_wipe (&ctx, sizeof ctx);
  pad = plain[len - 1];
  for (guint i = 1; pad >= 1 && pad <= AES_BLOCK_SIZE && i <= pad; i++)
    if (plain[len - i] != pad)
      pad = 0;
  if (pad < 1 || pad > AES_BLOCK_SIZE)
    {
      mfa_wipe (plain, len);
      g_free (plain);
      return NULL;
    }
  *out_len = len - pad;
  plain[*out_len] = '\0';
  return plain;
}

guint8 *
mfa_vault_cbc_hmac_seal (const guint8  enc_key[MFA_VAULT_KEY_SIZE],
                         const guint8  mac_key[MFA_VAULT_KEY_SIZE],
                         const guint8  iv[16],
                         const guint8 *data,
                         gsize         len,
                         guint8        mac[32],
                         gsize        *out_len)
{
  struct CBC_CTX (struct aes256_ctx, AES_BLOCK_SIZE) ctx;
  guint pad = AES_BLOCK_SIZE - len % AES_BLOCK_SIZE;
  guint8 *padded = g_malloc (len + pad);
  guint8 *sealed = g_malloc (len + pad);

  memcpy (padded, data, len);
  memset (padded + len, pad, pad);
  aes256_set_encrypt_key (&ctx.ctx, enc_key);
  CBC_SET_IV (&ctx, iv);
  CBC_ENCRYPT (&ctx, aes256_encrypt, len + pad, sealed, padded);
  mfa_wipe (&ctx, sizeof ctx);
  mfa_wipe (padded, len + pad);
  g_free (padded);
  *out_len = len + pad;
  cbc_mac (mac_key, iv, sealed, *out_len, mac);
  return sealed;
}
