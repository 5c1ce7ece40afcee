/* mfa-session.c: what this run of the app has found out, for the ticket
 *
 * The check pages record their results here as they finish; the ticket
 * assistant puts them all into the bundle, so the user never has to say
 * again what the app already measured.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-session"

#include "config.h"

#include "mfa-session.h"

struct _MfaSession
{
  GObject    parent_instance;

  GPtrArray *results;      /* MfaSessionResult, in the order first run */
  gboolean   have_offset;
  gint64     offset_usec;  /* NTP time minus this computer's clock */
  gchar     *offset_source;
  MfaBundleContent *path;   /* only the flow, topic and steps are used */
  GHashTable *facts;        /* name → value, as the flow learnt them */
};

G_DEFINE_FINAL_TYPE (MfaSession, mfa_session, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
result_free (MfaSessionResult *result)
{
  g_free (result->kind);
  g_free (result->verdict);
  g_free (result->summary);
  g_clear_pointer (&result->evidence, json_node_unref);
  g_free (result);
}

static void
mfa_session_finalize (GObject *object)
{
  MfaSession *self = MFA_SESSION (object);

  g_ptr_array_unref (self->results);
  g_free (self->offset_source);
  mfa_bundle_content_free (self->path);
  g_hash_table_unref (self->facts);
  G_OBJECT_CLASS (mfa_session_parent_class)->finalize (object);
}

static void
mfa_session_class_init (MfaSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mfa_session_finalize;

  /* Emitted whenever a result, the clock offset or the flow changes. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mfa_session_init (MfaSession *self)
{
  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);
  self->path = mfa_bundle_content_new ();
  self->facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

MfaSession *
mfa_session_new (void)
{
  return g_object_new (MFA_TYPE_SESSION, NULL);
}

void
mfa_session_add_result (MfaSession  *self,
                        const gchar *kind,
                        const gchar *verdict,
                        const gchar *summary,
                        JsonNode    *evidence)
{
  MfaSessionResult *result;

  g_return_if_fail (MFA_IS_SESSION (self) && kind != NULL && evidence != NULL);

  result = (MfaSessionResult *) mfa_session_lookup_result (self, kind);
  if (result == NULL)
    {
      result = g_new0 (MfaSessionResult, 1);
      result->kind = g_strdup (kind);
      g_ptr_array_add (self->results, result);
    }
  g_free (result->verdict);
  result->verdict = g_strdup (verdict != NULL ? verdict : "unknown");
  g_free (result->summary);
  result->summary = g_strdup (summary != NULL ? summary : "");
  g_clear_pointer (&result->evidence, json_node_unref);
  result->evidence = json_node_ref (evidence);
  result->time_usec = g_get_real_time ();
  g_signal_emit (self, signals[CHANGED], 0);
}

guint
mfa_session_get_n_results (MfaSession *self)
{
  g_return_val_if_fail (MFA_IS_SESSION (self), 0);
  return self->results->len;
}

const MfaSessionResult *
mfa_session_get_result (MfaSession *self,
                        guint       index)
{
  g_return_val_if_fail (MFA_IS_SESSION (self) && index < self->results->len, NULL);
  return g_ptr_array_index (self->results, index);
}

const MfaSessionResult *
mfa_session_lookup_result (MfaSession  *self,
                           const gchar *kind)
{
  g_return_val_if_fail (MFA_IS_SESSION (self) && kind != NULL, NULL);

  for (guint i = 0; i < self->results->len; i++)
    {
      const MfaSessionResult *result = g_ptr_array_index (self->results, i);

      if (g_str_equal (result->kind, kind))
        return result;
    }
  return NULL;
}

void
mfa_session_set_clock_offset (MfaSession  *self,
                              gint64       offset_usec,
                              const gchar *source)
{
  g_return_if_fail (MFA_IS_SESSION (self));

  self->have_offset = TRUE;
  self->offset_usec = offset_usec;
  g_free (self->offset_source);
  self->offset_source = g_strdup (source);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
mfa_session_get_clock_offset (MfaSession   *self,
                              gint64       *offset_usec,
                              const gchar **source)
{
  g_return_val_if_fail (MFA_IS_SESSION (self), FALSE);

  if (offset_usec != NULL)
    *offset_usec = self->have_offset ? self->offset_usec : 0;
  if (source != NULL)
    *source = self->have_offset ? self->offset_source : NULL;
  return self->have_offset;
}

gint64
mfa_session_get_true_time (MfaSession *self)
{
  g_return_val_if_fail (MFA_IS_SESSION (self), g_get_real_time ());
  return g_get_real_time () + (self->have_offset ? self->offset_usec : 0);
}

void
mfa_session_set_flow_run (MfaSession *self,
                          MfaFlowRun *run)
{
  static const gchar *const fact_names[] = { "account-type", "account-name" };

  g_return_if_fail (MFA_IS_SESSION (self) && run != NULL);

  mfa_bundle_content_set_path (self->path, run);
  for (guint i = 0; i < G_N_ELEMENTS (fact_names); i++)
    {
      const gchar *value = mfa_flow_run_get_fact (run, fact_names[i]);

      /* Going back past an answer forgets it, as the flow does. */
      if (value != NULL)
        g_hash_table_replace (self->facts, g_strdup (fact_names[i]), g_strdup (value));
      else
        g_hash_table_remove (self->facts, fact_names[i]);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

const gchar *
mfa_session_get_flow_id (MfaSession *self)
{
  g_return_val_if_fail (MFA_IS_SESSION (self), NULL);
  return self->path->flow_id;
}

GPtrArray *
mfa_session_get_steps (MfaSession *self)
{
  g_return_val_if_fail (MFA_IS_SESSION (self), NULL);
  return self->path->steps;
}

const gchar *
mfa_session_get_fact (MfaSession  *self,
                      const gchar *name)
{
  g_return_val_if_fail (MFA_IS_SESSION (self) && name != NULL, NULL);
  return g_hash_table_lookup (self->facts, name);
}

void
mfa_session_fill_bundle (MfaSession       *self,
                         MfaBundleContent *content)
{
  g_return_if_fail (MFA_IS_SESSION (self) && content != NULL);

  if (self->path->flow_id != NULL)
    {
      g_free (content->flow_id);
      content->flow_id = g_strdup (self->path->flow_id);
      g_free (content->topic_title);
      content->topic_title = g_strdup (self->path->topic_title);
      g_free (content->topic_title_translated);
      content->topic_title_translated = g_strdup (self->path->topic_title_translated);
      g_free (content->language);
      content->language = g_strdup (self->path->language);
    }
  for (guint i = 0; i < self->path->steps->len; i++)
    {
      MfaBundleStep *step = mfa_bundle_step_copy (g_ptr_array_index (self->path->steps, i));
      const MfaSessionResult *result = step->check != NULL && step->verdict != NULL
                                         ? mfa_session_lookup_result (self, step->check) : NULL;

      /* A check the user ran: its one line, as the page showed it. */
      if (result != NULL && result->summary[0] != '\0')
        step->result = g_strdup (result->summary);
      g_ptr_array_add (content->steps, step);
    }
  for (guint i = 0; i < self->results->len; i++)
    {
      const MfaSessionResult *result = g_ptr_array_index (self->results, i);

      mfa_bundle_content_add_check (content, result->kind, result->evidence);
    }
}
