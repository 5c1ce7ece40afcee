/* proton.c: Proton Authenticator's JSON export
 *
 * {"version": 1, "entries": [{"id": ID, "content": {"uri": "otpauth://…"
 *  or "steam://KEY", "entry_type": "Totp" or "Steam", "name": NAME},
 *  "note": null}]}
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "proton"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "import-common.h"
#include "mfa-error.h"

static gboolean
proton_detect (const MfaImportInput *input)
{
  JsonArray *list = mfa_json_member_array (mfa_json_object (input->json), "entries");
  g_autoptr(MfaImportJson) parsed = NULL;
  JsonNode *first;

  if (list == NULL || mfa_import_json_length (input, list) == 0)
    return FALSE;
  first = mfa_import_json_element (input, list, 0, &parsed, NULL);
  return mfa_json_member_object (mfa_json_object (first), "content") != NULL;
}

static gboolean
proton_parse_entry (const MfaImportInput  *input,
                    JsonObject            *object,
                    GPtrArray             *entries,
                    GError               **error)
{
  MfaImportEntry *entry = mfa_import_entry_new (input, entries);
  JsonObject *content = mfa_json_member_object (object, "content");
  const gchar *uri = mfa_json_member_string (content, "uri");
  const gchar *name = mfa_json_member_string (content, "name");
  const gchar *type = mfa_json_member_string (content, "entry_type");
  gboolean steam = g_strcmp0 (type, "Steam") == 0;

  if (uri == NULL || uri[0] == '\0')
    return mfa_import_fail (error, _("it has no key"));
  if (!mfa_import_take_key_text (entry, uri, steam ? "Steam" : NULL, name, error))
    return FALSE;
  /* A Steam entry stored as a bare key still makes Steam codes. */
  if (steam)
    {
      entry->type = MFA_OTP_TYPE_STEAM;
      entry->params = MFA_OTP_PARAMS_STEAM;
    }
  return TRUE;
}

static gboolean
proton_parse (const MfaImportInput  *input,
              GPtrArray             *entries,
              GError               **error)
{
  JsonArray *list = mfa_json_member_array (mfa_json_object (input->json), "entries");

  if (list == NULL)
    return mfa_import_fail (error, _("this Proton Authenticator export has no list of entries"));
  mfa_import_json_entries (input, list, proton_parse_entry, entries);
  return TRUE;
}

const MfaImporter mfa_importer_proton = {
  MFA_IMPORT_PROTON, "proton", "Proton Authenticator", proton_detect, proton_parse, FALSE,
  N_("Proton Authenticator’s export (.json)"),
};
