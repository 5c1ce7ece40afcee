/* bundle-diagnosis.c: a ticket's check evidence, said in words
 *
 * Each check gives at most one finding, ranked by how much it explains a
 * rejected code: a problem before a warning before an all-clear, and among
 * problems the phone's clock first (it makes the codes), then the codes
 * themselves, duplicate entries, and this computer's clock last. The
 * diagnosis is the first one or two findings of the highest rank. Each
 * check's sentences live with the check (code/code-wording.c,
 * clock/clock-wording.c, duplicates/duplicates-wording.c); this file ranks
 * them and says the rest of the evidence line by line.
 *
 * Everything read here came from a file someone sent: members may be
 * missing or of the wrong type, and text is made printable before use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bundle-diagnosis"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bundle-diagnosis.h"
#include "bundle-writer.h"
#include "mfa-format.h"
#include "mfa-json-read.h"
#include "clock/clock-enums.h"
#include "clock/clock-wording.h"
#include "code/code-enums.h"
#include "code/code-wording.h"
#include "duplicates/duplicates-wording.h"

/* Printable, "" for NULL; keeps line breaks (descriptions have them). */
static gchar *
printable_lines (const gchar *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gchar *clean = mfa_format_printable (lines[i]);

      g_free (lines[i]);
      lines[i] = clean;
    }
  return g_strjoinv ("\n", lines);
}

/* ---- one finding per check ----------------------------------------------- */

/* Only the manifest's line for a check: its verdict and its summary, in the
 * language of whoever made the bundle. */
static MfaFinding *
summary_finding (const gchar *kind,
                 JsonObject  *check)
{
  const gchar *verdict = mfa_json_member_string (check, "verdict");
  g_autofree gchar *summary = mfa_format_printable (mfa_json_member_string (check, "summary"));
  g_autofree gchar *name = mfa_format_printable (kind);
  MfaFindingRank rank = g_strcmp0 (verdict, "problem") == 0   ? MFA_FINDING_PROBLEM
                        : g_strcmp0 (verdict, "warning") == 0 ? MFA_FINDING_WARNING
                        : g_strcmp0 (verdict, "ok") == 0      ? MFA_FINDING_OK
                                                              : MFA_FINDING_NONE;

  if (rank == MFA_FINDING_NONE || summary[0] == '\0')
    return NULL;
  /* TRANSLATORS: a check's name (clock, code…), then its own summary */
  return mfa_finding_new (rank, 4, g_strdup_printf (_("%s: %s"), name, summary));
}

static MfaFinding *
finding_for (const gchar *kind,
             JsonObject  *check,
             JsonNode    *evidence)
{
  JsonObject *object = mfa_json_object (evidence);
  MfaFinding *finding = NULL;

  if (object != NULL && g_str_equal (kind, "phone-clock"))
    finding = mfa_phone_clock_finding (object);
  if (finding != NULL)
    finding->phone_time = TRUE;
  else if (object != NULL && g_str_equal (kind, "code"))
    finding = mfa_code_finding (object);
  else if (object != NULL && g_str_equal (kind, "duplicates"))
    finding = mfa_duplicates_finding (object);
  else if (object != NULL && g_str_equal (kind, "clock"))
    finding = mfa_clock_finding (object);
  return finding != NULL ? finding : summary_finding (kind, check);
}

static gint
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const MfaFinding *x = *(const MfaFinding **) a, *y = *(const MfaFinding **) b;

  return x->rank != y->rank ? (gint) y->rank - (gint) x->rank : x->order - y->order;
}

static GList *
kinds_of (JsonObject *checks,
          JsonObject *evidence)
{
  GList *kinds = checks != NULL ? json_object_get_members (checks) : NULL;
  g_autoptr(GList) more = evidence != NULL ? json_object_get_members (evidence) : NULL;

  for (GList *l = more; l != NULL; l = l->next)
    if (g_list_find_custom (kinds, l->data, (GCompareFunc) g_strcmp0) == NULL)
      kinds = g_list_append (kinds, l->data);
  return kinds;
}

gchar *
mfa_bundle_diagnosis (JsonObject *checks,
                      JsonObject *evidence)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) mfa_finding_free);
  g_autoptr(GList) kinds = kinds_of (checks, evidence);
  g_autoptr(GString) text = g_string_new (NULL);
  MfaFinding *first;

  for (GList *l = kinds; l != NULL; l = l->next)
    {
      MfaFinding *finding = finding_for (l->data, mfa_json_object (mfa_json_member (checks, l->data)),
                                      mfa_json_member (evidence, l->data));

      if (finding != NULL)
        g_ptr_array_add (findings, finding);
    }
  if (findings->len == 0)
    return g_strdup (kinds == NULL ? _("No check was run: read what the user wrote.")
                                   : _("The checks found nothing conclusive: read what the "
                                       "user wrote."));
  g_ptr_array_sort (findings, compare_findings);
  first = g_ptr_array_index (findings, 0);
  if (first->rank == MFA_FINDING_OK)
    g_string_append (text, _("No check found a problem."));
  for (guint i = 0, shown = 0; i < findings->len && shown < 2; i++)
    {
      MfaFinding *finding = g_ptr_array_index (findings, i);

      if (finding->rank != first->rank)
        break;
      /* A drifting code says again what the phone's clock already said. */
      if (finding->phone_time && shown > 0 && first->phone_time)
        continue;
      shown++;
      if (text->len > 0)
        {
          /* TRANSLATORS: two sentences in a row; languages without spaces
           * between sentences drop the space */
          g_autofree gchar *joined = g_strdup_printf (C_("sentences", "%s %s"), text->str,
                                                      finding->text);

          g_string_assign (text, joined);
        }
      else
        g_string_append (text, finding->text);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- the evidence, line by line -------------------------------------------- */

const gchar *
mfa_bundle_attachment_kind_label (const gchar *kind)
{
  if (g_strcmp0 (kind, "error-page") == 0)
    return _("The error page");
  if (g_strcmp0 (kind, "phone-time") == 0)
    return _("The time shown on the phone");
  return _("Other");
}

const gchar *
mfa_bundle_account_type_label (const gchar *type)
{
  if (g_strcmp0 (type, "ram-user") == 0)
    return _("RAM user");
  if (g_strcmp0 (type, "alibaba-cloud-account") == 0)
    return _("Alibaba Cloud account");
  return NULL;
}

gchar *
mfa_bundle_check_title (const gchar *kind)
{
  if (g_strcmp0 (kind, "clock") == 0)
    return g_strdup (_("The computer’s clock"));
  if (g_strcmp0 (kind, "phone-clock") == 0)
    return g_strdup (_("The phone’s clock"));
  if (g_strcmp0 (kind, "code") == 0)
    return g_strdup (_("The codes typed"));
  if (g_strcmp0 (kind, "duplicates") == 0)
    return g_strdup (_("Duplicate authenticator entries"));
  return mfa_format_printable (kind);
}

gchar *
mfa_bundle_verdict_name (const gchar *verdict)
{
  /* The verdicts every check gives the flows (session and manifest). */
  const struct { const gchar *id, *name; } names[] = {
    { "ok", N_("fine") }, { "warning", N_("a warning") }, { "problem", N_("a problem") },
    { "unknown", N_("unknown") },
  };
  MfaPhoneClockVerdict phone;
  MfaCodeVerdict code;

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (verdict, names[i].id) == 0)
      return g_strdup (_(names[i].name));
  /* A check's own verdicts, named by the check's wording module. */
  if (mfa_phone_clock_verdict_from_nick (verdict, &phone))
    return g_strdup (mfa_phone_clock_verdict_name (phone));
  if (mfa_code_verdict_from_nick (verdict, &code))
    return g_strdup (mfa_code_verdict_name (code));
  return mfa_format_printable (verdict);
}

static void
append_clock (GString    *out,
              JsonObject *evidence)
{
  JsonArray *servers = mfa_json_member_array (evidence, "servers");
  JsonArray *http = mfa_json_member_array (evidence, "http");
  g_autofree gchar *source = mfa_format_printable (mfa_json_member_string (evidence, "source"));
  gdouble offset, uncertainty = 0;

  if (mfa_json_member_number (evidence, "offset_seconds", &offset))
    {
      mfa_json_member_number (evidence, "uncertainty_seconds", &uncertainty);
      g_string_append_printf (out, _("Offset: %+.3f s (± %.3f s), from %s"), offset,
                              uncertainty, source[0] != '\0' ? source : "?");
      g_string_append_c (out, '\n');
    }
  else
    g_string_append_printf (out, "%s\n", _("Offset: unknown, no time server answered"));
  for (guint i = 0; servers != NULL && i < json_array_get_length (servers); i++)
    {
      JsonObject *server = mfa_json_object (json_array_get_element (servers, i));
      g_autofree gchar *host = mfa_format_printable (mfa_json_member_string (server, "host"));
      g_autofree gchar *error = mfa_format_printable (mfa_json_member_string (server, "error"));
      gdouble samples = 0, delay = 0, stratum = 0;

      mfa_json_member_number (server, "samples", &samples);
      if (samples > 0 && mfa_json_member_number (server, "offset_seconds", &offset))
        {
          mfa_json_member_number (server, "delay_seconds", &delay);
          mfa_json_member_number (server, "stratum", &stratum);
          g_string_append_printf (out, _("• %s: %+.3f s, delay %.0f ms, stratum %d, %d "
                                         "samples"),
                                  host, offset, delay * 1000, (gint) CLAMP (stratum, 0, 16),
                                  (gint) CLAMP (samples, 0, 1000));
        }
      else
        g_string_append_printf (out, _("• %s: no answer (%s)"), host, error);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; http != NULL && i < json_array_get_length (http); i++)
    {
      JsonObject *time = mfa_json_object (json_array_get_element (http, i));
      g_autofree gchar *url = mfa_format_printable (mfa_json_member_string (time, "url"));
      g_autofree gchar *error = mfa_format_printable (mfa_json_member_string (time, "error"));

      if (mfa_json_member_number (time, "offset_seconds", &offset))
        {
          mfa_json_member_number (time, "uncertainty_seconds", &uncertainty);
          g_string_append_printf (out, _("• %s (web time): %+.1f s (± %.1f s)"), url, offset,
                                  uncertainty);
        }
      else
        g_string_append_printf (out, _("• %s (web time): no answer (%s)"), url, error);
      g_string_append_c (out, '\n');
    }
}

static void
append_phone_clock (GString    *out,
                    JsonObject *evidence)
{
  gdouble low, high;

  if (mfa_json_member_number (evidence, "offset_min_seconds", &low)
      && mfa_json_member_number (evidence, "offset_max_seconds", &high))
    {
      g_string_append_printf (out, _("Offset: between %+.0f s and %+.0f s (+ is ahead)"),
                              MIN (low, high), MAX (low, high));
      g_string_append_c (out, '\n');
    }
}

static void
append_codes (GString    *out,
              JsonObject *evidence)
{
  JsonArray *codes = mfa_json_member_array (evidence, "codes");
  g_autofree gchar *reference = mfa_format_printable (mfa_json_member_string (evidence,
                                                                     "reference_time"));

  if (reference[0] != '\0')
    {
      g_string_append_printf (out, _("Checked against %s"), reference);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; codes != NULL && i < json_array_get_length (codes); i++)
    {
      JsonObject *code = mfa_json_object (json_array_get_element (codes, i));
      g_autofree gchar *verdict = mfa_bundle_verdict_name (mfa_json_member_string (code, "verdict"));
      g_autofree gchar *message = mfa_format_printable (mfa_json_member_string (code, "message"));
      gdouble offset;

      if (mfa_json_member_number (code, "offset_seconds", &offset))
        g_string_append_printf (out, _("• Code %u: %s, %+.0f s"), i + 1, verdict, offset);
      else
        g_string_append_printf (out, _("• Code %u: %s"), i + 1, verdict);
      if (message[0] != '\0')
        g_string_append_printf (out, " — %s", message);
      g_string_append_c (out, '\n');
    }
}

static void
append_duplicates (GString    *out,
                   JsonObject *evidence)
{
  JsonArray *groups = mfa_json_member_array (evidence, "groups");
  gdouble entries = 0;
  guint n_groups;

  mfa_json_member_number (evidence, "entries", &entries);
  n_groups = groups != NULL ? json_array_get_length (groups) : 0;
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%d entries read, %u group",
                                            "%d entries read, %u groups", n_groups),
                          (gint) CLAMP (entries, 0, 1e6), n_groups);
  g_string_append_c (out, '\n');
  for (guint i = 0; groups != NULL && i < json_array_get_length (groups); i++)
    {
      JsonObject *group = mfa_json_object (json_array_get_element (groups, i));
      JsonArray *members = mfa_json_member_array (group, "members");
      g_autofree gchar *issuer = mfa_format_printable (mfa_json_member_string (group, "issuer"));
      g_autofree gchar *account = mfa_format_printable (mfa_json_member_string (group, "account"));
      gboolean different = g_strcmp0 (mfa_json_member_string (group, "kind"), "different-keys") == 0;

      g_string_append_printf (out, different ? _("• %s / %s, different keys:")
                                             : _("• %s / %s, same key:"), issuer, account);
      for (guint j = 0; members != NULL && j < json_array_get_length (members); j++)
        {
          g_autofree gchar *label = mfa_format_printable (
            mfa_json_member_string (mfa_json_object (json_array_get_element (members, j)), "label"));

          g_string_append_printf (out, "%s “%s”", j > 0 ? "," : "", label);
        }
      g_string_append_c (out, '\n');
    }
}

gchar *
mfa_bundle_evidence_text (const gchar *kind,
                          JsonNode    *evidence)
{
  g_autoptr(GString) out = g_string_new (NULL);
  JsonObject *object = mfa_json_object (evidence);

  if (object == NULL || kind == NULL)
    return NULL;
  if (g_str_equal (kind, "clock"))
    append_clock (out, object);
  else if (g_str_equal (kind, "phone-clock"))
    append_phone_clock (out, object);
  else if (g_str_equal (kind, "code"))
    append_codes (out, object);
  else if (g_str_equal (kind, "duplicates"))
    append_duplicates (out, object);
  else
    return NULL;
  if (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- the whole ticket as plain text ---------------------------------------- */

gchar *
mfa_bundle_manifest_text (JsonNode    *manifest,
                          const gchar *object,
                          const gchar *name)
{
  JsonObject *inner = mfa_json_object (mfa_json_member (mfa_json_object (manifest), object));

  return printable_lines (mfa_json_member_string (inner, name));
}

/* Version 1 recorded step ids only: where the topic is one of the shipped
 * flows, its titles say what each id was, and the step that came next says
 * which answer led there. */
static const MfaFlow *
shipped_flow (MfaFlowSet  *set,
              const gchar *flow_id)
{
  return set != NULL && flow_id != NULL ? mfa_flow_set_find_flow (set, flow_id) : NULL;
}

/* Whether `edge` leads to `next`, directly or through branch steps. */
static gboolean
leads_to (const MfaFlow     *flow,
          const MfaFlowEdge *edge,
          const gchar       *next,
          guint              depth)
{
  const MfaFlowStep *step = mfa_flow_find_step (flow, edge->next);

  if (g_strcmp0 (edge->next, next) == 0)
    return TRUE;
  if (step == NULL || step->type != MFA_STEP_BRANCH || depth > 8)
    return FALSE;
  for (guint i = 0; i < step->edges->len; i++)
    if (leads_to (flow, g_ptr_array_index (step->edges, i), next, depth + 1))
      return TRUE;
  return FALSE;
}

static MfaBundleStep *
step_from_id (const MfaFlow *flow,
              const gchar   *id,
              const gchar   *next)
{
  const MfaFlowStep *known = flow != NULL ? mfa_flow_find_step (flow, id) : NULL;
  MfaBundleStep *step = mfa_bundle_step_new ();
  const MfaFlowEdge *answer = NULL;

  if (known == NULL || known->title == NULL)
    {
      step->title = g_strdup (id);
      return step;
    }
  step->title = g_strdup (known->title);
  for (guint i = 0; next != NULL && i < known->edges->len; i++)
    if (leads_to (flow, g_ptr_array_index (known->edges, i), next, 0))
      {
        /* Two answers leading to the same page say nothing about which. */
        answer = answer == NULL ? g_ptr_array_index (known->edges, i) : NULL;
        if (answer == NULL)
          break;
      }
  if (answer != NULL && known->type == MFA_STEP_ADVICE)
    step->answer = g_strdup (answer == g_ptr_array_index (known->edges, 0) ? "fixed it"
                                                                          : "did not fix it");
  else if (answer != NULL)
    step->answer = g_strdup (answer->label);
  return step;
}

/* One line each: a title from a hostile bundle cannot fake further steps. */
static gchar *
optional_line (JsonObject  *object,
               const gchar *name)
{
  const gchar *text = mfa_json_member_string (object, name);

  return text != NULL ? mfa_format_printable (text) : NULL;
}

static MfaBundleStep *
step_from_object (JsonObject *object)
{
  MfaBundleStep *step = mfa_bundle_step_new ();

  step->title = mfa_format_printable (mfa_json_member_string (object, "title"));
  step->answer = optional_line (object, "answer");
  step->result = optional_line (object, "result");
  step->title_translated = optional_line (object, "title_translated");
  step->answer_translated = optional_line (object, "answer_translated");
  return step;
}

static const gchar *
string_of (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
             && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node) : NULL;
}

GStrv
mfa_bundle_manifest_steps (JsonNode *manifest)
{
  JsonObject *problem = mfa_json_object (mfa_json_member (mfa_json_object (manifest), "problem"));
  JsonArray *steps = mfa_json_member_array (problem, "steps");
  g_autoptr(MfaFlowSet) set = mfa_flow_set_load_default (NULL);
  const MfaFlow *flow = shipped_flow (set, mfa_json_member_string (problem, "flow"));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = steps != NULL ? json_array_get_length (steps) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (steps, i);
      const gchar *id = string_of (node);
      g_autoptr(MfaBundleStep) step = NULL;
      g_autofree gchar *line = NULL;
      g_autofree gchar *translated = NULL;

      if (id != NULL)
        step = step_from_id (flow, id, i + 1 < n ? string_of (json_array_get_element (steps, i + 1))
                                                 : NULL);
      else if (mfa_json_object (node) != NULL)
        step = step_from_object (mfa_json_object (node));
      else
        continue;
      line = mfa_bundle_step_describe (step, FALSE);
      translated = mfa_bundle_step_describe (step, TRUE);
      if (translated != NULL)
        {
          g_autofree gchar *both = g_strdup_printf ("%s\n   %s", line, translated);

          g_strv_builder_add (builder, both);
        }
      else
        g_strv_builder_add (builder, line);
    }
  return g_strv_builder_end (builder);
}

gchar *
mfa_bundle_manifest_topic (JsonNode *manifest)
{
  JsonObject *problem = mfa_json_object (mfa_json_member (mfa_json_object (manifest), "problem"));
  JsonObject *topic = mfa_json_object (mfa_json_member (problem, "topic"));
  const gchar *flow_id = mfa_json_member_string (problem, "flow");
  const gchar *title = mfa_json_member_string (topic, "title");
  const gchar *translated = mfa_json_member_string (topic, "title_translated");
  g_autoptr(MfaFlowSet) set = NULL;
  g_autofree gchar *text = NULL;

  if (title == NULL && flow_id != NULL)
    {
      const MfaFlow *flow;

      set = mfa_flow_set_load_default (NULL);
      flow = shipped_flow (set, flow_id);
      title = flow != NULL ? flow->title : flow_id;
    }
  if (title == NULL)
    return g_strdup ("");
  text = translated != NULL ? g_strdup_printf ("%s (%s)", title, translated) : g_strdup (title);
  return printable_lines (text);
}

gchar *
mfa_bundle_report_text (JsonNode    *manifest,
                        JsonObject  *evidence,
                        const gchar *integrity)
{
  JsonObject *root = mfa_json_object (manifest);
  JsonObject *checks = mfa_json_object (mfa_json_member (root, "checks"));
  g_auto(GStrv) steps = mfa_bundle_manifest_steps (manifest);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GList) kinds = kinds_of (checks, evidence);
  g_autofree gchar *diagnosis = mfa_bundle_diagnosis (checks, evidence);
  g_autofree gchar *name = mfa_bundle_manifest_text (manifest, "account", "name");
  g_autofree gchar *type = mfa_bundle_manifest_text (manifest, "account", "type");
  g_autofree gchar *utc = mfa_bundle_manifest_text (manifest, "operation_time", "utc");
  g_autofree gchar *local = mfa_bundle_manifest_text (manifest, "operation_time", "local");
  g_autofree gchar *zone = mfa_bundle_manifest_text (manifest, "operation_time", "timezone");
  g_autofree gchar *words = mfa_bundle_manifest_text (manifest, "problem", "description");

  g_string_append_printf (out, "%s\n\n", diagnosis);
  g_string_append_printf (out, _("Account: %s (%s)"), name, type);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Operation time: %s UTC; %s in the user’s zone (%s)"), utc,
                          local, zone);
  g_string_append_c (out, '\n');
  if (integrity != NULL)
    {
      g_string_append_printf (out, _("Bundle: %s"), integrity);
      g_string_append_c (out, '\n');
    }
  if (words[0] != '\0')
    g_string_append_printf (out, "\n%s\n%s\n", _("In the user’s words:"), words);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      if (i == 0)
        g_string_append_printf (out, "\n%s\n", _("Steps taken:"));
      g_string_append_printf (out, "%u. %s\n", i + 1, steps[i]);
    }
  for (GList *l = kinds; l != NULL; l = l->next)
    {
      JsonObject *check = mfa_json_object (mfa_json_member (checks, l->data));
      g_autofree gchar *kind = mfa_bundle_check_title (l->data);
      g_autofree gchar *verdict = mfa_bundle_verdict_name (mfa_json_member_string (check, "verdict"));
      g_autofree gchar *details = mfa_bundle_evidence_text (l->data, mfa_json_member (evidence, l->data));

      g_string_append_printf (out, "\n%s: %s\n", kind, verdict[0] != '\0' ? verdict : "?");
      if (details != NULL)
        g_string_append_printf (out, "%s\n", details);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
