/* duplicates-wording.h: the duplicates check's verdicts in words, for support
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "mfa-finding.h"

G_BEGIN_DECLS

/* What a bundle's duplicates evidence (duplicates --json) says; NULL when it
 * lists no groups. */
MfaFinding *mfa_duplicates_finding (JsonObject *evidence);

G_END_DECLS
