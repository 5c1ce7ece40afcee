/* fuzz-qr-image.c: libFuzzer target for QR images as the importer reads
 * them (gdk-pixbuf decoding, grey conversion, zbar symbols)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mfadiag.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) symbols = NULL;

  if (!mfa_qr_is_image (data, size))
    return 0;
  symbols = mfa_qr_find_in_data (data, size, &error);
  g_assert ((symbols == NULL) != (error == NULL));
  for (guint i = 0; symbols != NULL && i < symbols->len; i++)
    {
      const MfaQrSymbol *symbol = g_ptr_array_index (symbols, i);

      g_assert (symbol->text[symbol->len] == '\0');
      g_assert (symbol->width >= 0 && symbol->height >= 0);
    }
  return 0;
}
