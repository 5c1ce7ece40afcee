/* mfa-attachment-window.h: one attachment of a ticket, zoomable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mfadiag.h"

G_BEGIN_DECLS

/* The most pixels the viewer decodes in one image (a thumbnail or the
 * zoomed picture): a 5K screenshot fits; more would cost gigabytes. */
#define MFA_VIEWER_MAX_PIXELS (16 * 1024 * 1024)

/* A verified attachment as the viewer holds it. */
typedef struct
{
  gchar      *path;
  gchar      *kind;
  gchar      *caption;    /* printable */
  gchar      *taken;      /* printable ISO 8601, or NULL */
  GArray     *masked;     /* GdkRectangle: areas painted over (QR codes) */
  gchar      *bundle;     /* the bundle's file, read again to zoom: no copy held */
  gchar      *sha256;     /* as verified */
  GdkTexture *thumbnail;  /* NULL when the image cannot be decoded */
} MfaAttachment;

MfaAttachment *mfa_attachment_new      (JsonNode            *manifest,
                                        const MfaBundleFile *file,
                                        const gchar         *bundle);
void           mfa_attachment_free     (MfaAttachment       *attachment);
gchar         *mfa_attachment_describe (const MfaAttachment *attachment);

#define MFA_TYPE_ATTACHMENT_WINDOW (mfa_attachment_window_get_type ())

G_DECLARE_FINAL_TYPE (MfaAttachmentWindow, mfa_attachment_window, MFA, ATTACHMENT_WINDOW, AdwWindow)

void           mfa_attachment_window_show (GtkWindow     *parent,
                                           MfaAttachment *attachment);

G_END_DECLS
