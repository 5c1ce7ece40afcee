/* importer.h: reading the entries of an authenticator export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "otpauth-uri.h"

G_BEGIN_DECLS

typedef enum
{
  MFA_IMPORT_AUTO,
  MFA_IMPORT_URI,
  MFA_IMPORT_GOOGLE,
  MFA_IMPORT_AEGIS,
  MFA_IMPORT_ANDOTP,
  MFA_IMPORT_2FAS,
  MFA_IMPORT_FREEOTP,
  MFA_IMPORT_BITWARDEN,
} MfaImportFormat;

/* Largest export read: 100,000 entries take about 30 MB of JSON. */
#define MFA_IMPORT_MAX_FILE_SIZE (256 * 1024 * 1024)

/* One authenticator entry. The key is kept only as the bytes a comparison
 * needs, and wiped when the entry is freed. */
typedef struct
{
  gchar        *issuer;   /* as written; NULL when the export names none */
  gchar        *account;  /* as written, after any "Issuer:" label prefix */
  gchar        *label;    /* how the authenticator shows the entry */
  MfaSecret    *secret;
  MfaOtpType    type;
  MfaOtpParams  params;
  gchar        *file;     /* the file as the user gave it */
  guint         index;    /* 0-based position among that file's entries */
} MfaImportEntry;

void mfa_import_entry_free (MfaImportEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaImportEntry, mfa_import_entry_free)

/* What an importer sees: the file's bytes, and its JSON tree when it is
 * JSON (parsed once for all JSON importers). */
typedef struct
{
  const gchar  *file;
  const gchar  *data;
  gsize         len;
  JsonNode     *json;
  gpointer      google_batches;  /* private: parts of multi-image exports */
} MfaImportInput;

/* The one interface each format implements. parse() appends entries (with
 * file and index set) to an array that frees them with
 * mfa_import_entry_free. */
typedef struct
{
  MfaImportFormat  format;
  const gchar     *name;
  const gchar     *title;   /* the app's name, for messages */
  gboolean       (*detect) (const MfaImportInput *input);
  gboolean       (*parse)  (const MfaImportInput  *input,
                            GPtrArray             *entries,
                            GError               **error);
} MfaImporter;

extern const MfaImporter mfa_importer_uri;
extern const MfaImporter mfa_importer_google;
extern const MfaImporter mfa_importer_aegis;
extern const MfaImporter mfa_importer_andotp;
extern const MfaImporter mfa_importer_2fas;
extern const MfaImporter mfa_importer_freeotp;
extern const MfaImporter mfa_importer_bitwarden;

gboolean     mfa_import_format_from_string (const gchar     *text,
                                            MfaImportFormat *format);
const gchar *mfa_import_format_to_string   (MfaImportFormat  format);

/* Reads one export held in memory; file is the name reported with each
 * entry. */
GPtrArray   *mfa_import_data   (const gchar      *file,
                                const gchar      *data,
                                gsize             len,
                                MfaImportFormat   format,
                                GError          **error);

/* Reads several files as one collection: the images of one Google
 * Authenticator export are combined by batch. Images (PNG, JPEG) are
 * searched for QR codes. On failure the error names the file. */
GPtrArray   *mfa_import_files  (const gchar * const *files,
                                MfaImportFormat      format,
                                GError             **error);
/* The same, with each file called by a name of the caller's (a file name
 * without its folder, say) in the entries and in messages. */
GPtrArray   *mfa_import_files_named (const gchar * const *files,
                                     const gchar * const *names,
                                     MfaImportFormat      format,
                                     GError             **error);

G_END_DECLS
