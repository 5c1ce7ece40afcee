#!/bin/bash
# Builds the .pot from po/POTFILES.in, merges the catalogue with it (so a
# stale catalogue cannot pass by lacking new strings), then fails unless
# msgfmt --check --statistics reports every string translated.
set -u
srcdir=${1:?usage: check-translated.sh SOURCE_ROOT LANG BUILD_ROOT}
lang=${2:?usage: check-translated.sh SOURCE_ROOT LANG BUILD_ROOT}
# Files the build writes (data/flows/default-strings.c) are in the build tree.
builddir=${3:?usage: check-translated.sh SOURCE_ROOT LANG BUILD_ROOT}
cd "$srcdir" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xgettext -D "$srcdir" -D "$builddir" --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 \
  --files-from=<(grep -v '^#' po/POTFILES.in | sed '/^$/d') -o "$tmp/all.pot" || exit 1
msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$tmp/all.pot" -o "$tmp/$lang.po" || exit 1
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1 | tail -1)
echo "$lang: $stats"
if grep -qE 'fuzzy|untranslated' <<<"$stats"; then
  echo "po/$lang.po is not completely translated" >&2
  exit 1
fi
