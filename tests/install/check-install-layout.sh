#!/bin/bash
# Installs the build into a scratch DESTDIR and fails when a file is not
# where GNOME (desktop, AppStream, icon theme, GSettings, gettext,
# shared-mime-info) looks for it, or mfa-diag does not find the programs and
# the module of its commands. LIBDIR and LIBEXECDIR: relative to PREFIX.
set -u
builddir=${1:?usage: check-install-layout.sh BUILD_DIR PREFIX}
prefix=${2:?usage: check-install-layout.sh BUILD_DIR PREFIX}
app_id=io.github.mfatroubleshooter.MfaTroubleshooter
destdir=$(mktemp -d)
trap 'rm -rf "$destdir"' EXIT
if ! meson install -C "$builddir" --no-rebuild --quiet --destdir "$destdir" >"$destdir.log" 2>&1; then
  cat "$destdir.log" >&2; rm -f "$destdir.log"; exit 1
fi
rm -f "$destdir.log"
root=$destdir$prefix
expected=(
  bin/mfa-diag
  share/applications/$app_id.desktop
  share/metainfo/$app_id.metainfo.xml
  share/icons/hicolor/scalable/apps/$app_id.svg
  share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg
  share/glib-2.0/schemas/$app_id.gschema.xml
  share/locale/zh_CN/LC_MESSAGES/mfa-troubleshooter.mo
  share/mime/packages/$app_id.mime.xml
  share/man/man1/mfa-diag.1
  share/man/man1/mfa-ticket.1
  share/man/man1/mfa-troubleshooter.1
  bin/mfa-ticket
)
[ "${3:-}" = gui ] && expected+=(bin/mfa-troubleshooter)
status=0
for path in "${expected[@]}"; do
  if [ -f "$root/$path" ]; then echo "ok $path"; else echo "MISSING $prefix/$path" >&2; status=1; fi
done
exit $status
