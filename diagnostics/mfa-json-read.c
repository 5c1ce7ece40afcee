/* mfa-json-read.c: reading JSON we did not write, tolerating every shape
 *
 * Bundles, evidence, exports and server answers come from outside: a member
 * may be missing or of another type. json-glib's getters warn (and return
 * nonsense) on a wrong type, so every reader goes through these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-json-read"

#include "config.h"

#include <math.h>

#include "mfa-json-read.h"

JsonObject *
mfa_json_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonNode *
mfa_json_member (JsonObject  *object,
                 const gchar *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

gboolean
mfa_json_has_member (JsonObject  *object,
                     const gchar *name)
{
  return object != NULL && json_object_has_member (object, name);
}

JsonObject *
mfa_json_member_object (JsonObject  *object,
                        const gchar *name)
{
  return mfa_json_object (mfa_json_member (object, name));
}

JsonArray *
mfa_json_member_array (JsonObject  *object,
                       const gchar *name)
{
  JsonNode *node = mfa_json_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static GType
value_type (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node)
                                                      : G_TYPE_INVALID;
}

const gchar *
mfa_json_member_string (JsonObject  *object,
                        const gchar *name)
{
  JsonNode *node = mfa_json_member (object, name);

  return value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

gboolean
mfa_json_member_integer (JsonObject  *object,
                         const gchar *name,
                         gint64      *value)
{
  JsonNode *node = mfa_json_member (object, name);

  if (value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

gboolean
mfa_json_member_number (JsonObject  *object,
                        const gchar *name,
                        gdouble     *value)
{
  JsonNode *node = mfa_json_member (object, name);
  GType type = value_type (node);

  if (type == G_TYPE_INT64)
    *value = json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE && isfinite (json_node_get_double (node)))
    *value = json_node_get_double (node);
  else
    return FALSE;
  return TRUE;
}

gint64
mfa_json_member_int (JsonObject  *object,
                     const gchar *name,
                     gint64       fallback)
{
  JsonNode *node = mfa_json_member (object, name);
  GType type = value_type (node);
  gint64 value;

  if (type == G_TYPE_INT64)
    return json_node_get_int (node);
  if (type == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (node);
  if (type == G_TYPE_STRING)
    return g_ascii_string_to_signed (json_node_get_string (node), 10, G_MININT64, G_MAXINT64,
                                     &value, NULL) ? value : -1;
  return type == G_TYPE_INVALID ? fallback : -1;
}
