/* bundle-diagnosis.h: what a ticket says, in words, from its check evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bundle.h"

G_BEGIN_DECLS

/* One or two sentences saying what went wrong, in the reader's language,
 * built from the manifest's `checks` (verdict and summary of each) and, where
 * given, the full evidence of each check (kind → the JSON of
 * diagnostics/KIND.json: clock, phone-clock, code, duplicates). Either may be
 * NULL. Text from the bundle is made printable; nothing in it is trusted. */
gchar *mfa_bundle_diagnosis      (JsonObject   *checks,
                                  JsonObject   *evidence);

/* The evidence of one check as lines a person reads: samples and servers,
 * the phone-clock interval, each code's verdict, duplicate groups (labels
 * only). NULL for evidence of a shape it does not know. */
gchar *mfa_bundle_evidence_text  (const gchar  *kind,
                                  JsonNode     *evidence);

/* A check's name ("The phone’s clock") and a verdict ("a problem", "drift")
 * as the reader says them; unknown ones are shown as written, printable. */
gchar *mfa_bundle_check_title    (const gchar  *kind);
gchar *mfa_bundle_verdict_name   (const gchar  *verdict);

/* "The error page", "RAM user"; the account type's label is NULL for a type
 * this version does not know. */
const gchar *mfa_bundle_attachment_kind_label (const gchar *kind);
const gchar *mfa_bundle_account_type_label    (const gchar *type);

/* The steps the user took, in words ("Which kind of account is it? → A RAM
 * user"), each followed on an indented line by the same in the user's
 * language where it differs; printable. Version 1 bundles, which recorded
 * step ids, are told in the words of the shipped flows. */
GStrv  mfa_bundle_manifest_steps (JsonNode     *manifest);
/* The topic's title (and the user's-language title), printable; "" when
 * the bundle names none. */
gchar *mfa_bundle_manifest_topic (JsonNode     *manifest);

/* Plain text for a ticket system: the diagnosis, account, operation time,
 * the user's words and steps, each check, and `integrity` when given. */
gchar *mfa_bundle_report_text    (JsonNode     *manifest,
                                  JsonObject   *evidence,
                                  const gchar  *integrity);

/* A member of an object inside the manifest ("account", "name") as printable
 * text; "" when absent or not a string. */
gchar *mfa_bundle_manifest_text  (JsonNode     *manifest,
                                  const gchar  *object,
                                  const gchar  *member);

G_END_DECLS
