"""Given names, family names and place names from many countries, to tell a name from a word.

The data is distilled at build time from Faker's openly licensed name lists
(``tools/build_lexicon.py``; ``redactor/data/names.txt`` ships with the package). It is
one opinion among several: a word it does not know can still be a name, and a word it
knows ("Hope", "Said", "Georgia") can still be a word or a place. Detection uses it to
propose names the model missed and to grow a span over a first name; suggestions use it
to tell which part of a name is the given name.
"""

from __future__ import annotations

import functools
from importlib import resources

from redactor.cues import FAMILY_ENDINGS
from redactor.names import fold

GIVEN, FAMILY, PLACE, HAN, WORD_NAME = "g", "f", "p", "h", "w"


class Lexicon:
    """Folded words and what they can be: ``g`` given name, ``f`` family name, ``p`` place,
    ``h`` Han-character surname, ``w`` a name that is also an English function word ("Will",
    "May": a name only where its capital cannot come from its place in the sentence)."""

    def __init__(self, text: str) -> None:
        self._kinds: dict[str, str] = {}
        for line in text.splitlines():
            word, _, kinds = line.partition("\t")
            if word:
                self._kinds[word] = kinds

    def kinds(self, word: str) -> str:
        """What ``word`` can be, as kind letters; "" for a word the lexicon does not know.

        A hyphenated word is known when its parts are ("Ka-ho", "Jean-Luc").
        """
        folded = fold(word.strip(".'’"))
        found = self._kinds.get(folded)
        if found is None and "-" in folded:
            parts = [self._kinds.get(part, "") for part in folded.split("-") if part]
            found = "".join(sorted(set(parts[0]).intersection(*parts))) if parts else ""
        return found or ""

    def is_given(self, word: str) -> bool:
        return GIVEN in self.kinds(word)

    def is_family(self, word: str) -> bool:
        return FAMILY in self.kinds(word)

    def is_name(self, word: str) -> bool:
        kinds = self.kinds(word)
        return GIVEN in kinds or FAMILY in kinds

    def is_word_name(self, word: str) -> bool:
        return WORD_NAME in self.kinds(word)

    def is_place(self, word: str) -> bool:
        return PLACE in self.kinds(word)

    def is_han_surname(self, characters: str) -> bool:
        return HAN in self._kinds.get(characters, "")


@functools.cache
def lexicon() -> Lexicon:
    """The shipped lexicon, read once (about 55,000 words, a few megabytes in memory)."""
    return Lexicon(resources.files("redactor.data").joinpath("names.txt").read_text(encoding="utf-8"))


def family_shaped(word: str) -> bool:
    """The word ends as family names of many traditions do ("Tulegenov", "Kovalchuk",
    "Beridze"), with a stem before the ending: a shape, for words no list knows."""
    folded = fold(word.strip(".'’"))
    return any(folded.endswith(ending) and len(folded) >= len(ending) + 3 for ending in _ENDINGS)


_ENDINGS = tuple(fold(ending) for ending in FAMILY_ENDINGS)
