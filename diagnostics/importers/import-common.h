/* import-common.h: helpers the importers share (private to importers/)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "importer.h"

G_BEGIN_DECLS

MfaImportEntry *mfa_import_entry_new      (const MfaImportInput *input,
                                           GPtrArray            *entries);
void            mfa_import_entry_set_names (MfaImportEntry *entry,
                                            const gchar    *issuer,
                                            const gchar    *label);
gboolean        mfa_import_fail            (GError      **error,
                                            const gchar  *format,
                                            ...) G_GNUC_PRINTF (2, 3);
gboolean        mfa_import_refuse_encrypted (GError      **error,
                                             const gchar  *app,
                                             const gchar  *how);
gboolean        mfa_import_take_params     (MfaImportEntry *entry,
                                            const gchar    *type,
                                            const gchar    *algorithm,
                                            gint64          digits,
                                            gint64          period,
                                            GError        **error);
gboolean        mfa_import_base32_secret   (MfaImportEntry *entry,
                                            const gchar    *text,
                                            GError        **error);

/* The first line that is neither blank nor a '#' comment starts with
 * prefix (ASCII case ignored). */
gboolean        mfa_import_first_line_is (const MfaImportInput *input,
                                          const gchar          *prefix);

/* JSON access that tolerates missing members and wrong types. */
JsonObject     *mfa_json_object   (JsonNode    *node);
JsonObject     *mfa_json_member_object (JsonObject *object,
                                        const gchar *name);
JsonArray      *mfa_json_member_array  (JsonObject *object,
                                        const gchar *name);
const gchar    *mfa_json_member_string (JsonObject *object,
                                        const gchar *name);
gint64          mfa_json_member_int    (JsonObject *object,
                                        const gchar *name,
                                        gint64       fallback);
gboolean        mfa_json_has_member    (JsonObject *object,
                                        const gchar *name);

G_END_DECLS
