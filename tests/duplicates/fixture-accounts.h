/* fixture-accounts.h: one set of accounts written in every export format,
 * as each app writes it, and encrypted as each app encrypts it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mfadiag.h"

G_BEGIN_DECLS

typedef struct
{
  const gchar  *issuer;     /* NULL: the entry records none */
  const gchar  *account;
  const gchar  *base32;
  MfaOtpType    type;
  MfaAlgorithm  algorithm;
  guint         digits;
  guint         period;
  guint64       counter;
} FixtureAccount;

/* TOTP with SHA-1, SHA-256 and SHA-512; 6, 7 and 8 digits; 20, 30, 50
 * and 60 s; HOTP; Steam; no issuer; names in Chinese and with accents. */
#define FIXTURE_N_ACCOUNTS 7
extern const FixtureAccount fixture_accounts[FIXTURE_N_ACCOUNTS];
#define fixture_n_accounts FIXTURE_N_ACCOUNTS
#define FIXTURE_PASSWORD "correct horse 电池 staple"

typedef enum
{
  FIXTURE_PLAIN,
  FIXTURE_ENCRYPTED,
  FIXTURE_ENCRYPTED_OLD,   /* andOTP before 0.6.3; Bitwarden with Argon2id */
} FixtureSealing;

/* Each returns the file's bytes (text or binary), of *len bytes. The
 * accounts a format cannot express are left out: see fixture_fits. */
typedef guint8 *(*FixtureAccountsWriter) (const FixtureAccount *accounts,
                                          guint                 n,
                                          FixtureSealing        sealing,
                                          gsize                *len);

guint8  *fixture_accounts_uri       (const FixtureAccount *accounts, guint n,
                                     FixtureSealing sealing, gsize *len);
guint8  *fixture_accounts_aegis     (const FixtureAccount *accounts, guint n,
                                     FixtureSealing sealing, gsize *len);
guint8  *fixture_accounts_andotp    (const FixtureAccount *accounts, guint n,
                                     FixtureSealing sealing, gsize *len);
guint8  *fixture_accounts_2fas      (const FixtureAccount *accounts, guint n,
                                     FixtureSealing sealing, gsize *len);
/* An andOTP backup in the old layout (IV first) sealed with FIXTURE_PASSWORD
 * under the 12-byte IV given. */
guint8  *fixture_andotp_old_with_iv (const FixtureAccount *accounts, guint n,
                                     const guint8 *iv, gsize *len);
/* A 2FAS backup sealed with FIXTURE_PASSWORD around any text. */
guint8  *fixture_2fas_sealing       (const gchar *services_text, gsize *len);
guint8  *fixture_accounts_freeotp_plus (const FixtureAccount *accounts, guint n,
                                        FixtureSealing sealing, gsize *len);
guint8  *fixture_accounts_bitwarden (const FixtureAccount *accounts, guint n,
                                     FixtureSealing sealing, gsize *len);
guint8  *fixture_accounts_bitwarden_csv (const FixtureAccount *accounts, guint n,
                                         FixtureSealing sealing, gsize *len);
guint8  *fixture_accounts_proton    (const FixtureAccount *accounts, guint n,
                                     FixtureSealing sealing, gsize *len);
guint8  *fixture_accounts_authenticator_pro (const FixtureAccount *accounts, guint n,
                                             FixtureSealing sealing, gsize *len);
guint8  *fixture_accounts_freeotp_xml (const FixtureAccount *accounts, guint n,
                                       FixtureSealing sealing, gsize *len);
guint8  *fixture_accounts_google    (const FixtureAccount *accounts, guint n,
                                     FixtureSealing sealing, gsize *len);

/* Whether a format can hold the account at all (Google Authenticator's
 * has no period, no 7 digits and no Steam; FreeOTP and FreeOTP+ have no
 * Steam; Authenticator Pro requires an issuer). */
gboolean fixture_fits (MfaImportFormat format, const FixtureAccount *account);

/* Every field of entry equals account's. */
void     fixture_assert_account (const MfaImportEntry *entry, const FixtureAccount *account);

G_END_DECLS
