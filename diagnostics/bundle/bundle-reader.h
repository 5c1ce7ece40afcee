/* bundle-reader.h: reading a ticket bundle that nobody should trust
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bundle.h"

G_BEGIN_DECLS

typedef void     (*MfaBundleProgress) (guint64      done_bytes,
                                       guint64      total_bytes,
                                       gpointer     user_data);

/* Called with each entry's bytes as they stream by (data NULL, len 0 at the
 * end of an entry); FALSE with an error stops the read. */
typedef gboolean (*MfaBundleSink)     (const MfaBundleFile *file,
                                       const guint8        *data,
                                       gsize                len,
                                       gpointer             user_data,
                                       GError             **error);

/* Reads the whole bundle once, in constant memory, checking every rule of
 * the format. MFA_ERROR_NOT_A_BUNDLE: not readable as a bundle at all;
 * MFA_ERROR_BUNDLE_DAMAGED: the message names the entry and the reason. */
MfaBundle *mfa_bundle_verify  (const gchar        *path,
                               MfaBundleProgress   progress,
                               gpointer            progress_data,
                               GError            **error);
MfaBundle *mfa_bundle_read    (const gchar        *path,
                               MfaBundleSink       sink,
                               gpointer            sink_data,
                               MfaBundleProgress   progress,
                               gpointer            progress_data,
                               GError            **error);

/* Reads only the head of a bundle: the manifest, then the summary and the
 * check evidence (diagnostics/…) that the writer puts before any attachment,
 * each checked as mfa_bundle_read checks it; stops at the first other entry.
 * Cheap whatever the attachments weigh; says nothing of the rest. */
MfaBundle *mfa_bundle_read_head (const gchar      *path,
                                 MfaBundleSink     sink,
                                 gpointer          sink_data,
                                 GError          **error);

/* Verifies, then writes the entries under `dir` (created, or empty), never
 * anywhere else; nothing is written unless the whole bundle is intact. */
gboolean   mfa_bundle_extract (const gchar        *path,
                               const gchar        *dir,
                               GError            **error);

/* One entry's bytes, read again from the bundle (every entry before it is
 * checked too, then the read stops): only when its size and SHA-256 match
 * the manifest and the manifest still gives `sha256` (the value seen when
 * the bundle was verified), and only up to `max_len` bytes. */
GBytes    *mfa_bundle_read_entry       (const gchar  *path,
                                        const gchar  *entry_path,
                                        const gchar  *sha256,
                                        gsize         max_len,
                                        GError      **error);

/* Saves the PNG and JPEG attachments of a bundle into `dir` under names
 * this app makes (NN-KIND.png or .jpg: never a name the bundle chose), one
 * file at a time, only once the whole bundle verified, and only bytes that
 * really start as the image type declared (others are skipped, counted in
 * `skipped`). Unless `replace`, a name that already exists in `dir` fails the
 * save with G_IO_ERROR_EXISTS before anything is written, naming the files,
 * so the caller can ask; a link in the folder is replaced, never followed.
 * Returns the names saved (an empty array when there were none). */
GPtrArray *mfa_bundle_save_attachments (const gchar  *path,
                                        const gchar  *dir,
                                        gboolean      replace,
                                        guint        *skipped,
                                        GError      **error);

G_END_DECLS
