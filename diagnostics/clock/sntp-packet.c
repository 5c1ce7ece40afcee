/* sntp-packet.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sntp-packet"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sntp-packet.h"

/* Seconds from 1900-01-01 (NTP era 0) to 1970-01-01. */
#define NTP_UNIX_DELTA G_GINT64_CONSTANT (2208988800)
#define NTP_ERA_SECONDS (G_GINT64_CONSTANT (1) << 32)

guint64
mfa_ntp_from_unix_usec (gint64 unix_usec)
{
  gint64 seconds = unix_usec / G_USEC_PER_SEC;
  gint64 usec = unix_usec % G_USEC_PER_SEC;
  guint64 fraction;

  if (usec < 0)
    {
      usec += G_USEC_PER_SEC;
      seconds--;
    }
  fraction = ((guint64) usec << 32) / G_USEC_PER_SEC;
  /* The era is implicit: only the low 32 bits of the seconds travel. */
  return ((guint64) (guint32) (seconds + NTP_UNIX_DELTA) << 32) | fraction;
}

/* NTP timestamps wrap every 2^32 s (next in 2036): the era meant is the one
 * that puts the time nearest our own clock, which is surely within 68 years. */
gint64
mfa_ntp_to_unix_usec (guint64 ntp,
                      gint64  near_unix_usec)
{
  gint64 seconds = (gint64) (ntp >> 32) - NTP_UNIX_DELTA;
  gint64 usec = (gint64) (((ntp & 0xffffffffu) * G_USEC_PER_SEC + (1u << 31)) >> 32);
  gint64 near_seconds = near_unix_usec / G_USEC_PER_SEC;
  gint64 eras = (near_seconds - seconds + NTP_ERA_SECONDS / 2) / NTP_ERA_SECONDS;

  if (near_seconds - seconds + NTP_ERA_SECONDS / 2 < 0)
    eras--;
  seconds += eras * NTP_ERA_SECONDS;
  return seconds * G_USEC_PER_SEC + usec;
}

static guint64
read_be64 (const guint8 *p)
{
  guint64 value = 0;

  for (int i = 0; i < 8; i++)
    value = (value << 8) | p[i];
  return value;
}

static void
write_be64 (guint8  *p,
            guint64  value)
{
  for (int i = 7; i >= 0; i--, value >>= 8)
    p[i] = value & 0xff;
}

/* Client mode 3, version 4; everything but the transmit time zero, so the
 * request reveals nothing about this host's clock beyond that stamp. */
void
mfa_sntp_encode_request (guint64 transmit,
                         guint8  packet[MFA_SNTP_PACKET_SIZE])
{
  memset (packet, 0, MFA_SNTP_PACKET_SIZE);
  packet[0] = (0 << 6) | (4 << 3) | 3;
  write_be64 (packet + 40, transmit);
}

MfaSntpReplyStatus
mfa_sntp_decode_reply (const guint8 *data,
                       gsize         len,
                       guint64       sent_transmit,
                       MfaSntpReply *reply)
{
  memset (reply, 0, sizeof *reply);
  if (len < MFA_SNTP_PACKET_SIZE)
    return MFA_SNTP_REPLY_TOO_SHORT;

  reply->leap = data[0] >> 6;
  reply->version = (data[0] >> 3) & 7;
  reply->mode = data[0] & 7;
  reply->stratum = data[1];
  reply->origin = read_be64 (data + 24);
  reply->receive = read_be64 (data + 32);
  reply->transmit = read_be64 (data + 40);

  /* The origin check first: a packet that does not answer our request says
   * nothing, not even a Kiss-o'-Death (anyone could send one). */
  if (reply->origin != sent_transmit)
    return MFA_SNTP_REPLY_BOGUS_ORIGIN;
  if (reply->mode != 4)
    return MFA_SNTP_REPLY_WRONG_MODE;
  if (reply->version < 1 || reply->version > 4)
    return MFA_SNTP_REPLY_WRONG_VERSION;
  if (reply->stratum == 0)
    {
      for (int i = 0; i < 4; i++)
        reply->kiss_code[i] = g_ascii_isprint (data[12 + i]) ? (gchar) data[12 + i] : '?';
      return MFA_SNTP_REPLY_KISS_OF_DEATH;
    }
  if (reply->stratum > 15)
    return MFA_SNTP_REPLY_BAD_STRATUM;
  if (reply->leap == 3)
    return MFA_SNTP_REPLY_UNSYNCHRONIZED;
  if (reply->transmit == 0)
    return MFA_SNTP_REPLY_ZERO_TRANSMIT;
  return MFA_SNTP_REPLY_OK;
}

const gchar *
mfa_sntp_reply_status_describe (MfaSntpReplyStatus status)
{
  switch (status)
    {
    case MFA_SNTP_REPLY_OK:              return _("valid reply");
    case MFA_SNTP_REPLY_TOO_SHORT:       return _("reply too short to be NTP");
    case MFA_SNTP_REPLY_WRONG_MODE:      return _("reply is not from an NTP server (wrong mode)");
    case MFA_SNTP_REPLY_WRONG_VERSION:   return _("reply has an unknown NTP version");
    case MFA_SNTP_REPLY_KISS_OF_DEATH:   return _("server asked us to stop (Kiss-o'-Death)");
    case MFA_SNTP_REPLY_BAD_STRATUM:     return _("reply has an invalid stratum");
    case MFA_SNTP_REPLY_UNSYNCHRONIZED:  return _("server's own clock is not synchronised");
    case MFA_SNTP_REPLY_ZERO_TRANSMIT:   return _("reply carries no transmit time");
    case MFA_SNTP_REPLY_BOGUS_ORIGIN:    return _("reply does not answer our request (spoofed or stale)");
    default:                             g_return_val_if_reached ("");
    }
}

void
mfa_sntp_offset_delay (gint64  t1_usec,
                       gint64  t2_usec,
                       gint64  t3_usec,
                       gint64  t4_usec,
                       gint64 *offset_usec,
                       gint64 *delay_usec)
{
  *offset_usec = ((t2_usec - t1_usec) + (t3_usec - t4_usec)) / 2;
  *delay_usec = (t4_usec - t1_usec) - (t3_usec - t2_usec);
}
