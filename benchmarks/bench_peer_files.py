"""Real files from other projects' test suites, run end to end through the command line.

``../shared/tools/peer_files.py`` (not part of this project) runs ``redactor detect``,
``apply --accept-suggestions`` and ``verify`` on each of the 80 files in
``../shared/peer_files`` (Word, LibreOffice, pandoc, mammoth, python-docx, odfpy, striprtf,
mat2 and readability test documents), then checks every copy independently: a scan of its
bytes for withheld names, its package integrity, the metadata it still carries. This
script runs it and judges the results as issue 14 defines done:

* every file is refused at ``detect`` with one clear line, or detected, applied and verified
  with exit 0 or 1, never 2;
* the independent scan finds no withheld name in any copy written;
* no copy has an integrity problem its original did not have;
* mat2's own test files leave no metadata mat2 would report.

Run: ``.venv/bin/python benchmarks/bench_peer_files.py [--only SUBSTRING]`` (about 25 minutes
for all 80 files; LibreOffice's check runs when ``soffice`` is on PATH). Prints the figures,
then every failure; exits 1 if there is any. ``tests/test_peer_files.py`` runs the same when
``REDACTOR_PEER_FILES=1``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TOOL = SHARED / "tools" / "peer_files.py"
FILES = SHARED / "peer_files"


def run(work: Path, only: str = "") -> tuple[dict, float]:
    """Run the peer-files tool with this environment's ``redactor``; its results and seconds."""
    venv = Path(sys.executable).parent.parent
    argv = [sys.executable, str(TOOL), str(venv), str(FILES), "--work", str(work)]
    if only:
        argv += ["--only", only]
    began = time.monotonic()
    subprocess.run(argv, check=True, capture_output=True, text=True)
    return json.loads((work / "results.json").read_text("utf-8")), time.monotonic() - began


def failures(results: dict) -> list[str]:
    """Every way a file falls short of issue 14's definition of done."""
    found = []
    for row in results["files"]:
        name, detect = row["file"], row["detect"]
        if detect["crash"]:
            found.append(f"{name}: detect crashed")
        elif detect["rc"] != 0:
            if detect["rc"] != 2 or len(detect["stderr"].splitlines()) != 1:
                found.append(f"{name}: detect refused without one clear line: {detect['stderr']!r}")
            continue
        for step in ("apply", "verify"):
            if step in row and (row[step]["crash"] or row[step]["rc"] not in (0, 1)):
                found.append(f"{name}: {step} exit {row[step]['rc']}: {row[step]['stderr'][-300:]!r}")
        if "leak_check" in row and row["leak_check"]["leaks"]:
            found.append(f"{name}: the independent scan found {len(row['leak_check']['leaks'])} "
                         f"withheld name(s), first {row['leak_check']['leaks'][0]}")
        if "integrity" in row and row["integrity"]["new"]:
            found.append(f"{name}: the copy has new integrity problems: {row['integrity']['new'][:3]}")
        if name.startswith("mat2__") and "metadata" in row and row["metadata"]["left"]:
            found.append(f"{name}: metadata mat2 removes is left: {row['metadata']['left'][:3]}")
        lo = row.get("libreoffice")
        if lo and lo["original_opens"] and not lo["copy_opens"]:
            found.append(f"{name}: LibreOffice opens the original but not the copy: {lo['error']}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="only files whose name contains this")
    parser.add_argument("--work", type=Path, help="keep reviews, copies and results here")
    args = parser.parse_args()
    if not TOOL.exists():
        print(f"no {TOOL}: the shared peer files are not here")
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="peer_files."))
    results, seconds = run(work, args.only)
    for key, value in results["totals"].items():
        print(f"{key:40} {value}")
    count = len(results["files"])
    print(f"{'seconds (all three commands, all files)':40} {seconds:.0f} ({seconds / max(count, 1):.1f} per file)")
    problems = failures(results)
    print(f"\n{len(problems)} failure(s)" + "".join(f"\n  {p}" for p in problems))
    print(f"results: {work / 'results.json'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
