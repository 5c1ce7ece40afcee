#!/bin/bash
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when xgettext cannot build the .pot from the list,
# so that no user-visible string is left out of the translations.
set -u
srcdir=${1:?usage: check-potfiles.sh SOURCE_ROOT BUILD_ROOT}
# Files the build writes (data/flows/default-strings.c) are in the build tree.
builddir=${2:?usage: check-potfiles.sh SOURCE_ROOT BUILD_ROOT}
cd "$srcdir" || exit 2
status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')
pattern='\b(_|N_|C_|NC_|g_dngettext|ngettext)\(|translatable="yes"'
# Files that only write these markers into generated code, with no strings of their own.
generators='diagnostics/flows/flow-strings.c'
for file in $(grep -rlE "$pattern" src diagnostics data --include='*.c' \
                --include='*.ui' --include='*.in' --include='*.xml' | sort); do
  grep -qxF "$file" <<<"$generators" && continue
  if ! grep -qxF "$file" <<<"$listed"; then
    echo "not in po/POTFILES.in: $file" >&2
    status=1
  fi
done
for file in $listed; do
  [ -e "$file" ] || [ -e "$builddir/$file" ] || { echo "listed but missing: $file" >&2; status=1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! xgettext -D "$srcdir" -D "$builddir" --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
     --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --add-comments \
     --files-from=<(echo "$listed" | grep -v '\.in$') -o "$tmp/mfa.pot" 2>"$tmp/err"; then
  cat "$tmp/err" >&2
  status=1
fi
[ $status -eq 0 ] && echo "POTFILES.in complete: $(echo "$listed" | wc -l) files"
exit $status
