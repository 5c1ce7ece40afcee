/* fuzz-sntp-reply.c: libFuzzer target for the SNTP reply parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mfadiag.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  MfaSntpReply reply;
  guint64 sent = 0;
  MfaSntpReplyStatus status;

  /* The first eight bytes pose as our request's transmit stamp, so the
   * fuzzer can reach past the origin check. */
  for (gsize i = 0; i < 8 && i < size; i++)
    sent = (sent << 8) | data[i];
  status = mfa_sntp_decode_reply (data + MIN (size, 8), size - MIN (size, 8), sent, &reply);
  if (status == MFA_SNTP_REPLY_OK)
    {
      gint64 offset, delay;
      gint64 now = g_get_real_time ();

      g_assert (reply.stratum >= 1 && reply.stratum <= 15 && reply.mode == 4);
      g_assert (reply.leap != 3 && reply.transmit != 0 && reply.origin == sent);
      mfa_sntp_offset_delay (now, mfa_ntp_to_unix_usec (reply.receive, now),
                             mfa_ntp_to_unix_usec (reply.transmit, now), now, &offset, &delay);
    }
  g_assert (status != MFA_SNTP_REPLY_OK || mfa_sntp_reply_status_describe (status) != NULL);
  return 0;
}
