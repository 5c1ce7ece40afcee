/* mfa-json-writer.h: JSON text for commands that must start fast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes JSON as JsonBuilder builds it and JsonGenerator prints it with
 * pretty printing on, byte for byte, with GLib alone: loading json-glib (and
 * with it GObject and GIO) costs `mfa-diag code` more than its whole search.
 * Strings must be UTF-8; they are escaped as json-glib escapes them. */
typedef struct _MfaJsonWriter MfaJsonWriter;

MfaJsonWriter *mfa_json_writer_new          (void);
void           mfa_json_writer_free         (MfaJsonWriter *writer);
gchar         *mfa_json_writer_free_to_text (MfaJsonWriter *writer);

void mfa_json_writer_begin_object (MfaJsonWriter *writer);
void mfa_json_writer_end_object   (MfaJsonWriter *writer);
void mfa_json_writer_begin_array  (MfaJsonWriter *writer);
void mfa_json_writer_end_array    (MfaJsonWriter *writer);
void mfa_json_writer_member       (MfaJsonWriter *writer,
                                   const gchar   *name);
void mfa_json_writer_add_string   (MfaJsonWriter *writer,
                                   const gchar   *value);
void mfa_json_writer_add_int      (MfaJsonWriter *writer,
                                   gint64         value);
void mfa_json_writer_add_double   (MfaJsonWriter *writer,
                                   gdouble        value);
void mfa_json_writer_add_boolean  (MfaJsonWriter *writer,
                                   gboolean       value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaJsonWriter, mfa_json_writer_free)

G_END_DECLS
