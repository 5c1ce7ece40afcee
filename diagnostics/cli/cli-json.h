/* cli-json.h: JSON output of the commands that use json-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void mfa_cli_print_json (JsonNode *node);

G_END_DECLS
