/* ticket-create.c: mfa-ticket create
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ticket-create"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cli-common.h"
#include "mfadiag.h"
#include "ticket-commands.h"
#include "mfa-json-read.h"

/* KIND=FILE, as --attach and --check take it; FALSE when it is not that. */
static gboolean
split_spec (const gchar  *spec,
            gchar       **kind,
            const gchar **file)
{
  const gchar *equals = strchr (spec, '=');

  if (equals == NULL || equals == spec || equals[1] == '\0')
    return FALSE;
  *kind = g_strndup (spec, equals - spec);
  *file = equals + 1;
  return TRUE;
}

/* A topic is one of the flows this app ships, nothing else: free text
 * there would be one more place for a key to slip into the bundle. */
static gboolean
check_topic (const gchar  *topic,
             GError      **error)
{
  g_autoptr(MfaFlowSet) flows = mfa_flow_set_load_default (error);
  g_autoptr(GString) known = g_string_new (NULL);

  if (flows == NULL)
    return FALSE;
  if (mfa_flow_set_find_flow (flows, topic) != NULL)
    return TRUE;
  for (guint i = 0; i < mfa_flow_set_get_n_flows (flows); i++)
    g_string_append_printf (known, "%s%s", i > 0 ? ", " : "",
                            mfa_flow_set_get_flow (flows, i)->id);
  g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
               _("--topic takes the id of a troubleshooting topic (%s)"), known->str);
  return FALSE;
}

static gboolean
add_attachments (MfaBundleContent  *content,
                 gchar            **specs,
                 GError           **error)
{
  for (guint i = 0; specs != NULL && specs[i] != NULL; i++)
    {
      g_autofree gchar *kind = NULL;
      const gchar *file;

      if (!split_spec (specs[i], &kind, &file))
        {
          g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                       _("--attach takes KIND=FILE (error-page, phone-time or other), not “%s”"),
                       specs[i]);
          return FALSE;
        }
      mfa_bundle_content_add_attachment (content, kind, file, NULL, 0);
    }
  return TRUE;
}

/* --check KIND=FILE: a check's evidence as `mfa-diag … --json` printed it. */
static gboolean
add_checks (MfaBundleContent  *content,
            gchar            **specs,
            GError           **error)
{
  for (guint i = 0; specs != NULL && specs[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) text = NULL;
      g_autofree gchar *kind = NULL;
      const gchar *file;

      if (!split_spec (specs[i], &kind, &file))
        g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                     _("--check takes KIND=FILE (clock, phone-clock, code or duplicates), "
                       "not “%s”"), specs[i]);
      else if ((text = mfa_input_read_file (file, MFA_BUNDLE_MAX_EVIDENCE_SIZE, error)) == NULL
               || !mfa_json_check_depth (g_bytes_get_data (text, NULL), g_bytes_get_size (text),
                                         file, MFA_ERROR_INVALID_ARGUMENT, error))
        return FALSE;
      else if (!json_parser_load_from_data (parser, g_bytes_get_data (text, NULL),
                                            g_bytes_get_size (text), &local_error)
               || mfa_json_object (json_parser_get_root (parser)) == NULL)
        g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                     _("%s is not the JSON of a check: %s"), file,
                     local_error != NULL ? local_error->message : _("not an object"));
      else
        {
          mfa_bundle_content_add_check (content, kind, json_parser_get_root (parser));
          continue;
        }
      return FALSE;
    }
  return TRUE;
}

/* A shipped topic is recorded with its titles; another id as given. */
static void
set_topic (MfaBundleContent *content,
           const gchar      *topic)
{
  g_autoptr(MfaFlowSet) set = topic != NULL ? mfa_flow_set_load_default (NULL) : NULL;
  const MfaFlow *flow = set != NULL ? mfa_flow_set_find_flow (set, topic) : NULL;

  if (flow != NULL)
    mfa_bundle_content_set_topic (content, flow);
  else
    content->flow_id = g_strdup (topic);
}

int
mfa_ticket_create_main (int    argc,
                        char **argv)
{
  g_autofree gchar *type = NULL, *account = NULL, *when = NULL, *note = NULL, *output = NULL;
  g_autofree gchar *topic = NULL;
  g_auto(GStrv) attach = NULL;
  g_auto(GStrv) checks = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "account-type", 0, 0, G_OPTION_ARG_STRING, &type,
      N_("alibaba-cloud-account or ram-user"), N_("TYPE") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &account, N_("The account or logon name"), N_("NAME") },
    { "operation-time", 0, 0, G_OPTION_ARG_STRING, &when,
      N_("When the failing operation happened (ISO 8601 or @UNIXSECONDS); default: now"),
      N_("TIME") },
    { "attach", 0, 0, G_OPTION_ARG_STRING_ARRAY, &attach,
      N_("Attach a screenshot or photo (KIND is error-page, phone-time or other)"),
      N_("KIND=FILE") },
    { "check", 0, 0, G_OPTION_ARG_STRING_ARRAY, &checks,
      N_("Record a check's evidence: the JSON that mfa-diag --json printed"),
      N_("KIND=FILE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What happened, in your words"), N_("TEXT") },
    { "topic", 0, 0, G_OPTION_ARG_STRING, &topic, N_("The troubleshooting topic"), N_("ID") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Keep an account name whose shape looks wrong"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the bundle here"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(MfaBundleContent) content = mfa_bundle_content_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *warning = NULL;
  gint64 seconds = g_get_real_time () / G_USEC_PER_SEC;
  int status;

  mfa_secret_protect_process (); /* images and evidence may hold keys */
  g_option_context_set_summary (context, _("Pack a ticket bundle for support."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  status = mfa_cli_parse (context, &argc, &argv);
  if (status != MFA_EXIT_OK)
    return status;
  if (output == NULL)
    return mfa_cli_fail (_("give the bundle's name with -o FILE"));
  if (!mfa_bundle_check_account (type, account, &warning, &error))
    return mfa_cli_fail ("%s", error->message);
  if (warning != NULL && !force)
    return mfa_cli_fail (_("%s (use --force to keep it)"), warning);
  if (when != NULL && !mfa_parse_time (when, &seconds, &error))
    return mfa_cli_fail ("%s", error->message);
  if (topic != NULL && !check_topic (topic, &error))
    return mfa_cli_fail ("%s", error->message);

  content->account_type = g_strdup (type);
  content->account_name = g_strdup (account);
  content->operation_time_usec = seconds * G_USEC_PER_SEC;
  content->operation_time_given = when != NULL;
  content->description = g_strdup (note != NULL ? note : "");
  set_topic (content, topic);
  if (!add_attachments (content, attach, &error) || !add_checks (content, checks, &error)
      || !mfa_bundle_write (content, output, &error))
    return mfa_cli_fail ("%s", error->message);
  return MFA_EXIT_OK;
}
