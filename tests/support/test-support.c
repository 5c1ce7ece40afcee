/* test-support.c: pieces several tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-support.h"

MfaBundleContent *
test_sample_content (void)
{
  MfaBundleContent *content = mfa_bundle_content_new ();

  content->account_type = g_strdup ("ram-user");
  content->account_name = g_strdup ("alice@1234567.onaliyun.com");
  content->operation_time_usec = G_GINT64_CONSTANT (1795867231) * G_USEC_PER_SEC;
  content->operation_zone = g_strdup ("Asia/Shanghai");
  content->operation_time_given = TRUE;
  content->flow_id = g_strdup ("signin-code-rejected");
  content->description = g_strdup ("The code is rejected every time.");
  g_ptr_array_add (content->steps, g_strdup ("Checked the phone's clock"));
  return content;
}
