#!/usr/bin/env bash
# Benchmark: from launching `mfa-troubleshooter FILE.mfaticket` to the
# diagnosis being painted, for a bundle with 200 MB of attachments beside a
# small one, under Xvfb with the cairo renderer. With
# MFA_BENCH_QUIT_AFTER_DIAGNOSIS set the viewer quits once the frame that
# shows the diagnosis is painted, so a run's wall time is that time.
# Verification and thumbnails run in the background and must not delay it.
# Target: the large bundle within 1.2× of the small one (hyperfine medians).
#
# Usage: xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
#          tests/bench/viewer-startup.sh [BUILD_DIR]     (needs hyperfine, ImageMagick)
set -euo pipefail

BUILD_DIR=${1:-build}
RUNS=${RUNS:-20}
APP="$BUILD_DIR/src/mfa-troubleshooter"
TICKET="$BUILD_DIR/diagnostics/cli/mfa-ticket"
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
command -v convert >/dev/null || { echo "needs ImageMagick's convert" >&2; exit 2; }
[ -n "${DISPLAY:-}" ] || { echo "needs a display: run it under xvfb-run" >&2; exit 2; }
for program in "$APP" "$TICKET"; do
  [ -x "$program" ] || { echo "build first: $program is missing" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The same checks in both bundles; only the attachments differ.
cat > "$work/phone.json" <<'JSON'
{"verdict": "ahead", "offset_min_seconds": 60, "offset_max_seconds": 90}
JSON
cat > "$work/clock.json" <<'JSON'
{"verdict": "ok", "offset_seconds": 0.3, "uncertainty_seconds": 0.01, "source": "ntp.example",
 "servers": [{"host": "ntp.example", "samples": 3, "offset_seconds": 0.3, "delay_seconds": 0.02,
              "stratum": 2}], "http": []}
JSON
common=(--account-type ram-user --account bench@1234567890.onaliyun.com
        --operation-time 2026-11-28T12:00:31Z --note "Codes are rejected"
        --check "phone-clock=$work/phone.json" --check "clock=$work/clock.json")

convert -size 640x480 plasma:fractal "$work/small.png"
"$TICKET" create "${common[@]}" --attach "error-page=$work/small.png" -o "$work/small.mfaticket"

# Random pixels do not compress: four PNGs of about 50 MB each.
attach=()
for i in 1 2 3 4; do
  convert -size 4096x4096 -seed "$i" xc: +noise Random -depth 8 "$work/noise-$i.png"
  attach+=(--attach "other=$work/noise-$i.png")
done
"$TICKET" create "${common[@]}" "${attach[@]}" -o "$work/large.mfaticket"
echo "small bundle: $(stat -c %s "$work/small.mfaticket") bytes;" \
     "large bundle: $(stat -c %s "$work/large.mfaticket") bytes" >&2

export GSK_RENDERER=cairo GSETTINGS_BACKEND=memory MFA_BENCH_QUIT_AFTER_DIAGNOSIS=1
export GSETTINGS_SCHEMA_DIR="$BUILD_DIR/data"
hyperfine --warmup 3 --runs "$RUNS" --export-json "$work/time.json" \
  -n small "$APP $work/small.mfaticket" -n large "$APP $work/large.mfaticket" >&2

python3 - "$work/time.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
small_ms = results["small"]["median"] * 1000
large_ms = results["large"]["median"] * 1000
print(f"launch to diagnosis shown (median): small bundle {small_ms:.0f} ms, "
      f"200 MB bundle {large_ms:.0f} ms, ratio {large_ms / small_ms:.2f} (target ≤ 1.20)")
PY
