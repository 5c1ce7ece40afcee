/* bundle.h: the ticket bundle, format version 2 (a ZIP archive); see
 * docs/bundle-format.md for every member and what each version added
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "mfa-json-read.h"

G_BEGIN_DECLS

#define MFA_BUNDLE_FORMAT "mfa-ticket"
#define MFA_BUNDLE_VERSION 2
#define MFA_BUNDLE_MANIFEST "manifest.json"

/* What a reader accepts at most: far above any real ticket, low enough that
 * a hostile file cannot exhaust memory, disk or time. */
#define MFA_BUNDLE_MAX_ENTRIES 1000
#define MFA_BUNDLE_MAX_ENTRY_SIZE (G_GINT64_CONSTANT (256) << 20)
#define MFA_BUNDLE_MAX_TOTAL_SIZE (G_GINT64_CONSTANT (1) << 30)
#define MFA_BUNDLE_MAX_MANIFEST_SIZE (1 << 20)
#define MFA_BUNDLE_MAX_RATIO 200
/* A check's evidence (diagnostics/KIND.json) as written and read back: as
 * `mfa-diag … --json` prints it, a few kilobytes. */
#define MFA_BUNDLE_MAX_EVIDENCE_SIZE (1 << 20)

typedef struct
{
  gchar  *path;
  gint64  size;
  gchar  *sha256;      /* lower-case hex */
  gchar  *media_type;
  gchar  *kind;        /* summary, diagnostics, error-page, phone-time, other */
  gchar  *caption;
} MfaBundleFile;

typedef struct
{
  JsonNode  *manifest;
  GPtrArray *files;    /* MfaBundleFile, as the manifest lists them */
} MfaBundle;

void     mfa_bundle_file_free (MfaBundleFile *file);
void     mfa_bundle_free      (MfaBundle     *bundle);
gboolean mfa_bundle_path_is_safe (const gchar *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaBundle, mfa_bundle_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MfaBundleFile, mfa_bundle_file_free)

G_END_DECLS
