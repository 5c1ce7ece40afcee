#!/bin/sh
# Remakes the bundle fuzzer's seed corpus with the real writer:
#   tests/fuzz/make-bundle-corpus.sh build/diagnostics/cli/mfa-ticket
# Three small bundles: the least a bundle holds, one with a topic, words and
# check evidence, one with a PNG and a JPEG attachment.
set -eu
ticket=$1
out=$(dirname "$0")/corpus/bundle
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
convert -size 40x30 xc:gray "$work/small.png"
convert -size 20x20 xc:white -quality 80 "$work/small.jpg"
echo '{"verdict":"ok","codes":[]}' > "$work/evidence.json"
"$ticket" create --account-type ram-user --account alice@1234567.onaliyun.com \
  -o "$out/minimal.mfaticket"
"$ticket" create --account-type alibaba-cloud-account --account bob@example.com \
  --note "rejected twice" --topic signin-code-rejected --check "code=$work/evidence.json" \
  -o "$out/with-evidence.mfaticket"
"$ticket" create --account-type ram-user --account alice@1234567.onaliyun.com \
  --attach "error-page=$work/small.png" --attach "phone-time=$work/small.jpg" \
  -o "$out/with-images.mfaticket"
