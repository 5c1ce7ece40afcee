#!/usr/bin/env bash
# Sets up a Debian 12 machine for MFA Troubleshooter, builds it, then either
# launches the wizard (run) or runs the whole test suite (test).
# Idempotent: packages already there are not installed again, an existing
# build directory is reused.
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}

PACKAGES=(
  build-essential meson ninja-build pkg-config gettext
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev nettle-dev libqrencode-dev libarchive-dev
  libsodium-dev libargon2-dev
  libgdk-pixbuf-2.0-dev
  libzbar-dev zbar-tools libportal-gtk4-dev
  appstream desktop-file-utils flatpak-builder
  xvfb xauth x11-utils dbus-x11 at-spi2-core python3-dogtail imagemagick
  oathtool chrony faketime libfaketime qrencode
  clang libclang-rt-14-dev locales fonts-noto-cjk
  xdg-desktop-portal xdg-desktop-portal-gtk bubblewrap fuse3 unzip
)

install_packages () {
  local missing=() pkg sudo=""
  for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
      || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure_and_build () {
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    meson setup "$BUILD_DIR" -Dwerror=true
  fi
  meson compile -C "$BUILD_DIR"
}

# Runs a command under Xvfb and a private D-Bus session when there is no display.
with_display () {
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    "$@"
  else
    xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- "$@"
  fi
}

case "${1:-}" in
  run)
    install_packages
    configure_and_build
    export GSETTINGS_SCHEMA_DIR="$PWD/$BUILD_DIR/data"
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      echo "No display: start this from a desktop session (or set DISPLAY)." >&2
      exit 2
    fi
    exec "$BUILD_DIR/src/mfa-troubleshooter" "${@:2}"
    ;;
  test)
    install_packages
    configure_and_build
    with_display meson test -C "$BUILD_DIR" --print-errorlogs "${@:2}"
    ;;
  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
