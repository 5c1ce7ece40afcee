#!/usr/bin/env bash
# Benchmark: peak memory of `mfa-diag duplicates` on 100 MB exports — an
# Aegis plain vault (about 370,000 entries) and an otpauth:// list (about
# 700,000) — against the target of three times the file's size. Prints
# /usr/bin/time -v's maximum resident set size and the ratio.
#
# Usage: tests/bench/duplicates-memory.sh [BUILD_DIR]   (needs python3, /usr/bin/time)
set -euo pipefail

BUILD_DIR=${1:-build}
MFA_DIAG="$BUILD_DIR/diagnostics/cli/mfa-diag"
SIZE_MB=${SIZE_MB:-100}
for tool in python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
[ -x "$MFA_DIAG" ] || { echo "build first: $MFA_DIAG is missing" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$SIZE_MB" <<'PY'
import base64, json, random, sys
work, size = sys.argv[1], int(sys.argv[2]) * 1024 * 1024
rng = random.Random(7)
def key():
    return base64.b32encode(rng.randbytes(20)).decode().rstrip("=")
with open(f"{work}/aegis.json", "w") as out:
    out.write('{"version": 1, "header": {"slots": null, "params": null}, '
              '"db": {"version": 3, "entries": [')
    written, i = 0, 0
    while written < size:
        entry = json.dumps({"type": "totp", "uuid": f"{i:08x}-0000-4000-8000-{i:012x}",
                            "name": f"user{i}@example.com", "issuer": f"Issuer {i % 5000}",
                            "note": "", "favorite": False, "icon": None,
                            "info": {"secret": key(), "algo": "SHA1", "digits": 6,
                                     "period": 30}, "groups": []})
        out.write((", " if i else "") + entry)
        written += len(entry) + 2
        i += 1
    out.write('], "groups": []}}')
with open(f"{work}/list.txt", "w") as out:
    written, i = 0, 0
    while written < size:
        line = (f"otpauth://totp/Issuer%20{i % 5000}:user{i}%40example.com?secret={key()}"
                f"&issuer=Issuer%20{i % 5000}&algorithm=SHA1&digits=6&period=30\n")
        out.write(line)
        written += len(line)
        i += 1
PY

for file in aegis.json list.txt; do
  bytes=$(stat -c %s "$work/$file")
  /usr/bin/time -v "$MFA_DIAG" duplicates --json "$work/$file" >/dev/null 2>"$work/time" || true
  peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time")
  python3 -c "import sys; b, k = int(sys.argv[1]), int(sys.argv[2]); \
print(f'{sys.argv[3]:12} {b / 1e6:7.1f} MB  peak {k * 1024 / 1e6:7.1f} MB  ' \
      f'{k * 1024 / b:4.2f}x  wall {sys.argv[4]}')" "$bytes" "$peak_kb" "$file" "$wall"
done
