/* duplicates-wording.c: the duplicates check's verdicts in words, for support
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "duplicates-wording"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "duplicates/duplicates-enums.h"
#include "duplicates/duplicates-wording.h"
#include "mfa-format.h"
#include "mfa-json-read.h"

/* The first group with different keys, said with its account. */
static MfaFinding *
different_keys_finding (JsonObject *group)
{
  JsonArray *members = mfa_json_member_array (group, "members");
  guint count = members != NULL ? json_array_get_length (members) : 0;
  g_autofree gchar *account = mfa_format_printable (mfa_json_member_string (group, "account"));

  return mfa_finding_new (MFA_FINDING_PROBLEM, 2,
                          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "The authenticator holds %u entry "
                                                        "for “%s” with different keys: only "
                                                        "the newest makes valid codes.",
                                                        "The authenticator holds %u entries "
                                                        "for “%s” with different keys: only "
                                                        "the newest makes valid codes.",
                                                        count),
                                           count, account));
}

MfaFinding *
mfa_duplicates_finding (JsonObject *evidence)
{
  JsonArray *groups = mfa_json_member_array (evidence, "groups");
  guint n = groups != NULL ? json_array_get_length (groups) : 0;

  if (groups == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *group = mfa_json_object (json_array_get_element (groups, i));
      MfaDuplicateKind kind;

      if (mfa_duplicate_kind_from_nick (mfa_json_member_string (group, "kind"), &kind)
          && kind == MFA_DUPLICATE_DIFFERENT_KEYS)
        return different_keys_finding (group);
    }
  if (n > 0)
    return mfa_finding_new (MFA_FINDING_OK, 2, g_strdup (_("The authenticator holds copies of "
                                                           "an entry with the same key: "
                                                           "harmless.")));
  return mfa_finding_new (MFA_FINDING_OK, 2, g_strdup (_("The authenticator holds no duplicate "
                                                         "entries.")));
}
