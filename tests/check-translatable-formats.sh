#!/usr/bin/env bash
# xgettext stops a string at a GLib format macro (G_GSIZE_FORMAT, G_GINT64_FORMAT…),
# so a translatable message that holds one is cut short in the .pot and shows in
# English at run time. Fails on any such macro within a translatable call.
set -euo pipefail
cd "${1:?usage: $0 SOURCE_ROOT}"
found=$(awk '
  FNR == 1 { inside = 0 }
  /(^|[^A-Za-z0-9_])(_|N_|C_|g_dngettext|ngettext)[ ]*\(/ { inside = 4 }
  inside > 0 && /" G_G[A-Z0-9]+_FORMAT/ { print FILENAME ":" FNR ": " $0 }
  { if (inside > 0 && /\);/) inside = 0; else if (inside > 0) inside-- }
' $(find diagnostics src -name '*.c'))
if [ -n "$found" ]; then
  echo "GLib format macros inside translatable strings (use %lu/%lld with casts):"
  echo "$found"
  exit 1
fi
echo "ok: no format macro inside a translatable string"
