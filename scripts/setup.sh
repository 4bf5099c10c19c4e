#!/usr/bin/env bash
# Prepare this checkout on a Debian/Ubuntu machine: the system libraries Qt
# needs, a virtualenv in .venv, and the pinned Python packages. Idempotent and
# quick when nothing changed. Usage: scripts/setup.sh [--dev]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
dev=0
[ "${1:-}" = "--dev" ] && dev=1

# Qt's xcb/offscreen platforms, fonts; for --dev, test and packaging tools (Xvfb,
# poppler, makensis, desktop-file-validate, appstreamcli, update-mime-database, patchelf;
# D-Bus, AT-SPI and pyatspi for the screen-reader test; CUPS with the cups-pdf driver for
# the printing test).
apt_pkgs=(libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0
          libxkbcommon-x11-0 libdbus-1-3 libxcb1 libxcb-cursor0 libxcb-icccm4
          libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0
          libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1
          libwayland-client0 libwayland-cursor0 libwayland-egl1 fonts-dejavu-core
          python3-venv)
if [ $dev = 1 ]; then apt_pkgs+=(xvfb xauth poppler-utils nsis desktop-file-utils appstream shared-mime-info patchelf
                             dbus at-spi2-core python3-pyatspi cups printer-driver-cups-pdf); fi
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${apt_pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "setup: installing system packages: ${missing[*]}"
    if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
      echo "setup: could not install ${missing[*]}; install them and run again" >&2
      exit 1
    fi
  fi
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$python" -m venv .venv
fi
hash=$(sha256sum pyproject.toml | cut -c1-16)
if [ $dev = 1 ]; then
  extra="[dev]"; stamp=".venv/.installed-$hash-dev"; done_stamps=("$stamp")
else
  extra=""; stamp=".venv/.installed-$hash"; done_stamps=("$stamp" ".venv/.installed-$hash-dev")  # dev is a superset
fi
installed=0
for s in "${done_stamps[@]}"; do
  if [ -f "$s" ]; then installed=1; fi
done
if [ $installed = 0 ]; then
  if [ $dev = 1 ]; then
    echo "setup: installing Python packages (with test tools)"
  else
    echo "setup: installing Python packages"
  fi
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extra}"
  rm -f .venv/.installed-*
  touch "$stamp"
fi

# The window's translations: .ts sources (in git) -> .qm (build outputs), when a .ts is newer.
.venv/bin/python scripts/translations.py compile
