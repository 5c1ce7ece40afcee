/* base32.h: RFC 4648 base32 as users paste it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mfa-secret.h"

G_BEGIN_DECLS

/* Longest key accepted, in decoded bytes: far above any authenticator's
 * (typically 10–64), low enough that hostile input cannot make us work hard. */
#define MFA_BASE32_MAX_KEY_BYTES 256

MfaSecret *mfa_base32_decode (const gchar  *text,
                              GError      **error);
gchar     *mfa_base32_encode (const guint8 *data,
                              gsize         len);

G_END_DECLS
