/* andotp.c: andOTP plain JSON backups
 *
 * A JSON array: [{"secret": BASE32, "issuer": ISSUER, "label": ACCOUNT,
 *  "digits": 6, "type": "TOTP", "algorithm": "SHA1", "period": 30,
 *  "thumbnail": "Default", "tags": []}]. Older versions wrote
 * "Issuer - account" or "Issuer:account" in the label and no issuer.
 * Encrypted andOTP backups (.json.aes) are binary, not JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "import-common.h"
#include "mfa-error.h"

static gboolean
andotp_detect (const MfaImportInput *input)
{
  JsonArray *list;
  JsonObject *first;

  if (input->json == NULL || !JSON_NODE_HOLDS_ARRAY (input->json))
    return FALSE;
  list = json_node_get_array (input->json);
  if (json_array_get_length (list) == 0)
    return TRUE;
  first = mfa_json_object (json_array_get_element (list, 0));
  return mfa_json_has_member (first, "secret") && mfa_json_has_member (first, "label");
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

const MfaImporter mfa_importer_andotp = {
  MFA_IMPORT_ANDOTP, "andotp", "andOTP", andotp_detect, andotp_parse,
};
