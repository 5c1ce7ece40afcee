/* bundle-writer.h: packing a ticket into one file support can trust
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bundle.h"
#include "flows/flow-run.h"

G_BEGIN_DECLS

#define MFA_BUNDLE_MAX_ATTACHMENT_SIZE (64 << 20)

typedef struct
{
  gchar  *kind;        /* error-page, phone-time or other */
  gchar  *source;      /* the file given */
  gchar  *caption;
  gint64  taken_usec;  /* when it was taken, 0 when unknown */
} MfaBundleAttachment;

/* One page of the way the user took through a flow, as the manifest records
 * it: English for support, and the user's language where it differs. */
typedef struct
{
  gchar    *id;
  gchar    *type;              /* question, advice, check, ticket, done */
  gchar    *title;
  gchar    *title_translated;  /* NULL: the same as title */
  gchar    *answer;            /* the choice's label; advice: "fixed it" / "did not fix it" */
  gchar    *answer_translated;
  gint      fixed;             /* advice: 1 fixed, 0 not; -1 otherwise */
  gchar    *check;             /* check steps: the check's kind */
  gchar    *verdict;           /* check steps: ok, warning, problem or unknown */
  gchar    *result;            /* check steps: the check's one line, as the user saw it */
} MfaBundleStep;

typedef struct
{
  gchar      *account_type;        /* alibaba-cloud-account or ram-user */
  gchar      *account_name;
  gint64      operation_time_usec; /* Unix µs */
  gchar      *operation_zone;      /* IANA zone of the user, NULL: this system's */
  gboolean    operation_time_given;/* typed by the user, not taken from the clock */
  gchar      *flow_id;
  gchar      *topic_title;         /* the flow's title, English */
  gchar      *topic_title_translated; /* in the user's language; NULL: the same */
  gchar      *language;            /* the user's language of the translations */
  GPtrArray  *steps;               /* MfaBundleStep: the way taken, in order */
  gchar      *description;         /* the user's own words */
  GPtrArray  *attachments;         /* MfaBundleAttachment */
  GPtrArray  *check_kinds;         /* gchar*: clock, code, duplicates… */
  GPtrArray  *check_results;       /* JsonNode*, the evidence of each */
} MfaBundleContent;

MfaBundleContent *mfa_bundle_content_new             (void);
void              mfa_bundle_content_free            (MfaBundleContent *content);
void              mfa_bundle_content_add_attachment  (MfaBundleContent *content,
                                                      const gchar      *kind,
                                                      const gchar      *source,
                                                      const gchar      *caption,
                                                      gint64            taken_usec);
void              mfa_bundle_content_add_check       (MfaBundleContent *content,
                                                      const gchar      *kind,
                                                      JsonNode         *evidence);

MfaBundleStep    *mfa_bundle_step_new                (void);
MfaBundleStep    *mfa_bundle_step_copy               (const MfaBundleStep *step);
void              mfa_bundle_step_free               (MfaBundleStep    *step);
/* "Which kind of account is it? → A RAM user"; translated: the same in the
 * user's language, NULL when nothing of it was translated. */
gchar            *mfa_bundle_step_describe           (const MfaBundleStep *step,
                                                      gboolean             translated);
/* The topic (id and titles) alone, as `mfa-ticket create --topic` gives it. */
void              mfa_bundle_content_set_topic       (MfaBundleContent *content,
                                                      const MfaFlow    *flow);
/* The topic and the way the user took through it, up to the current page,
 * with titles and answers in English and in this locale's language. */
void              mfa_bundle_content_set_path        (MfaBundleContent *content,
                                                      MfaFlowRun       *run);

/* NULL when the name fits the type; otherwise a warning the user may
 * override (never a silent change). Errors for an unknown type or no name. */
gboolean          mfa_bundle_check_account           (const gchar  *type,
                                                      const gchar  *name,
                                                      gchar       **warning,
                                                      GError      **error);
/* Refuses text that looks like an MFA key or an otpauth:// URI. */
gboolean          mfa_bundle_check_text              (const gchar  *field,
                                                      const gchar  *text,
                                                      GError      **error);

/* Evidence of a check as the writer takes it: a known check (clock,
 * phone-clock, code, duplicates), only the members that check writes, and
 * no string that holds a key (mfa_bundle_check_text). */
gboolean          mfa_bundle_check_evidence          (const gchar  *kind,
                                                      JsonNode     *evidence,
                                                      GError      **error);

/* Whether a file can be attached (a PNG or JPEG image within
 * MFA_BUNDLE_MAX_ATTACHMENT_SIZE), how many QR codes the writer will paint
 * over in it, and (when `masked` is given and there are any) the image as
 * the bundle will hold it, as PNG. Reads the whole file: call it off the
 * main thread. */
gboolean          mfa_bundle_inspect_image           (const gchar  *source,
                                                      guint        *n_qr_codes,
                                                      GBytes      **masked,
                                                      GError      **error);

/* What every summary starts with: label, value, label, value… (translated). */
GPtrArray        *mfa_bundle_content_facts           (const MfaBundleContent *content);
/* What summary.txt in the bundle says: plain text for a ticket form. Holds
 * only what the bundle holds, so never a key or a code. */
gchar            *mfa_bundle_content_summary         (const MfaBundleContent *content);

gboolean          mfa_bundle_write                   (const MfaBundleContent *content,
                                                      const gchar            *target,
                                                      GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaBundleContent, mfa_bundle_content_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaBundleStep, mfa_bundle_step_free)

G_END_DECLS
