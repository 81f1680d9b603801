"""Silent leaks: accept every suggestion, save each copy through the second reading, and count
at-risk surnames left in copies the engine called clean, on the corpus and swapped seeds.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_safety.py [--gold ../shared/corpus] [--seeds 1 2 3]

The counting follows the shared ``safety.py`` (which drives the command line, one process per
file): for every ``protect`` person with a name of two or more words, every word of their
annotated surfaces but the first name is withheld; a word left in the copy more often than
the original prints it outside that person's mentions has survived, and the leak is silent
when the copy was called clean. Here the engine loads once, so many seeds take minutes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from bench_recall import SHARED, load_tool, swapped_copies

PARTICLES = set("de la las los del da das do dos van der den von al el bin ibn abu le di du ter".split())


def _count(token: str, text: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(token) + r"(?!\w)", text, re.IGNORECASE))


def check_copy(gold_dir: Path, engine, gold_mentions, scratch: Path) -> tuple[int, int, int, list[str]]:
    """(protect persons, copies called clean, copies, silent leaks as lines) for one corpus copy."""
    from redactor.documents import read_document

    gold = json.loads((gold_dir / "gold.json").read_text(encoding="utf-8"))
    protect = clean = copies = 0
    silent: list[str] = []
    for doc, persons in sorted(gold.items()):
        document = read_document(gold_dir / "docs" / doc)
        decisions = engine.analyze(document)
        for person in decisions.persons:
            person.reviewed = True
        saved = engine.save(document, decisions, scratch / f"{gold_dir.name}-{doc}", force=True)
        copies += 1
        clean += saved.clean
        copy = saved.path.read_text(encoding="utf-8", errors="replace")
        others = {t for p, (role, ss) in persons.items() if role != "protect" for s in ss + [p]
                  for t in re.findall(r"\w+", s)}
        spans = gold_mentions(document.text, persons)
        for person, (role, surfaces) in persons.items():
            words = re.findall(r"\w+", person)
            if role != "protect" or len(words) < 2:
                continue
            protect += 1
            outside = document.text
            for start, end, owner, _ in sorted(spans, reverse=True):
                if owner == person:
                    outside = outside[:start] + " " + outside[end:]
            tokens = {t for s in surfaces for t in re.findall(r"\w+", s) if t.lower() != words[0].lower()
                      and len(t) > 1 and t not in others and t.lower() not in PARTICLES}
            left = sorted(t for t in tokens if _count(t, copy) > _count(t, outside))
            if left and saved.clean:
                silent.append(f"{gold_dir.name} {doc}: {person}: {', '.join(left)} left, called clean")
    return protect, clean, copies, silent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "corpus")
    parser.add_argument("--tools", type=Path, default=SHARED / "tools")
    parser.add_argument("--seeds", type=int, nargs="*", default=[1, 2, 3, 4, 5])
    args = parser.parse_args(argv)
    if not (args.gold / "gold.json").exists():
        print(f"no annotated corpus at {args.gold}: nothing to measure", file=sys.stderr)
        return 2
    from redactor.engine import Engine

    engine = Engine()
    engine.load()
    gold_mentions = load_tool(args.tools, "score").gold_mentions
    total = 0
    with tempfile.TemporaryDirectory() as scratch:
        for label, gold_dir in swapped_copies(args.gold, args.tools, args.seeds, Path(scratch)):
            protect, clean, copies, silent = check_copy(gold_dir, engine, gold_mentions, Path(scratch))
            total += len(silent)
            print(f"{label:<14} protect persons {protect:3}  copies called clean {clean}/{copies}  "
                  f"silent leaks {len(silent)}", flush=True)
            for line in silent:
                print(f"    {line}")
    print(f"silent leaks in all: {total}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
