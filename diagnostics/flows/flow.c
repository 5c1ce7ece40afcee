/* flow.c: reading troubleshooting flows from JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "flow"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "flow.h"
#include "mfa-error.h"
#include "mfa-input.h"
#include "mfa-json-depth.h"

/* A flows file is a few hundred kilobytes at most; refuse anything absurd. */
#define MAX_FLOWS_FILE_SIZE (4 * 1024 * 1024)

struct _MfaFlowSet
{
  GPtrArray *flows; /* of MfaFlow */
};

static const gchar *step_type_names[] = {
  "question", "advice", "check", "branch", "ticket", "done",
};

const gchar *
mfa_step_type_to_string (MfaStepType type)
{
  g_return_val_if_fail (type <= MFA_STEP_DONE, NULL);

  return step_type_names[type];
}

gboolean
mfa_step_type_is_terminal (MfaStepType type)
{
  return type == MFA_STEP_TICKET || type == MFA_STEP_DONE;
}

static void
edge_free (MfaFlowEdge *edge)
{
  g_free (edge->label);
  g_free (edge->next);
  g_free (edge->verdict);
  g_free (edge->set_fact);
  g_free (edge->set_value);
  g_free (edge->case_value);
  g_free (edge);
}

static void
link_free (MfaFlowLink *link)
{
  g_free (link->label);
  g_free (link->url);
  g_free (link);
}

static void
step_free (MfaFlowStep *step)
{
  g_free (step->id);
  g_free (step->title);
  g_free (step->text);
  g_free (step->check);
  g_free (step->fact);
  g_ptr_array_unref (step->edges);
  g_ptr_array_unref (step->links);
  g_free (step);
}

static void
flow_free (MfaFlow *flow)
{
  g_free (flow->id);
  g_free (flow->title);
  g_free (flow->subtitle);
  g_free (flow->keywords);
  g_hash_table_unref (flow->by_id);
  g_ptr_array_unref (flow->steps);
  g_free (flow);
}

static void
flow_set_clear (MfaFlowSet *set)
{
  g_ptr_array_unref (set->flows);
}

MfaFlowSet *
mfa_flow_set_ref (MfaFlowSet *set)
{
  return g_rc_box_acquire (set);
}

void
mfa_flow_set_unref (MfaFlowSet *set)
{
  g_rc_box_release_full (set, (GDestroyNotify) flow_set_clear);
}

/* Where in the file a problem is, for error messages: "flow “x”, step “y”". */
typedef struct
{
  const gchar *flow_id;
  const gchar *step_id;
} Place;

static gchar *
place_describe (const Place *place)
{
  if (place->flow_id != NULL && place->step_id != NULL)
    return g_strdup_printf (_("flow “%s”, step “%s”"), place->flow_id, place->step_id);
  if (place->flow_id != NULL)
    return g_strdup_printf (_("flow “%s”"), place->flow_id);
  return g_strdup (_("the flows file"));
}

static gboolean
fail_at (const Place  *place,
         GError      **error,
         const gchar  *what)
{
  g_autofree gchar *where = place_describe (place);

  g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_FLOW, "%s: %s", where, what);
  return FALSE;
}

/* Reads a string member; a missing optional one leaves *out NULL. */
static gboolean
read_string (JsonReader   *reader,
             const gchar  *name,
             gboolean      required,
             const Place  *place,
             gchar       **out,
             GError      **error)
{
  const gchar *value;
  gboolean present = json_reader_read_member (reader, name);

  value = present ? json_reader_get_string_value (reader) : NULL;
  json_reader_end_member (reader);
  if (value == NULL || value[0] == '\0')
    {
      g_autofree gchar *what = NULL;

      if (!required && !present)
        return TRUE;
      what = g_strdup_printf (_("“%s” must be a non-empty text"), name);
      return fail_at (place, error, what);
    }
  *out = g_strdup (value);
  return TRUE;
}

/* Enters an array member; returns its length, 0 for a missing optional one, or
 * -1 (with error) if it is not a list. The caller ends the member either way. */
static gint
enter_array (JsonReader   *reader,
             const gchar  *name,
             gboolean      required,
             const Place  *place,
             GError      **error)
{
  g_autofree gchar *what = NULL;
  gboolean present = json_reader_read_member (reader, name);

  if (present && json_reader_is_array (reader))
    return json_reader_count_elements (reader);
  if (!present && !required)
    return 0;
  what = g_strdup_printf (_("“%s” must be a list"), name);
  fail_at (place, error, what);
  return -1;
}

static MfaFlowEdge *
edge_new (const gchar *label,
          const gchar *next)
{
  MfaFlowEdge *edge = g_new0 (MfaFlowEdge, 1);

  edge->label = g_strdup (label);
  edge->next = g_strdup (next);
  return edge;
}

static gboolean
read_links (JsonReader   *reader,
            MfaFlowStep  *step,
            const Place  *place,
            GError      **error)
{
  gint n = enter_array (reader, "links", FALSE, place, error);

  for (gint i = 0; i < n; i++)
    {
      g_autofree gchar *label = NULL;
      g_autofree gchar *url = NULL;
      MfaFlowLink *link;

      json_reader_read_element (reader, i);
      if (!read_string (reader, "label", TRUE, place, &label, error)
          || !read_string (reader, "url", TRUE, place, &url, error))
        return FALSE;
      json_reader_end_element (reader);
      if (!g_str_has_prefix (url, "https://"))
        return fail_at (place, error, _("links must be https:// addresses"));
      link = g_new0 (MfaFlowLink, 1);
      link->label = g_steal_pointer (&label);
      link->url = g_steal_pointer (&url);
      g_ptr_array_add (step->links, link);
    }
  json_reader_end_member (reader);
  return n >= 0;
}

/* question: "choices": [{"label", "next", optional "fact" + "value"}] */
static gboolean
read_choices (JsonReader   *reader,
              MfaFlowStep  *step,
              const Place  *place,
              GError      **error)
{
  gint n = enter_array (reader, "choices", TRUE, place, error);

  if (n == 0)
    return fail_at (place, error, _("a question needs at least one choice"));
  for (gint i = 0; i < n; i++)
    {
      MfaFlowEdge *edge = g_new0 (MfaFlowEdge, 1);

      g_ptr_array_add (step->edges, edge);
      json_reader_read_element (reader, i);
      if (!read_string (reader, "label", TRUE, place, &edge->label, error)
          || !read_string (reader, "next", TRUE, place, &edge->next, error)
          || !read_string (reader, "fact", FALSE, place, &edge->set_fact, error)
          || !read_string (reader, "value", edge->set_fact != NULL, place, &edge->set_value,
                           error))
        return FALSE;
      json_reader_end_element (reader);
    }
  json_reader_end_member (reader);
  return n > 0;
}

/* check: "outcomes": [{"verdict", "label", "next"}] */
static gboolean
read_outcomes (JsonReader   *reader,
               MfaFlowStep  *step,
               const Place  *place,
               GError      **error)
{
  gint n = enter_array (reader, "outcomes", TRUE, place, error);

  if (n == 0)
    return fail_at (place, error, _("a check needs at least one outcome"));
  for (gint i = 0; i < n; i++)
    {
      MfaFlowEdge *edge = g_new0 (MfaFlowEdge, 1);

      g_ptr_array_add (step->edges, edge);
      json_reader_read_element (reader, i);
      if (!read_string (reader, "verdict", TRUE, place, &edge->verdict, error)
          || !read_string (reader, "label", TRUE, place, &edge->label, error)
          || !read_string (reader, "next", TRUE, place, &edge->next, error))
        return FALSE;
      json_reader_end_element (reader);
    }
  json_reader_end_member (reader);
  return n > 0;
}

/* branch: "fact", "cases": [{"value", "next"}], "otherwise" */
static gboolean
read_cases (JsonReader   *reader,
            MfaFlowStep  *step,
            const Place  *place,
            GError      **error)
{
  g_autofree gchar *otherwise = NULL;
  gint n;

  if (!read_string (reader, "fact", TRUE, place, &step->fact, error)
      || !read_string (reader, "otherwise", TRUE, place, &otherwise, error))
    return FALSE;
  n = enter_array (reader, "cases", TRUE, place, error);
  for (gint i = 0; i < n; i++)
    {
      MfaFlowEdge *edge = g_new0 (MfaFlowEdge, 1);

      g_ptr_array_add (step->edges, edge);
      json_reader_read_element (reader, i);
      if (!read_string (reader, "value", TRUE, place, &edge->case_value, error)
          || !read_string (reader, "next", TRUE, place, &edge->next, error))
        return FALSE;
      json_reader_end_element (reader);
    }
  json_reader_end_member (reader);
  if (n < 0)
    return FALSE;
  g_ptr_array_add (step->edges, edge_new (NULL, otherwise));
  return TRUE;
}

/* advice: "fixed" and "not_fixed" become the two answers to "did this fix it?" */
static gboolean
read_advice (JsonReader   *reader,
             MfaFlowStep  *step,
             const Place  *place,
             GError      **error)
{
  g_autofree gchar *fixed = NULL;
  g_autofree gchar *not_fixed = NULL;

  if (!read_string (reader, "fixed", TRUE, place, &fixed, error)
      || !read_string (reader, "not_fixed", TRUE, place, &not_fixed, error))
    return FALSE;
  g_ptr_array_add (step->edges, edge_new (N_("Yes, that fixed it"), fixed));
  g_ptr_array_add (step->edges, edge_new (N_("No, it still fails"), not_fixed));
  return TRUE;
}

/* advice: optional "wait_seconds", for "you may try again in 0:59" */
static gboolean
read_wait (JsonReader   *reader,
           MfaFlowStep  *step,
           const Place  *place,
           GError      **error)
{
  gint64 seconds = 0;

  if (json_reader_read_member (reader, "wait_seconds"))
    seconds = json_reader_get_int_value (reader);
  else
    seconds = -1;
  json_reader_end_member (reader);
  if (seconds == -1)
    return TRUE;
  if (seconds < 1 || seconds > 24 * 3600)
    return fail_at (place, error, _("“wait_seconds” must be a whole number from 1 to 86400"));
  step->wait_seconds = seconds;
  return TRUE;
}

static gboolean
parse_step_type (const gchar *name,
                 MfaStepType *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_type_names); i++)
    if (g_str_equal (name, step_type_names[i]))
      {
        *type = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
read_step_body (JsonReader   *reader,
                MfaFlowStep  *step,
                const Place  *place,
                GError      **error)
{
  gboolean shown = step->type != MFA_STEP_BRANCH;

  if (!read_string (reader, "title", shown, place, &step->title, error)
      || !read_string (reader, "text", FALSE, place, &step->text, error)
      || !read_links (reader, step, place, error))
    return FALSE;
  switch (step->type)
    {
    case MFA_STEP_QUESTION:
      return read_choices (reader, step, place, error);
    case MFA_STEP_ADVICE:
      return read_wait (reader, step, place, error)
             && read_advice (reader, step, place, error);
    case MFA_STEP_CHECK:
      return read_string (reader, "check", TRUE, place, &step->check, error)
             && read_outcomes (reader, step, place, error);
    case MFA_STEP_BRANCH:
      return read_cases (reader, step, place, error);
    case MFA_STEP_TICKET:
    case MFA_STEP_DONE:
    default:
      return TRUE;
    }
}

static MfaFlowStep *
read_step (JsonReader   *reader,
           Place        *place,
           GError      **error)
{
  g_autofree gchar *type_name = NULL;
  MfaFlowStep *step = g_new0 (MfaFlowStep, 1);

  step->edges = g_ptr_array_new_with_free_func ((GDestroyNotify) edge_free);
  step->links = g_ptr_array_new_with_free_func ((GDestroyNotify) link_free);
  if (!json_reader_is_object (reader))
    {
      fail_at (place, error, _("every step must be an object"));
      step_free (step);
      return NULL;
    }
  if (!read_string (reader, "id", TRUE, place, &step->id, error))
    {
      step_free (step);
      return NULL;
    }
  place->step_id = step->id;
  if (!read_string (reader, "type", TRUE, place, &type_name, error)
      || (!parse_step_type (type_name, &step->type)
          && !fail_at (place, error, _("“type” must be question, advice, check, branch, "
                                       "ticket or done")))
      || !read_step_body (reader, step, place, error))
    {
      step_free (step);
      return NULL;
    }
  return step;
}

static gboolean
read_steps (JsonReader  *reader,
            MfaFlow     *flow,
            Place       *place,
            GError     **error)
{
  gint n = enter_array (reader, "steps", TRUE, place, error);

  if (n == 0)
    return fail_at (place, error, _("a flow needs at least one step"));
  for (gint i = 0; i < n; i++)
    {
      MfaFlowStep *step;

      json_reader_read_element (reader, i);
      step = read_step (reader, place, error);
      json_reader_end_element (reader);
      if (step == NULL)
        return FALSE;
      g_ptr_array_add (flow->steps, step);
      if (!g_hash_table_insert (flow->by_id, step->id, step))
        return fail_at (place, error, _("two steps have this id"));
    }
  json_reader_end_member (reader);
  place->step_id = NULL;
  return n > 0;
}

static MfaFlow *
read_flow (JsonReader  *reader,
           GError     **error)
{
  MfaFlow *flow = g_new0 (MfaFlow, 1);
  Place place = { NULL, NULL };

  flow->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  flow->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  if (!read_string (reader, "id", TRUE, &place, &flow->id, error))
    {
      flow_free (flow);
      return NULL;
    }
  place.flow_id = flow->id;
  if (!read_string (reader, "title", TRUE, &place, &flow->title, error)
      || !read_string (reader, "subtitle", TRUE, &place, &flow->subtitle, error)
      || !read_string (reader, "keywords", FALSE, &place, &flow->keywords, error)
      || !read_steps (reader, flow, &place, error))
    {
      flow_free (flow);
      return NULL;
    }
  return flow;
}

static gboolean
read_header (JsonReader  *reader,
             GError     **error)
{
  const gchar *format;
  gint64 version;

  if (!json_reader_is_object (reader))
    return fail_at (&(Place) { NULL, NULL }, error, _("the top level must be an object"));
  json_reader_read_member (reader, "format");
  format = json_reader_get_string_value (reader);
  json_reader_end_member (reader);
  json_reader_read_member (reader, "version");
  version = json_reader_get_int_value (reader);
  json_reader_end_member (reader);
  if (g_strcmp0 (format, "mfa-flows") != 0 || version != 1)
    return fail_at (&(Place) { NULL, NULL }, error,
                    _("not an MFA Troubleshooter flows file (format “mfa-flows”, version 1)"));
  return TRUE;
}

static gboolean
read_flows (JsonReader  *reader,
            MfaFlowSet  *set,
            GError     **error)
{
  Place place = { NULL, NULL };
  gint n = enter_array (reader, "flows", TRUE, &place, error);

  if (n == 0)
    return fail_at (&place, error, _("the file holds no flows"));
  for (gint i = 0; i < n; i++)
    {
      MfaFlow *flow;

      json_reader_read_element (reader, i);
      flow = read_flow (reader, error);
      json_reader_end_element (reader);
      if (flow == NULL)
        return FALSE;
      if (mfa_flow_set_find_flow (set, flow->id) != NULL)
        {
          place.flow_id = flow->id;
          fail_at (&place, error, _("two flows have this id"));
          flow_free (flow);
          return FALSE;
        }
      g_ptr_array_add (set->flows, flow);
    }
  json_reader_end_member (reader);
  return n > 0;
}

MfaFlowSet *
mfa_flow_set_load_data (const gchar  *data,
                        gssize        length,
                        GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonReader) reader = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(MfaFlowSet) set = g_rc_box_new0 (MfaFlowSet);

  set->flows = g_ptr_array_new_with_free_func ((GDestroyNotify) flow_free);
  if (!mfa_json_check_depth (data, length, _("The flows file"), MFA_ERROR_INVALID_FLOW, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_FLOW,
                   _("The flows file is not valid JSON: %s"), parse_error->message);
      return NULL;
    }
  reader = json_reader_new (json_parser_get_root (parser));
  if (!read_header (reader, error) || !read_flows (reader, set, error))
    return NULL;
  return g_steal_pointer (&set);
}

MfaFlowSet *
mfa_flow_set_load_file (const gchar  *path,
                        GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree gchar *local_path = g_file_get_path (file);
  g_autoptr(GError) local_error = NULL;
  g_autofree gchar *contents = NULL;
  gsize length;

  /* A local file is read only when regular, and never past the limit. */
  if (local_path != NULL)
    {
      g_autoptr(GBytes) bytes = mfa_input_read_file (local_path, MAX_FLOWS_FILE_SIZE,
                                                     &local_error);

      if (g_error_matches (local_error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT))
        {
          g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_FLOW,
                       _("The flows file “%s” is larger than 4 MiB"), path);
          return NULL;
        }
      if (bytes == NULL)
        {
          g_set_error (error, MFA_ERROR, MFA_ERROR_IO, "%s", local_error->message);
          return NULL;
        }
      return mfa_flow_set_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     error);
    }
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_IO, _("Cannot read the flows file “%s”: %s"),
                   path, local_error->message);
      return NULL;
    }
  if (length > MAX_FLOWS_FILE_SIZE)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_FLOW,
                   _("The flows file “%s” is larger than 4 MiB"), path);
      return NULL;
    }
  return mfa_flow_set_load_data (contents, length, error);
}

GResource *mfa_flows_get_resource (void);

MfaFlowSet *
mfa_flow_set_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const gchar *data;

  bytes = g_resource_lookup_data (mfa_flows_get_resource (), MFA_FLOWS_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return mfa_flow_set_load_data (data, length, error);
}

guint
mfa_flow_set_get_n_flows (MfaFlowSet *set)
{
  return set->flows->len;
}

const MfaFlow *
mfa_flow_set_get_flow (MfaFlowSet *set,
                       guint       index)
{
  g_return_val_if_fail (index < set->flows->len, NULL);

  return g_ptr_array_index (set->flows, index);
}

const MfaFlow *
mfa_flow_set_find_flow (MfaFlowSet  *set,
                        const gchar *id)
{
  for (guint i = 0; i < set->flows->len; i++)
    {
      const MfaFlow *flow = g_ptr_array_index (set->flows, i);

      if (g_strcmp0 (flow->id, id) == 0)
        return flow;
    }
  return NULL;
}

const MfaFlowStep *
mfa_flow_find_step (const MfaFlow *flow,
                    const gchar   *id)
{
  return id != NULL ? g_hash_table_lookup (flow->by_id, id) : NULL;
}

const MfaFlowStep *
mfa_flow_get_start (const MfaFlow *flow)
{
  return g_ptr_array_index (flow->steps, 0);
}

static gboolean
contains_folded (const gchar *haystack,
                 const gchar *folded_needle)
{
  g_autofree gchar *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, folded_needle) != NULL;
}

/* Matches the translated and the English words alike, so a Chinese user who
 * types an English term (or the reverse) still finds the topic. */
gboolean
mfa_flow_matches (const MfaFlow *flow,
                  const gchar   *query)
{
  const gchar *fields[] = { flow->title, flow->subtitle, flow->keywords };
  g_autofree gchar *stripped = g_strstrip (g_strdup (query != NULL ? query : ""));
  g_autofree gchar *needle = g_utf8_casefold (stripped, -1);

  if (needle[0] == '\0')
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL
        && (contains_folded (fields[i], needle) || contains_folded (_(fields[i]), needle)))
      return TRUE;
  return FALSE;
}
