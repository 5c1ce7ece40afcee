/* importer.h: reading the entries of an authenticator export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "code/otpauth-uri.h"

G_BEGIN_DECLS

typedef enum
{
  MFA_IMPORT_AUTO,
  MFA_IMPORT_URI,
  MFA_IMPORT_GOOGLE,
  MFA_IMPORT_AEGIS,
  MFA_IMPORT_ANDOTP,
  MFA_IMPORT_2FAS,
  MFA_IMPORT_FREEOTP_PLUS,
  MFA_IMPORT_BITWARDEN,
  MFA_IMPORT_FREEOTP,
  MFA_IMPORT_BITWARDEN_CSV,
  MFA_IMPORT_PROTON,
  MFA_IMPORT_AUTHENTICATOR_PRO,
} MfaImportFormat;

/* Largest export read, each file and all files together: 100,000 entries
 * take about 30 MB of JSON. */
#define MFA_IMPORT_MAX_FILE_SIZE (256 * 1024 * 1024)
#define MFA_IMPORT_MAX_TOTAL_SIZE (256 * 1024 * 1024)
/* JSON arrays larger than this are parsed one element at a time, so a
 * large export takes little more memory than its entries (json-lazy.c). */
#define MFA_IMPORT_LAZY_THRESHOLD (1024 * 1024)

/* One authenticator entry. The key is kept only as the bytes a comparison
 * needs, and wiped when the entry is freed. */
typedef struct
{
  gchar        *issuer;   /* as written; NULL when the export names none */
  gchar        *account;  /* as written, after any "Issuer:" label prefix */
  gchar        *label;    /* how the authenticator shows the entry; one block with
                           * issuer and account, freed with the label */
  MfaSecret    *secret;
  MfaOtpType    type;
  MfaOtpParams  params;
  gchar        *file;     /* the file as the user gave it (a GRefString) */
  guint         index;    /* 0-based position among that file's entries */
} MfaImportEntry;

void mfa_import_entry_free (MfaImportEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaImportEntry, mfa_import_entry_free)

/* Where in a file an entry that could not be read was. */
typedef enum
{
  MFA_IMPORT_AT_FILE,     /* the whole file */
  MFA_IMPORT_AT_ENTRY,    /* the Nth entry of the export's list */
  MFA_IMPORT_AT_LINE,     /* line N of a text export */
  MFA_IMPORT_AT_QR_CODE,  /* the Nth QR code found in an image */
} MfaImportPlace;

/* An entry (or a file) skipped, and why; never a key. */
typedef struct
{
  gchar          *file;
  MfaImportPlace  place;
  guint           number;   /* 1-based; 0 with MFA_IMPORT_AT_FILE */
  gint            code;     /* the MfaError that made it unreadable */
  gchar          *reason;
} MfaImportSkip;

void         mfa_import_skip_free       (MfaImportSkip *skip);
const gchar *mfa_import_place_to_string (MfaImportPlace place);
/* "file, entry 7: reason" */
gchar       *mfa_import_skip_describe   (const MfaImportSkip *skip);

/* What an importer sees: the file's bytes, and its JSON tree when it is
 * JSON (parsed once for all JSON importers). */
typedef struct _MfaImportState MfaImportState;
typedef struct
{
  const gchar    *file;
  const gchar    *data;
  gsize           len;
  JsonNode       *json;
  MfaImportState *state;  /* private (import-common.h): numbering, skipped entries,
                           * password, parts of multi-image exports */
} MfaImportInput;

/* The one interface each format implements. parse() appends entries (with
 * file and index set) to an array that frees them with
 * mfa_import_entry_free; an entry it cannot read it skips and records
 * (mfa_import_skip), and it fails only when the file as a whole cannot
 * be read. */
typedef struct
{
  MfaImportFormat  format;
  const gchar     *name;
  const gchar     *title;   /* the app's name, for messages */
  gboolean       (*detect) (const MfaImportInput *input);
  gboolean       (*parse)  (const MfaImportInput  *input,
                            GPtrArray             *entries,
                            GError               **error);
  gboolean         reads_text;   /* text other than JSON (lists, XML, CSV) */
  const gchar     *files;        /* what the app writes, for the documentation */
} MfaImporter;

extern const MfaImporter mfa_importer_uri;
extern const MfaImporter mfa_importer_google;
extern const MfaImporter mfa_importer_aegis;
extern const MfaImporter mfa_importer_andotp;
extern const MfaImporter mfa_importer_2fas;
extern const MfaImporter mfa_importer_freeotp_plus;
extern const MfaImporter mfa_importer_bitwarden;
extern const MfaImporter mfa_importer_freeotp;
extern const MfaImporter mfa_importer_bitwarden_csv;
extern const MfaImporter mfa_importer_proton;
extern const MfaImporter mfa_importer_authenticator_pro;

/* The formats, most specific detection first, NULL-terminated: the one
 * list the command line, its help and the documentation come from. */
extern const MfaImporter *const mfa_importers[];

gboolean     mfa_import_format_from_string (const gchar     *text,
                                            MfaImportFormat *format);
const gchar *mfa_import_format_to_string   (MfaImportFormat  format);
/* "uri, google, aegis, …": every format's name, from the one table. */
gchar       *mfa_import_format_list        (void);
/* "Aegis, 2FAS, …": every format's app, from the one table, in the user's
 * language's list separator. */
gchar       *mfa_import_app_list           (void);

/* Everything read from a collection of exports. */
typedef struct
{
  GPtrArray *entries;   /* MfaImportEntry * */
  GPtrArray *skipped;   /* MfaImportSkip *: what could not be read */
} MfaImportResult;

void mfa_import_result_free (MfaImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaImportResult, mfa_import_result_free)

/* Reads files as one collection (see mfa_import_files_named): an entry or
 * a file that cannot be read is skipped and recorded, and the rest is
 * read. Fails only when nothing at all could be read, or for a file given
 * twice. password (NULL for none) opens encrypted exports; names may be
 * NULL. */
MfaImportResult *mfa_import_read (const gchar * const *files,
                                  const gchar * const *names,
                                  MfaImportFormat      format,
                                  const gchar         *password,
                                  GError             **error);
/* mfa_import_read() in a worker thread, on copies of the arguments. */
void             mfa_import_read_async  (const gchar * const *files,
                                         const gchar * const *names,
                                         MfaImportFormat      format,
                                         const gchar         *password,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
MfaImportResult *mfa_import_read_finish (GAsyncResult        *result,
                                         GError             **error);

/* The strict readers below fail on the first entry that cannot be read. */

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
