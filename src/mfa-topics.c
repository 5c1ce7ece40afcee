/* mfa-topics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mfa-topics.h"

static const MfaTopic topics[] = {
  { "binding-code-rejected", N_("Code rejected while binding MFA"),
    N_("The code from your authenticator is not accepted when you set up MFA"),
    N_("bind bound setup virtual device QR scan") },
  { "signin-code-rejected", N_("Code rejected when signing in"),
    N_("You enter the code from your authenticator, but sign-in fails"),
    N_("login log in sign in wrong incorrect invalid") },
  { "device-lost", N_("Authenticator deleted or phone lost"),
    N_("You can no longer get codes for your account"),
    N_("lost stolen broken reset deleted app removed") },
  { "new-phone", N_("Moving MFA to a new phone"),
    N_("You replaced your phone and want your codes there"),
    N_("replace replacement transfer migrate new device") },
  { "require-mfa", N_("Requiring MFA for RAM users"),
    N_("Make the users of your account sign in with a second factor"),
    N_("enforce mandatory policy RAM administrator") },
  { "disable-mfa", N_("Turning MFA off for a RAM user"),
    N_("Unbind or disable a RAM user’s MFA device, and what it risks"),
    N_("disable unbind remove turn off RAM") },
  { "contact-limit", N_("Secure phone or e-mail bound to five users"),
    N_("The phone number or address is already bound to its limit of RAM users"),
    N_("limit five maximum already bound phone email") },
  { "activation-link", N_("The activation link"),
    N_("The link in the e-mail has expired, or you may not request another yet"),
    N_("activate expired link e-mail wait minutes") },
  { "method-not-shown", N_("Secure phone or e-mail method not shown"),
    N_("The sign-in page does not offer the phone or e-mail method"),
    N_("method missing option phone email not available") },
  { "wrong-binding", N_("Wrong binding, lost device or compromised account"),
    N_("MFA was bound to the wrong device, or someone else may have it"),
    N_("hacked stolen compromised wrong account security") },
  { "sms-missing", N_("SMS codes do not arrive"),
    N_("The text message with your code never comes"),
    N_("text message phone mobile SMS not received") },
  { "email-missing", N_("E-mail codes do not arrive"),
    N_("The e-mail with your code never comes"),
    N_("mail inbox spam junk not received") },
};

const MfaTopic *
mfa_topics_get (gsize *n_topics)
{
  *n_topics = G_N_ELEMENTS (topics);
  return topics;
}

static gboolean
contains_folded (const gchar *haystack,
                 const gchar *folded_needle)
{
  g_autofree gchar *folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, folded_needle) != NULL;
}

/* Matches the translated and the English words alike, so a Chinese user who
 * types an English term (or the reverse) still finds the topic. */
gboolean
mfa_topic_matches (const MfaTopic *topic,
                   const gchar    *query)
{
  const gchar *fields[] = { topic->title, topic->subtitle, topic->keywords };
  g_autofree gchar *stripped = g_strstrip (g_strdup (query != NULL ? query : ""));
  g_autofree gchar *needle = g_utf8_casefold (stripped, -1);

  if (needle[0] == '\0')
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    if (contains_folded (fields[i], needle) || contains_folded (_(fields[i]), needle))
      return TRUE;
  return FALSE;
}
