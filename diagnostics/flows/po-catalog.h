/* po-catalog.h: a gettext .po file read for its translations, so the flow
 * validator can tell which texts a shipped language lacks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _MfaPoCatalog MfaPoCatalog;

MfaPoCatalog *mfa_po_catalog_load         (const gchar  *path,
                                           GError      **error);
void          mfa_po_catalog_free         (MfaPoCatalog *catalog);
const gchar  *mfa_po_catalog_get_language (MfaPoCatalog *catalog);
const gchar  *mfa_po_catalog_lookup       (MfaPoCatalog *catalog,
                                           const gchar  *msgid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaPoCatalog, mfa_po_catalog_free)

G_END_DECLS
