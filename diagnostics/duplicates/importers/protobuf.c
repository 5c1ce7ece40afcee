/* protobuf.c: a small, strict reader for protocol buffer wire data
 *
 * Only what Google Authenticator's transfer export needs: varints,
 * length-delimited fields and the two fixed sizes (skipped by the caller).
 * Groups (wire types 3 and 4) are long deprecated and refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "protobuf"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mfa-error.h"
#include "protobuf.h"

/* A varint holds at most 64 bits: ten bytes, the last of which may carry
 * only one bit. */
#define MAX_VARINT_BYTES 10

void
mfa_pb_reader_init (MfaPbReader  *reader,
                    const guint8 *data,
                    gsize         len)
{
  reader->data = data;
  reader->len = len;
  reader->pos = 0;
}

static gboolean
damaged (GError      **error,
         const gchar  *reason)
{
  g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_EXPORT,
               _("The export data are damaged: %s"), reason);
  return FALSE;
}

static gboolean
read_varint (MfaPbReader  *reader,
             guint64      *value,
             GError      **error)
{
  guint64 result = 0;

  for (guint i = 0; i < MAX_VARINT_BYTES; i++)
    {
      guint8 byte;

      if (reader->pos >= reader->len)
        return damaged (error, _("a number is cut off"));
      byte = reader->data[reader->pos++];
      if (i == MAX_VARINT_BYTES - 1 && byte > 1)
        return damaged (error, _("a number is larger than 64 bits"));
      result |= (guint64) (byte & 0x7f) << (7 * i);
      if ((byte & 0x80) == 0)
        {
          *value = result;
          return TRUE;
        }
    }
  return damaged (error, _("a number is larger than 64 bits"));
}

static gboolean
read_fixed (MfaPbReader  *reader,
            guint         size,
            guint64      *value,
            GError      **error)
{
  guint64 result = 0;

  if (reader->len - reader->pos < size)
    return damaged (error, _("a fixed-size value is cut off"));
  for (guint i = 0; i < size; i++)
    result |= (guint64) reader->data[reader->pos + i] << (8 * i);
  reader->pos += size;
  *value = result;
  return TRUE;
}

static gboolean
read_bytes (MfaPbReader  *reader,
            MfaPbField   *field,
            GError      **error)
{
  guint64 length;

  if (!read_varint (reader, &length, error))
    return FALSE;
  if (length > reader->len - reader->pos)
    return damaged (error, _("a length runs past the end of the data"));
  field->bytes = reader->data + reader->pos;
  field->bytes_len = (gsize) length;
  reader->pos += (gsize) length;
  return TRUE;
}

gboolean
mfa_pb_reader_next (MfaPbReader  *reader,
                    MfaPbField   *field,
                    GError      **error)
{
  guint64 key;

  memset (field, 0, sizeof *field);
  if (reader->pos >= reader->len)
    return FALSE;
  if (!read_varint (reader, &key, error))
    return FALSE;
  if (key >> 3 == 0 || key >> 3 > G_MAXINT32)
    return damaged (error, _("a field number is out of range"));
  field->number = (guint32) (key >> 3);
  field->wire_type = key & 7;
  switch (field->wire_type)
    {
    case MFA_PB_VARINT:
      return read_varint (reader, &field->varint, error);
    case MFA_PB_FIXED64:
      return read_fixed (reader, 8, &field->varint, error);
    case MFA_PB_FIXED32:
      return read_fixed (reader, 4, &field->varint, error);
    case MFA_PB_BYTES:
      return read_bytes (reader, field, error);
    default:
      return damaged (error, _("a field has an unknown wire type"));
    }
}
