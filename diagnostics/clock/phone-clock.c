/* phone-clock.c: the phone's clock offset as an interval, from the codes it
 * makes for a test key
 *
 * With d = phone time − true time, a code of step s read at true time t_r
 * says the phone showed a time in [s·30, (s+1)·30) then, so
 * d ∈ [s·30 − t_r, (s+1)·30 − t_r). t_r is not known exactly: it lies between
 * the first keystroke (less an allowance for the glance before typing) and
 * the moment of entry, which widens the interval by that span. In the
 * precise mode the user presses a button when a new code appears, at true
 * time t_p no earlier than the phone's step boundary s·30 − d and at most a
 * reaction time later, so d ∈ [s·30 − t_p, s·30 − t_p + reaction].
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "phone-clock"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/random.h>
#include <glib/gi18n-lib.h>

#include "code/base32.h"
#include "code/code-check.h"
#include "code/code-search.h"
#include "mfa-error.h"
#include "code/otpauth-uri.h"
#include "phone-clock.h"
#include "clock/clock-enums.h"

#define PERIOD_USEC ((gint64) MFA_OTP_DEFAULT_PERIOD * G_USEC_PER_SEC)

struct _MfaPhoneClock
{
  MfaSecret *key;
  gchar     *reference;  /* ntp, http or system-clock */
  gchar     *server;
  guint      n_codes;
  gboolean   precise;    /* a code came through the precise mode */
  gint64     min_usec;   /* the interval, meaningful when n_codes > 0 */
  gint64     max_usec;
};

static MfaOtpParams
test_params (void)
{
  return MFA_OTP_PARAMS_DEFAULT;
}

MfaPhoneClock *
mfa_phone_clock_new_with_key (const MfaSecret *key)
{
  MfaPhoneClock *self = g_new0 (MfaPhoneClock, 1);

  g_return_val_if_fail (key != NULL, NULL);

  self->key = mfa_secret_copy (key);
  self->reference = g_strdup ("system-clock");
  return self;
}

/* getrandom(2): g_random is a Mersenne Twister, predictable from its output. */
MfaPhoneClock *
mfa_phone_clock_new (GError **error)
{
  guint8 bytes[MFA_PHONE_CLOCK_KEY_BYTES];
  g_autoptr(MfaSecret) key = NULL;
  gsize filled = 0;

  while (filled < sizeof bytes)
    {
      ssize_t got = getrandom (bytes + filled, sizeof bytes - filled, 0);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        {
          int saved = errno;

          mfa_wipe (bytes, sizeof bytes);
          g_set_error (error, MFA_ERROR, MFA_ERROR_FAILED,
                       _("Could not make a random test key: %s"), g_strerror (saved));
          return NULL;
        }
      filled += (gsize) got;
    }
  key = mfa_secret_new (bytes, sizeof bytes);
  mfa_wipe (bytes, sizeof bytes);
  return mfa_phone_clock_new_with_key (key);
}

void
mfa_phone_clock_free (MfaPhoneClock *self)
{
  if (self == NULL)
    return;
  mfa_secret_free (self->key);
  g_free (self->reference);
  g_free (self->server);
  g_free (self);
}

gchar *
mfa_phone_clock_dup_uri (const MfaPhoneClock *self)
{
  MfaOtpParams params = test_params ();
  g_autoptr(MfaOtpauth) otpauth =
    mfa_otpauth_new (MFA_OTP_TYPE_TOTP, MFA_PHONE_CLOCK_ISSUER,
                     _("Phone clock test – delete me"), self->key, &params);

  return mfa_otpauth_format (otpauth);
}

gchar *
mfa_phone_clock_dup_key_text (const MfaPhoneClock *self)
{
  g_autoptr(MfaSecretString) plain = mfa_base32_encode (self->key->data, self->key->len);
  gsize len = strlen (plain);
  /* Sized once, so no reallocation leaves a copy of the key in freed memory. */
  g_autoptr(GString) grouped = g_string_sized_new (len + len / 4 + 1);

  for (gsize i = 0; i < len && plain[i] != '='; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (grouped, ' ');
      g_string_append_c (grouped, plain[i]);
    }
  return g_string_free (g_steal_pointer (&grouped), FALSE);
}

void
mfa_phone_clock_set_reference (MfaPhoneClock *self,
                               const gchar   *reference,
                               const gchar   *server)
{
  g_return_if_fail (self != NULL && reference != NULL);

  g_free (self->reference);
  self->reference = g_strdup (reference);
  g_free (self->server);
  self->server = g_strdup (server);
}

/* The step (TOTP counter) of the test key whose code was typed, nearest to
 * `near_usec`; the code search of the code check, within 24 hours. */
static gboolean
find_step (MfaPhoneClock *self,
           const gchar   *typed,
           gint64         near_usec,
           gint64        *step,
           GError       **error)
{
  MfaOtpParams declared = test_params ();
  gint64 near = near_usec / G_USEC_PER_SEC;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(MfaSecretString) code = mfa_code_normalize (typed, &local_error);
  g_autoptr(MfaCodeSearch) search = NULL;
  MfaOtpParams settings;
  gint64 offset_steps;

  if (code == NULL)
    {
      /* The reason is worded to follow a code's name on the command line. */
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_CODE, _("That is not a code: %s."),
                   local_error->message);
      return FALSE;
    }
  if (strlen (code) != declared.digits)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_CODE,
                   _("The test entry makes codes of %u digits; this one has %u."),
                   declared.digits, (guint) strlen (code));
      return FALSE;
    }
  search = mfa_code_search_new (self->key, &declared, near, MFA_CODE_CHECK_DEFAULT_WINDOW);
  /* The phone was given SHA1, 6 digits, 30 s: a match under other settings
   * is a coincidence, not a measurement. */
  if (!mfa_code_search_nearest (search, code, &settings, &offset_steps)
      || !mfa_otp_params_equal (&settings, &declared))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_CODE,
                   _("This code does not belong to the test key at any time within a day "
                     "of now. It may be mistyped, or it comes from another entry: make sure "
                     "you scanned the QR code shown here and read the entry named “%s”."),
                   _("Phone clock test – delete me"));
      return FALSE;
    }
  *step = (gint64) mfa_totp_counter (near, declared.period) + offset_steps;
  return TRUE;
}

static gboolean
narrow (MfaPhoneClock *self,
        gint64         min_usec,
        gint64         max_usec,
        GError       **error)
{
  if (self->n_codes > 0)
    {
      min_usec = MAX (min_usec, self->min_usec);
      max_usec = MIN (max_usec, self->max_usec);
      if (min_usec > max_usec)
        {
          g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_CODE,
                       _("This code does not fit the earlier ones: it would put the phone’s "
                         "clock somewhere else. Was it typed a while after it was read, or "
                         "did the phone’s time change? Start again to measure afresh."));
          return FALSE;
        }
    }
  self->min_usec = min_usec;
  self->max_usec = max_usec;
  self->n_codes++;
  return TRUE;
}

gboolean
mfa_phone_clock_add_code (MfaPhoneClock  *self,
                          const gchar    *typed,
                          gint64          first_key_usec,
                          gint64          entered_usec,
                          GError        **error)
{
  gint64 read_from = first_key_usec - MFA_PHONE_CLOCK_READ_ALLOWANCE_USEC;
  gint64 step;

  g_return_val_if_fail (self != NULL && typed != NULL, FALSE);
  g_return_val_if_fail (entered_usec >= first_key_usec, FALSE);

  if (!find_step (self, typed, first_key_usec, &step, error))
    return FALSE;
  /* The half-open upper end: a microsecond less is the same interval. */
  return narrow (self, step * PERIOD_USEC - entered_usec,
                 (step + 1) * PERIOD_USEC - read_from - 1, error);
}

gboolean
mfa_phone_clock_add_precise (MfaPhoneClock  *self,
                             const gchar    *typed,
                             gint64          pressed_usec,
                             GError        **error)
{
  gint64 step;

  g_return_val_if_fail (self != NULL && typed != NULL, FALSE);

  if (!find_step (self, typed, pressed_usec, &step, error))
    return FALSE;
  if (!narrow (self, step * PERIOD_USEC - pressed_usec,
               step * PERIOD_USEC - pressed_usec + MFA_PHONE_CLOCK_REACTION_ALLOWANCE_USEC,
               error))
    return FALSE;
  self->precise = TRUE;
  return TRUE;
}

void
mfa_phone_clock_reset (MfaPhoneClock *self)
{
  self->n_codes = 0;
  self->precise = FALSE;
  self->min_usec = self->max_usec = 0;
}

guint
mfa_phone_clock_get_n_codes (const MfaPhoneClock *self)
{
  return self->n_codes;
}

gboolean
mfa_phone_clock_get_interval (const MfaPhoneClock *self,
                              gdouble             *min_seconds,
                              gdouble             *max_seconds)
{
  if (self->n_codes == 0)
    return FALSE;
  if (min_seconds != NULL)
    *min_seconds = self->min_usec / (gdouble) G_USEC_PER_SEC;
  if (max_seconds != NULL)
    *max_seconds = self->max_usec / (gdouble) G_USEC_PER_SEC;
  return TRUE;
}

MfaPhoneClockVerdict
mfa_phone_clock_get_verdict (const MfaPhoneClock *self)
{
  gdouble min, max;

  if (!mfa_phone_clock_get_interval (self, &min, &max))
    return MFA_PHONE_CLOCK_UNKNOWN;
  if (min >= MFA_PHONE_CLOCK_OFF_LIMIT)
    return MFA_PHONE_CLOCK_AHEAD;
  if (max <= -MFA_PHONE_CLOCK_OFF_LIMIT)
    return MFA_PHONE_CLOCK_BEHIND;
  if (min >= -MFA_PHONE_CLOCK_SYNC_LIMIT && max <= MFA_PHONE_CLOCK_SYNC_LIMIT)
    return MFA_PHONE_CLOCK_IN_SYNC;
  return MFA_PHONE_CLOCK_UNKNOWN;
}

/* Off for certain by a step or more: codes fail. Less: they fail at times. */
const gchar *
mfa_phone_clock_check_verdict (const MfaPhoneClock *self)
{
  gdouble min, max;

  switch (mfa_phone_clock_get_verdict (self))
    {
    case MFA_PHONE_CLOCK_IN_SYNC:
      return "ok";
    case MFA_PHONE_CLOCK_AHEAD:
    case MFA_PHONE_CLOCK_BEHIND:
      mfa_phone_clock_get_interval (self, &min, &max);
      return MIN (fabs (min), fabs (max)) >= MFA_PHONE_CLOCK_FAIL_LIMIT ? "problem" : "warning";
    case MFA_PHONE_CLOCK_UNKNOWN:
    default:
      return "unknown";
    }
}

gchar *
mfa_phone_clock_describe (const MfaPhoneClock *self)
{
  gdouble min, max;
  /* Rounded outward, so the words never claim more than was measured. */
  gint lo, hi;

  if (!mfa_phone_clock_get_interval (self, &min, &max))
    return g_strdup (_("No code has been measured yet."));
  lo = (gint) floor (min);
  hi = (gint) ceil (max);
  switch (mfa_phone_clock_get_verdict (self))
    {
    case MFA_PHONE_CLOCK_AHEAD:
      return g_strdup_printf (_("Your phone’s clock is ahead: between %d and %d seconds ahead "
                                "of the true time."), lo, hi);
    case MFA_PHONE_CLOCK_BEHIND:
      return g_strdup_printf (_("Your phone’s clock is behind: between %d and %d seconds "
                                "behind the true time."), -hi, -lo);
    case MFA_PHONE_CLOCK_IN_SYNC:
      return g_strdup_printf (_("Your phone’s clock is in sync: its offset lies between %+d "
                                "and %+d seconds."), lo, hi);
    case MFA_PHONE_CLOCK_UNKNOWN:
    default:
      return g_strdup_printf (_("Your phone’s clock is off by between %+d and %+d seconds: "
                                "not enough to tell yet."), lo, hi);
    }
}

gchar *
mfa_phone_clock_advice (const MfaPhoneClock *self)
{
  gdouble min, max;

  switch (mfa_phone_clock_get_verdict (self))
    {
    case MFA_PHONE_CLOCK_IN_SYNC:
      mfa_phone_clock_get_interval (self, &min, &max);
      if (max - min > 10)
        return g_strdup (_("The phone’s clock is not why codes fail. For a closer figure, type "
                           "the next code it shows as well, or use Precise Measurement."));
      return g_strdup (_("The phone’s clock is not why codes fail."));
    case MFA_PHONE_CLOCK_AHEAD:
    case MFA_PHONE_CLOCK_BEHIND:
      return g_strdup (_("Codes are accepted only within about 30 seconds of the true time. "
                         "Set the phone’s date and time to automatic (Android: Settings → "
                         "System → Date & time → Set time automatically; iPhone: Settings → "
                         "General → Date & Time → Set Automatically), then measure again. "
                         "Google Authenticator on Android can also correct itself: Settings → "
                         "Time correction for codes → Sync now."));
    case MFA_PHONE_CLOCK_UNKNOWN:
    default:
      return g_strdup (_("Type the next code the phone shows to narrow the interval, or use "
                         "Precise Measurement."));
    }
}

static void
add_seconds_or_null (JsonBuilder *builder,
                     const gchar *name,
                     gboolean     known,
                     gdouble      seconds)
{
  json_builder_set_member_name (builder, name);
  if (known)
    json_builder_add_double_value (builder, seconds);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
mfa_phone_clock_to_json (const MfaPhoneClock *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree gchar *summary = mfa_phone_clock_describe (self);
  gdouble min = 0, max = 0;
  gboolean known = mfa_phone_clock_get_interval (self, &min, &max);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, "phone-clock");
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder,
                                 mfa_phone_clock_verdict_to_nick (mfa_phone_clock_get_verdict (self)));
  add_seconds_or_null (builder, "offset_min_seconds", known, min);
  add_seconds_or_null (builder, "offset_max_seconds", known, max);
  json_builder_set_member_name (builder, "reference");
  json_builder_add_string_value (builder, self->reference);
  json_builder_set_member_name (builder, "reference_server");
  if (self->server != NULL)
    json_builder_add_string_value (builder, self->server);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "codes");
  json_builder_add_int_value (builder, self->n_codes);
  json_builder_set_member_name (builder, "precise");
  json_builder_add_boolean_value (builder, self->precise);
  json_builder_set_member_name (builder, "read_allowance_seconds");
  json_builder_add_double_value (builder,
                                 MFA_PHONE_CLOCK_READ_ALLOWANCE_USEC / (gdouble) G_USEC_PER_SEC);
  json_builder_set_member_name (builder, "reaction_allowance_seconds");
  json_builder_add_double_value (builder,
                                 MFA_PHONE_CLOCK_REACTION_ALLOWANCE_USEC / (gdouble) G_USEC_PER_SEC);
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, summary);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
