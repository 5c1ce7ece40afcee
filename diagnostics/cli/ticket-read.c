/* ticket-read.c: mfa-ticket verify, show and extract
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ticket-read"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cli-common.h"
#include "cli-json.h"
#include "mfadiag.h"
#include "ticket-commands.h"

/* 1 for a damaged, tampered or unsafe bundle; 2 for one that is no bundle. */
static int
fail_for (const GError *error)
{
  mfa_cli_fail ("%s", error->message);
  return g_error_matches (error, MFA_ERROR, MFA_ERROR_BUNDLE_DAMAGED) ? MFA_EXIT_PROBLEM
                                                                     : MFA_EXIT_FAILED;
}

static int
parse_files (int          *argc,
             char       ***argv,
             guint         wanted,
             gboolean     *json,
             const gchar  *usage)
{
  const GOptionEntry entries[] = {
    { "json", 0, json == NULL ? G_OPTION_FLAG_HIDDEN : 0, G_OPTION_ARG_NONE, json,
      N_("Print the manifest as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  gboolean ignored = FALSE;
  int status;

  if (json == NULL)
    json = &ignored;
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  status = mfa_cli_parse (context, argc, argv);
  if (status != MFA_EXIT_OK)
    return status;
  if ((guint) *argc != wanted + 1)
    return mfa_cli_fail (_("usage: %s %s"), g_get_prgname (), usage);
  return MFA_EXIT_OK;
}

int
mfa_ticket_verify_main (int    argc,
                        char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaBundle) bundle = NULL;
  int status = parse_files (&argc, &argv, 1, NULL, "FILE");

  if (status != MFA_EXIT_OK)
    return status;
  bundle = mfa_bundle_verify (argv[argc - 1], NULL, NULL, &error);
  if (bundle == NULL)
    return fail_for (error);
  g_print (_("%s is intact: %u files, every size and SHA-256 as the manifest lists.\n"),
           argv[argc - 1], bundle->files->len);
  return MFA_EXIT_OK;
}

static const gchar *
text_at (JsonObject  *root,
         const gchar *object,
         const gchar *member)
{
  const gchar *text = mfa_json_member_string (mfa_json_member_object (root, object), member);

  return text != NULL ? text : "";
}

/* The printable form of `text`, kept alive in `keep` until the caller is done. */
static const gchar *
shown (GPtrArray   *keep,
       const gchar *text)
{
  gchar *copy = mfa_format_printable (text);

  g_ptr_array_add (keep, copy);
  return copy;
}

#define SHOWN(text) shown (kept, (text))

static void
print_summary (MfaBundle *bundle)
{
  JsonObject *root = json_node_get_object (bundle->manifest);
  JsonNode *checks = json_object_get_member (root, "checks");
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);

  g_print (_("Account:        %s (%s)\n"), SHOWN (text_at (root, "account", "name")),
           SHOWN (text_at (root, "account", "type")));
  g_print (_("Operation time: %s UTC; %s local (%s), from %s\n"),
           SHOWN (text_at (root, "operation_time", "utc")),
           SHOWN (text_at (root, "operation_time", "local")),
           SHOWN (text_at (root, "operation_time", "timezone")),
           g_str_equal (text_at (root, "operation_time", "source"), "user") ? _("the user")
                                                                            : _("the clock"));
  g_autofree gchar *topic = mfa_bundle_manifest_topic (bundle->manifest);
  g_auto(GStrv) steps = mfa_bundle_manifest_steps (bundle->manifest);

  g_print (_("Topic:          %s\n"), topic);
  g_print (_("In their words: %s\n"),
           SHOWN (text_at (root, "problem", "description")));
  for (guint i = 0; steps[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (steps[i], "\n", -1);
      /* TRANSLATORS: the number of a step the user took, before its words */
      g_autofree gchar *number = g_strdup_printf (_("Step %u:"), i + 1);

      g_print ("%-16s%s\n", number, lines[0]);
      for (guint l = 1; lines[l] != NULL; l++)
        g_print ("                %s\n", g_strstrip (lines[l]));
    }
  if (checks != NULL && JSON_NODE_HOLDS_OBJECT (checks))
    {
      g_autoptr(GList) kinds = json_object_get_members (json_node_get_object (checks));

      for (GList *l = kinds; l != NULL; l = l->next)
        {
          JsonObject *object = mfa_json_member_object (json_node_get_object (checks), l->data);

          g_print (_("Check %-9s %s — %s\n"), SHOWN (l->data),
                   SHOWN (object ? json_object_get_string_member_with_default (
                                               object, "verdict", "?") : "?"),
                   SHOWN (object ? json_object_get_string_member_with_default (
                                               object, "summary", "") : ""));
        }
    }
  for (guint i = 0; i < bundle->files->len; i++)
    {
      MfaBundleFile *file = g_ptr_array_index (bundle->files, i);

      g_print (_("File:           %s (%s, %lld bytes) %s\n"), SHOWN (file->path),
               SHOWN (file->kind), (long long) file->size,
               SHOWN (file->caption));
    }
}

int
mfa_ticket_show_main (int    argc,
                      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaBundle) bundle = NULL;
  gboolean json = FALSE;
  int status = parse_files (&argc, &argv, 1, &json, "FILE");

  if (status != MFA_EXIT_OK)
    return status;
  bundle = mfa_bundle_verify (argv[argc - 1], NULL, NULL, &error);
  if (bundle == NULL)
    return fail_for (error);
  if (json)
    mfa_cli_print_json (bundle->manifest);
  else
    print_summary (bundle);
  return MFA_EXIT_OK;
}

int
mfa_ticket_extract_main (int    argc,
                         char **argv)
{
  g_autoptr(GError) error = NULL;
  int status = parse_files (&argc, &argv, 2, NULL, "FILE DIR");

  if (status != MFA_EXIT_OK)
    return status;
  if (!mfa_bundle_extract (argv[argc - 2], argv[argc - 1], &error))
    return fail_for (error);
  return MFA_EXIT_OK;
}
