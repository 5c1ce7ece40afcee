/* qr-module.c: zbar and gdk-pixbuf (and through them X11, GObject, GIO, …)
 * take longer to load than a whole code check, so the QR reader is a module
 * of its own (mfa-diag-qr.so, built from qr/qr-image.c), opened on first use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "qr-module"

#include "config.h"

#include <dlfcn.h>
#include <glib/gi18n-lib.h>

#include "cli-common.h"
#include "mfa-error.h"
#include "qr-module.h"

const MfaQrModule *
mfa_qr_module_load (GError **error)
{
  static MfaQrModule module;
  g_autofree gchar *path = NULL;
  void *handle;

  if (module.find_in_data != NULL)
    return &module;
  path = mfa_cli_find_part ("mfa-diag-qr.so", MFA_PKGLIBDIR);
  handle = dlopen (path, RTLD_NOW | RTLD_LOCAL);
  if (handle != NULL)
    {
      module.is_image = (gboolean (*) (const guint8 *, gsize)) dlsym (handle, "mfa_qr_is_image");
      module.find_in_data = (GPtrArray * (*) (const guint8 *, gsize, GError **))
                              dlsym (handle, "mfa_qr_find_in_data");
    }
  if (module.is_image == NULL || module.find_in_data == NULL)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_FAILED, _("cannot load the QR reader: %s"),
                   dlerror ());
      module.find_in_data = NULL;
      return NULL;
    }
  return &module;
}
