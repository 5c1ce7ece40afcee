/* mfa-json-depth.h: refusing JSON nested too deep before anything parses it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mfa-error.h"

G_BEGIN_DECLS

/* Far deeper than any file this app reads or writes (a manifest, evidence,
 * an export, a flows file nest fewer than ten levels), far shallower than
 * what overflows json-glib's recursive parser. */
#define MFA_JSON_MAX_DEPTH 64

/* Scans `data` (len bytes; -1: NUL-terminated) for the nesting of arrays and
 * objects outside strings. FALSE, with `code` in MFA_ERROR and a message
 * naming `what`, when it nests deeper than MFA_JSON_MAX_DEPTH. Says nothing
 * else about the JSON: the parser does that, now safely. */
gboolean mfa_json_check_depth (const gchar  *data,
                               gssize        len,
                               const gchar  *what,
                               MfaError      code,
                               GError      **error);

G_END_DECLS
