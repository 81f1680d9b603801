"""Recall report: how many annotated name mentions detection finds, by corpus and by name class,
on the shared corpus and on name-swapped copies of it, beside bare Presidio in the same run.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_recall.py [--gold ../shared/corpus] [--seeds 1 2 3 4 5]
                                                [--tools ../shared/tools] [--docs]

Swapped copies are made with the shared ``swap_names.py`` (names from many cultures, the text
unchanged) into a temporary folder; gold mentions are counted with the shared ``score.py``'s
own ``gold_mentions``, so these figures are the scorer's figures. The engine and bare Presidio
(the same spaCy pipeline, Presidio's defaults) each load once and read every text.

A mention counts as found when detected spans cover all of it, in either tier (the possible
names are shown to the editor too); precision counts the confident tier only, as ``score.py``
does. "flagged" is the share of at-risk persons (``protect``) whose every mention is covered by
a span the engine does not suggest keeping.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

SHARED = Path(__file__).resolve().parents[2] / "shared"
Spans = list[tuple[int, int, bool, bool]]  # start, end, confident, flagged (not kept)


@dataclass
class Tally:
    """Mentions found out of mentions annotated, and confident spans right out of all."""

    found: int = 0
    total: int = 0
    right: int = 0
    detected: int = 0
    protect: int = 0
    flagged: int = 0
    seconds: float = 0.0
    missed: list[str] = field(default_factory=list)

    def recall(self) -> float:
        return self.found / self.total if self.total else 1.0

    def precision(self) -> float:
        return self.right / self.detected if self.detected else 1.0


def name_class(surface: str) -> str:
    """The shape of an annotated surface, the classes issue 12 lists misses by."""
    words = surface.split()
    if re.search(r"[\u3400-\u9fff]", surface):
        return "Chinese characters"
    if any(re.fullmatch(r"[A-Z]\.?", w) for w in words):
        return "with initials"
    if any(w[:1].islower() for w in words) or "al-" in surface or "bin " in surface:
        return "particle or lower case"
    if len(words) > 1 and all(w.isupper() for w in words if len(w) > 1):
        return "capitals"
    if "-" in surface:
        return "hyphenated"
    return {1: "one word", 2: "two words"}.get(len(words), "three or more words")


def load_tool(tools: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, tools / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def swapped_copies(gold: Path, tools: Path, seeds: list[int], scratch: Path) -> list[tuple[str, Path]]:
    """The corpus itself, then a name-swapped copy of it per seed (the shared ``swap_names.py``)."""
    copies = [("corpus", gold)]
    for seed in seeds:
        out = scratch / f"seed{seed}"
        subprocess.run([sys.executable, str(tools / "swap_names.py"), str(gold), str(out),
                        "--seed", str(seed)], check=True, capture_output=True)
        copies.append((f"swap seed {seed}", out))
    return copies


def engine_detector():
    """The engine's detection in process: spans with tier and suggested action."""
    from redactor.documents import read_document
    from redactor.engine import Engine

    engine = Engine()
    engine.load()

    def detect(path: Path) -> Spans:
        decisions = engine.analyze(read_document(path))
        return [(m.start, m.end, p.tier != "possible", p.action != "keep")
                for p in decisions.persons for m in p.mentions]
    return detect


def presidio_detector():
    """Bare Presidio with its defaults on the same spaCy pipeline, found on disk (never
    downloaded), as ``bench_engine.py`` measures it."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from redactor.nlp import DEFAULT_MODEL, resolve_model

    config = {"nlp_engine_name": "spacy",
              "models": [{"lang_code": "en", "model_name": resolve_model(DEFAULT_MODEL)}]}
    analyzer = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=config).create_engine(),
                              supported_languages=["en"])

    def detect(path: Path) -> Spans:
        text = path.read_text(encoding="utf-8")
        return [(r.start, r.end, True, True)
                for r in analyzer.analyze(text=text, language="en", entities=["PERSON"])]
    return detect


def score(gold_dir: Path, detect, gold_mentions, by_class: dict[str, Tally]) -> dict[str, Tally]:
    """Per-document tallies for one corpus copy; ``by_class`` gathers mentions by name class."""
    gold = json.loads((gold_dir / "gold.json").read_text(encoding="utf-8"))
    tallies = {}
    for doc, persons in sorted(gold.items()):
        path = gold_dir / "docs" / doc
        text = path.read_text(encoding="utf-8")
        started = time.perf_counter()
        spans = detect(path)
        tally = Tally(seconds=time.perf_counter() - started)
        covered = _mask(len(text), [(s, e) for s, e, _, _ in spans])
        annotated = gold_mentions(text, persons)
        named = _mask(len(text), [(s, e) for s, e, _, _ in annotated])
        for start, end, _, _ in annotated:
            hit = all(covered[start:end])
            tally.found += hit
            tally.total += 1
            shape = by_class[name_class(text[start:end])]
            shape.found += hit
            shape.total += 1
            if not hit:
                tally.missed.append(text[start:end])
        sure = [(s, e) for s, e, confident, _ in spans if confident]
        tally.detected = len(sure)
        tally.right = sum(1 for s, e in sure if any(named[s:e]))
        for person, (role, _) in persons.items():
            mine = [(s, e) for s, e, p, _ in annotated if p == person]
            if role == "protect" and mine:
                tally.protect += 1
                tally.flagged += all(any(a <= s and e <= b and flag for a, b, _, flag in spans)
                                     for s, e in mine)
        tallies[doc] = tally
    return tallies


def _mask(length: int, spans: list[tuple[int, int]]) -> bytearray:
    mask = bytearray(length)
    for start, end in spans:
        mask[max(0, start):min(length, end)] = b"\x01" * (min(length, end) - max(0, start))
    return mask


def total(tallies: dict[str, Tally]) -> Tally:
    out = Tally()
    for t in tallies.values():
        out.found += t.found
        out.total += t.total
        out.right += t.right
        out.detected += t.detected
        out.protect += t.protect
        out.flagged += t.flagged
        out.seconds += t.seconds
        out.missed += t.missed
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "corpus")
    parser.add_argument("--tools", type=Path, default=SHARED / "tools")
    parser.add_argument("--seeds", type=int, nargs="*", default=[1, 2, 3, 4, 5])
    parser.add_argument("--docs", action="store_true", help="print every document's line")
    args = parser.parse_args(argv)
    if not (args.gold / "gold.json").exists():
        print(f"no annotated corpus at {args.gold}: nothing to measure", file=sys.stderr)
        return 2
    gold_mentions = load_tool(args.tools, "score").gold_mentions
    seconds = defaultdict(float)
    with tempfile.TemporaryDirectory() as scratch:
        detectors = {"redactor": engine_detector(), "presidio": presidio_detector()}
        classes: dict[str, dict[str, Tally]] = {name: defaultdict(Tally) for name in detectors}
        print(f"{'corpus':<14} {'engine':<9} {'recall':>6} {'precision':>9} {'flagged':>8} {'seconds':>8}")
        for label, gold_dir in swapped_copies(args.gold, args.tools, args.seeds, Path(scratch)):
            for name, detect in detectors.items():
                tallies = score(gold_dir, detect, gold_mentions, classes[name])
                seconds[name] += total(tallies).seconds
                _report(label, name, tallies, args.docs and name == "redactor")
    print(f"\ndetect seconds in this run, both loaded once and warm after the first copy: redactor "
          f"{seconds['redactor']:.1f}, presidio {seconds['presidio']:.1f}, ratio "
          f"{seconds['redactor'] / seconds['presidio']:.2f}")
    print("\nby name class (all copies together)")
    for shape in sorted(classes["redactor"]):
        ours, bare = classes["redactor"][shape], classes["presidio"][shape]
        print(f"  {shape:<24} {ours.total:>5} mentions  redactor {ours.recall():.3f}  "
              f"presidio {bare.recall():.3f}")
    return 0


def _report(label: str, name: str, tallies: dict[str, Tally], docs: bool) -> None:
    t = total(tallies)
    print(f"{label:<14} {name:<9} {t.recall():>6.3f} {t.precision():>9.3f} "
          f"{t.flagged:>4}/{t.protect:<3} {t.seconds:>8.1f}")
    if name == "redactor" and t.missed:
        print(f"{'':<14} missed: {sorted(set(t.missed))}")
    for doc, tally in tallies.items() if docs else ():
        print(f"{'':<16}{doc:<36} {tally.recall():.3f} ({tally.found}/{tally.total})")


if __name__ == "__main__":
    sys.exit(main())
