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

/* The shipped "Authenticator Deleted or Phone Lost" topic walked as a RAM
 * user whose administrator's help did not fix it: on the ticket page. */
MfaFlowRun       *test_walk_device_lost (void);

/* What that walk reads like, in the English of the shipped flows. */
#define TEST_DEVICE_LOST_STEPS \
  "1. Which Kind of Account Is It? → A RAM user\n" \
  "2. Ask an Administrator to Disable MFA → did not fix it\n" \
  "3. Ask Support for Help\n"

G_END_DECLS
