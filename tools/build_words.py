"""Distil the list of ordinary English words Redactor ships from spaCy's lexeme frequencies.

Usage (from the repository root, in the dev environment, which pins spacy-lookups-data)::

    .venv/bin/python tools/build_words.py            # rewrites redactor/data/words.txt
    .venv/bin/python tools/build_words.py --check    # exit 1 if the shipped file is stale

Detection asks of a capitalised word whether it is an ordinary word ("Young", "Free",
"Supreme") or one that can only be a name ("Okafor", "Minh", "Nampa"). The spaCy model's
vocabulary cannot say: its word vectors cover hundreds of thousands of forms, names and
places among them. spacy-lookups-data (MIT licence, maintained by Explosion) keeps the
log-probability of each word in a large English corpus; the most frequent lower-case words
are the ordinary ones. ``COUNT`` of them, sorted, one per line, ship with the package.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "redactor" / "data" / "words.txt"
# Down to about "spliced": below that the list turns to other languages' words and to names.
COUNT = 30_000


def build() -> str:
    """The word list's text."""
    table = resources.files("spacy_lookups_data").joinpath("data", "en_lexeme_prob.json.gz")
    with table.open("rb") as compressed:
        probabilities: dict[str, float] = json.loads(gzip.decompress(compressed.read()))
    ranked = sorted(((p, w) for w, p in probabilities.items() if w.isascii() and w.isalpha() and w.islower()),
                    key=lambda item: (-item[0], item[1]))
    return "".join(word + "\n" for word in sorted(w for _, w in ranked[:COUNT]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    args = parser.parse_args()
    text = build()
    if args.check:
        same = OUTPUT.read_text(encoding="utf-8") == text
        print(f"{OUTPUT.relative_to(ROOT)}: {'up to date' if same else 'STALE: rebuild it'}")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(text.splitlines())} words, "
          f"{len(text.encode()) // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
