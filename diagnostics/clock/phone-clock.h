/* phone-clock.h: how far the phone's clock is off, from the codes it makes
 * for a test key
 *
 * The user scans a fresh test key into the authenticator and types the code
 * it shows. The step that code belongs to says what time the phone thought
 * it was while the user read it; against true time that bounds the phone's
 * offset to an interval, which each further code narrows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "code/otp.h"

G_BEGIN_DECLS

/* 160 bits, as RFC 4226 recommends for SHA-1. */
#define MFA_PHONE_CLOCK_KEY_BYTES 20
#define MFA_PHONE_CLOCK_ISSUER "MFA Troubleshooter"
/* A code read before the first digit was typed: people glance at the phone,
 * then type. How long before, at most. */
#define MFA_PHONE_CLOCK_READ_ALLOWANCE_USEC (3 * G_USEC_PER_SEC)
/* In the precise mode: from the phone showing a new code to the button press. */
#define MFA_PHONE_CLOCK_REACTION_ALLOWANCE_USEC (3 * G_USEC_PER_SEC / 2)
/* Verdict thresholds, in seconds. Sites accept about one 30 s step either
 * way: beyond 30 s a phone's codes fail, from 15 s on they fail near the end
 * of each step. A phone certainly at least 15 s off is ahead or behind. One
 * code bounds the offset to a step plus the time taken to read and type it,
 * so an interval from a phone at true time reaches about 35 s either way:
 * an interval within ±40 s that is neither ahead nor behind is in sync.
 * Anything else (a wide interval straddling the limits) is unknown until
 * another code narrows it. */
#define MFA_PHONE_CLOCK_OFF_LIMIT 15
#define MFA_PHONE_CLOCK_FAIL_LIMIT 30
#define MFA_PHONE_CLOCK_SYNC_LIMIT 40

typedef enum
{
  MFA_PHONE_CLOCK_UNKNOWN, /* no code yet, or the interval is too wide to say */
  MFA_PHONE_CLOCK_IN_SYNC,
  MFA_PHONE_CLOCK_AHEAD,
  MFA_PHONE_CLOCK_BEHIND,
} MfaPhoneClockVerdict;

typedef struct _MfaPhoneClock MfaPhoneClock;

/* A fresh random test key from the kernel's generator (getrandom). */
MfaPhoneClock       *mfa_phone_clock_new            (GError          **error);
/* A given key, for tests. */
MfaPhoneClock       *mfa_phone_clock_new_with_key   (const MfaSecret  *key);
/* Wipes the key. */
void                 mfa_phone_clock_free           (MfaPhoneClock   *self);

/* The otpauth:// URI (TOTP, SHA1, 6 digits, 30 s) and the key as base32 in
 * groups of four, for apps that cannot scan. Both hold the key: free them
 * with mfa_free_string. */
gchar               *mfa_phone_clock_dup_uri        (const MfaPhoneClock *self);
gchar               *mfa_phone_clock_dup_key_text   (const MfaPhoneClock *self);

/* What true time was measured against: "ntp" (or "http") and the server, or
 * "system-clock" with a NULL server. The default is the system clock. */
void                 mfa_phone_clock_set_reference  (MfaPhoneClock   *self,
                                                     const gchar     *reference,
                                                     const gchar     *server);

/* A code read off the phone. `first_key_usec` is the true time (Unix µs) of
 * the first keystroke, `entered_usec` when it was entered: the code was read
 * between first_key_usec − READ_ALLOWANCE and entered_usec. FALSE with an
 * error for a malformed code, one found nowhere within 24 hours, or one that
 * contradicts the earlier codes; the measurement is then unchanged. */
gboolean             mfa_phone_clock_add_code       (MfaPhoneClock   *self,
                                                     const gchar     *typed,
                                                     gint64           first_key_usec,
                                                     gint64           entered_usec,
                                                     GError         **error);
/* The precise mode: the user pressed a button at `pressed_usec` (true time)
 * the moment the phone showed a new code, then typed that code. */
gboolean             mfa_phone_clock_add_precise    (MfaPhoneClock   *self,
                                                     const gchar     *typed,
                                                     gint64           pressed_usec,
                                                     GError         **error);

/* Forgets the codes measured, keeping the key (and the reference). */
void                 mfa_phone_clock_reset          (MfaPhoneClock   *self);
guint                mfa_phone_clock_get_n_codes    (const MfaPhoneClock *self);
/* The phone's clock minus true time lies in [min, max] seconds; FALSE before
 * the first code. */
gboolean             mfa_phone_clock_get_interval   (const MfaPhoneClock *self,
                                                     gdouble         *min_seconds,
                                                     gdouble         *max_seconds);
MfaPhoneClockVerdict mfa_phone_clock_get_verdict    (const MfaPhoneClock *self);
/* ok, warning, problem or unknown, as flows branch on. */
const gchar         *mfa_phone_clock_check_verdict  (const MfaPhoneClock *self);

/* "Your phone’s clock is between 75 and 105 seconds ahead." and what to do. */
gchar               *mfa_phone_clock_describe       (const MfaPhoneClock *self);
gchar               *mfa_phone_clock_advice         (const MfaPhoneClock *self);
/* Evidence for the bundle (kind "phone-clock"): never the key or a code. */
JsonNode            *mfa_phone_clock_to_json        (const MfaPhoneClock *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaPhoneClock, mfa_phone_clock_free)

G_END_DECLS
