/* qr-module.h: the QR reader, loaded when a command first needs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The functions of qr/qr-image.h that `mfa-diag code --qr` uses. */
typedef struct
{
  gboolean   (*is_image)     (const guint8 *data,
                              gsize         len);
  GPtrArray *(*find_in_data) (const guint8 *data,
                              gsize         len,
                              GError      **error);
} MfaQrModule;

const MfaQrModule *mfa_qr_module_load (GError **error);

G_END_DECLS
