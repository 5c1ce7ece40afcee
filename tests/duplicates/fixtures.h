/* fixtures.h: authenticator exports built by the tests, in each app's
 * published layout, with planted duplicates and near misses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mfadiag.h"

G_BEGIN_DECLS

typedef struct
{
  const gchar  *issuer;
  const gchar  *account;
  const gchar  *base32;
  const guint8 *bytes;
  gsize         len;
} FixtureEntry;

/* Six entries: 0 and 1 are one Alibaba Cloud account with different keys
 * (issuer aliases, case), 2 and 3 one GitHub account with the same key
 * (case, spaces); 4 (GitLab) and 5 (bob2) are near misses. */
extern const FixtureEntry fixture_planted[6];
#define FIXTURE_N_PLANTED 6

gchar  *fixture_uri_list   (const FixtureEntry *rows, guint n);
gchar  *fixture_aegis      (const FixtureEntry *rows, guint n);
gchar  *fixture_andotp     (const FixtureEntry *rows, guint n);
gchar  *fixture_2fas       (const FixtureEntry *rows, guint n);
gchar  *fixture_freeotp    (const FixtureEntry *rows, guint n);
gchar  *fixture_bitwarden  (const FixtureEntry *rows, guint n);
/* One otpauth-migration:// URI holding rows, as part index of size. */
gchar  *fixture_google_uri (const FixtureEntry *rows, guint n,
                            gint batch_size, gint batch_index, gint batch_id);
GBytes *fixture_protobuf_payload (const FixtureEntry *rows, guint n,
                                  gint batch_size, gint batch_index, gint batch_id);
/* An image holding text as a QR code (libqrencode, gdk-pixbuf); the file
 * type ("png" or "jpeg") follows the name's extension. */
void    fixture_write_qr_image (const gchar *text, const gchar *path);

gchar  *fixture_write  (const gchar *dir, const gchar *name, const gchar *contents);

/* A temporary folder per test case (g_test_add's set-up and tear-down):
 * the files a case writes go with it. */
typedef struct
{
  gchar *dir;
} FixtureDir;

void    fixture_dir_set_up    (FixtureDir *fixture, gconstpointer data);
void    fixture_dir_tear_down (FixtureDir *fixture, gconstpointer data);
/* Protocol buffer fields, as Google Authenticator writes them. */
void    pb_varint (GByteArray *out, guint64 value);
void    pb_bytes  (GByteArray *out, guint field, const guint8 *data, gsize len);
/* Checks that entries hold exactly the planted groups. */
void    fixture_assert_planted (GPtrArray *entries);

G_END_DECLS
