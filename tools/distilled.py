"""What the build tools that distil a shipped data file share: write it, or check it is current.

``tools/build_lexicon.py`` and ``tools/build_words.py`` each make the text of one file under
``redactor/data/`` from a pinned source; a test runs each with ``--check``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(description: str, output: Path, build: Callable[[], str], summary: Callable[[str], str]) -> int:
    """Write ``build()`` to ``output`` (and print ``summary`` of it), or with ``--check``
    exit 1 if the shipped file differs from what the source makes."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    args = parser.parse_args()
    text = build()
    if args.check:
        same = output.read_text(encoding="utf-8") == text
        print(f"{output.relative_to(ROOT)}: {'up to date' if same else 'STALE: rebuild it'}")
        return 0 if same else 1
    output.parent.mkdir(exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(f"wrote {output.relative_to(ROOT)}: {summary(text)}, {len(text.encode()) // 1024} KiB")
    return 0
