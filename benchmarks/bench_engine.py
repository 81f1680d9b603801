"""Benchmark Redactor's detection against bare Presidio on the same text, in the same run.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_engine.py [--corpus ../shared/corpus/docs]
                                                [--size-mb 1] [--model en_core_web_md]

Two texts are measured: (a) every ``*.txt`` in the shared corpus, summed, and (b) a generated
news-like text of about ``--size-mb`` megabytes (invented people and places, seeded, so every
run measures the same text). Each engine runs on each text in its own child process, so one
measurement's allocations can never inflate the next one's peak memory, and each child loads
the spaCy pipeline itself, so load time is reported apart from detect time. Both engines read
the same short warm-up draft as part of load (Redactor's ``Engine.load`` does; bare Presidio
is given it here), so first-call costs (spaCy's, compiled patterns) are in neither detect time.

Peak memory is the child's ``VmHWM`` from ``/proc/self/status`` (Linux), not ``ru_maxrss``:
on Linux ``ru_maxrss`` (self or children) carries over the parent's peak RSS across
fork/exec, so it would measure the benchmark driver rather than the engine. The driver also
keeps itself small (it never imports spaCy or Presidio) for the ``ru_maxrss`` fallback used
where ``/proc`` is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the driver never imports the engine: see the module docstring
    from redactor.documents import Document

ENGINES = ("redactor", "presidio")
SPACY_MAX_LENGTH = 1_000_000  # spaCy's default ``nlp.max_length``; bare Presidio never raises it
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "docs"
RESULT_PREFIX = "BENCH-RESULT "


# --------------------------------------------------------------------------- text generator

FIRST_NAMES = (
    "Arlen", "Mirela", "Tobin", "Sanne", "Idris", "Kaveh", "Liora", "Dariusz", "Nenad", "Oriane",
    "Yelena", "Tamsin", "Bertil", "Ciaran", "Ysolde", "Marek", "Anouk", "Rustam", "Zlata", "Emeka",
    "Ingrid", "Teodor", "Halima", "Jarek", "Selin", "Quentin", "Vesna", "Odile", "Farid", "Linnea",
    "Aurel", "Bohdana", "Casimir", "Dalia", "Eirik", "Gulnar", "Hektor", "Ilse", "Jovan", "Kerstin",
)
SURNAMES = (
    "Varkoni", "Delaquist", "Tashkenov", "Brillard", "Okonkwe", "Strahlberg", "Pellegrane",
    "Voskuijl", "Amadore", "Kestrelli", "Dunmoor", "Harrowby", "Quillon", "Rasmundsen", "Szelecki",
    "Tervonen", "Ubaldi", "Wendrick", "Yarovaya", "Zhelinsky", "Abernath", "Castellane", "Drozdova",
    "Eskander", "Fairclough", "Galinsky", "Ivankova", "Morrowfeld", "Nabokar", "Orlechny",
)
COUNTRIES = ("Estmark", "Norvania", "Calbria", "Vellane", "Ostergard")
CITIES = ("Port Veyra", "Caldmoor", "Ostrel", "Valdren", "Korsk", "Mirenholt", "Tavaris",
          "Lindqvar", "Esperon", "Brasko")
SQUARES = ("Liberty Square", "the Old Market", "Station Boulevard", "the river embankment",
           "the parliament steps", "Unity Avenue")
TITLES = ("Interior Minister", "Police Chief", "Mayor", "Prosecutor General", "Health Minister",
          "Deputy Prime Minister", "Justice Minister", "Governor", "opposition leader")
OCCUPATIONS = ("student", "nurse", "taxi driver", "teacher", "engineer", "retired miner",
               "shop owner", "software developer", "bakery worker", "law student")
ORGS = ("the Civic Alliance", "the Workers' Federation", "the National Guard",
        "the Lawyers' Collective", "the Electoral Commission", "the Students' Union")
QUOTES = ("We are not afraid anymore", "They can arrest us, but they cannot arrest all of us",
          "I came because my brother is still in detention", "Nobody asked us what we wanted",
          "We will come back tomorrow and the day after", "The prices went up again and our "
          "wages did not", "I have never seen so many people in this square",
          "We just want an honest count", "My parents marched here thirty years ago")
STATEMENTS = ("the demonstrations were unauthorized", "order would be restored by the weekend",
              "an investigation had been opened into the violence",
              "the curfew would remain in place", "talks with the organizers were possible",
              "the detained would be released once they had been questioned")
TRIGGERS = ("a disputed election count", "a sudden rise in fuel prices",
            "the arrest of a popular blogger", "a ban on independent newspapers",
            "the closure of two coal mines")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass
class Character:
    """An invented person in one story; the first mention is full, later ones surname only."""

    first: str
    last: str
    role: str  # an official's title or a protester's occupation
    age: int
    official: bool
    introduced: bool = False

    def mention(self) -> str:
        """Wire style: 'Title First Last' or 'First Last, 24, a nurse,' once, then 'Last'."""
        if self.introduced:
            return self.last
        self.introduced = True
        if self.official:
            return f"{self.role} {self.first} {self.last}"
        return f"{self.first} {self.last}, {self.age}, a {self.role},"


@dataclass
class Story:
    """The setting and cast every paragraph of one generated story draws on."""

    country: str
    city: str
    day: str
    protesters: list[Character]
    officials: list[Character]


Paragraph = Callable[[random.Random, Story], str]


def _capital(text: str) -> str:
    """First letter up, the rest untouched ('opposition leader X' starting a sentence)."""
    return text[:1].upper() + text[1:]


def _cast(rng: random.Random, count: int, official: bool) -> list[Character]:
    """Invented people, unique within a story so surname-only mentions stay unambiguous."""
    lasts = rng.sample(SURNAMES, count)
    roles = TITLES if official else OCCUPATIONS
    return [Character(rng.choice(FIRST_NAMES), last, rng.choice(roles), rng.randint(17, 78),
                      official) for last in lasts]


def _new_story(rng: random.Random) -> Story:
    return Story(rng.choice(COUNTRIES), rng.choice(CITIES), rng.choice(DAYS),
                 _cast(rng, rng.randint(2, 4), official=False),
                 _cast(rng, rng.randint(1, 2), official=True))


def _headline(rng: random.Random, story: Story) -> str:
    date = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2015, 2024)}"
    return (f"{story.country} Police Detain Dozens as Protests Spread to {story.city}\n\n"
            f"{date}")


def _lead(rng: random.Random, story: Story) -> str:
    return (f"{story.city.upper()}, {story.country} — Thousands of people marched through "
            f"{story.city} on {story.day}, {rng.randint(2, 40)} days after a ban on gatherings "
            f"that followed {rng.choice(TRIGGERS)}.")


# Paragraph templates: the name patterns a newsroom draft has (ages, titles before names,
# surname-only follow-ups, photo credits, spokespeople), so both engines see realistic work.

def _protester_quote(rng: random.Random, story: Story) -> str:
    person = rng.choice(story.protesters)
    said = f"said {person.mention()}" if not person.introduced else f"{person.mention()} said"
    return f"\"{rng.choice(QUOTES)},\" {said} at {rng.choice(SQUARES)}."


def _official_statement(rng: random.Random, story: Story) -> str:
    person = rng.choice(story.officials)
    return (f"{_capital(person.mention())} said on {story.day} that {rng.choice(STATEMENTS)}. "
            f"{_capital(rng.choice(ORGS))} did not say how many people had been detained.")


def _follow_up(rng: random.Random, story: Story) -> str:
    person = rng.choice(story.protesters + story.officials)
    return (f"{_capital(person.mention())} told reporters the group would return to "
            f"{rng.choice(SQUARES)} on {rng.choice(DAYS)}, and that {rng.randint(3, 90)} "
            "people were still missing.")


def _attribution(rng: random.Random, story: Story) -> str:
    return (f"According to {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}, a spokesperson for "
            f"{rng.choice(ORGS)}, at least {rng.randint(2, 60)} people were taken to hospital "
            f"in {story.city} and {rng.choice(CITIES)}.")


def _background(rng: random.Random, story: Story) -> str:
    return (f"The protests began after {rng.choice(TRIGGERS)}. Rights groups say at least "
            f"{rng.randint(20, 900)} people have been detained in {story.country} since "
            f"{rng.choice(MONTHS)}.")


def _caption(rng: random.Random, story: Story) -> str:
    return (f"Protesters gather near {rng.choice(SQUARES)} in {story.city} on {story.day}. "
            f"({rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}/Wire Photo)")


BODY: tuple[Paragraph, ...] = (_protester_quote, _protester_quote, _official_statement,
                               _follow_up, _follow_up, _attribution, _background, _caption)


def _story(rng: random.Random) -> list[str]:
    """One wire story: headline, dateline lead, then 6 to 12 body paragraphs."""
    story = _new_story(rng)
    body = [rng.choice(BODY)(rng, story) for _ in range(rng.randint(6, 12))]
    return [_headline(rng, story), _lead(rng, story), *body]


def generate_news(max_chars: int, seed: int = 20240601) -> str:
    """Deterministic wire-copy-like text of at most ``max_chars``, ending on a paragraph.

    Everything is invented from the word lists above (no real news text), and the seed makes
    every run measure the same text, so numbers from different runs can be compared.
    """
    rng = random.Random(seed)
    paragraphs: list[str] = []
    length = -2  # the first paragraph has no separator before it
    while True:
        for paragraph in _story(rng):
            if length + 2 + len(paragraph) > max_chars:
                return "\n\n".join(paragraphs) + "\n"
            paragraphs.append(paragraph)
            length += 2 + len(paragraph)


# --------------------------------------------------------------------------- child side

def _peak_rss_kib() -> int:
    """This process's peak RSS in KiB: VmHWM on Linux, else ru_maxrss (see module docstring)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS


def _load_redactor(model: str) -> Callable[[Document], int]:
    """Our engine, loaded; the returned detector answers the number of mentions found."""
    from redactor.engine import Engine

    engine = Engine(model)
    engine.load()

    def detect(document: Document) -> int:
        return sum(len(p.mentions) for p in engine.analyze(document).persons)
    detect.engine = engine  # type: ignore[attr-defined]  (for the second reading's timing)
    return detect


def _timed_second_reading(engine, documents: Sequence[Document]) -> dict[str, object]:
    """The second reading of each copy made with every suggestion accepted: the check
    ``apply`` and the app run before a copy is called clean (copies built before the clock)."""
    from redactor.documents import redacted_bytes
    from redactor.formats import CleanOptions
    from redactor.redaction import plan_edits

    copies = []
    for document in documents:
        decisions = engine.analyze(document)
        for person in decisions.persons:
            person.reviewed = True
        data = redacted_bytes(document, plan_edits(document.text, decisions), CleanOptions()).data
        copies.append((document, decisions, data))
    findings, started = 0, time.perf_counter()
    for document, decisions, data in copies:
        findings += len(engine.check(data, document.path, decisions, document.text))
    return {"check_s": time.perf_counter() - started, "findings": findings}


def _load_presidio(model: str) -> Callable[[Document], int]:
    """Bare Presidio on the same pipeline, loaded; the detector answers PERSON results found."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from redactor.engine import WARM_UP
    from redactor.nlp import resolve_model

    config = {"nlp_engine_name": "spacy",
              "models": [{"lang_code": "en", "model_name": resolve_model(model)}]}
    nlp_engine = NlpEngineProvider(nlp_configuration=config).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])
    # Redactor's load reads a short draft of its own (``engine.WARM_UP``); bare Presidio
    # reads it too, so neither detect time holds a first call's costs.
    analyzer.analyze(text=WARM_UP, language="en", entities=["PERSON"])
    return lambda document: len(analyzer.analyze(text=document.text, language="en",
                                                 entities=["PERSON"]))


def _timed_detect(detector: Callable[[Document], int],
                  documents: Sequence[Document]) -> dict[str, object]:
    """Detect on every document, summing time; files are read before the clock starts.

    spaCy refusing a text over ``max_length`` (E088) is reported, not raised: that is bare
    Presidio's documented limit, not a benchmark failure. Any other error still fails.
    """
    found, started = 0, time.perf_counter()
    try:
        for document in documents:
            found += detector(document)
    except ValueError as error:
        if "[E088]" not in str(error):
            raise
        return {"error": str(error).split(". ")[0]}
    return {"detect_s": time.perf_counter() - started, "found": found}


def run_child(engine: str, model: str, paths: Sequence[Path]) -> None:
    """One measurement: import, load (timed), detect (timed), then print the result as JSON.

    Imports happen before the load clock starts: both engines import the same libraries, and
    the app pays that once at start-up, not per pipeline load.
    """
    import presidio_analyzer  # noqa: F401  (import cost kept out of load_s)

    import redactor.engine  # noqa: F401
    from redactor.documents import read_document

    documents = [read_document(path) for path in paths]
    loader = _load_redactor if engine == "redactor" else _load_presidio
    started = time.perf_counter()
    detector = loader(model)
    result: dict[str, object] = {"load_s": time.perf_counter() - started,
                                 "load_kib": _peak_rss_kib()}
    result |= _timed_detect(detector, documents)
    result["peak_kib"] = _peak_rss_kib()  # detection's peak, before the second reading's
    if hasattr(detector, "engine") and "error" not in result:
        result |= _timed_second_reading(detector.engine, documents)
        result["check_peak_kib"] = _peak_rss_kib()
    print(RESULT_PREFIX + json.dumps(result), flush=True)


# --------------------------------------------------------------------------- driver side

@dataclass(frozen=True)
class Measurement:
    """What one child reported; ``error`` is set when the engine refused the text."""

    engine: str
    load_s: float
    detect_s: float | None
    load_mib: float
    peak_mib: float
    found: int | None
    error: str | None
    check_s: float | None = None  # the second reading of the copies (redactor only)
    findings: int | None = None
    check_peak_mib: float | None = None


def measure(engine: str, model: str, paths: Sequence[Path]) -> Measurement:
    """Run one engine on ``paths`` in a fresh child process of this script and parse its report."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", engine,
               "--model", model, "--child-paths", *map(str, paths)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith(RESULT_PREFIX)]
    if done.returncode != 0 or not lines:
        sys.exit(f"{engine} child failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    data = json.loads(lines[-1][len(RESULT_PREFIX):])
    return Measurement(engine, data["load_s"], data.get("detect_s"), data["load_kib"] / 1024,
                       data["peak_kib"] / 1024, data.get("found"), data.get("error"),
                       data.get("check_s"), data.get("findings"),
                       data["check_peak_kib"] / 1024 if "check_peak_kib" in data else None)


def _row(label: str, chars: int, m: Measurement) -> str:
    detect = f"{m.detect_s:9.2f}" if m.detect_s is not None else f"{'refused':>9}"
    found = f"{m.found:7d}" if m.found is not None else f"{'-':>7}"
    return (f"{label:<22} {chars:>10,} {m.engine:<9} {m.load_s:7.2f} {detect} "
            f"{m.load_mib:9.0f} {m.peak_mib:9.0f} {found}")


def _ratio_line(ours: Measurement, bare: Measurement) -> str:
    assert ours.detect_s is not None
    if bare.error is not None:
        line = f"  presidio refused the text ({bare.error}); no ratio"
    else:
        assert bare.detect_s is not None
        line = (f"  ratio detect redactor/presidio: {ours.detect_s / bare.detect_s:.2f}   "
                f"peak: {ours.peak_mib / bare.peak_mib:.2f}")
    if ours.check_s is not None:
        line += (f"\n  second reading of the copies (every suggestion accepted): {ours.check_s:.2f} s, "
                 f"{ours.check_s / ours.detect_s:.2f} x detect, {ours.findings} finding(s), "
                 f"peak {ours.check_peak_mib:.0f} MiB")
    return line


def bench_text(label: str, paths: Sequence[Path], model: str) -> None:
    """Measure both engines on the same files and print their rows and the ratio."""
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    results: dict[str, Measurement] = {}
    for engine in ENGINES:
        results[engine] = measure(engine, model, paths)
        print(_row(label, chars, results[engine]), flush=True)
    print(_ratio_line(results["redactor"], results["presidio"]), flush=True)


def corpus_files(folder: Path) -> list[Path]:
    """The corpus drafts, sorted so the run order is stable; empty when the folder is absent."""
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def write_generated(folder: Path, size_mb: float, seed: int) -> Path:
    """Write the generated text as a .txt draft, so both engines read it like a real file.

    Its length is capped at size_mb x 1,000,000 characters (all ASCII, so also bytes): for
    1 MB that stays under spaCy's max_length, so bare Presidio runs with its defaults.
    """
    path = folder / f"generated_{size_mb:g}mb.txt"
    path.write_text(generate_news(int(size_mb * 1_000_000), seed), encoding="utf-8")
    return path


HEADER = (f"{'text':<22} {'chars':>10} {'engine':<9} {'load_s':>7} {'detect_s':>9} "
          f"{'load_MiB':>9} {'peak_MiB':>9} {'found':>7}")


def _load_average() -> str:
    """The 1-minute load average: timings mean little if other work shared the CPUs."""
    try:
        return f"load average {os.getloadavg()[0]:.2f}"
    except OSError:
        return "load average unknown"


def _print_notes() -> None:
    print("load_s: pipeline load and one short warm-up draft read by each engine (imports "
          "excluded); detect_s: analyze only (files "
          "read before); load_MiB / peak_MiB: child's peak RSS (VmHWM) after load / at the end; "
          "found: mentions grouped by redactor, PERSON results for presidio. Each row is its "
          "own child process.")
    print()


def _generated_note(chars: int) -> str:
    """Say how bare Presidio meets spaCy's max_length, which it never raises by itself."""
    if chars <= SPACY_MAX_LENGTH:
        return (f"  (generated text kept at or under spaCy's max_length of {SPACY_MAX_LENGTH:,} "
                "chars: bare Presidio runs with nlp.max_length unchanged)")
    return (f"  (generated text is over spaCy's max_length of {SPACY_MAX_LENGTH:,} chars: bare "
            "Presidio refuses it, attempted anyway to show its error; redactor chunks it)")


def run_benchmark(corpus: Path, size_mb: float, model: str, seed: int) -> None:
    """The corpus, then the generated text, both engines each, timed as a whole."""
    started = time.perf_counter()
    print(f"model {model}, python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"{_load_average()} at start")
    _print_notes()
    print(HEADER, flush=True)
    files = corpus_files(corpus)
    if files:
        bench_text(f"corpus ({len(files)} files)", files, model)
    else:
        print(f"corpus skipped: no *.txt files in {corpus}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench_engine_") as folder:
        generated = write_generated(Path(folder), size_mb, seed)
        print(_generated_note(len(generated.read_text(encoding="utf-8"))), flush=True)
        bench_text(f"generated {size_mb:g} MB", [generated], model)
    print(f"\nfull run took {time.perf_counter() - started:.0f} s; {_load_average()} at end")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The public options, plus the hidden child mode the driver uses to isolate each run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="folder of *.txt drafts (default: %(default)s)")
    parser.add_argument("--size-mb", type=float, default=1.0,
                        help="size of the generated text in MB; above 1 only redactor can "
                             "analyze it (default: %(default)s)")
    parser.add_argument("--model", default="en_core_web_md",
                        help="installed spaCy pipeline name or directory (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=20240601,
                        help="seed of the generated text (default: %(default)s)")
    parser.add_argument("--child", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--child-paths", type=Path, nargs="+", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    """Drive the benchmark, or run a single measurement when started as a child."""
    args = parse_args(argv)
    if args.child and not args.child_paths:
        sys.exit("--child needs --child-paths")
    if args.child:
        run_child(args.child, args.model, args.child_paths)
    else:
        run_benchmark(args.corpus, args.size_mb, args.model, args.seed)


if __name__ == "__main__":
    main()
