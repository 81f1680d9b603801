"""What the model read around the names, kept for the rules that shape name spans.

The tagger's proper nouns, the entities of other kinds (organisations, dates), the places,
and the lower-case words the vocabulary knows: ``spans`` grows and cuts names by them,
``grouping`` finds repeats by them, and the second reading of a copy weighs its words by
them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from redactor.cues import LOCATIVES, MONTHS_AND_DAYS
from redactor.names import WORD, fold, is_caps
from redactor.plausibility import dateline_places


@dataclass(frozen=True)
class TextFacts:
    """What the model read around the names: where the tagger calls a token a proper noun
    (a mask over the text), the entities of other kinds it reads (organisations, dates),
    the places, and the lower-case words that are ordinary words (known to its vocabulary).
    Empty means nothing is known: every capitalised word may then be a name."""

    proper: bytes = b""
    others: tuple[tuple[int, int], ...] = ()
    places: tuple[tuple[int, int], ...] = ()
    place_words: frozenset[str] = frozenset()
    common_words: frozenset[str] | None = None

    @staticmethod
    def of(text: str, proper: Iterable[tuple[int, int]] = (), others: Iterable[tuple[int, int]] = (),
           places: Iterable[tuple[int, int]] = (), common_words: Iterable[str] | None = None) -> TextFacts:
        """Facts over ``text``; ``place_words`` are the one-word places the model reads in
        mixed case anywhere in it ("Almaty"), which no name span made by a rule may end in,
        and the places its datelines name ("são paulo")."""
        places = sorted(places)
        mask = bytearray(len(text))
        for start, end in proper:
            mask[start:end] = b"\x01" * (end - start)
        common = frozenset(fold(w) for w in common_words) if common_words is not None else None
        return TextFacts(bytes(mask), tuple(sorted(others)), tuple(places),
                         _place_words(text, places) | dateline_places(text), common)

    def tagged_proper(self, start: int, end: int) -> bool | None:
        """Whether the tagger calls the word at ``start`` a proper noun; None if untagged."""
        return bool(any(self.proper[start:end])) if self.proper else None

    def is_other(self, start: int, end: int, name: tuple[int, int]) -> bool:
        """An organisation, a date... the model reads here, and not over the name beside it:
        "María de la Vega" read as one organisation is the model's reading of the name."""
        entity = _containing(self.others, start, end)
        return entity is not None and not (entity[0] < name[1] and name[0] < entity[1])

    def other_is(self, start: int, end: int) -> bool:
        """The model reads exactly ``start:end`` alone as an organisation, a nationality..."""
        return _containing(self.others, start, end) == (start, end)

    def in_other(self, start: int, end: int) -> bool:
        """Inside an organisation, a nationality... the model reads ("Lebanese")."""
        return _containing(self.others, start, end) is not None

    def is_place(self, start: int, end: int) -> bool:
        """A place the model reads that ends with this word: "Georgia" before "Levan
        Kapanadze", not "Saule" of a "Saule Zhaksybek" the model reads as one place."""
        entity = _containing(self.places, start, end)
        return entity is not None and entity[1] == end

    def in_place(self, start: int, end: int) -> bool:
        return _containing(self.places, start, end) is not None

    def is_common(self, word: str) -> bool:
        """A word whose lower-case form the model's vocabulary knows ("young", "free"), not a
        name written small ("beridze"). Unknown (no facts): every word is taken as common."""
        return self.common_words is None or fold(word) in self.common_words


def _place_words(text: str, places: Sequence[tuple[int, int]]) -> frozenset[str]:
    """One-word places the model reads in mixed case, at least once after "in", "from",
    "to"... and before no other capitalised word but a day or a month ("in Minsk Sunday"):
    without that, its label is a guess (it reads unfamiliar surnames as places,
    "Adeyemi said" among them, again and again)."""
    words = set()
    for start, end in places:
        if WORD.fullmatch(text, start, end) and not is_caps(text[start:end]):
            before = re.search(r"([^\W\d_]+)[ \t]+$", text[max(0, start - 20):start])
            after = re.match(r"[ \t]+([^\W\d_]+)", text[end:end + 20])
            if before is not None and fold(before.group(1)) in LOCATIVES and not (
                    after and after.group(1)[0].isupper() and fold(after.group(1)) not in MONTHS_AND_DAYS):
                words.add(fold(text[start:end]))  # not "in Farhana Patel Trial": a name the model cut
    return frozenset(words)


def _containing(spans: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The entity (the model's entities never overlap) that holds ``start:end``, if any."""
    index = bisect.bisect_right(spans, (start, _FAR)) - 1
    if index >= 0 and spans[index][0] <= start and end <= spans[index][1]:
        return spans[index]
    return None


_FAR = 1 << 62
