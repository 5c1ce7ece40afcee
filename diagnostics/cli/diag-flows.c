/* diag-flows.c: mfa-diag flows — check a troubleshooting flows file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "diag-flows"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cli-common.h"
#include "cli-json.h"
#include "diag-commands.h"
#include "mfadiag.h"

typedef struct
{
  gchar     *check_file;
  gchar    **po_files;
  gboolean   json;
  gboolean   c_strings;
} FlowsOptions;

static void
flows_options_clear (FlowsOptions *options)
{
  g_free (options->check_file);
  g_strfreev (options->po_files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FlowsOptions, flows_options_clear)

static JsonNode *
build_report (MfaFlowSet  *set,
              const gchar *source,
              GPtrArray   *problems)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, source);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, problems->len == 0);
  json_builder_set_member_name (builder, "flows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mfa_flow_set_get_n_flows (set); i++)
    {
      const MfaFlow *flow = mfa_flow_set_get_flow (set, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, flow->id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, flow->title);
      json_builder_set_member_name (builder, "steps");
      json_builder_add_int_value (builder, flow->steps->len);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      const MfaFlowProblem *problem = g_ptr_array_index (problems, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, problem->kind);
      json_builder_set_member_name (builder, "flow");
      json_builder_add_string_value (builder, problem->flow_id);
      json_builder_set_member_name (builder, "step");
      json_builder_add_string_value (builder, problem->step_id);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_report (MfaFlowSet  *set,
              const gchar *source,
              GPtrArray   *problems)
{
  for (guint i = 0; i < mfa_flow_set_get_n_flows (set); i++)
    {
      const MfaFlow *flow = mfa_flow_set_get_flow (set, i);

      g_print ("%-24s %s\n", flow->id, _(flow->title));
    }
  for (guint i = 0; i < problems->len; i++)
    {
      const MfaFlowProblem *problem = g_ptr_array_index (problems, i);

      if (problem->step_id != NULL)
        g_print (_("problem: flow “%s”, step “%s”: %s\n"), problem->flow_id, problem->step_id,
                 problem->message);
      else if (problem->flow_id != NULL)
        g_print (_("problem: flow “%s”: %s\n"), problem->flow_id, problem->message);
      else
        g_print (_("problem: %s\n"), problem->message);
    }
  if (problems->len == 0)
    g_print (_("%s: %u flows, no problems\n"), source, mfa_flow_set_get_n_flows (set));
}

static GPtrArray *
load_catalogs (gchar   **po_files,
               GError  **error)
{
  g_autoptr(GPtrArray) catalogs = g_ptr_array_new_with_free_func ((GDestroyNotify) mfa_po_catalog_free);

  for (guint i = 0; po_files != NULL && po_files[i] != NULL; i++)
    {
      MfaPoCatalog *catalog = mfa_po_catalog_load (po_files[i], error);

      if (catalog == NULL)
        return NULL;
      g_ptr_array_add (catalogs, catalog);
    }
  return g_steal_pointer (&catalogs);
}

int
mfa_diag_flows_main (int    argc,
                     char **argv)
{
  g_auto(FlowsOptions) options = { 0 };
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_FILENAME, &options.check_file,
      N_("Check this flows file instead of the shipped flows"), N_("FILE") },
    { "po", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.po_files,
      N_("Report texts this translation (e.g. po/zh_CN.po) lacks; repeatable"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json, N_("Print the result as JSON"), NULL },
    { "c-strings", 0, 0, G_OPTION_ARG_NONE, &options.c_strings,
      N_("Print the flows’ texts as N_() strings for xgettext"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaFlowSet) set = NULL;
  g_autoptr(GPtrArray) catalogs = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const gchar *source;
  int status;

  g_option_context_set_summary (context, _("Check troubleshooting flows: unknown step ids, "
                                           "unreachable steps, dead ends, unknown checks and "
                                           "missing translations."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = mfa_cli_parse (context, &argc, &argv)) != MFA_EXIT_OK)
    return status;
  if (argc > 1)
    return mfa_cli_fail (_("unexpected argument “%s”"), argv[1]);

  source = options.check_file != NULL ? options.check_file : "default";
  set = options.check_file != NULL ? mfa_flow_set_load_file (options.check_file, &error)
                                   : mfa_flow_set_load_default (&error);
  if (set == NULL || (catalogs = load_catalogs (options.po_files, &error)) == NULL)
    return mfa_cli_fail ("%s", error->message);
  if (options.c_strings)
    {
      g_autofree gchar *text = mfa_flow_set_format_c_strings (set);

      g_print ("%s", text);
      return MFA_EXIT_OK;
    }

  problems = mfa_flow_set_validate (set, (MfaPoCatalog **) catalogs->pdata, catalogs->len);
  if (options.json)
    {
      g_autoptr(JsonNode) report = build_report (set, source, problems);

      mfa_cli_print_json (report);
    }
  else
    print_report (set, source, problems);
  return problems->len == 0 ? MFA_EXIT_OK : MFA_EXIT_PROBLEM;
}
