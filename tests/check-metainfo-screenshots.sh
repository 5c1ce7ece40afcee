#!/usr/bin/env bash
# Every screenshot the metainfo references must exist in the repository, at
# the path its URL ends with (data/screenshots/NAME.png), and be a PNG.
set -u
cd "${1:?usage: $0 SOURCE_ROOT}" || exit 2
metainfo=data/io.github.mfatroubleshooter.MfaTroubleshooter.metainfo.xml.in
status=0
count=0
for url in $(grep -o '<image>[^<]*</image>' "$metainfo" | sed 's/<[^>]*>//g'); do
  path=data/screenshots/${url##*/}
  count=$((count + 1))
  if [ -f "$path" ] && head -c 8 "$path" | grep -q PNG; then echo "ok $path"; else echo "missing: $path ($url)" >&2; status=1; fi
done
[ $count -gt 0 ] || { echo "the metainfo references no screenshot" >&2; status=1; }
exit $status
