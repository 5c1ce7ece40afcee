#!/usr/bin/env bash
# Benchmark: `mfa-diag duplicates` on one Aegis plain vault of 100,000
# entries (1,000 accounts planted twice, half of them with another key)
# beside `jq` grouping the same file by lower-cased issuer and name.
# Our grouping does more (white space folding, Unicode case folding, NFKC,
# aliases, "Issuer:" prefixes, key comparison), and must be no slower.
# Reports both medians (hyperfine) and peak memory (/usr/bin/time -v).
#
# Usage: tests/bench/duplicates.sh [BUILD_DIR]   (needs hyperfine, jq, python3)
set -euo pipefail

BUILD_DIR=${1:-build}
MFA_DIAG="$BUILD_DIR/diagnostics/cli/mfa-diag"
ENTRIES=${ENTRIES:-100000}
RUNS=${RUNS:-10}
for tool in hyperfine jq python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install ${tool##*/})" >&2; exit 2; }
done
[ -x "$MFA_DIAG" ] || { echo "build first: $MFA_DIAG is missing" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/vault.json" "$ENTRIES" <<'PY'
import base64, json, random, sys
path, total = sys.argv[1], int(sys.argv[2])
rng = random.Random(4)
def key():
    return base64.b32encode(rng.randbytes(20)).decode().rstrip("=")
entries = []
for i in range(total - 1000):
    entries.append({"type": "totp", "uuid": "%08d" % i, "name": "user%d@example.com" % i,
                    "issuer": ["Aliyun", "GitHub", "GitLab", "Example Corp"][i % 4],
                    "note": "", "icon": None,
                    "info": {"secret": key(), "algo": "SHA1", "digits": 6, "period": 30}})
for i in range(1000):
    original = entries[i * 7]
    copy = json.loads(json.dumps(original))
    copy["name"] = original["name"].upper()
    if i % 2:
        copy["info"]["secret"] = key()
    entries.append(copy)
json.dump({"version": 1, "header": {"slots": None, "params": None},
           "db": {"version": 2, "entries": entries}}, open(path, "w"))
PY
JQ_PROGRAM='[.db.entries[] | {k: ((.issuer | ascii_downcase) + "\u0001" + (.name | ascii_downcase)), name, issuer}] | group_by(.k) | map(select(length > 1)) | length'
echo "$(stat -c %s "$work/vault.json") bytes, $ENTRIES entries"
echo "groups: mfa-diag $("$MFA_DIAG" duplicates --json "$work/vault.json" | jq '.groups | length'), jq $(jq "$JQ_PROGRAM" "$work/vault.json")"

hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$work/result.json" \
  --command-name "mfa-diag duplicates --json" "$MFA_DIAG duplicates --json $work/vault.json" \
  --command-name "jq group_by(lower-case issuer + name)" "jq '$JQ_PROGRAM' $work/vault.json" \
  -i >/dev/null

peak () {
  # exit status 1 (groups found) is expected
  { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } | awk -F': ' '/Maximum resident/ { print $2 }'
}
ours_kb=$(peak "$MFA_DIAG" duplicates --json "$work/vault.json")
jq_kb=$(peak jq "$JQ_PROGRAM" "$work/vault.json")

python3 - "$work/result.json" "$ours_kb" "$jq_kb" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
peaks = [int(sys.argv[2]), int(sys.argv[3])]
for r, kb in zip(results, peaks):
    print(f"{r['command']:40s} median {r['median'] * 1000:8.1f} ms  "
          f"(min {r['min'] * 1000:.1f}, max {r['max'] * 1000:.1f})  peak {kb / 1024:.1f} MiB")
print(f"ratio ours/jq: {results[0]['median'] / results[1]['median']:.2f} (target <= 1.00)")
PY
