#!/usr/bin/env bash
# Install the Redactor bundle for the current user, with its menu entry, icon and metadata.
#
#   install.sh [BUNDLE]       copy BUNDLE (the unpacked redactor/ folder) to ~/.local/opt/redactor
#   install.sh --uninstall    remove all of it again
#
# BUNDLE defaults to the folder this script sits in (redactor/linux/install.sh in a release
# archive), or to dist/redactor in a checkout. Nothing needs root; nothing is downloaded.
#   ~/.local/opt/redactor/                                  the bundle
#   ~/.local/bin/redactor, redactor-gui                     links to its executables
#   ~/.local/share/applications/org.redactor.Redactor.desktop
#   ~/.local/share/metainfo/org.redactor.Redactor.metainfo.xml
#   ~/.local/share/icons/hicolor/scalable/apps/org.redactor.Redactor.svg
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ID=org.redactor.Redactor
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
OPT="$HOME/.local/opt/redactor"
BIN="$HOME/.local/bin"

refresh() {  # let the desktop notice (each tool is optional)
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$DATA/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null; then
    gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$OPT"
  rm -f "$BIN/redactor" "$BIN/redactor-gui" "$DATA/applications/$ID.desktop" \
    "$DATA/metainfo/$ID.metainfo.xml" "$DATA/icons/hicolor/scalable/apps/$ID.svg"
  refresh
  echo "Redactor removed (your reviews and settings are left where they are)."
  exit 0
fi

if [ -n "${1:-}" ]; then
  BUNDLE="$(cd "$1" && pwd)"
elif [ -x "$HERE/../redactor-gui" ]; then
  BUNDLE="$(cd "$HERE/.." && pwd)"
else
  BUNDLE=""
  if [ -d "$HERE/../../dist/redactor" ]; then BUNDLE="$(cd "$HERE/../../dist/redactor" && pwd)"; fi
fi
if [ -z "${BUNDLE:-}" ] || [ ! -x "$BUNDLE/redactor-gui" ] || [ ! -x "$BUNDLE/redactor" ]; then
  echo "install.sh: no Redactor bundle found; pass the unpacked redactor/ folder" >&2
  exit 2
fi

mkdir -p "$BIN" "$DATA/applications" "$DATA/metainfo" "$DATA/icons/hicolor/scalable/apps"
if [ "$BUNDLE" != "$OPT" ]; then
  rm -rf "$OPT.new"
  mkdir -p "$(dirname "$OPT")"
  cp -a "$BUNDLE" "$OPT.new"
  rm -rf "$OPT"
  mv "$OPT.new" "$OPT"
fi
ln -sfn "$OPT/redactor" "$BIN/redactor"
ln -sfn "$OPT/redactor-gui" "$BIN/redactor-gui"

# The menu entry runs the installed copy by its full path: ~/.local/bin is not on every
# desktop session's PATH.
sed -e "s|^Exec=redactor-gui|Exec=$OPT/redactor-gui|" -e "s|^TryExec=redactor-gui|TryExec=$OPT/redactor-gui|" \
  "$HERE/$ID.desktop" > "$DATA/applications/$ID.desktop"
cp "$HERE/$ID.metainfo.xml" "$DATA/metainfo/$ID.metainfo.xml"
cp "$HERE/$ID.svg" "$DATA/icons/hicolor/scalable/apps/$ID.svg"
refresh

echo "Redactor installed in $OPT"
echo "  menu: Redactor (Office); command line: $BIN/redactor, $BIN/redactor-gui"
case ":$PATH:" in *":$BIN:"*) ;; *) echo "  (add $BIN to PATH to type redactor in a terminal)";; esac
