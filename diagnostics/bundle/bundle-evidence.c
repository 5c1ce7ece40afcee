/* bundle-evidence.c: only what our checks write goes into a bundle
 *
 * Evidence reaches the writer from the pages and from `mfa-ticket create
 * --check KIND=FILE`, a file anyone can edit. It is taken only as the known
 * members of a known check (as clock-report.c, phone-clock.c,
 * code-check-report.c and duplicates.c write them), and every string in it
 * is scanned for keys like the user's own words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bundle-evidence"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bundle-writer.h"
#include "mfa-error.h"

#define MAX_EVIDENCE_DEPTH 8

typedef struct
{
  const gchar *kind;
  const gchar *members;   /* space-separated, at any depth */
} KnownCheck;

static const KnownCheck known_checks[] = {
  { "clock", "verdict offset_seconds uncertainty_seconds source summary advice servers system "
             "http host address port samples delay_seconds stratum error url automatic_time "
             "available can_automatic_time synchronized timezone" },
  { "phone-clock", "kind verdict offset_min_seconds offset_max_seconds reference "
                   "reference_server codes precise read_allowance_seconds "
                   "reaction_allowance_seconds summary" },
  { "code", "reference_time window_seconds declared algorithm digits period all_current codes "
            "verdict chance message offset_steps offset_seconds confirmed replay_of confirmed_by" },
  { "duplicates", "entries partial groups issuer account kind issuer_recorded possible_issuers "
                  "members file index label type skipped place number reason" },
};

static const KnownCheck *
find_check (const gchar *kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (known_checks); i++)
    if (g_strcmp0 (known_checks[i].kind, kind) == 0)
      return &known_checks[i];
  return NULL;
}

static gboolean
is_known_member (const KnownCheck *check,
                 const gchar      *name)
{
  gsize len = strlen (name);

  for (const gchar *p = strstr (check->members, name); len > 0 && p != NULL;
       p = strstr (p + 1, name))
    if ((p == check->members || p[-1] == ' ') && (p[len] == ' ' || p[len] == '\0'))
      return TRUE;
  return FALSE;
}

static gboolean check_node (const KnownCheck *check, JsonNode *node, guint depth, GError **error);

static gboolean
check_object (const KnownCheck  *check,
              JsonObject        *object,
              guint              depth,
              GError           **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    {
      if (!is_known_member (check, l->data))
        {
          g_autofree gchar *shown = g_strescape (l->data, NULL);

          g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                       _("The %s check never writes “%s”: this evidence was changed or is not "
                         "from this app"), check->kind, shown);
          return FALSE;
        }
      if (!check_node (check, json_object_get_member (object, l->data), depth + 1, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_node (const KnownCheck  *check,
            JsonNode          *node,
            guint              depth,
            GError           **error)
{
  g_autofree gchar *field = NULL;

  if (depth > MAX_EVIDENCE_DEPTH)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("The %s check’s evidence nests deeper than the check writes it"),
                   check->kind);
      return FALSE;
    }
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return check_object (check, json_node_get_object (node), depth, error);
    case JSON_NODE_ARRAY:
      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        if (!check_node (check, json_array_get_element (json_node_get_array (node), i),
                         depth + 1, error))
          return FALSE;
      return TRUE;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) != G_TYPE_STRING)
        return TRUE;
      /* TRANSLATORS: the check's name, as in "The code check's evidence" */
      field = g_strdup_printf (_("The %s check’s evidence"), check->kind);
      return mfa_bundle_check_text (field, json_node_get_string (node), error);
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

gboolean
mfa_bundle_check_evidence (const gchar  *kind,
                           JsonNode     *evidence,
                           GError      **error)
{
  const KnownCheck *check = find_check (kind);

  if (check == NULL)
    {
      g_autofree gchar *shown = g_strescape (kind != NULL ? kind : "", NULL);

      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a check: use clock, phone-clock, code or duplicates"), shown);
      return FALSE;
    }
  if (evidence == NULL || !JSON_NODE_HOLDS_OBJECT (evidence))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("The %s check’s evidence is not a JSON object"), kind);
      return FALSE;
    }
  return check_node (check, evidence, 0, error);
}
