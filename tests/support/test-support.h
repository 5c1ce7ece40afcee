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

/* The shipped "Authenticator deleted or phone lost" topic walked as a RAM
 * user whose administrator's help did not fix it: on the ticket page. */
MfaFlowRun       *test_walk_device_lost (void);

/* What that walk reads like, in the English of the shipped flows. */
#define TEST_DEVICE_LOST_STEPS \
  "1. Which kind of account is it? → A RAM user\n" \
  "2. Ask an administrator to disable MFA → did not fix it\n" \
  "3. Ask support for help\n"

G_END_DECLS
