/* authenticator-pro.c: Authenticator Pro's plain backups (.authpro, JSON)
 *
 * {"Authenticators": [{"Type": 2, "Icon": "google", "Issuer": ISSUER,
 *  "Username": ACCOUNT, "Secret": BASE32, "Algorithm": 0, "Digits": 6,
 *  "Period": 30, "Counter": 0, "Ranking": 0}], "Categories": [],
 *  "AuthenticatorCategories": [], "CustomIcons": []}
 * Type 1 HOTP, 2 TOTP, 3 mOTP, 4 Steam, 5 Yandex; Algorithm 0 SHA-1,
 * 1 SHA-256, 2 SHA-512 (the app's doc/BACKUP_FORMAT.md). Encrypted backups
 * are binary and are not read here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "authenticator-pro"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "import-common.h"
#include "mfa-error.h"

static gboolean
authpro_detect (const MfaImportInput *input)
{
  return mfa_json_member_array (mfa_json_object (input->json), "Authenticators") != NULL;
}

static gboolean
authpro_parse_entry (const MfaImportInput  *input,
                     JsonObject            *object,
                     GPtrArray             *entries,
                     GError               **error)
{
  static const gchar *const types[] = { NULL, "hotp", "totp", "mOTP", "steam", "totp" };
  static const gchar *const algorithms[] = { "SHA1", "SHA256", "SHA512" };
  MfaImportEntry *entry = mfa_import_entry_new (input, entries);
  gint64 type = mfa_json_member_int (object, "Type", 2);
  gint64 algorithm = mfa_json_member_int (object, "Algorithm", 0);

  if (type < 1 || type >= (gint64) G_N_ELEMENTS (types))
    return mfa_import_fail (error, _("its type (number %lld) is none this tool knows"),
                            (long long) type);
  if (algorithm < 0 || algorithm >= (gint64) G_N_ELEMENTS (algorithms))
    return mfa_import_fail (error, _("it uses an algorithm this tool does not know (number %llu)"),
                            (unsigned long long) algorithm);
  mfa_import_entry_set_names (entry, mfa_json_member_string (object, "Issuer"),
                              mfa_json_member_string (object, "Username"));
  return mfa_import_take_params (entry, types[type], algorithms[algorithm],
                                 mfa_json_member_int (object, "Digits", 6),
                                 mfa_json_member_int (object, "Period", 30), error)
         && mfa_import_base32_secret (entry, mfa_json_member_string (object, "Secret"), error);
}

static gboolean
authpro_parse (const MfaImportInput  *input,
               GPtrArray             *entries,
               GError               **error)
{
  JsonArray *list = mfa_json_member_array (mfa_json_object (input->json), "Authenticators");

  if (list == NULL)
    return mfa_import_fail (error, _("this Authenticator Pro backup has no list of "
                                     "authenticators"));
  mfa_import_json_entries (input, list, authpro_parse_entry, entries);
  return TRUE;
}

const MfaImporter mfa_importer_authenticator_pro = {
  MFA_IMPORT_AUTHENTICATOR_PRO, "authenticator-pro", "Authenticator Pro", authpro_detect,
  authpro_parse, FALSE, N_("Authenticator Pro’s unencrypted backups (.authpro, JSON)"),
};
