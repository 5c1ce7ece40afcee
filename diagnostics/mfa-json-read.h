/* mfa-json-read.h: reading JSON we did not write, tolerating every shape
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Each takes NULL for the object (so that lookups chain: a missing or
 * misshapen level gives NULL, never a critical) and checks the member's type
 * before reading it. */

/* The object `node` holds, or NULL. */
JsonObject  *mfa_json_object          (JsonNode    *node);
/* The member's node, or NULL. */
JsonNode    *mfa_json_member          (JsonObject  *object,
                                       const gchar *name);
gboolean     mfa_json_has_member      (JsonObject  *object,
                                       const gchar *name);
JsonObject  *mfa_json_member_object   (JsonObject  *object,
                                       const gchar *name);
JsonArray   *mfa_json_member_array    (JsonObject  *object,
                                       const gchar *name);
/* The string, or NULL when the member is missing or not a string. */
const gchar *mfa_json_member_string   (JsonObject  *object,
                                       const gchar *name);
/* TRUE with `value` set when the member is a JSON integer. */
gboolean     mfa_json_member_integer  (JsonObject  *object,
                                       const gchar *name,
                                       gint64      *value);
/* TRUE with `value` set when the member is a finite number. */
gboolean     mfa_json_member_number   (JsonObject  *object,
                                       const gchar *name,
                                       gdouble     *value);
/* Exports' counts: numbers and numbers written as strings (andOTP and 2FAS
 * do both). `fallback` when missing or not a value, -1 for a string that is
 * not a number. */
gint64       mfa_json_member_int      (JsonObject  *object,
                                       const gchar *name,
                                       gint64       fallback);

G_END_DECLS
