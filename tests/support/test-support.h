/* test-support.h: pieces several tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mfadiag.h"

G_BEGIN_DECLS

/* Alice, a RAM user, 2026-11-28 12:00:31 UTC given in Asia/Shanghai, with
 * the flow, her words and one step. */
MfaBundleContent *test_sample_content (void);

G_END_DECLS
