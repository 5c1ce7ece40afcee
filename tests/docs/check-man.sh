#!/bin/bash
# Fails when groff reports any warning for a man page.
set -u
status=0
for page in "$@"; do
  out=$(LC_ALL=C.UTF-8 groff -man -ww -z -t "$page" 2>&1)
  if [ -n "$out" ]; then echo "$page: $out" >&2; status=1; else echo "ok $page"; fi
done
exit $status
