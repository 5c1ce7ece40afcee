/* bundle-upload.h: sending a saved ticket bundle to an organisation's endpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MFA_BUNDLE_MEDIA_TYPE "application/x-mfa-ticket"

/* How much of the file has gone out so far, on the calling thread's context. */
typedef void (*MfaBundleUploadProgress) (goffset  sent,
                                         goffset  total,
                                         gpointer user_data);

typedef struct
{
  guint  status;      /* HTTP status, 2xx */
  gchar *reason;      /* "Created" */
  gchar *first_line;  /* the body's first line, valid UTF-8, at most 200 characters */
  gchar *ticket_id;   /* "ticket" of a JSON object body, or NULL */
} MfaBundleUploadReply;

void                  mfa_bundle_upload_reply_free   (MfaBundleUploadReply *reply);

/* Only https:// addresses; http:// only to this machine (127.0.0.1, ::1,
 * localhost), for tests and local relays. */
gboolean              mfa_bundle_upload_url_is_allowed (const gchar  *url,
                                                        GError      **error);

/* POSTs the file as application/x-mfa-ticket, streamed from disk. An answer
 * other than 2xx is an error naming the status and the body's first line. */
void                  mfa_bundle_upload_async        (const gchar             *path,
                                                      const gchar             *url,
                                                      MfaBundleUploadProgress  progress,
                                                      gpointer                 progress_data,
                                                      GCancellable            *cancellable,
                                                      GAsyncReadyCallback      callback,
                                                      gpointer                 user_data);
MfaBundleUploadReply *mfa_bundle_upload_finish       (GAsyncResult            *result,
                                                      GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaBundleUploadReply, mfa_bundle_upload_reply_free)

G_END_DECLS
