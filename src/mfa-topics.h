/* mfa-topics.h: the troubleshooting topics the start page offers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const gchar *id;        /* stable, for --topic and support pages */
  const gchar *title;     /* untranslated; pass through gettext to show */
  const gchar *subtitle;
  const gchar *keywords;  /* extra words a search should match */
} MfaTopic;

const MfaTopic *mfa_topics_get       (gsize          *n_topics);
gboolean        mfa_topic_matches    (const MfaTopic *topic,
                                      const gchar    *query);

G_END_DECLS
