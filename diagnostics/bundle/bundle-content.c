/* bundle-content.c: what goes into a ticket, and the checks on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bundle-content"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bundle-writer.h"
#include "mfa-error.h"

static void
attachment_free (MfaBundleAttachment *attachment)
{
  g_free (attachment->kind);
  g_free (attachment->source);
  g_free (attachment->caption);
  g_free (attachment);
}

MfaBundleStep *
mfa_bundle_step_new (void)
{
  MfaBundleStep *step = g_new0 (MfaBundleStep, 1);

  step->fixed = -1;
  return step;
}

MfaBundleStep *
mfa_bundle_step_copy (const MfaBundleStep *step)
{
  MfaBundleStep *copy = g_memdup2 (step, sizeof *step);

  copy->id = g_strdup (step->id);
  copy->type = g_strdup (step->type);
  copy->title = g_strdup (step->title);
  copy->title_translated = g_strdup (step->title_translated);
  copy->answer = g_strdup (step->answer);
  copy->answer_translated = g_strdup (step->answer_translated);
  copy->check = g_strdup (step->check);
  copy->verdict = g_strdup (step->verdict);
  copy->result = g_strdup (step->result);
  return copy;
}

void
mfa_bundle_step_free (MfaBundleStep *step)
{
  if (step == NULL)
    return;
  g_free (step->id);
  g_free (step->type);
  g_free (step->title);
  g_free (step->title_translated);
  g_free (step->answer);
  g_free (step->answer_translated);
  g_free (step->check);
  g_free (step->verdict);
  g_free (step->result);
  g_free (step);
}

gchar *
mfa_bundle_step_describe (const MfaBundleStep *step,
                          gboolean             translated)
{
  const gchar *title = step->title != NULL ? step->title : "";
  const gchar *answer = step->answer;
  g_autoptr(GString) line = NULL;

  if (translated)
    {
      if (step->title_translated == NULL && step->answer_translated == NULL)
        return NULL;
      title = step->title_translated != NULL ? step->title_translated : title;
      answer = step->answer_translated != NULL ? step->answer_translated : answer;
    }
  line = g_string_new (title);
  if (answer != NULL && answer[0] != '\0')
    g_string_append_printf (line, " → %s", answer);
  /* The check's own words, once: they are in the user's language already. */
  if (!translated && step->result != NULL && step->result[0] != '\0')
    g_string_append_printf (line, " (%s)", step->result);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* The text in this locale's language, or NULL when it reads the same. */
static gchar *
translation_of (const gchar *text)
{
  const gchar *translated = text != NULL ? _(text) : NULL;

  return translated != NULL && g_strcmp0 (translated, text) != 0 ? g_strdup (translated) : NULL;
}

static MfaBundleStep *
step_from_flow (const MfaFlowStep *flow_step,
                const MfaFlowEdge *answer)
{
  MfaBundleStep *step = mfa_bundle_step_new ();
  const gchar *answer_text = answer != NULL ? answer->label : NULL;

  step->id = g_strdup (flow_step->id);
  step->type = g_strdup (mfa_step_type_to_string (flow_step->type));
  step->title = g_strdup (flow_step->title);
  step->title_translated = translation_of (flow_step->title);
  if (flow_step->type == MFA_STEP_ADVICE && answer != NULL)
    {
      /* The first answer of an advice step is "Yes, that fixed it". */
      step->fixed = answer == g_ptr_array_index (flow_step->edges, 0);
      answer_text = step->fixed ? N_("fixed it") : N_("did not fix it");
    }
  step->answer = g_strdup (answer_text);
  step->answer_translated = translation_of (answer_text);
  if (flow_step->type == MFA_STEP_CHECK)
    {
      step->check = g_strdup (flow_step->check);
      step->verdict = answer != NULL ? g_strdup (answer->verdict) : NULL;
    }
  return step;
}

/* The language translations come in, as gettext names it ("zh_CN"), without
 * encoding; English where the locale translates nothing ("C"). */
static gchar *
user_language (void)
{
  const gchar *const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    if (strchr (names[i], '.') == NULL && strchr (names[i], '@') == NULL)
      return g_strdup (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX") ? "en"
                                                                                      : names[i]);
  return g_strdup ("en");
}

void
mfa_bundle_content_set_topic (MfaBundleContent *content,
                              const MfaFlow    *flow)
{
  g_free (content->flow_id);
  content->flow_id = g_strdup (flow->id);
  g_free (content->topic_title);
  content->topic_title = g_strdup (flow->title);
  g_free (content->topic_title_translated);
  content->topic_title_translated = translation_of (flow->title);
  g_free (content->language);
  content->language = user_language ();
}

void
mfa_bundle_content_set_path (MfaBundleContent *content,
                             MfaFlowRun       *run)
{
  mfa_bundle_content_set_topic (content, mfa_flow_run_get_flow (run));
  g_ptr_array_set_size (content->steps, 0);
  for (guint i = 0; i < mfa_flow_run_get_position (run); i++)
    {
      gint chosen;
      const MfaFlowStep *step = mfa_flow_run_get_visit (run, i, &chosen);

      g_ptr_array_add (content->steps,
                       step_from_flow (step, chosen >= 0 ? g_ptr_array_index (step->edges, chosen)
                                                         : NULL));
    }
}

MfaBundleContent *
mfa_bundle_content_new (void)
{
  MfaBundleContent *content = g_new0 (MfaBundleContent, 1);

  content->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) mfa_bundle_step_free);
  content->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) attachment_free);
  content->check_kinds = g_ptr_array_new_with_free_func (g_free);
  content->check_results = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  return content;
}

void
mfa_bundle_content_free (MfaBundleContent *content)
{
  if (content == NULL)
    return;
  g_free (content->account_type);
  g_free (content->account_name);
  g_free (content->operation_zone);
  g_free (content->flow_id);
  g_free (content->topic_title);
  g_free (content->topic_title_translated);
  g_free (content->language);
  g_free (content->description);
  g_ptr_array_unref (content->steps);
  g_ptr_array_unref (content->attachments);
  g_ptr_array_unref (content->check_kinds);
  g_ptr_array_unref (content->check_results);
  g_free (content);
}

void
mfa_bundle_content_add_attachment (MfaBundleContent *content,
                                   const gchar      *kind,
                                   const gchar      *source,
                                   const gchar      *caption,
                                   gint64            taken_usec)
{
  MfaBundleAttachment *attachment = g_new0 (MfaBundleAttachment, 1);

  attachment->kind = g_strdup (kind);
  attachment->source = g_strdup (source);
  attachment->caption = g_strdup (caption != NULL ? caption : "");
  attachment->taken_usec = taken_usec;
  g_ptr_array_add (content->attachments, attachment);
}

void
mfa_bundle_content_add_check (MfaBundleContent *content,
                              const gchar      *kind,
                              JsonNode         *evidence)
{
  g_ptr_array_add (content->check_kinds, g_strdup (kind));
  g_ptr_array_add (content->check_results, json_node_ref (evidence));
}

/* A RAM user signs in as name@<account alias or ID>.onaliyun.com. */
gboolean
mfa_bundle_check_account (const gchar  *type,
                          const gchar  *name,
                          gchar       **warning,
                          GError      **error)
{
  g_autofree gchar *folded = NULL;
  g_autofree gchar *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  *warning = NULL;
  if (g_strcmp0 (type, "alibaba-cloud-account") != 0 && g_strcmp0 (type, "ram-user") != 0)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("the account type must be alibaba-cloud-account or ram-user, not “%s”"),
                   type != NULL ? type : "");
      return FALSE;
    }
  if (trimmed[0] == '\0')
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("give the account name support should look at"));
      return FALSE;
    }
  folded = g_utf8_strdown (trimmed, -1);
  if (g_str_equal (type, "ram-user"))
    {
      g_autoptr(GRegex) shape = g_regex_new ("^[^@\\s]+@[^@\\s]+\\.onaliyun\\.com$", 0, 0, NULL);

      if (!g_regex_match (shape, folded, 0, NULL))
        *warning = g_strdup (_("A RAM user’s logon name looks like name@<account alias or "
                               "ID>.onaliyun.com; this one does not. Check it, or keep it if "
                               "you are sure."));
    }
  else if (g_str_has_suffix (folded, ".onaliyun.com"))
    *warning = g_strdup (_("This looks like a RAM user’s logon name, not an Alibaba Cloud "
                           "account: check the account type."));
  return TRUE;
}

/* The text as a key hidden in it would read: compatibility forms folded
 * (full-width letters, ligatures, circled digits), invisible format
 * characters dropped (zero-width spaces and joiners, soft hyphens), every
 * dash a hyphen, every space a space, lower case. */
static gchar *
fold_text (const gchar *text)
{
  g_autofree gchar *valid = g_utf8_make_valid (text, -1);
  g_autofree gchar *nfkc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  GString *folded = g_string_sized_new (strlen (nfkc));

  for (const gchar *p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_FORMAT)
        continue;
      if (type == G_UNICODE_DASH_PUNCTUATION)
        g_string_append_c (folded, '-');
      else if (g_unichar_isspace (c))
        g_string_append_c (folded, ' ');
      else
        g_string_append_unichar (folded, g_unichar_tolower (c));
    }
  return g_string_free (folded, FALSE);
}

typedef enum { BASE32 = 1 << 0, HEX = 1 << 1 } Alphabet;

#define MAX_KEY_CHARS 160

static guint
alphabets_of (const gchar *token,
              gsize        len)
{
  guint alphabets = BASE32 | HEX;

  for (gsize i = 0; i < len; i++)
    {
      gchar c = token[i];

      if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7')))
        alphabets &= ~BASE32;
      if (!g_ascii_isxdigit (c))
        alphabets &= ~HEX;
    }
  return alphabets;
}

/* Whether letters and digits joined from `tokens` read as a key: 16 or more
 * base32 characters with at least two digits 2–7 and four letters (words
 * have no digits), or 32 or more hex digits (16 bytes) mixing both. */
static gboolean
reads_as_key (GString *joined,
              guint    alphabets)
{
  guint digits = 0, letters = 0;

  for (gsize i = 0; i < joined->len; i++)
    {
      digits += g_ascii_isdigit (joined->str[i]);
      letters += g_ascii_isalpha (joined->str[i]);
    }
  if ((alphabets & BASE32) && joined->len >= 16 && digits >= 2 && letters >= 4)
    return TRUE;
  return (alphabets & HEX) && joined->len >= 32 && digits >= 4 && letters >= 4;
}

/* Keys are shown in one run or in groups of one size (“JBSW Y3DP EHPK
 * 3PXP”, “jbswy-3dpeh-pk3px-p”), the last group maybe shorter. Looks at each
 * run of letters and digits, and at each chain of equal groups joined by
 * short separators (spaces, hyphens, dots, underscores). */
static gboolean
holds_key (const gchar *folded)
{
  const gchar *p = folded;

  while (*p != '\0')
    {
      g_autoptr(GString) joined = g_string_new (NULL);
      guint alphabets = BASE32 | HEX;
      gsize group = 0;

      while (*p != '\0' && !g_ascii_isalnum (*p))
        p++;
      for (const gchar *q = p; *q != '\0';)
        {
          gsize len = 0, gap = 0;

          while (g_ascii_isalnum (q[len]))
            len++;
          alphabets &= alphabets_of (q, len);
          /* No key is longer (64 bytes are 103 base32 or 128 hex digits):
           * a chain stops there, so a long text costs linear time. */
          if (alphabets == 0 || (group > 0 && len > group) || joined->len + len > MAX_KEY_CHARS)
            break;
          g_string_append_len (joined, q, len);
          if (reads_as_key (joined, alphabets))
            return TRUE;
          if (group > 0 && len < group)
            break; /* a shorter group ends the chain */
          group = len;
          while (gap < 3 && q[len + gap] != '\0' && strchr (" -_.", q[len + gap]) != NULL)
            gap++;
          if (gap == 0 || !g_ascii_isalnum (q[len + gap]))
            break;
          q += len + gap;
        }
      while (g_ascii_isalnum (*p))
        p++;
    }
  return FALSE;
}

/* An otpauth:// URI, or a key in base32 or hex, however it is disguised:
 * see fold_text and holds_key. */
gboolean
mfa_bundle_check_text (const gchar  *field,
                       const gchar  *text,
                       GError      **error)
{
  g_autofree gchar *folded = NULL;

  if (text == NULL)
    return TRUE;
  folded = fold_text (text);
  if (strstr (folded, "otpauth:") != NULL || strstr (folded, "otpauth-migration:") != NULL)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_SECRET_IN_TEXT,
                   _("%s holds an otpauth:// link, which carries an MFA key: remove it. Support "
                     "never needs your key."), field);
      return FALSE;
    }
  if (holds_key (folded))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_SECRET_IN_TEXT,
                   _("%s holds something that looks like an MFA key (a long run of "
                     "letters and the digits 2–7): remove it. Support never needs your "
                     "key."), field);
      return FALSE;
    }
  return TRUE;
}
