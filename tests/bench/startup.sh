#!/usr/bin/env bash
# Benchmark: start-up of mfa-troubleshooter beside a bare AdwApplicationWindow
# (tests/bench/bare-window.c), both under Xvfb with the cairo renderer.
# Each run starts the program, which quits once its first frame is painted:
#   time to first frame = median time from just before the program is started
#                         to its first frame's after-paint (the program writes
#                         the time to MFA_BENCH_FIRST_FRAME_FILE), runs of the
#                         two programs taking turns;
#   whole run           = median wall time of a run including the exit
#                         (hyperfine), for reference;
#   peak memory         = median maximum RSS of a run (/usr/bin/time).
# Target: mfa-troubleshooter within 1.3× of the bare window on both.
#
# Usage: xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
#          tests/bench/startup.sh [BUILD_DIR]        (needs hyperfine)
set -euo pipefail

BUILD_DIR=${1:-build}
RUNS=${RUNS:-30}
APP="$BUILD_DIR/src/mfa-troubleshooter"
BARE="$BUILD_DIR/tests/bench/bare-window"
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
[ -n "${DISPLAY:-}" ] || { echo "needs a display: run it under xvfb-run" >&2; exit 2; }
for program in "$APP" "$BARE"; do
  [ -x "$program" ] || { echo "build first: $program is missing" >&2; exit 2; }
done

export GSK_RENDERER=cairo GSETTINGS_BACKEND=memory MFA_BENCH_QUIT_AFTER_FIRST_FRAME=1
export GSETTINGS_SCHEMA_DIR="$BUILD_DIR/data"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

hyperfine --warmup 3 --runs "$RUNS" --export-json "$work/time.json" \
  -n bare-window "$BARE" -n mfa-troubleshooter "$APP" >&2

# Time to first frame: the start is taken just before exec, in this shell.
first_frame_ms () {
  local start
  start=$(date +%s%6N)
  MFA_BENCH_FIRST_FRAME_FILE="$work/painted" "$1" >/dev/null 2>&1
  echo $(( ($(cat "$work/painted") - start) / 1000 ))
}
for program in "$BARE" "$APP"; do "$program" >/dev/null 2>&1; done  # warm caches
for _ in $(seq "$RUNS"); do
  first_frame_ms "$BARE" >>"$work/bare-frame"
  first_frame_ms "$APP" >>"$work/app-frame"
done

peak_rss_kib () {
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%M' -o "$work/rss" "$1" >/dev/null 2>&1
    cat "$work/rss"
  done | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
bare_rss=$(peak_rss_kib "$BARE")
app_rss=$(peak_rss_kib "$APP")

python3 - "$work/time.json" "$bare_rss" "$app_rss" "$work/bare-frame" "$work/app-frame" <<'PY'
import json, statistics, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
bare_run = results["bare-window"]["median"] * 1000
app_run = results["mfa-troubleshooter"]["median"] * 1000
bare_rss, app_rss = float(sys.argv[2]) / 1024, float(sys.argv[3]) / 1024
bare_ms = statistics.median(int(v) for v in open(sys.argv[4]))
app_ms = statistics.median(int(v) for v in open(sys.argv[5]))
print(f"time to first frame (median): bare window {bare_ms:.0f} ms, "
      f"mfa-troubleshooter {app_ms:.0f} ms, ratio {app_ms / bare_ms:.2f} (target ≤ 1.30)")
print(f"whole run with exit (median, hyperfine): bare window {bare_run:.0f} ms, "
      f"mfa-troubleshooter {app_run:.0f} ms, ratio {app_run / bare_run:.2f}")
print(f"peak memory (median max RSS): bare window {bare_rss:.1f} MiB, "
      f"mfa-troubleshooter {app_rss:.1f} MiB, ratio {app_rss / bare_rss:.2f} (target ≤ 1.30)")
PY
