/* mfa-secret.h: memory that holds MFA keys or codes, wiped before it is freed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A key's raw bytes. Only the code that computes with a key holds one, and
 * freeing it overwrites the bytes first so they do not linger in freed heap
 * memory (or a core dump). */
typedef struct
{
  guint8 *data;
  gsize   len;
} MfaSecret;

MfaSecret *mfa_secret_new        (const guint8 *data,
                                  gsize         len);
MfaSecret *mfa_secret_new_take   (guint8       *data,
                                  gsize         len);
MfaSecret *mfa_secret_copy       (const MfaSecret *secret);
gboolean   mfa_secret_equal      (const MfaSecret *a,
                                  const MfaSecret *b);
void       mfa_secret_free       (MfaSecret    *secret);

void       mfa_wipe              (gpointer      data,
                                  gsize         len);
void       mfa_wipe_string       (gchar        *text);
void       mfa_free_string       (gchar        *text);
void       mfa_free_strv         (gchar       **strv);

/* For a process that will hold keys or a decrypted vault: no core dump
 * (RLIMIT_CORE 0, and not dumpable, which also keeps other processes of the
 * same user from reading its memory). Call first thing in main(); the GUI,
 * `mfa-diag code`, `mfa-diag duplicates` and `mfa-ticket create` do. */
void       mfa_secret_protect_process (void);

gchar     *mfa_read_secret_file  (const gchar  *path,
                                  gsize         max_len,
                                  GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaSecret, mfa_secret_free)

/* g_autoptr-style cleanup for strings that hold a key or a code. */
typedef gchar MfaSecretString;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaSecretString, mfa_free_string)
typedef gchar *MfaSecretStrv;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaSecretStrv, mfa_free_strv)

G_END_DECLS
