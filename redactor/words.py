"""Ordinary English words, to tell a word written with a capital from a name.

"Young said" and "Okafor said": both capitalised, both proper nouns to the tagger. What
tells them apart is that "young" is an everyday word and "okafor" is not. The spaCy
model's vocabulary cannot say so (its vectors cover hundreds of thousands of forms, many
names and places among them: "minh", "nampa", "okafor"), so the most frequent lower-case
English words are distilled at build time from spacy-lookups-data's word frequencies
(``tools/build_words.py``; ``redactor/data/words.txt`` ships with the package).
"""

from __future__ import annotations

import functools
from importlib import resources


@functools.cache
def english_words() -> frozenset[str]:
    """The shipped list, read once (30,000 words)."""
    text = resources.files("redactor.data").joinpath("words.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


def is_ordinary(word: str) -> bool:
    """An everyday English word, in any case ("Young", "FREE"); not "Okafor", not "Tsz-kin".
    The list is ASCII, so a word with a diacritic is never one and needs no folding."""
    return word.lower() in english_words()
