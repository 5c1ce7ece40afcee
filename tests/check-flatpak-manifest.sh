#!/usr/bin/env bash
# flatpak-builder parses the manifest offline; an unknown key is only a
# WARNING on stderr with exit 0, so any warning fails this test.
set -u
manifest=${1:?usage: $0 MANIFEST}
err=$(flatpak-builder --show-manifest "$manifest" 2>&1 >/dev/null)
status=$?
if [ $status -ne 0 ] || grep -qi warning <<<"$err"; then
  echo "$err" >&2
  exit 1
fi
echo "ok: $manifest parses with no warning"
