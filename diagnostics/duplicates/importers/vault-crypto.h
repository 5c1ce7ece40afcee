/* vault-crypto.h: the primitives encrypted exports are made with, from
 * nettle (PBKDF2, HKDF, AES-GCM, AES-CBC, HMAC), libsodium (scrypt) and
 * libargon2 (Argon2id); private to importers/
 *
 * Every key and plaintext these return is wiped by the caller
 * (mfa_wipe); the settings a file asks for are checked against limits
 * first, so a hostile file cannot make us spend unbounded time or memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MFA_VAULT_KEY_SIZE 32   /* AES-256 */
#define MFA_VAULT_TAG_SIZE 16   /* GCM */

typedef enum
{
  MFA_VAULT_SHA1,
  MFA_VAULT_SHA256,
} MfaVaultHash;

gboolean mfa_vault_pbkdf2   (MfaVaultHash   hash,
                             const gchar   *password,
                             const guint8  *salt,
                             gsize          salt_len,
                             guint64        iterations,
                             guint8         key[MFA_VAULT_KEY_SIZE],
                             GError       **error);
gboolean mfa_vault_scrypt   (const gchar   *password,
                             const guint8  *salt,
                             gsize          salt_len,
                             guint64        n,
                             guint64        r,
                             guint64        p,
                             guint8         key[MFA_VAULT_KEY_SIZE],
                             GError       **error);
gboolean mfa_vault_argon2id (const gchar   *password,
                             const guint8  *salt,
                             gsize          salt_len,
                             guint64        iterations,
                             guint64        memory_kib,
                             guint64        parallelism,
                             guint8         key[MFA_VAULT_KEY_SIZE],
                             GError       **error);
/* SHA-256 of the password (andOTP's old backups use it as the key). */
void     mfa_vault_sha256   (const gchar   *password,
                             guint8         key[MFA_VAULT_KEY_SIZE]);
/* HKDF-Expand with HMAC-SHA-256 (RFC 5869 section 2.3). */
void     mfa_vault_hkdf_expand (const guint8  prk[MFA_VAULT_KEY_SIZE],
                                const gchar  *info,
                                guint8        out[MFA_VAULT_KEY_SIZE]);

/* AES-256-GCM: the plaintext (len bytes, NUL-terminated for text), or
 * NULL when the tag does not match: a wrong key, or a damaged file. */
guint8  *mfa_vault_gcm_open (const guint8  key[MFA_VAULT_KEY_SIZE],
                             const guint8 *nonce,
                             gsize         nonce_len,
                             const guint8 *data,
                             gsize         len,
                             const guint8  tag[MFA_VAULT_TAG_SIZE]);
/* The sealing direction, for the tests' fixtures; data and the tag out. */
guint8  *mfa_vault_gcm_seal (const guint8  key[MFA_VAULT_KEY_SIZE],
                             const guint8 *nonce,
                             gsize         nonce_len,
                             const guint8 *data,
                             gsize         len,
                             guint8        tag[MFA_VAULT_TAG_SIZE]);
/* AES-256-CBC with PKCS#7 padding, authenticated first by HMAC-SHA-256 of
 * iv || data (Bitwarden's type 2 strings). NULL when the MAC does not
 * match or the padding is damaged; *out_len without the padding. */
guint8  *mfa_vault_cbc_hmac_open (const guint8  enc_key[MFA_VAULT_KEY_SIZE],
                                  const guint8  mac_key[MFA_VAULT_KEY_SIZE],
                                  const guint8  iv[16],
                                  const guint8 *data,
                                  gsize         len,
                                  const guint8  mac[32],
                                  gsize        *out_len);
guint8  *mfa_vault_cbc_hmac_seal (const guint8  enc_key[MFA_VAULT_KEY_SIZE],
                                  const guint8  mac_key[MFA_VAULT_KEY_SIZE],
                                  const guint8  iv[16],
                                  const guint8 *data,
                                  gsize         len,
                                  guint8        mac[32],
                                  gsize        *out_len);

G_END_DECLS
