/* test-faq.c: the shipped flows hold the Alibaba Cloud MFA FAQ, every
 * instruction of it, and contradict none of it
 *
 * faq/alibaba-cloud-mfa-faq.txt is the FAQ as published. The table below
 * lists each of its sentences under its section, with the topic and step
 * that carry it and the words of that step that say it: a step removed,
 * moved or reworded fails the test, and so does a sentence of the FAQ that
 * the table does not list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mfadiag.h"

#define MAX_SAYS 3

typedef struct
{
  const gchar *section;  /* the FAQ's heading */
  const gchar *sentence; /* the FAQ's sentence, verbatim */
  const gchar *flow;
  const gchar *step;
  const gchar *says[MAX_SAYS]; /* words of the step (title, text, answers, links) */
} FaqInstruction;

#define BINDING "Verification code error during MFA binding"
#define SIGNIN "MFA authentication failure during sign-in"
#define LOST "Authenticator app deleted or device lost"
#define REPLACE "Replace an MFA device"
#define REPLACE_ACCOUNT "Replace MFA device for an Alibaba Cloud account"
#define REPLACE_RAM "Replace MFA device for a RAM user"
#define ENFORCE "Enforce MFA for RAM user sign-in"
#define DISABLE "Disable MFA for RAM user sign-in"
#define LIMIT "Binding limit reached for secure phone or email"
#define LINK "Activation link request limit"
#define METHOD "Secure phone or email method not appearing"
#define WRONG "Incorrect binding, lost device, or compromised account"
#define SMS "Not receiving SMS for secure phone"
#define EMAIL "Not receiving email for security email"

static const FaqInstruction instructions[] = {
  { BINDING, "MFA is time-based.", "binding-code-rejected", "phone-clock",
    { "MFA is time-based" } },
  { BINDING, "Ensure the time on your mobile device is synchronized.", "binding-code-rejected",
    "phone-clock", { "make sure your phone’s time is synchronized" } },
  { BINDING, "Ensure the time on your mobile device is synchronized.", "binding-code-rejected",
    "fix-clock", { "turn on automatic date and time", "so that its time is synchronized" } },
  { BINDING, "The verification code on your MFA device refreshes every 30 seconds.",
    "binding-code-rejected", "latest-code", { "refreshes every 30 seconds" } },
  { BINDING, "Make sure you enter the latest, unused code.", "binding-code-rejected",
    "latest-code", { "Use the latest, unused code", "A code works only once" } },
  { BINDING, "The QR code (key) can expire if you leave the binding page open for too long.",
    "binding-code-rejected", "qr-expired",
    { "The QR code (the key) can expire if you leave the binding page open for too long" } },
  { BINDING, "Refresh the page and scan the new QR code.", "binding-code-rejected", "qr-expired",
    { "Refresh the page, scan the new QR code" } },
  { BINDING, "If you scan the QR code on the binding page multiple times, your MFA device may "
             "show multiple entries for the same username, each with a different verification "
             "code.", "binding-code-rejected", "duplicates",
    { "scan the QR code on the binding page several times",
      "several entries for the same user name, each with a different code" } },
  { BINDING, "This can cause authentication to fail.", "binding-code-rejected", "duplicates",
    { "authentication fails" } },
  { BINDING, "Before binding, check your MFA device for duplicate entries.",
    "binding-code-rejected", "duplicates",
    { "Before binding, look through the app for duplicate entries" } },
  { BINDING, "If you find any, delete them before you scan the new QR code to avoid confusion.",
    "binding-code-rejected", "remove-duplicates",
    { "Delete the duplicate entries for this account before you scan the new QR code, to avoid "
      "confusion" } },
  { BINDING, "Rebind the MFA device.", "binding-code-rejected", "rebind-account",
    { "Rebind the MFA device", "Account Center" } },
  { BINDING, "Rebind the MFA device.", "binding-code-rejected", "rebind-ram",
    { "Rebind the MFA device", "RAM console" } },
  { BINDING, "The procedure varies by account type:", "binding-code-rejected", "ask-account",
    { "Which kind of account is it?", "The Alibaba Cloud account", "A RAM user" } },
  { BINDING, "If the issue persists, submit a ticket.", "binding-code-rejected", "ticket",
    { "submit a ticket" } },
  { BINDING, "In the ticket, provide screenshots of the error page and the time displayed on "
             "your mobile device, the account name, and the timestamp of the operation.",
    "binding-code-rejected", "ticket",
    { "screenshots of the error page and of the time displayed on your phone",
      "the account name", "the time of the operation" } },

  { SIGNIN, "MFA is time-based.", "signin-code-rejected", "phone-clock", { "MFA is time-based" } },
  { SIGNIN, "Ensure the time on your mobile device is synchronized.", "signin-code-rejected",
    "phone-clock", { "make sure your phone’s time is synchronized" } },
  { SIGNIN, "Verify that the verification code you entered is for the correct account and is "
            "the latest, unused code.", "signin-code-rejected", "right-account",
    { "Verify that the code you enter is for the correct account" } },
  { SIGNIN, "Verify that the verification code you entered is for the correct account and is "
            "the latest, unused code.", "signin-code-rejected", "latest-code",
    { "Use the latest, unused code" } },
  { SIGNIN, "If you replaced the MFA device, ensure you are using the verification code from "
            "the newly bound device.", "signin-code-rejected", "moved-phone",
    { "If you replaced the MFA device, make sure you use the code from the newly bound device" } },
  { SIGNIN, "Rebind the MFA device.", "signin-code-rejected", "rebind-account",
    { "Rebind the MFA device of the Alibaba Cloud account" } },
  { SIGNIN, "Rebind the MFA device.", "signin-code-rejected", "rebind-ram",
    { "Rebind the MFA device" } },
  { SIGNIN, "The procedure varies by account type:", "signin-code-rejected", "ask-account",
    { "Which kind of account is it?" } },
  { SIGNIN, "If the issue persists after you try these solutions, you can submit a ticket.",
    "signin-code-rejected", "ticket", { "submit a ticket" } },
  { SIGNIN, "In the ticket, provide screenshots of the time displayed on your mobile device, "
            "the name of the account being authenticated, and the operation timestamp.",
    "signin-code-rejected", "ticket",
    { "screenshots of the time displayed on your phone",
      "the name of the account being authenticated", "the time of the operation" } },

  { LOST, "For an Alibaba Cloud account: On the identity verification page, follow the "
          "on-screen instructions to submit an appeal.", "device-lost", "reset-account",
    { "For an Alibaba Cloud account",
      "on the identity verification page, follow the on-screen instructions to submit an appeal" } },
  { LOST, "For a RAM user: Contact the owner of the Alibaba Cloud account or a RAM administrator "
          "to disable MFA for the RAM user.", "device-lost", "reset-ram",
    { "Ask an administrator to disable MFA",
      "contact the owner of the Alibaba Cloud account or a RAM administrator and ask them to "
      "disable MFA for your RAM user" } },
  { LOST, "For details, see How do I disable MFA for a RAM user's console sign-in?.",
    "device-lost", "reset-ram", { "“How do I disable MFA for a RAM user's console sign-in?”" } },

  { REPLACE, "To replace the MFA device for an Alibaba Cloud account or a RAM user, for example, "
             "to move the authenticator app from one phone to another, follow these steps.",
    "new-phone", "have-old",
    { "To replace the MFA device of an Alibaba Cloud account or a RAM user",
      "to move the authenticator app from one phone to another" } },
  { REPLACE_ACCOUNT, "Log on to the Account Center.", "new-phone", "replace-account",
    { "1. Log on to the Account Center." } },
  { REPLACE_ACCOUNT, "Unbind the MFA device on Phone A.", "new-phone", "replace-account",
    { "2. Unbind the MFA device on the old phone (phone A)" } },
  { REPLACE_ACCOUNT, "For details, see Unbind a virtual MFA device.", "new-phone",
    "replace-account", { "“Unbind a virtual MFA device”" } },
  { REPLACE_ACCOUNT, "Rebind the MFA device on Phone B.", "new-phone", "replace-account",
    { "3. Bind the MFA device again on the new phone (phone B)" } },
  { REPLACE_ACCOUNT, "For details, see Bind or unbind a virtual MFA device.", "new-phone",
    "replace-account", { "“Bind or unbind a virtual MFA device”" } },
  { REPLACE_RAM, "If the owner of the Alibaba Cloud account allows RAM users to manage their own "
                 "MFA devices, a RAM user can unbind and rebind the device independently.",
    "new-phone", "may-manage",
    { "If the owner of the Alibaba Cloud account allows RAM users to manage their own MFA "
      "devices, you can unbind and rebind the device yourself." } },
  { REPLACE_RAM, "Otherwise, the RAM user must contact the owner of the Alibaba Cloud account or "
                 "a RAM administrator for assistance.", "new-phone", "may-manage",
    { "Otherwise, you must contact the owner of the Alibaba Cloud account or a RAM "
      "administrator for help." } },
  { REPLACE_RAM, "Otherwise, the RAM user must contact the owner of the Alibaba Cloud account or "
                 "a RAM administrator for assistance.", "new-phone", "ask-admin",
    { "Contact the owner of the Alibaba Cloud account or a RAM administrator" } },
  { REPLACE_RAM, "For information about how to allow RAM users to manage their own MFA devices, "
                 "see Manage security settings for RAM users.", "new-phone", "may-manage",
    { "“Manage security settings for RAM users”" } },
  { REPLACE_RAM, "Log on to the RAM console.", "new-phone", "replace-ram",
    { "1. Log on to the RAM console." } },
  { REPLACE_RAM, "Unbind the MFA device on Phone A.", "new-phone", "replace-ram",
    { "2. Unbind the MFA device on the old phone (phone A)" } },
  { REPLACE_RAM, "For details, see Unbind an MFA device for a RAM user.", "new-phone",
    "replace-ram", { "“Unbind an MFA device for a RAM user”" } },
  { REPLACE_RAM, "Rebind the MFA device on Phone B.", "new-phone", "replace-ram",
    { "3. Bind the MFA device again on the new phone (phone B)" } },
  { REPLACE_RAM, "For details, see Bind an MFA device as a RAM user.", "new-phone",
    "replace-ram", { "“Bind an MFA device as a RAM user”" } },

  { ENFORCE, "The owner of an Alibaba Cloud account or a RAM administrator can modify user "
             "security settings and console logon settings to enforce MFA for RAM users.",
    "require-mfa", "who",
    { "Only the owner of the Alibaba Cloud account or a RAM administrator can enforce MFA for "
      "RAM users, in the user security settings and the console logon settings." } },
  { ENFORCE, "Choose one of the following methods based on your needs:", "require-mfa",
    "require", { "Choose one of two ways", "“MFA for RAM user sign-in”",
                 "set “MFA Required” to “Required”" } },
  { ENFORCE, "After applying these settings, RAM users must bind an MFA device at their next "
             "sign-in.", "require-mfa", "require",
    { "RAM users must bind an MFA device at their next sign-in" } },
  { ENFORCE, "After successfully binding a device, they must enter a verification code for all "
             "subsequent sign-ins.", "require-mfa", "require",
    { "once bound, enter a verification code at every sign-in" } },
  { ENFORCE, "For details about how to bind an MFA device, see Bind an MFA device as a RAM "
             "user.", "require-mfa", "require", { "“Bind an MFA device as a RAM user”" } },

  { DISABLE, "Disabling MFA for a RAM user reduces account security.", "disable-mfa", "risk",
    { "Disabling MFA for a RAM user reduces account security" } },
  { DISABLE, "We recommend that you fully assess the security risks of password compromise "
             "before you disable MFA.", "disable-mfa", "risk",
    { "Fully assess the risk of the password being compromised before you disable MFA" } },
  { DISABLE, "To better protect your account and assets, this feature will be gradually rolled "
             "out by account UID starting August 26, 2024.", "disable-mfa", "administrator",
    { "rolled out gradually by account UID, starting on 26 August 2024",
      "it may not apply to your account yet" } },
  { DISABLE, "RAM users with the AdministratorAccess system permission must use MFA for "
             "sign-in.", "disable-mfa", "administrator",
    { "RAM users with the AdministratorAccess system permission must use MFA to sign in" } },
  { DISABLE, "MFA cannot be disabled for these users.", "disable-mfa", "administrator",
    { "MFA cannot be disabled for them" } },
  { DISABLE, "MFA cannot be disabled for these users.", "disable-mfa", "admin-rule",
    { "MFA cannot be disabled for this user" } },
  { DISABLE, "For more information, see the Notice.", "disable-mfa", "administrator",
    { "see Alibaba Cloud’s Notice" } },
  { DISABLE, "Unbinding an MFA device is not the same as disabling MFA.", "disable-mfa",
    "unbind-vs-disable",
    { "Unbinding is not disabling", "Unbinding an MFA device is not the same as disabling MFA" } },
  { DISABLE, "To disable MFA for a RAM user's console sign-in, you must modify the user security "
             "settings and console logon settings.", "disable-mfa", "unbind-vs-disable",
    { "To disable MFA for a RAM user’s console sign-in, change two settings",
      "first the user security settings, then the RAM user’s console logon settings" } },
  { DISABLE, "As an Alibaba Cloud account owner or a RAM administrator, modify the user security "
             "settings for the RAM user.", "disable-mfa", "security-settings",
    { "1. Change the user security settings" } },
  { DISABLE, "As an Alibaba Cloud account owner or a RAM administrator, modify the user security "
             "settings for the RAM user.", "disable-mfa", "unbind-vs-disable",
    { "as the owner of the Alibaba Cloud account or a RAM administrator" } },
  { DISABLE, "In the user security settings, set MFA for RAM user sign-in to Depend on each user "
             "or Required Only for Unusual Logon.", "disable-mfa", "security-settings",
    { "open the user security settings and set “MFA for RAM user sign-in” to “Depend on each "
      "user” or “Required Only for Unusual Logon”" } },
  { DISABLE, "For details, see Manage security settings for RAM users.", "disable-mfa",
    "security-settings", { "“Manage security settings for RAM users”" } },
  { DISABLE, "Depend on each user: MFA requirements are set for each user individually.",
    "disable-mfa", "security-settings",
    { "“Depend on each user”: MFA is set for each user on their own" } },
  { DISABLE, "You must proceed to the next step.", "disable-mfa", "security-settings",
    { "you must go on to the next step", "I set “Depend on each user”" } },
  { DISABLE, "Required Only for Unusual Logon: MFA is enforced only in untrusted sign-in "
             "environments, such as when the sign-in location or device changes.", "disable-mfa",
    "security-settings",
    { "“Required Only for Unusual Logon”: MFA is enforced only in untrusted sign-in "
      "environments, such as when the sign-in location or device changes" } },
  { DISABLE, "Otherwise, MFA is not required.", "disable-mfa", "security-settings",
    { "otherwise MFA is not required" } },
  { DISABLE, "Otherwise, MFA is not required.", "disable-mfa", "unusual-logon",
    { "otherwise MFA is not required" } },
  { DISABLE, "As an Alibaba Cloud account owner or a RAM administrator, modify the console logon "
             "settings for the RAM user.", "disable-mfa", "logon-settings",
    { "2. Change the console logon settings", "open the RAM user, then its console logon settings" } },
  { DISABLE, "In the console logon settings for the RAM user, set MFA Required to Not Required.",
    "disable-mfa", "logon-settings", { "set “MFA Required” to “Not Required”" } },
  { DISABLE, "For details, see Manage console logon settings for a RAM user.", "disable-mfa",
    "logon-settings", { "“Manage console logon settings for a RAM user”" } },

  { LIMIT, "Each phone number or email address can be bound to a maximum of five RAM users.",
    "contact-limit", "limit",
    { "Each phone number or e-mail address can be bound to at most five RAM users" } },
  { LIMIT, "If this limit is reached, you must either unbind it from an existing user to free up "
           "a slot, or use a new one.", "contact-limit", "limit",
    { "either unbind it from an existing RAM user to free a slot, or use a new phone number or "
      "e-mail address" } },

  { LINK, "The activation link for each phone number or email address is valid for 24 hours and "
          "does not need to be requested repeatedly.", "activation-link", "expired",
    { "The activation link for each phone number or e-mail address is valid for 24 hours",
      "there is no need to request it again" } },
  { LINK, "The activation link for each phone number or email address is valid for 24 hours and "
          "does not need to be requested repeatedly.", "activation-link", "wait-1",
    { "stays valid for 24 hours", "use it instead of requesting another" } },
  { LINK, "The activation link for each phone number or email address is valid for 24 hours and "
          "does not need to be requested repeatedly.", "activation-link", "wait-15",
    { "stays valid for 24 hours", "use it instead of requesting another" } },
  { LINK, "If you are rate-limited, wait 1 or 15 minutes before trying again.", "activation-link",
    "rate-limited", { "If you are rate-limited, wait 1 or 15 minutes before you try again",
                      "1 minute", "15 minutes" } },

  { METHOD, "To use a secure phone or security email address for verification, you must bind the "
            "phone number or email address and then enable the method in the user security "
            "settings.", "method-not-shown", "bind-then-enable",
    { "To use a secure phone or security e-mail address for verification",
      "first bind the phone number or e-mail address, then enable the method in the user "
      "security settings" } },
  { METHOD, "For details, see Manage security settings for RAM users.", "method-not-shown",
    "bind-then-enable", { "“Manage security settings for RAM users”" } },

  { WRONG, "Contact the owner of the Alibaba Cloud account or a RAM administrator to unbind the "
           "MFA device for the RAM user.", "wrong-binding", "reset-ram",
    { "Contact the owner of the Alibaba Cloud account or a RAM administrator to unbind the MFA "
      "device for your RAM user" } },
  { WRONG, "For details, see Unbind an MFA device for a RAM user.", "wrong-binding", "reset-ram",
    { "“Unbind an MFA device for a RAM user”" } },

  { SMS, "Check that your mobile phone has an active service, no overdue payments, and a stable "
         "signal.", "sms-missing", "service",
    { "Check that your mobile phone has an active service with no overdue payment, and a stable "
      "signal" } },
  { SMS, "Check if your phone has blocked numbers from Alibaba Cloud, and check your blocked "
         "messages or spam folder.", "sms-missing", "blocked",
    { "Check whether your phone blocks numbers from Alibaba Cloud",
      "look in your blocked messages and spam folder" } },

  { EMAIL, "Verify that the bound email address is correct.", "email-missing", "address",
    { "Verify that the bound e-mail address is correct" } },
  { EMAIL, "Check your spam folder in case the email was identified as spam.", "email-missing",
    "folders", { "Check your spam folder in case the e-mail was identified as spam" } },
};

/* Sentences of the FAQ that instruct nobody: the page's own introduction. */
static const gchar *not_instructions[] = {
  "This topic answers frequently asked questions about multi-factor authentication (MFA).",
  "It covers common issues such as verification code errors, authentication failures, replacing "
  "an MFA device, enforcing or disabling MFA, and issues with secure phones and security email "
  "addresses.",
  NULL
};

/* ---- the FAQ as sentences under their headings ------------------------------- */

typedef struct
{
  gchar *section;
  gchar *sentence;
} FaqSentence;

static void
faq_sentence_free (FaqSentence *sentence)
{
  g_free (sentence->section);
  g_free (sentence->sentence);
  g_free (sentence);
}

/* Lines without closing punctuation are headings ("Note" only marks the box
 * in its section); lines without Latin letters are page furniture. Bullets
 * and step numbers are dropped, and a line is split into its sentences. */
static GPtrArray *
read_faq (void)
{
  g_autofree gchar *path = g_test_build_filename (G_TEST_DIST, "flows", "faq",
                                                  "alibaba-cloud-mfa-faq.txt", NULL);
  g_autofree gchar *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) marker = g_regex_new ("^(•|[0-9]+\\.)\\s*", 0, 0, NULL);
  g_autoptr(GRegex) letters = g_regex_new ("[A-Za-z]", 0, 0, NULL);
  g_autoptr(GRegex) boundary = g_regex_new ("(?<=[.?])\\s+(?=[A-Z])", 0, 0, NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree gchar *section = NULL;
  GPtrArray *sentences = g_ptr_array_new_with_free_func ((GDestroyNotify) faq_sentence_free);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree gchar *line = g_regex_replace (marker, g_strstrip (lines[i]), -1, 0, "", 0, NULL);
      gsize len = strlen (line);
      g_auto(GStrv) parts = NULL;

      if (!g_regex_match (letters, line, 0, NULL))
        continue;
      if (strchr (".:?", line[len - 1]) == NULL)
        {
          if (!g_str_equal (line, "Note"))
            {
              g_free (section);
              section = g_strdup (line);
            }
          continue;
        }
      parts = g_regex_split (boundary, line, 0);
      for (guint p = 0; parts[p] != NULL; p++)
        {
          FaqSentence *sentence = g_new0 (FaqSentence, 1);

          sentence->section = g_strdup (section);
          sentence->sentence = g_strdup (parts[p]);
          g_ptr_array_add (sentences, sentence);
        }
    }
  return sentences;
}

/* ---- the flows' words ---------------------------------------------------------- */

/* What a step says: its title, text, the answers it offers and its links. */
static gchar *
step_words (const MfaFlowStep *step)
{
  g_autoptr(GString) words = g_string_new (NULL);

  g_string_append_printf (words, "%s\n%s\n", step->title != NULL ? step->title : "",
                          step->text != NULL ? step->text : "");
  for (guint i = 0; i < step->edges->len; i++)
    {
      const MfaFlowEdge *edge = g_ptr_array_index (step->edges, i);

      if (edge->label != NULL)
        g_string_append_printf (words, "%s\n", edge->label);
    }
  for (guint i = 0; i < step->links->len; i++)
    g_string_append_printf (words, "%s\n",
                            ((const MfaFlowLink *) g_ptr_array_index (step->links, i))->label);
  return g_string_free (g_steal_pointer (&words), FALSE);
}

/* Whether a step's words say `quote`: as written, or in another case where
 * the quote is (part of) a title — titles are in header capitalization.
 * Console names stay exact: test_console_names_exact checks them. */
static gboolean
says_it (const gchar *words,
         const gchar *quote)
{
  g_autofree gchar *folded_words = NULL;
  g_autofree gchar *folded_quote = NULL;

  if (strstr (words, quote) != NULL)
    return TRUE;
  /* ASCII lower-casing leaves every other byte (’, Chinese) as it is. */
  folded_words = g_ascii_strdown (words, -1);
  folded_quote = g_ascii_strdown (quote, -1);
  return strstr (folded_words, folded_quote) != NULL;
}

/* Every row of the table that `set` does not carry, as messages. */
static GPtrArray *
missing_instructions (MfaFlowSet *set)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (instructions); i++)
    {
      const FaqInstruction *row = &instructions[i];
      const MfaFlow *flow = mfa_flow_set_find_flow (set, row->flow);
      const MfaFlowStep *step = flow != NULL ? mfa_flow_find_step (flow, row->step) : NULL;
      g_autofree gchar *words = step != NULL ? step_words (step) : NULL;

      if (step == NULL)
        {
          g_ptr_array_add (missing, g_strdup_printf ("“%s” (%s): no step %s/%s", row->sentence,
                                                     row->section, row->flow, row->step));
          continue;
        }
      for (guint k = 0; k < MAX_SAYS && row->says[k] != NULL; k++)
        if (!says_it (words, row->says[k]))
          g_ptr_array_add (missing, g_strdup_printf ("“%s” (%s): %s/%s no longer says “%s”",
                                                     row->sentence, row->section, row->flow,
                                                     row->step, row->says[k]));
    }
  return missing;
}

static MfaFlowSet *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  MfaFlowSet *set = mfa_flow_set_load_default (&error);

  g_assert_no_error (error);
  return set;
}

/* ---- the tests ----------------------------------------------------------------- */

/* Every sentence of the FAQ is in the table, under its own section. */
static void
test_table_complete (void)
{
  g_autoptr(GPtrArray) sentences = read_faq ();
  guint listed = 0;

  g_assert_cmpuint (sentences->len, >, 70);
  for (guint i = 0; i < sentences->len; i++)
    {
      const FaqSentence *sentence = g_ptr_array_index (sentences, i);
      gboolean found = g_strv_contains (not_instructions, sentence->sentence);

      for (guint r = 0; !found && r < G_N_ELEMENTS (instructions); r++)
        found = g_strcmp0 (instructions[r].section, sentence->section) == 0
                && g_str_equal (instructions[r].sentence, sentence->sentence);
      if (!found)
        g_test_message ("not in the table: “%s” (%s)", sentence->sentence, sentence->section);
      listed += found;
    }
  g_assert_cmpuint (listed, ==, sentences->len);
}

/* …and the table holds nothing the FAQ does not say. */
static void
test_table_quotes_faq (void)
{
  g_autoptr(GPtrArray) sentences = read_faq ();

  for (guint r = 0; r < G_N_ELEMENTS (instructions); r++)
    {
      gboolean found = FALSE;

      for (guint i = 0; !found && i < sentences->len; i++)
        {
          const FaqSentence *sentence = g_ptr_array_index (sentences, i);

          found = g_strcmp0 (instructions[r].section, sentence->section) == 0
                  && g_str_equal (instructions[r].sentence, sentence->sentence);
        }
      if (!found)
        g_test_message ("the FAQ has no “%s” under “%s”", instructions[r].sentence,
                        instructions[r].section);
      g_assert_true (found);
    }
}

static void
test_flows_carry_faq (void)
{
  g_autoptr(MfaFlowSet) set = load_default ();
  g_autoptr(GPtrArray) missing = missing_instructions (set);

  for (guint i = 0; i < missing->len; i++)
    g_test_message ("%s", (const gchar *) missing->pdata[i]);
  g_assert_cmpuint (missing->len, ==, 0);
}

/* The table notices a reworded step and a removed one. */
static void
test_reworded_step_fails (void)
{
  g_autoptr(GBytes) shipped = g_resources_lookup_data (MFA_FLOWS_RESOURCE, 0, NULL);
  g_autoptr(GString) changed = g_string_new_len (g_bytes_get_data (shipped, NULL),
                                                 g_bytes_get_size (shipped));
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaFlowSet) set = NULL;
  g_autoptr(GPtrArray) missing = NULL;

  g_assert_cmpuint (g_string_replace (changed, "refreshes every 30 seconds",
                                      "refreshes every minute", 0), >, 0);
  g_assert_cmpuint (g_string_replace (changed, "\"id\": \"blocked\"", "\"id\": \"spam\"", 0),
                    ==, 1);
  g_assert_cmpuint (g_string_replace (changed, "\"not_fixed\": \"blocked\"",
                                      "\"not_fixed\": \"spam\"", 0), ==, 1);
  set = mfa_flow_set_load_data (changed->str, changed->len, &error);
  g_assert_no_error (error);
  missing = missing_instructions (set);
  for (guint i = 0; i < missing->len; i++)
    g_test_message ("%s", (const gchar *) missing->pdata[i]);
  /* One reworded sentence, one step gone. */
  g_assert_cmpuint (missing->len, ==, 2);
}

/* ---- nothing says otherwise ------------------------------------------------------ */

/* Every text of the flows in English and, through the catalogue, Chinese. */
static GPtrArray *
all_texts (MfaFlowSet *set)
{
  g_autofree gchar *po = g_test_build_filename (G_TEST_DIST, "..", "po", "zh_CN.po", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaPoCatalog) catalog = mfa_po_catalog_load (po, &error);
  g_autoptr(GPtrArray) strings = mfa_flow_set_collect_strings (set);
  GPtrArray *texts = g_ptr_array_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < strings->len; i++)
    {
      const gchar *translated = mfa_po_catalog_lookup (catalog, strings->pdata[i]);

      g_ptr_array_add (texts, strings->pdata[i]);
      if (translated != NULL)
        g_ptr_array_add (texts, (gpointer) translated);
    }
  g_ptr_array_set_free_func (texts, NULL);
  /* The catalogue's strings must outlive it: keep copies. */
  for (guint i = 0; i < texts->len; i++)
    texts->pdata[i] = g_strdup (texts->pdata[i]);
  g_ptr_array_set_free_func (texts, g_free);
  return texts;
}

typedef struct
{
  const gchar *pattern; /* a claim the FAQ contradicts */
  const gchar *why;
} Contradiction;

static const Contradiction contradictions[] = {
  { "disabl\\w*\\s*[(（]\\s*unbind|unbind\\w*\\s*[(（]\\s*disabl",
    "equates unbinding with disabling" },
  { "unbind\\w* (or|and|=|means|is) disabl|disabl\\w* (or|=|means|is) unbind",
    "puts unbinding and disabling as one" },
  { "both together", "says unbinding and disabling together turn MFA off" },
  { "关闭[（(]解绑|解绑[（(]关闭|停用[（(]解绑|解绑[（(]停用|解绑即|解绑就是",
    "equates unbinding with disabling (Chinese)" },
  { "refresh\\w*[^.。]*?\\b(?!30\\b)[0-9]+ seconds|每 ?(?!30)[0-9]+ ?秒刷新",
    "codes refresh every 30 seconds" },
  { "(valid|works) for (?!24\\b)[0-9]+ hours|有效期为 ?(?!24)[0-9]+ ?小时",
    "activation links are valid for 24 hours" },
  { "(at most|maximum of|up to) (?!five)\\w+ RAM users|最多可以绑定(?!五)",
    "a phone number or e-mail address binds at most five RAM users" },
  { "wait (?!1 or 15)[0-9]+ (or [0-9]+ )?minutes", "rate limits last 1 or 15 minutes" },
  { "Since a change in 2024", "the AdministratorAccess rule is rolled out by UID" },
};

static void
test_no_contradiction (void)
{
  g_autoptr(MfaFlowSet) set = load_default ();
  g_autoptr(GPtrArray) texts = all_texts (set);
  guint found = 0;

  for (guint c = 0; c < G_N_ELEMENTS (contradictions); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GRegex) regex = g_regex_new (contradictions[c].pattern, G_REGEX_CASELESS, 0,
                                             &error);

      g_assert_no_error (error);
      for (guint i = 0; i < texts->len; i++)
        if (g_regex_match (regex, texts->pdata[i], 0, NULL))
          {
            g_test_message ("contradicts the FAQ (%s): %s", contradictions[c].why,
                            (const gchar *) texts->pdata[i]);
            found++;
          }
    }
  g_assert_cmpuint (found, ==, 0);
}

/* What earlier flows said, and what a careless edit could say, is caught. */
static void
test_contradictions_caught (void)
{
  static const gchar *wrong[] = {
    "Ask the account owner or a RAM administrator to open your user in the RAM console and "
    "disable (unbind) your MFA device.",
    "Disabling turns off the requirement for MFA at sign-in. Only both together let the user "
    "sign in without MFA.",
    "Since a change in 2024, MFA cannot be disabled for RAM users that hold AdministratorAccess.",
    "The code refreshes every 60 seconds.",
    "An activation link works for 12 hours.",
    "The link is valid for 12 hours.",
    "One phone number can be bound to at most three RAM users.",
    "Unbind or disable the MFA device.",
    "请管理员为您关闭（解绑）MFA 设备。",
    NULL
  };
  guint caught = 0;

  for (guint i = 0; wrong[i] != NULL; i++)
    for (guint c = 0; c < G_N_ELEMENTS (contradictions); c++)
      {
        g_autoptr(GRegex) regex = g_regex_new (contradictions[c].pattern, G_REGEX_CASELESS, 0,
                                               NULL);

        if (g_regex_match (regex, wrong[i], 0, NULL))
          {
            caught++;
            break;
          }
      }
  g_assert_cmpuint (caught, ==, g_strv_length ((GStrv) wrong));
}

/* The console's names, spelt as the console spells them and quoted, in
 * both languages (the Chinese text keeps the English name beside its own). */
static void
test_console_names_exact (void)
{
  static const gchar *names[] = { "Depend on each user", "Required Only for Unusual Logon",
                                  "MFA for RAM user sign-in", NULL };
  g_autoptr(MfaFlowSet) set = load_default ();
  g_autoptr(GPtrArray) texts = all_texts (set);
  guint seen = 0;

  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree gchar *folded = g_ascii_strdown (texts->pdata[i], -1);
      const gchar *text = texts->pdata[i];

      for (guint n = 0; names[n] != NULL; n++)
        {
          g_autofree gchar *name = g_ascii_strdown (names[n], -1);
          g_autofree gchar *quoted = g_strdup_printf ("“%s”", names[n]);
          g_autofree gchar *bracketed = g_strdup_printf ("（%s）", names[n]);
          gsize mark = strlen ("“"); /* as long as "（" */

          /* ASCII lower-casing keeps every byte where it was. */
          for (const gchar *at = strstr (folded, name); at != NULL; at = strstr (at + 1, name))
            {
              const gchar *start = text + (at - folded) - mark;
              gboolean exact = (gsize) (at - folded) >= mark
                               && (strncmp (start, quoted, strlen (quoted)) == 0
                                   || strncmp (start, bracketed, strlen (bracketed)) == 0);

              if (!exact)
                g_test_message ("“%s” is not written as the console writes it: %s", names[n],
                                text);
              g_assert_true (exact);
              seen++;
            }
        }
    }
  g_assert_cmpuint (seen, >, 10);
}

/* Wherever AdministratorAccess keeps MFA on, the text says since when and how. */
static void
test_administrator_rule_dated (void)
{
  g_autoptr(MfaFlowSet) set = load_default ();
  g_autoptr(GPtrArray) texts = all_texts (set);
  guint checked = 0;

  for (guint i = 0; i < texts->len; i++)
    {
      const gchar *text = texts->pdata[i];

      if (strstr (text, "AdministratorAccess") == NULL
          || (strstr (text, "cannot be disabled") == NULL && strstr (text, "不能为") == NULL)
          || strstr (text, "Where the rule applies") != NULL
          || strstr (text, "在此规则适用的账号中") != NULL)
        continue;
      g_assert_true (strstr (text, "26 August 2024") != NULL
                     || strstr (text, "2024 年 8 月 26 日") != NULL);
      g_assert_true (strstr (text, "UID") != NULL);
      checked++;
    }
  g_assert_cmpuint (checked, ==, 2);
}

/* The activation link's countdowns are the FAQ's 1 and 15 minutes. */
static void
test_rate_limit_waits (void)
{
  g_autoptr(MfaFlowSet) set = load_default ();
  const MfaFlow *flow = mfa_flow_set_find_flow (set, "activation-link");

  g_assert_cmpuint (mfa_flow_find_step (flow, "wait-1")->wait_seconds, ==, 60);
  g_assert_cmpuint (mfa_flow_find_step (flow, "wait-15")->wait_seconds, ==, 15 * 60);
}

/* An administrator's task ends "Done", not with the user's sign-in working. */
static void
test_solved_fits_topic (void)
{
  static const gchar *administrators[] = { "require-mfa", "disable-mfa", "contact-limit",
                                           "method-not-shown", "new-phone", NULL };
  g_autoptr(MfaFlowSet) set = load_default ();

  for (guint i = 0; i < mfa_flow_set_get_n_flows (set); i++)
    {
      const MfaFlow *flow = mfa_flow_set_get_flow (set, i);
      gboolean admin = g_strv_contains (administrators, flow->id);

      for (guint s = 0; s < flow->steps->len; s++)
        {
          const MfaFlowStep *step = g_ptr_array_index (flow->steps, s);

          if (step->type != MFA_STEP_DONE)
            continue;
          if (admin)
            {
              g_assert_null (strstr (step->text, "sign-in works again"));
              if (g_str_equal (step->id, "done"))
                g_assert_cmpstr (step->title, ==, "Done");
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/faq/table/lists-every-sentence", test_table_complete);
  g_test_add_func ("/faq/table/quotes-the-faq", test_table_quotes_faq);
  g_test_add_func ("/faq/flows/carry-every-instruction", test_flows_carry_faq);
  g_test_add_func ("/faq/flows/reworded-step-fails", test_reworded_step_fails);
  g_test_add_func ("/faq/flows/no-contradiction", test_no_contradiction);
  g_test_add_func ("/faq/flows/contradictions-caught", test_contradictions_caught);
  g_test_add_func ("/faq/flows/console-names-exact", test_console_names_exact);
  g_test_add_func ("/faq/flows/administrator-rule-dated", test_administrator_rule_dated);
  g_test_add_func ("/faq/flows/rate-limit-waits", test_rate_limit_waits);
  g_test_add_func ("/faq/flows/solved-fits-topic", test_solved_fits_topic);
  return g_test_run ();
}
