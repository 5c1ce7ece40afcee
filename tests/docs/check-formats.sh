#!/bin/bash
# The formats the README and the man page document are exactly the ones
# mfa-diag duplicates reads (its --list-formats, from the importer table).
set -u
diag=${1:?usage: check-formats.sh MFA_DIAG README MANPAGE}
readme=${2:?}
manpage=${3:?}
status=0
listed=$(LANGUAGE=C LC_ALL=C.UTF-8 "$diag" duplicates --list-formats) || exit 2
table=$(sed -n '/<!-- formats -->/,/<!-- \/formats -->/p' "$readme" | grep '^| `' \
        | sed -E 's/^\| `([^`]*)` \| (.*) \| (.*) \|$/\1\t\2\t\3/')
if [ "$table" != "$listed" ]; then
  echo "README's format table differs from mfa-diag duplicates --list-formats:" >&2
  diff <(echo "$listed") <(echo "$table") >&2
  status=1
fi
while IFS=$'\t' read -r name _; do
  if ! grep -qx ".B ${name//-/\\\\-}" "$manpage"; then
    echo "$manpage does not list the format $name" >&2
    status=1
  fi
done <<<"$listed"
count=$(sed -n '/^Formats (the output of/,/^\.SS/p' "$manpage" | grep -c '^\.B ')
if [ "$count" -ne "$(wc -l <<<"$listed")" ]; then
  echo "$manpage lists $count formats, mfa-diag $(wc -l <<<"$listed")" >&2
  status=1
fi
[ $status -eq 0 ] && echo "ok: $(wc -l <<<"$listed") formats documented"
exit $status
