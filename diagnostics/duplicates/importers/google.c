/* google.c: Google Authenticator transfer exports
 *
 * otpauth-migration://offline?data=BASE64, where the data are a protobuf
 * MigrationPayload: repeated OtpParameters otp_parameters = 1 {bytes
 * secret = 1; string name = 2; string issuer = 3; Algorithm algorithm = 4;
 * DigitCount digits = 5; OtpType type = 6; int64 counter = 7}, int32
 * version = 2, batch_size = 3, batch_index = 4, batch_id = 5. A large
 * export is split over several QR codes that share a batch id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "google"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "code/base32.h"
#include "google.h"
#include "import-common.h"
#include "mfa-error.h"
#include "protobuf.h"

#define MIGRATION_PREFIX "otpauth-migration://offline?"
/* The app splits exports into at most a few dozen codes. */
#define MAX_BATCH_SIZE 1000

typedef struct
{
  gint64  size;
  gchar  *first_file;
  GHashTable *seen;   /* batch indices */
} Batch;

struct _MfaGoogleBatches
{
  GHashTable *by_id;   /* gint64 id → Batch */
};

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_free (batch->first_file);
  g_hash_table_unref (batch->seen);
  g_free (batch);
}

MfaGoogleBatches *
mfa_google_batches_new (void)
{
  MfaGoogleBatches *batches = g_new0 (MfaGoogleBatches, 1);

  batches->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, batch_free);
  return batches;
}

void
mfa_google_batches_free (MfaGoogleBatches *batches)
{
  if (batches == NULL)
    return;
  g_hash_table_unref (batches->by_id);
  g_free (batches);
}

/* An export with parts missing may hide the very duplicate we look for. */
gboolean
mfa_google_batches_check (MfaGoogleBatches  *batches,
                          GError           **error)
{
  GHashTableIter iter;
  Batch *batch;

  g_hash_table_iter_init (&iter, batches->by_id);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &batch))
    if (g_hash_table_size (batch->seen) < batch->size)
      {
        g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT,
                     _("%s: only %u of the %lld QR codes of this Google "
                       "Authenticator export were given; give all of them together"),
                     batch->first_file, g_hash_table_size (batch->seen),
                     (long long) batch->size);
        return FALSE;
      }
  return TRUE;
}

static gboolean
note_batch (MfaGoogleBatches      *batches,
            const MfaImportInput  *input,
            gint64                 id,
            gint64                 size,
            gint64                 index,
            GError               **error)
{
  Batch *batch;

  if (size <= 1 || batches == NULL)
    return TRUE;
  if (size > MAX_BATCH_SIZE || index < 0 || index >= size)
    return mfa_import_fail (error, _("the export claims to be part %lld of %lld"),
                            (long long) index + 1, (long long) size);
  batch = g_hash_table_lookup (batches->by_id, &id);
  if (batch == NULL)
    {
      batch = g_new0 (Batch, 1);
      batch->size = size;
      batch->first_file = g_strdup (input->file);
      batch->seen = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (batches->by_id, g_memdup2 (&id, sizeof id), batch);
    }
  if (batch->size != size)
    return mfa_import_fail (error, _("two parts of one export disagree on how many parts "
                                     "there are"));
  g_hash_table_add (batch->seen, GINT_TO_POINTER ((gint) index));
  return TRUE;
}

static gboolean
take_google_params (MfaImportEntry  *entry,
                    guint64          algorithm,
                    guint64          digits,
                    guint64          type,
                    GError         **error)
{
  static const MfaAlgorithm algorithms[] = {
    MFA_ALGORITHM_SHA1, MFA_ALGORITHM_SHA1, MFA_ALGORITHM_SHA256, MFA_ALGORITHM_SHA512,
  };

  if (algorithm >= G_N_ELEMENTS (algorithms))
    return mfa_import_fail (error, _("it uses an algorithm this tool does not know (number %llu)"),
                            (unsigned long long) algorithm);
  if (digits > 2 || type > 2)
    return mfa_import_fail (error, _("it has settings this tool does not know"));
  entry->params.algorithm = algorithms[algorithm];
  entry->params.digits = digits == 2 ? 8 : 6;
  entry->type = type == 1 ? MFA_OTP_TYPE_HOTP : MFA_OTP_TYPE_TOTP;
  return TRUE;
}

static gboolean
parse_otp_parameters (const MfaImportInput  *input,
                      const guint8          *data,
                      gsize                  len,
                      GPtrArray             *entries,
                      GError               **error)
{
  MfaImportEntry *entry = mfa_import_entry_new (input, entries);
  g_autoptr(GError) local_error = NULL;
  g_autofree gchar *name = NULL;
  g_autofree gchar *issuer = NULL;
  guint64 algorithm = 0, digits = 0, type = 0;
  MfaPbReader reader;
  MfaPbField field;

  mfa_pb_reader_init (&reader, data, len);
  while (mfa_pb_reader_next (&reader, &field, &local_error))
    {
      gboolean is_bytes = field.wire_type == MFA_PB_BYTES;

      if (field.number == 1 && is_bytes && field.bytes_len > 0
          && field.bytes_len <= MFA_BASE32_MAX_KEY_BYTES)
        {
          mfa_secret_free (entry->secret);
          entry->secret = mfa_secret_new (field.bytes, field.bytes_len);
        }
      else if ((field.number == 2 || field.number == 3) && is_bytes)
        {
          gchar *text = g_strndup ((const gchar *) field.bytes, field.bytes_len);
          gchar **slot = field.number == 2 ? &name : &issuer;

          if (!g_utf8_validate (text, -1, NULL))
            {
              g_free (text);
              return mfa_import_fail (error, _("it has a name that is not UTF-8 text"));
            }
          g_free (*slot);
          *slot = text;
        }
      else if (field.number == 4 && field.wire_type == MFA_PB_VARINT)
        algorithm = field.varint;
      else if (field.number == 5 && field.wire_type == MFA_PB_VARINT)
        digits = field.varint;
      else if (field.number == 6 && field.wire_type == MFA_PB_VARINT)
        type = field.varint;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (entry->secret == NULL)
    return mfa_import_fail (error, _("it has no key, or one of an impossible length"));
  mfa_import_entry_set_names (entry, issuer, name);
  return take_google_params (entry, algorithm, digits, type, error);
}

gboolean
mfa_google_parse_payload (const MfaImportInput  *input,
                          const guint8          *data,
                          gsize                  len,
                          MfaGoogleBatches      *batches,
                          GPtrArray             *entries,
                          GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 batch_size = 0, batch_index = 0, batch_id = 0;
  MfaPbReader reader;
  MfaPbField field;

  mfa_pb_reader_init (&reader, data, len);
  while (mfa_pb_reader_next (&reader, &field, &local_error))
    {
      if (field.number == 1 && field.wire_type == MFA_PB_BYTES)
        {
          GError *entry_error = NULL;
          guint keep = entries->len;
          guint number = input->state->next_index + 1;

          if (!parse_otp_parameters (input, field.bytes, field.bytes_len, entries, &entry_error))
            mfa_import_skip (input, entries, keep, MFA_IMPORT_AT_ENTRY, number, entry_error);
        }
      else if (field.wire_type == MFA_PB_VARINT && field.number >= 3 && field.number <= 5)
        {
          gint64 value = (gint32) (guint32) field.varint;

          if (field.number == 3)
            batch_size = value;
          else if (field.number == 4)
            batch_index = value;
          else
            batch_id = value;
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return note_batch (batches, input, batch_id, batch_size, batch_index, error);
}

gboolean
mfa_google_parse_uri (const MfaImportInput  *input,
                      const gchar           *uri,
                      MfaGoogleBatches      *batches,
                      GPtrArray             *entries,
                      GError               **error)
{
  g_autoptr(GHashTable) query = NULL;
  g_autoptr(MfaSecretString) data = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 *payload;
  gsize len = 0;
  gboolean ok;

  if (g_ascii_strncasecmp (uri, MIGRATION_PREFIX, strlen (MIGRATION_PREFIX)) != 0)
    return mfa_import_fail (error, _("a Google Authenticator export starts with "
                                     "“otpauth-migration://offline?”"));
  query = g_uri_parse_params (uri + strlen (MIGRATION_PREFIX), -1, "&", G_URI_PARAMS_NONE,
                              &local_error);
  if (query == NULL || g_hash_table_lookup (query, "data") == NULL)
    return mfa_import_fail (error, _("the Google Authenticator export has no “data” parameter"));
  data = g_strdup (g_hash_table_lookup (query, "data"));
  mfa_wipe_string (g_hash_table_lookup (query, "data"));
  payload = mfa_import_base64_decode_strict (data, &len);
  if (payload == NULL)
    return mfa_import_fail (error, _("the data of the Google Authenticator export are not "
                                     "valid base64"));
  ok = mfa_google_parse_payload (input, payload, len, batches, entries, error);
  mfa_wipe (payload, len);
  g_free (payload);
  return ok;
}

static gboolean
google_detect (const MfaImportInput *input)
{
  return mfa_import_first_line_is (input, MIGRATION_PREFIX);
}

static gboolean
google_parse_line (const MfaImportInput  *input,
                   const gchar           *line,
                   GPtrArray             *entries,
                   GError               **error)
{
  return mfa_google_parse_uri (input, line, input->state->batches, entries, error);
}

static gboolean
google_parse (const MfaImportInput  *input,
              GPtrArray             *entries,
              GError               **error)
{
  mfa_import_lines (input, google_parse_line, entries);
  return TRUE;
}

const MfaImporter mfa_importer_google = {
  MFA_IMPORT_GOOGLE, "google", "Google Authenticator", google_detect, google_parse, TRUE,
  N_("“Transfer accounts” exports: otpauth-migration:// links, or pictures of their QR "
     "codes"),
};
