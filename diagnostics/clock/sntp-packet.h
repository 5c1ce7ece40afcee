/* sntp-packet.h: SNTP (RFC 4330 / RFC 5905) packets as small pure functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MFA_SNTP_PACKET_SIZE 48

/* Why a reply does not count; each named as RFC 5905 names the check. */
typedef enum
{
  MFA_SNTP_REPLY_OK,
  MFA_SNTP_REPLY_TOO_SHORT,
  MFA_SNTP_REPLY_WRONG_MODE,       /* not 4 (server) */
  MFA_SNTP_REPLY_WRONG_VERSION,    /* not 1–4 */
  MFA_SNTP_REPLY_KISS_OF_DEATH,    /* stratum 0: the server says stop (RATE, DENY…) */
  MFA_SNTP_REPLY_BAD_STRATUM,      /* above 15 */
  MFA_SNTP_REPLY_UNSYNCHRONIZED,   /* leap indicator 3 */
  MFA_SNTP_REPLY_ZERO_TRANSMIT,    /* no transmit time */
  MFA_SNTP_REPLY_BOGUS_ORIGIN,     /* does not echo our request: spoofed or stale */
} MfaSntpReplyStatus;

typedef struct
{
  guint   leap;
  guint   version;
  guint   mode;
  guint   stratum;
  gchar   kiss_code[5];     /* for stratum 0: the ASCII code, e.g. "RATE" */
  guint64 origin;           /* NTP timestamps, 32.32 fixed point */
  guint64 receive;
  guint64 transmit;
} MfaSntpReply;

/* Time as NTP carries it: seconds since 1900 in 32.32 fixed point. */
guint64            mfa_ntp_from_unix_usec    (gint64        unix_usec);
gint64             mfa_ntp_to_unix_usec      (guint64       ntp,
                                              gint64        near_unix_usec);

void               mfa_sntp_encode_request   (guint64       transmit,
                                              guint8        packet[MFA_SNTP_PACKET_SIZE]);
MfaSntpReplyStatus mfa_sntp_decode_reply     (const guint8 *data,
                                              gsize         len,
                                              guint64       sent_transmit,
                                              MfaSntpReply *reply);
const gchar       *mfa_sntp_reply_status_describe (MfaSntpReplyStatus status);

/* RFC 5905 on-wire: offset θ = ((T2 − T1) + (T3 − T4)) / 2 and delay
 * δ = (T4 − T1) − (T3 − T2), with T1/T4 our send/receive times. Offset is how
 * far the server is ahead of us. */
void               mfa_sntp_offset_delay     (gint64        t1_usec,
                                              gint64        t2_usec,
                                              gint64        t3_usec,
                                              gint64        t4_usec,
                                              gint64       *offset_usec,
                                              gint64       *delay_usec);

G_END_DECLS
