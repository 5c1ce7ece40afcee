/* import-common.h: helpers the importers share (private to importers/)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "importer.h"
#include "mfa-json-read.h"

G_BEGIN_DECLS

typedef struct _MfaGoogleBatches MfaGoogleBatches;

struct _MfaImportState
{
  MfaGoogleBatches *batches;     /* parts of multi-image Google exports */
  GPtrArray        *skipped;     /* MfaImportSkip * */
  const gchar      *password;    /* NULL when none was given */
  guint             next_index;  /* the position of the next entry in this file */
  guint             qr_code;     /* the QR code being read in an image (1-based), or 0 */
  GPtrArray        *lazy;        /* GArray of element places, per large array (json-lazy.c) */
  gsize             lazy_threshold;  /* arrays larger than this many bytes are lazy */
};

/* Large exports (json-lazy.c): the document parsed with its large arrays
 * left as places in the text, their elements parsed one at a time. Lists
 * are read through these two, whether lazy or not. An element is borrowed
 * from the list, or parsed for the call: then it is also in *parsed, for
 * the caller to free with mfa_import_json_free. */
JsonNode       *mfa_import_parse_json_lazy (const MfaImportInput  *input,
                                            GError               **error);
/* Decrypted JSON text read as an export of its own, its large lists one
 * entry at a time: read gets its root (and the input the lists are read
 * through). */
typedef gboolean (*MfaImportDecryptedFunc) (const MfaImportInput  *input,
                                            JsonNode              *root,
                                            GPtrArray             *entries,
                                            GError               **error);
gboolean        mfa_import_parse_decrypted (const MfaImportInput     *input,
                                            const guint8             *plain,
                                            gsize                     plain_len,
                                            MfaImportDecryptedFunc    read,
                                            GPtrArray                *entries,
                                            GError                  **error);
/* A string member's text and length; a large one elided by the lazy parser
 * is read where it stands in the export, JSON escapes as written (no copy
 * of a sealed vault is made). NULL when there is no such string. */
const gchar    *mfa_import_json_member_text (const MfaImportInput *input,
                                             JsonObject           *object,
                                             const gchar          *name,
                                             gsize                *len);
guint           mfa_import_json_length     (const MfaImportInput  *input,
                                            JsonArray             *list);
JsonNode       *mfa_import_json_element    (const MfaImportInput  *input,
                                            JsonArray             *list,
                                            guint                  index,
                                            JsonNode             **parsed,
                                            GError               **error);

/* A new entry at the end of entries, at the file's next position. */
MfaImportEntry *mfa_import_entry_new      (const MfaImportInput *input,
                                           GPtrArray            *entries);
/* An entry could not be read: what was made of it (entries from keep on)
 * goes, and the reason is recorded. Steals error. */
void            mfa_import_skip           (const MfaImportInput *input,
                                           GPtrArray            *entries,
                                           guint                 keep,
                                           MfaImportPlace        place,
                                           guint                 number,
                                           GError               *error);

/* Reads each object of a JSON list with parse_entry, the position in the
 * list numbering the entries; one that fails is skipped. */
typedef gboolean (*MfaImportJsonEntryFunc) (const MfaImportInput  *input,
                                            JsonObject            *object,
                                            GPtrArray             *entries,
                                            GError               **error);
void            mfa_import_json_entries   (const MfaImportInput   *input,
                                           JsonArray              *list,
                                           MfaImportJsonEntryFunc  parse_entry,
                                           GPtrArray              *entries);
/* Reads each line that is neither blank nor a '#' comment with
 * parse_line; one that fails is skipped and named by its line (or, in an
 * image, its QR code). */
typedef gboolean (*MfaImportLineFunc) (const MfaImportInput  *input,
                                       const gchar           *line,
                                       GPtrArray             *entries,
                                       GError               **error);
void            mfa_import_lines          (const MfaImportInput *input,
                                           MfaImportLineFunc     parse_line,
                                           GPtrArray            *entries);
void            mfa_import_entry_set_names (MfaImportEntry *entry,
                                            const gchar    *issuer,
                                            const gchar    *label);
gboolean        mfa_import_fail            (GError      **error,
                                            const gchar  *format,
                                            ...) G_GNUC_PRINTF (2, 3);
gboolean        mfa_import_refuse_encrypted (GError      **error,
                                             const gchar  *app,
                                             const gchar  *how);
gboolean        mfa_import_take_params     (MfaImportEntry *entry,
                                            const gchar    *type,
                                            const gchar    *algorithm,
                                            gint64          digits,
                                            gint64          period,
                                            GError        **error);
gboolean        mfa_import_base32_secret   (MfaImportEntry *entry,
                                            const gchar    *text,
                                            GError        **error);

/* The first line that is neither blank nor a '#' comment starts with
 * prefix (ASCII case ignored). */
gboolean        mfa_import_first_line_is (const MfaImportInput *input,
                                          const gchar          *prefix);

/* JSON of an export or a decrypted vault; freed with its strings (keys)
 * overwritten. */
JsonNode       *mfa_import_parse_json     (const gchar  *data,
                                           gsize         len,
                                           GError      **error);
void            mfa_import_json_free      (JsonNode     *node);
typedef JsonNode MfaImportJson;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaImportJson, mfa_import_json_free)

/* An encrypted export: without a password, say so (the caller asks for
 * one); with the wrong one, say "wrong password" and nothing else. */
gboolean        mfa_import_need_password  (const gchar  *app,
                                           GError      **error);
gboolean        mfa_import_wrong_password (GError      **error);
/* Hex and base64 fields of encrypted exports, decoded strictly; NULL with
 * error naming the field when damaged. */
guint8         *mfa_import_decode_hex     (const gchar  *text,
                                           gsize         want_len,
                                           gsize        *len,
                                           const gchar  *field,
                                           GError      **error);
/* Standard or URL-safe base64, padded or not; overwrites text. */
guint8         *mfa_import_base64_decode_strict (gchar *text,
                                                 gsize *len);
guint8         *mfa_import_decode_base64  (const gchar  *text,
                                           gsize        *len,
                                           const gchar  *field,
                                           GError      **error);
/* The same for text of text_len bytes as a JSON writer left it ("\/" for
 * "/"), decoded in one buffer of text_len bytes. */
guint8         *mfa_import_decode_base64_text (const gchar  *text,
                                               gsize         text_len,
                                               gsize        *len,
                                               const gchar  *field,
                                               GError      **error);

/* A key as authenticators store it in a text field: an otpauth:// URI
 * (its names win), steam://KEY, or a bare base32 key; issuer and account
 * name the entry when the URI does not. An issuer that only repeats the
 * account (apps name an issuer-less entry after its account) is none. */
gboolean        mfa_import_take_key_text (MfaImportEntry *entry,
                                          const gchar    *text,
                                          const gchar    *issuer,
                                          const gchar    *account,
                                          GError        **error);
/* FreeOTP's token JSON, as FreeOTP+ exports and FreeOTP's tokens.xml hold
 * it (freeotp.c). */
gboolean        mfa_freeotp_parse_token  (const MfaImportInput  *input,
                                          JsonObject            *token,
                                          GPtrArray             *entries,
                                          GError               **error);

/* Encrypted andOTP backups are binary, not JSON (andotp.c). */
gboolean        mfa_andotp_parse_encrypted (const MfaImportInput  *input,
                                            GPtrArray             *entries,
                                            GError               **error);

G_END_DECLS
