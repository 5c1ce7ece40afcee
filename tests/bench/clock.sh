#!/usr/bin/env bash
# Benchmark: time to a verdict against one loopback chronyd (served time
# shifted by libfaketime), `mfa-diag clock` beside `chronyd -Q` (chrony's own
# one-shot client) on the same server; medians of both, and the offset error
# of each against the known shift.
#
# Usage: tests/bench/clock.sh [BUILD_DIR]   (needs chronyd, libfaketime, hyperfine, python3)
set -euo pipefail

BUILD_DIR=${1:-build}
MFA_DIAG="$BUILD_DIR/diagnostics/cli/mfa-diag"
FAKETIME_LIB=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
SHIFT=${SHIFT:-90}
RUNS=${RUNS:-30}
PORT=${PORT:-$((20000 + RANDOM % 30000))}
for tool in chronyd hyperfine python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
[ -e "$FAKETIME_LIB" ] || { echo "needs libfaketime" >&2; exit 2; }

work=$(mktemp -d)
cat > "$work/server.conf" <<CONF
port $PORT
bindaddress 127.0.0.1
local stratum 8
allow 127.0.0.1
cmdport 0
bindcmdaddress /
pidfile $work/server.pid
CONF
# -x always: never touch this machine's clock.
LD_PRELOAD=$FAKETIME_LIB FAKETIME="+${SHIFT}s" chronyd -x -d -u root -f "$work/server.conf" \
  >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do
  "$MFA_DIAG" clock --server "127.0.0.1:$PORT" --timeout 1 >/dev/null 2>&1 && break
  [ $? -eq 1 ] && break
  sleep 0.2
done

client_conf="$work/client.conf"
printf 'pidfile %s/client.pid\ncmdport 0\n' "$work" > "$client_conf"
chrony_cmd="chronyd -Q -t 10 -u root -f $client_conf 'server 127.0.0.1 port $PORT iburst maxsamples 1'"
ours_cmd="$MFA_DIAG clock --server 127.0.0.1:$PORT --json"

hyperfine -N --warmup 3 --runs "$RUNS" -i --export-json "$work/times.json" \
  --command-name "mfa-diag clock" "$ours_cmd" \
  --command-name "chronyd -Q" "chronyd -Q -t 10 -u root -f $client_conf server\ 127.0.0.1\ port\ $PORT\ iburst\ maxsamples\ 1" \
  >/dev/null 2>&1 || true
# hyperfine -N splits on spaces; run chronyd -Q through a shell when that failed.
if ! python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; sys.exit(len(r)!=2)' "$work/times.json" 2>/dev/null; then
  hyperfine --warmup 3 --runs "$RUNS" -i --export-json "$work/times.json" \
    --command-name "mfa-diag clock" "$ours_cmd" \
    --command-name "chronyd -Q" "$chrony_cmd" >/dev/null 2>&1
fi

ours_offsets=$(for _ in $(seq 10); do "$MFA_DIAG" clock --server "127.0.0.1:$PORT" --json \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["offset_seconds"])' || true; done)
chrony_offsets=$(for _ in $(seq 10); do sh -c "$chrony_cmd" 2>&1 \
  | sed -n 's/.*System clock wrong by \([-0-9.]*\) seconds.*/\1/p'; done)

python3 - "$work/times.json" "$SHIFT" "$ours_offsets" "$chrony_offsets" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
shift = float(sys.argv[2])
ours = [float(x) for x in sys.argv[3].split()]
# chronyd reports "System clock wrong by X seconds": X > 0 means the server is ahead.
theirs = [float(x) for x in sys.argv[4].split()]
for r in results:
    print(f"{r['command']:16s} median {r['median'] * 1000:8.1f} ms  (min {r['min'] * 1000:.1f}, max {r['max'] * 1000:.1f})")
if ours:
    print(f"mfa-diag clock   offset error median {statistics.median(abs(o + shift) for o in ours) * 1e3:.3f} ms over {len(ours)} runs")
if theirs:
    print(f"chronyd -Q       offset error median {statistics.median(abs(t - shift) for t in theirs) * 1e3:.3f} ms over {len(theirs)} runs")
PY
