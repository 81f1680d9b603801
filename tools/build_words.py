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

import gzip
import json
import sys
from importlib import resources

from distilled import ROOT, main  # tools/, beside this script

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


if __name__ == "__main__":
    sys.exit(main(__doc__.splitlines()[0], OUTPUT, build, lambda text: f"{len(text.splitlines())} words"))
