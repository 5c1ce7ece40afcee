/* mfa-session.h: what this run of the app has found out, for the ticket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mfadiag.h"

G_BEGIN_DECLS

#define MFA_TYPE_SESSION (mfa_session_get_type ())

G_DECLARE_FINAL_TYPE (MfaSession, mfa_session, MFA, SESSION, GObject)

typedef struct
{
  gchar    *kind;      /* clock, phone-clock, code, duplicates */
  gchar    *verdict;   /* ok, warning, problem or unknown, as flows branch on */
  gchar    *summary;   /* one translated sentence, as the page showed it */
  gint64    time_usec; /* when it ran, Unix µs */
  JsonNode *evidence;  /* what the bundle records: never a key or a code */
} MfaSessionResult;

MfaSession             *mfa_session_new                (void);

/* The latest result of each kind: running a check again replaces it. */
void                    mfa_session_add_result         (MfaSession   *self,
                                                        const gchar  *kind,
                                                        const gchar  *verdict,
                                                        const gchar  *summary,
                                                        JsonNode     *evidence);
guint                   mfa_session_get_n_results      (MfaSession   *self);
const MfaSessionResult *mfa_session_get_result         (MfaSession   *self,
                                                        guint         index);
const MfaSessionResult *mfa_session_lookup_result      (MfaSession   *self,
                                                        const gchar  *kind);

/* The offset of this computer's clock from NTP time, once a clock check has
 * measured it; later checks (the phone clock) measure against true time. */
void                    mfa_session_set_clock_offset   (MfaSession   *self,
                                                        gint64        offset_usec,
                                                        const gchar  *source);
gboolean                mfa_session_get_clock_offset   (MfaSession   *self,
                                                        gint64       *offset_usec,
                                                        const gchar **source);
/* Now, in Unix µs: NTP time when the offset is known, else the system clock. */
gint64                  mfa_session_get_true_time      (MfaSession   *self);

/* The troubleshooting flow followed last, the way taken in it up to the
 * current page (in words, for the ticket), and the facts it learnt. */
void                    mfa_session_set_flow_run       (MfaSession   *self,
                                                        MfaFlowRun   *run);
const gchar            *mfa_session_get_flow_id        (MfaSession   *self);
/* MfaBundleStep, in order; empty before any flow. */
GPtrArray              *mfa_session_get_steps          (MfaSession   *self);
/* A fact answered in the flow ("account-type"), or NULL. */
const gchar            *mfa_session_get_fact           (MfaSession   *self,
                                                        const gchar  *name);

/* Puts the flow, its steps and every result into a bundle's content. */
void                    mfa_session_fill_bundle        (MfaSession       *self,
                                                        MfaBundleContent *content);

G_END_DECLS
