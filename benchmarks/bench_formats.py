"""How long reading, redacting and leak-checking a large Word draft takes, beside python-docx.

Builds a .docx of about ``--size-mb`` megabytes of wire-style text (invented names,
seeded), then times, each the best of ``--repeat`` runs:

* python-docx reading the body's paragraphs (the reference: a library that reads less);
* Redactor's reader (every part, with the slots needed to write back);
* rebuilding the file with one edit per mention of the protester's name, then cleaning it;
* the leak check's walk over every string the container stores (nested packages, picture
  metadata and binary parts included);
* the leak search itself: every string normalised (escapes, look-alikes, invisible
  characters) and searched for a withheld name, whole or inside longer words.

Run: ``.venv/bin/python benchmarks/bench_formats.py [--size-mb 1] [--repeat 3]``.
No model is loaded: detection is measured by bench_engine.py.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import time
from collections.abc import Callable

from docx import Document as new_docx

from redactor.decisions import Decisions, Person
from redactor.formats import CleanOptions
from redactor.formats.docx import DOCX
from redactor.formats.textmap import Edit
from redactor.leaks import LeakSearch

SENTENCES = [
    "Protesters gathered again on Monday, said Bezshan Nurlanov, 24, a student.",
    "Police detained dozens near the square, witnesses said.",
    "His sister Aigerim Nurlanova said he had been beaten in custody.",
    "Officials did not respond to requests for comment on Tuesday.",
]


def build(size: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    document = new_docx()
    written = 0
    while written < size:
        paragraph = " ".join(rng.choice(SENTENCES) for _ in range(5))
        document.add_paragraph(paragraph)
        written += len(paragraph) + 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def best(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    raw = build(int(args.size_mb * 1_000_000))
    text = DOCX.extract(raw).text
    edits = [Edit(m.start(), m.end(), "Bezshan") for m in re.finditer("Bezshan Nurlanov", text)]
    rebuilt = DOCX.rebuild(raw, edits, CleanOptions()).data
    reference = best(args.repeat, lambda: [p.text for p in new_docx(io.BytesIO(raw)).paragraphs])
    review = Decisions("draft.docx", "0" * 64, [Person("p1", "Bezshan Nurlanov", "private", "remove", "")])
    stored = DOCX.strings(rebuilt)
    copy_text = DOCX.extract(rebuilt).text

    def search() -> None:
        leaks = LeakSearch(review)
        leaks.find(copy_text)
        for place, value in stored:
            leaks.find(value, place)

    rows = [
        ("python-docx, body paragraphs", reference),
        ("redactor extract (every part)", best(args.repeat, lambda: DOCX.extract(raw))),
        (f"redactor rebuild ({len(edits):,} edits) + clean",
         best(args.repeat, lambda: DOCX.rebuild(raw, edits, CleanOptions()))),
        (f"leak-check strings ({len(stored):,})", best(args.repeat, lambda: DOCX.strings(rebuilt))),
        ("leak search (text and strings, normalised)", best(args.repeat, search)),
    ]
    print(f"Word draft: {len(raw):,} bytes, {len(text):,} characters of text; best of {args.repeat}")
    for label, seconds in rows:
        print(f"{label:<42} {seconds:7.3f} s   ratio to python-docx {seconds / reference:5.2f}")


if __name__ == "__main__":
    main()
