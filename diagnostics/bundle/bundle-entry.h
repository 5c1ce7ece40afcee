/* bundle-entry.h: one file of a bundle being written (internal)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bundle-writer.h"

G_BEGIN_DECLS

typedef struct
{
  MfaBundleFile  file;         /* path, size, sha256, media_type, kind, caption */
  GBytes        *data;         /* in memory; NULL: streamed again from source */
  gchar         *source;
  gint64         taken_usec;
  GArray        *masked;       /* GdkRectangle-like boxes {x, y, w, h} painted over */
  gboolean       compress;
} MfaBundleEntry;

void     mfa_bundle_entry_free       (MfaBundleEntry *entry);
gchar   *mfa_bundle_summary_html     (const MfaBundleContent *content,
                                      GPtrArray              *entries,
                                      JsonObject             *checks);
gchar   *mfa_bundle_summary_text     (const MfaBundleContent *content,
                                      JsonObject             *checks);
JsonNode *mfa_bundle_check_summary   (JsonNode               *evidence);
GBytes  *mfa_bundle_read_image       (const gchar  *source,
                                      const gchar **media_type,
                                      const gchar **extension,
                                      GError      **error);
gboolean mfa_bundle_mask_qr_codes    (MfaBundleEntry  *entry,
                                      GBytes         **image,
                                      GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaBundleEntry, mfa_bundle_entry_free)

G_END_DECLS
