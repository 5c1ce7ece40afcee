/* aegis.c: Aegis Authenticator vaults (plain JSON export)
 *
 * {"version": 1, "header": {"slots": null, "params": null},
 *  "db": {"version": 2, "entries": [{"type": "totp", "name": ACCOUNT,
 *   "issuer": ISSUER, "info": {"secret": BASE32, "algo": "SHA1",
 *   "digits": 6, "period": 30}}]}}
 * An encrypted vault has key slots in the header and a string as "db".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "import-common.h"
#include "mfa-error.h"

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

static gboolean
aegis_parse (const MfaImportInput  *input,
             GPtrArray             *entries,
             GError               **error)
{
  JsonObject *root = mfa_json_object (input->json);
  JsonObject *header = mfa_json_member_object (root, "header");
  JsonArray *slots = mfa_json_member_array (header, "slots");
  JsonObject *db = mfa_json_member_object (root, "db");
  JsonArray *list;

  if ((slots != NULL && json_array_get_length (slots) > 0)
      || mfa_json_member_string (root, "db") != NULL)
    return mfa_import_refuse_encrypted (error, "Aegis",
                                        _("in Aegis, choose Settings → Import & Export → Export, "
                                          "and turn off “Encrypt the vault”"));
  list = mfa_json_member_array (db, "entries");
  if (list == NULL)
    return mfa_import_fail (error, _("this Aegis vault has no list of entries"));
  mfa_import_json_entries (input, list, aegis_parse_entry, entries);
  return TRUE;
}

const MfaImporter mfa_importer_aegis = {
  MFA_IMPORT_AEGIS, "aegis", "Aegis", aegis_detect, aegis_parse,
};
