/* bundle-layout.h: a bundle's ZIP structure read one way only (internal)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bundle.h"

G_BEGIN_DECLS

/* Accepts only the layout the writer makes: the first local header at
 * offset 0, entries back to back, the central directory, one end record
 * ending the file, and every directory record equal to its local header
 * (name, method, flags, sizes, CRC). MFA_ERROR_NOT_A_BUNDLE when the file
 * does not start as a ZIP archive, MFA_ERROR_BUNDLE_DAMAGED naming the
 * first disagreement otherwise. */
typedef struct
{
  gchar   *name;   /* as the central directory gives it */
  guint64  size;   /* uncompressed */
} MfaBundleLayoutEntry;

/* On success `entries` (MfaBundleLayoutEntry, in archive order) is what any
 * later streaming read must meet, entry by entry: the streaming reader
 * believes local headers and data descriptors, which a crafted archive can
 * make disagree with the directory in ways a header comparison cannot see
 * (a fake descriptor inside stored data, a Unicode-path extra field). */
gboolean mfa_bundle_check_layout (int         fd,
                                  GPtrArray **entries,
                                  GError    **error);

G_END_DECLS
