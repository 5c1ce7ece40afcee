/* base32.c: decoding that accepts what users paste (lower case, spaces,
 * hyphens, missing padding) and names the first character it cannot accept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "base32"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "base32.h"
#include "mfa-error.h"

static const gchar alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/* Value of a base32 digit, or -1. */
static gint
digit_value (gchar c)
{
  if (c >= 'A' && c <= 'Z')
    return c - 'A';
  if (c >= 'a' && c <= 'z')
    return c - 'a';
  if (c >= '2' && c <= '7')
    return c - '2' + 26;
  return -1;
}

static gboolean
is_separator (gchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-';
}

/* The digits 0, 1, 8 and 9 are not base32; people type them for O, I, B and g. */
static const gchar *
lookalike_hint (gunichar c)
{
  switch (c)
    {
    case '0': return _(" (base32 has no 0: is it the letter O?)");
    case '1': return _(" (base32 has no 1: is it the letter I or L?)");
    case '8': return _(" (base32 has no 8: is it the letter B?)");
    case '9': return _(" (base32 has no 9)");
    default:  return "";
    }
}

static void
set_bad_character_error (GError      **error,
                         const gchar  *text,
                         const gchar  *where)
{
  glong position = g_utf8_validate (text, where - text, NULL)
                     ? g_utf8_pointer_to_offset (text, where) + 1
                     : (glong) (where - text) + 1;
  gunichar c = g_utf8_get_char_validated (where, -1);

  if (c == (gunichar) -1 || c == (gunichar) -2 || !g_unichar_isprint (c))
    g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_KEY,
                 _("The key has an invalid character at position %ld: a key uses only "
                   "the letters A–Z and the digits 2–7"),
                 position);
  else
    {
      gchar utf8[8] = { 0 };

      g_unichar_to_utf8 (c, utf8);
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_KEY,
                   _("The key has an invalid character “%s” at position %ld%s: a key uses "
                     "only the letters A–Z and the digits 2–7"),
                   utf8, position, lookalike_hint (c));
    }
}

MfaSecret *
mfa_base32_decode (const gchar  *text,
                   GError      **error)
{
  g_autofree guint8 *out = NULL;
  gsize digits = 0, padding = 0, out_len = 0;
  guint32 bits = 0;
  guint n_bits = 0;
  const gchar *p;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_malloc (strlen (text) * 5 / 8 + 1);
  for (p = text; *p != '\0'; p++)
    {
      gint value;

      if (is_separator (*p))
        continue;
      if (*p == '=')
        {
          padding++;
          continue;
        }
      value = digit_value (*p);
      if (value < 0 || padding > 0)
        {
          if (value >= 0)
            g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_KEY,
                         _("The key has padding (“=”) in the middle: only the end may be padded"));
          else
            set_bad_character_error (error, text, p);
          mfa_wipe (out, out_len);
          return NULL;
        }
      digits++;
      bits = (bits << 5) | (guint32) value;
      n_bits += 5;
      if (n_bits >= 8)
        {
          n_bits -= 8;
          out[out_len++] = (guint8) (bits >> n_bits);
        }
      bits &= (1u << n_bits) - 1;
    }

  /* 8 digits carry 5 bytes; 1, 3 and 6 left-over digits cannot end a byte. */
  if (digits == 0)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_KEY, _("The key is empty"));
      return NULL;
    }
  if (digits % 8 == 1 || digits % 8 == 3 || digits % 8 == 6)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_KEY,
                   _("The key has %lu characters, a length no base32 key can "
                     "have: a character is probably missing or extra"),
                   (gulong) digits);
      mfa_wipe (out, out_len);
      return NULL;
    }
  if (padding > 6)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_KEY,
                   _("The key ends in too much padding (“=”)"));
      mfa_wipe (out, out_len);
      return NULL;
    }
  if (out_len > MFA_BASE32_MAX_KEY_BYTES)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_KEY,
                   _("The key is too long (%lu bytes; keys have at most %d)"),
                   (gulong) out_len, MFA_BASE32_MAX_KEY_BYTES);
      mfa_wipe (out, out_len);
      return NULL;
    }

  return mfa_secret_new_take (g_steal_pointer (&out), out_len);
}

gchar *
mfa_base32_encode (const guint8 *data,
                   gsize         len)
{
  GString *text = g_string_sized_new ((len * 8 + 4) / 5 + 1);
  guint32 bits = 0;
  guint n_bits = 0;

  for (gsize i = 0; i < len; i++)
    {
      bits = (bits << 8) | data[i];
      n_bits += 8;
      while (n_bits >= 5)
        {
          n_bits -= 5;
          g_string_append_c (text, alphabet[(bits >> n_bits) & 31]);
        }
      bits &= (1u << n_bits) - 1;
    }
  if (n_bits > 0)
    g_string_append_c (text, alphabet[(bits << (5 - n_bits)) & 31]);
  mfa_wipe (&bits, sizeof bits);
  return g_string_free (text, FALSE);
}
