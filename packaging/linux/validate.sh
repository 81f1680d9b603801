#!/usr/bin/env bash
# Validate the Linux desktop integration files: the desktop entry (desktop-file-validate),
# the AppStream metadata (appstreamcli validate, offline) and the icon (well-formed SVG).
# Needs: apt-get install -y appstream desktop-file-utils (Debian/Ubuntu package names).
set -euo pipefail
cd "$(dirname "$0")"
for tool in desktop-file-validate appstreamcli; do
  command -v "$tool" >/dev/null || {
    echo "validate.sh: $tool not found; install it: apt-get install -y appstream desktop-file-utils" >&2
    exit 2; }
done
status=0
echo "== desktop-file-validate org.redactor.Redactor.desktop"
desktop-file-validate org.redactor.Redactor.desktop || status=1
echo "== appstreamcli validate --no-net org.redactor.Redactor.metainfo.xml ($(appstreamcli --version))"
appstreamcli validate --no-net --explain org.redactor.Redactor.metainfo.xml || status=1
echo "== org.redactor.Redactor.svg"
python3 - org.redactor.Redactor.svg <<'PY' || status=1
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "{http://www.w3.org/2000/svg}svg", root.tag
assert root.get("viewBox") == "0 0 128 128", "the icon is drawn on a square 128x128 canvas"
print(f"{sys.argv[1]}: well-formed SVG, viewBox {root.get('viewBox')}")
PY
if [ "$status" = 0 ]; then echo "all valid"; else echo "validate.sh: validation failed" >&2; fi
exit "$status"
