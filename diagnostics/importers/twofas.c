/* twofas.c: 2FAS Authenticator backups (.2fas)
 *
 * {"schemaVersion": 4, "services": [{"name": ISSUER, "secret": BASE32,
 *  "otp": {"account": ACCOUNT, "issuer": ISSUER, "digits": 6, "period": 30,
 *  "algorithm": "SHA1", "tokenType": "TOTP"}, "order": {"position": 0}}],
 *  "groups": []}
 * A password-protected backup has an empty "services" and the entries in
 * "servicesEncrypted".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "import-common.h"
#include "mfa-error.h"

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

  if (issuer == NULL || issuer[0] == '\0')
    issuer = mfa_json_member_string (service, "name");
  if (account == NULL)
    account = mfa_json_member_string (otp, "label");
  mfa_import_entry_set_names (entry, issuer, account);
  return mfa_import_take_params (entry, type, mfa_json_member_string (otp, "algorithm"),
                                 mfa_json_member_int (otp, "digits", 6),
                                 mfa_json_member_int (otp, "period", 30), error)
         && mfa_import_base32_secret (entry, mfa_json_member_string (service, "secret"), error);
}

static gboolean
twofas_parse (const MfaImportInput  *input,
              GPtrArray             *entries,
              GError               **error)
{
  JsonObject *root = mfa_json_object (input->json);
  JsonArray *services = mfa_json_member_array (root, "services");
  const gchar *encrypted = mfa_json_member_string (root, "servicesEncrypted");

  if (encrypted != NULL && encrypted[0] != '\0')
    return mfa_import_refuse_encrypted (error, "2FAS",
                                        _("in 2FAS, open Settings → 2FAS Backup → Export to file "
                                          "and leave the password empty"));
  if (services == NULL)
    return mfa_import_fail (error, _("this 2FAS backup has no list of services"));
  mfa_import_json_entries (input, services, twofas_parse_entry, entries);
  return TRUE;
}

const MfaImporter mfa_importer_2fas = {
  MFA_IMPORT_2FAS, "2fas", "2FAS", twofas_detect, twofas_parse,
};
