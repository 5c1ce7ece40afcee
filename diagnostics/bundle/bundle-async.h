/* bundle-async.h: reading and verifying bundles off the caller's thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

#include "bundle-reader.h"
#include "bundle-writer.h"

G_BEGIN_DECLS

/* What a viewer shows first: the manifest and the check evidence. */
typedef struct
{
  JsonNode   *manifest;  /* an object */
  JsonObject *evidence;  /* kind → the object of diagnostics/KIND.json */
} MfaBundleHead;

void mfa_bundle_head_free (MfaBundleHead *head);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaBundleHead, mfa_bundle_head_free)

/* mfa_bundle_read_head() in a worker thread, the manifest and evidence
 * parsed (evidence that is not a JSON object, or larger than
 * MFA_BUNDLE_MAX_EVIDENCE_SIZE, is left out). Fails when the manifest cannot
 * be read. Damage after the manifest does not fail the head: the full
 * verification (mfa_bundle_verify_async) names it. */
void           mfa_bundle_read_head_async  (const gchar          *path,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
MfaBundleHead *mfa_bundle_read_head_finish (GAsyncResult         *result,
                                            GError              **error);

/* An attachment image whose size and SHA-256 matched the manifest, with its
 * thumbnail (NULL when the image could not be, or was not, decoded). */
typedef void (*MfaBundleImageFunc) (const MfaBundleFile *file,
                                    GdkPixbuf           *thumbnail,
                                    gpointer             user_data);

/* mfa_bundle_read() in a worker thread. `progress` and `image` are called in
 * the caller's thread-default main context, with `user_data`, before
 * `callback`; never after the cancellable is cancelled. Attachment images
 * (PNG, JPEG) are decoded to at most thumbnail_size pixels a side as they
 * stream by; one claiming more than max_pixels is not decoded. */
void       mfa_bundle_verify_async  (const gchar          *path,
                                     gint                  thumbnail_size,
                                     gint64                max_pixels,
                                     MfaBundleProgress     progress,
                                     MfaBundleImageFunc    image,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
MfaBundle *mfa_bundle_verify_finish (GAsyncResult         *result,
                                     GError              **error);

/* mfa_bundle_save_attachments() in a worker thread. */
void       mfa_bundle_save_attachments_async  (const gchar          *path,
                                               const gchar          *dir,
                                               gboolean              replace,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GPtrArray *mfa_bundle_save_attachments_finish (GAsyncResult         *result,
                                               guint                *skipped,
                                               GError              **error);

/* mfa_bundle_write() in a worker thread; takes `content` (the task frees it,
 * wiping nothing the bundle would not hold anyway). */
void     mfa_bundle_write_async  (MfaBundleContent     *content,
                                  const gchar          *target,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
gboolean mfa_bundle_write_finish (GAsyncResult         *result,
                                  GError              **error);

/* mfa_bundle_inspect_image() in a worker thread. */
void     mfa_bundle_inspect_image_async  (const gchar          *source,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean mfa_bundle_inspect_image_finish (GAsyncResult         *result,
                                          guint                *n_qr_codes,
                                          GBytes              **masked,
                                          GError              **error);

/* An attachment read again (its SHA-256 checked against `sha256`, at most
 * MFA_BUNDLE_MAX_ATTACHMENT_SIZE) and decoded in a worker thread, scaled
 * down to at most max_side pixels a side; one claiming more than max_pixels
 * is not decoded. original_width: its width before scaling. */
void       mfa_bundle_read_image_async  (const gchar          *bundle,
                                         const gchar          *path,
                                         const gchar          *sha256,
                                         gint                  max_side,
                                         gint64                max_pixels,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GdkPixbuf *mfa_bundle_read_image_finish (GAsyncResult         *result,
                                         gint                 *original_width,
                                         GError              **error);

G_END_DECLS
