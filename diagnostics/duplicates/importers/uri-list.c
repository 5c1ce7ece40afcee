/* uri-list.c: plain lists of otpauth:// URIs, one a line
 *
 * As many apps export them (and as QR codes hold them). Blank lines and
 * lines starting with '#' are skipped; a Google Authenticator
 * otpauth-migration:// line in the list is read as that export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "uri-list"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "google.h"
#include "import-common.h"
#include "mfa-error.h"

static gboolean
uri_detect (const MfaImportInput *input)
{
  return mfa_import_first_line_is (input, "otpauth://");
}

static gboolean
parse_line (const MfaImportInput  *input,
            const gchar           *line,
            GPtrArray             *entries,
            GError               **error)
{
  g_autoptr(MfaOtpauth) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  MfaImportEntry *entry;

  if (g_ascii_strncasecmp (line, "otpauth-migration:", strlen ("otpauth-migration:")) == 0)
    return mfa_google_parse_uri (input, line, input->state->batches, entries, error);
  uri = mfa_otpauth_parse (line, &local_error);
  if (uri == NULL)
    {
      input->state->next_index++;   /* an entry all the same, unread */
      return mfa_import_fail (error, "%s", local_error->message);
    }
  entry = mfa_import_entry_new (input, entries);
  mfa_import_entry_set_names (entry, uri->issuer, uri->account);
  entry->type = uri->type;
  entry->params = uri->params;
  entry->secret = g_steal_pointer (&uri->secret);
  return TRUE;
}

static gboolean
uri_parse (const MfaImportInput  *input,
           GPtrArray             *entries,
           GError               **error)
{
  mfa_import_lines (input, parse_line, entries);
  return TRUE;
}

const MfaImporter mfa_importer_uri = {
  MFA_IMPORT_URI, "uri", "otpauth:// list", uri_detect, uri_parse, TRUE,
  N_("lists of otpauth:// links, one a line (Aegis, Ente and others export them), or "
     "pictures of their QR codes"),
};
