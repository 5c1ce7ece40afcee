/* protobuf.h: a small, strict reader for protocol buffer wire data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  MFA_PB_VARINT = 0,
  MFA_PB_FIXED64 = 1,
  MFA_PB_BYTES = 2,
  MFA_PB_FIXED32 = 5,
} MfaPbWireType;

/* Reads fields one by one from a buffer it does not own. Every length is
 * checked against what is left of the buffer before it is used. */
typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         pos;
} MfaPbReader;

typedef struct
{
  guint32        number;
  MfaPbWireType  wire_type;
  guint64        varint;   /* VARINT, FIXED64 and FIXED32 */
  const guint8  *bytes;    /* BYTES: points into the reader's buffer */
  gsize          bytes_len;
} MfaPbField;

void     mfa_pb_reader_init (MfaPbReader  *reader,
                             const guint8 *data,
                             gsize         len);
/* FALSE with error unset at the clean end of the buffer; FALSE with error
 * set when the data are damaged. */
gboolean mfa_pb_reader_next (MfaPbReader  *reader,
                             MfaPbField   *field,
                             GError      **error);

G_END_DECLS
