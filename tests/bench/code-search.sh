#!/usr/bin/env bash
# Benchmark: `mfa-diag code` for a code found nowhere (the whole ±24 h search
# under all six settings: SHA1/SHA256/SHA512 × 30 s/60 s) beside
# `oathtool --totp -w 2880` (one setting, ±24 h) for the same key and time.
# Target: our six-setting search takes no longer than oathtool's one.
#
# Usage: tests/bench/code-search.sh [BUILD_DIR]   (needs hyperfine and oathtool)
set -euo pipefail

BUILD_DIR=${1:-build}
MFA_DIAG="$BUILD_DIR/diagnostics/cli/mfa-diag"
RUNS=${RUNS:-300}
for tool in hyperfine oathtool python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install $tool)" >&2; exit 2; }
done
[ -x "$MFA_DIAG" ] || { echo "build first: $MFA_DIAG is missing" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
KEY=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ
AT=1795867231
printf '%s\n' "$KEY" > "$work/key"

# A code that neither tool finds: walk candidates until both say so.
code=100000
while :; do
  code=$((code + 1))
  if ! oathtool --totp -b "$KEY" --now "@$AT" -w 2880 "$code" >/dev/null 2>&1; then
    verdict=$("$MFA_DIAG" code --key-file "$work/key" --at "@$AT" --json "$code" \
              | python3 -c 'import json,sys; print(json.load(sys.stdin)["codes"][0]["verdict"])' || true)
    [ "$verdict" = not-found ] && break
  fi
done
echo "code $code is found nowhere within ±24 h; $RUNS runs each"

hyperfine -N --warmup 20 --runs "$RUNS" --export-json "$work/result.json" \
  --command-name "mfa-diag code (6 settings, ±24 h)" \
  "$MFA_DIAG code --key-file $work/key --at @$AT $code" \
  --command-name "oathtool --totp -w 2880 (1 setting, ±24 h)" \
  "oathtool --totp -b $KEY --now @$AT -w 2880 $code" \
  -i >/dev/null

python3 - "$work/result.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
for r in results:
    print(f"{r['command']:45s} median {r['median'] * 1000:7.2f} ms  (min {r['min'] * 1000:.2f}, max {r['max'] * 1000:.2f})")
ours, theirs = results[0]["median"], results[1]["median"]
print(f"ratio ours/oathtool: {ours / theirs:.2f} (target <= 1.00)")
PY
