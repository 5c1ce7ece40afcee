/* fuzz-log.c: in every fuzz target, a GLib critical or warning is a
 * finding. GLib's own fatal logging stops with SIGTRAP, which libFuzzer
 * does not catch (no input saved, no stack); aborting does both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <glib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);

static GLogWriterOutput
abort_on_warnings (GLogLevelFlags   level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_standard_streams (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return output;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_writer_func (abort_on_warnings, NULL, NULL);
  return 0;
}
