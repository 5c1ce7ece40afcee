#!/usr/bin/env bash
# Benchmark: the viewer's peak memory on a bundle of about 11 MB that
# inflates to 960 MB (fifteen 61 MiB PNGs of 4000 x 4000 pixels, under the
# writer's per-file and the reader's ratio limits; see
# make-inflating-bundle.py). With MFA_BENCH_QUIT_AFTER_VERIFY set the viewer
# quits once every entry is verified and every thumbnail painted, so the
# peak RSS /usr/bin/time reports covers the whole bundle.
# Target: under 200 MB (the viewer used to hold every attachment: 1.23 GB).
#
# Usage: xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
#          tests/bench/viewer-memory.sh [BUILD_DIR]
set -euo pipefail

BUILD_DIR=${1:-build}
APP="$BUILD_DIR/src/mfa-troubleshooter"
[ -x "$APP" ] || { echo "build first: $APP is missing" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
[ -n "${DISPLAY:-}" ] || { echo "needs a display: run it under xvfb-run" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$(dirname "$0")/make-inflating-bundle.py" "$work/big.mfaticket"
ls -l "$work/big.mfaticket"
GSK_RENDERER=cairo MFA_BENCH_QUIT_AFTER_VERIFY=1 \
  /usr/bin/time -v "$APP" "$work/big.mfaticket" 2> "$work/time.txt" >/dev/null
peak_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
echo "viewer on 960 MB of attachments: peak RSS $((peak_kb / 1024)) MB, $wall"
[ "$peak_kb" -lt $((200 * 1024)) ] || { echo "over the 200 MB target" >&2; exit 1; }
