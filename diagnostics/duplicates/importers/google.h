/* google.h: Google Authenticator transfer exports (private to importers/)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "importer.h"

G_BEGIN_DECLS

/* The parts of multi-image exports seen so far, by batch id. */
typedef struct _MfaGoogleBatches MfaGoogleBatches;

MfaGoogleBatches *mfa_google_batches_new    (void);
void              mfa_google_batches_free   (MfaGoogleBatches *batches);
gboolean          mfa_google_batches_check  (MfaGoogleBatches *batches,
                                             GError          **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaGoogleBatches, mfa_google_batches_free)

gboolean mfa_google_parse_uri     (const MfaImportInput  *input,
                                   const gchar           *uri,
                                   MfaGoogleBatches      *batches,
                                   GPtrArray             *entries,
                                   GError               **error);
/* The protobuf MigrationPayload itself, as a fuzz target sees it. */
gboolean mfa_google_parse_payload (const MfaImportInput  *input,
                                   const guint8          *data,
                                   gsize                  len,
                                   MfaGoogleBatches      *batches,
                                   GPtrArray             *entries,
                                   GError               **error);

G_END_DECLS
