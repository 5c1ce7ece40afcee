#!/usr/bin/env bash
# Benchmark: a ticket bundle with about 200 MB of screenshots (20 noisy
# 2560×1440 PNGs), against the same work done by stock tools.
#   create: mfa-ticket create (QR scan + mask, hashes, ZIP)  vs  zbarimg over the images, then zip -0
#   verify: mfa-ticket verify (stream, sizes, SHA-256)        vs  sha256sum over the same files
# Reports medians and peak memory (max RSS); targets: within 1.3× of each, and
# peak memory independent of the bundle's size (compare N=5 with N=20).
#
# Usage: tests/bench/bundle.sh [BUILD_DIR]   (needs ImageMagick, zbarimg, zip, hyperfine, GNU time)
set -euo pipefail

BUILD_DIR=$(realpath "${1:-build}")
TICKET="$BUILD_DIR/diagnostics/cli/mfa-ticket"
RUNS=${RUNS:-3}
N=${N:-20}
for tool in convert zbarimg zip hyperfine python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done

work=${WORK:-/tmp/mfa-bench-bundle}
mkdir -p "$work"
trap 'rm -f "$work"/*.mfaticket "$work"/*.zip' EXIT
for i in $(seq -w 1 "$N"); do
  [ -f "$work/shot-$i.png" ] || head -c $((2560 * 1440 * 3)) /dev/urandom \
    | convert -size 2560x1440 -depth 8 rgb:- "$work/shot-$i.png"
done
images=$(ls "$work"/shot-*.png | head -n "$N")
attach=$(for f in $images; do printf ' --attach other=%s' "$f"; done)
du -ch $images | tail -1

create="$TICKET create --account-type ram-user --account bench@1.onaliyun.com$attach -o $work/b.mfaticket"
stock="sh -c 'zbarimg -q $(echo $images) >/dev/null 2>&1; rm -f $work/b.zip; zip -q -0 $work/b.zip $(echo $images)'"
hyperfine --runs "$RUNS" -i --export-json "$work/create.json" \
  --prepare "rm -f $work/b.mfaticket" --command-name "mfa-ticket create" "$create" \
  --command-name "zbarimg + zip -0" "$stock" >/dev/null
$create 2>/dev/null || true
hyperfine --runs "$RUNS" -i --export-json "$work/verify.json" \
  --command-name "mfa-ticket verify" "$TICKET verify $work/b.mfaticket" \
  --command-name "sha256sum" "sha256sum $(echo $images)" >/dev/null

peak () { { /usr/bin/time -f %M "$@" 2>&1 >/dev/null || true; } | tail -1; }
rm -f "$work/b.mfaticket"
create_kb=$(peak $create)
verify_kb=$(peak "$TICKET" verify "$work/b.mfaticket")
sha_kb=$(peak sha256sum $images)
zbar_kb=$(peak zbarimg -q $images)

python3 - "$work/create.json" "$work/verify.json" "$create_kb" "$verify_kb" "$sha_kb" "$zbar_kb" <<'PY'
import json, sys
for path in sys.argv[1:3]:
    r = json.load(open(path))["results"]
    for x in r:
        print(f"{x['command']:20s} median {x['median']:7.2f} s")
    print(f"  ratio {r[0]['median'] / r[1]['median']:.2f} (target <= 1.30)")
c, v, s, z = (int(x) / 1024 for x in sys.argv[3:7])
print(f"peak memory: create {c:.0f} MiB, verify {v:.0f} MiB, sha256sum {s:.0f} MiB, zbarimg {z:.0f} MiB")
PY
