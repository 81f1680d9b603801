"""Grouping detected spans into persons, and finding every other mention of each person.

The model finds some mentions; a person is named many more times. Once a full name is
known, every whole-word occurrence of it, of its surname and of its first name (where no
other person shares it), in any case and with a possessive, is a mention of that person,
and so is a spelling one edit away from a surname. A missed mention is the worst bug this
product can have, so this step errs on finding more and lets the editor confirm.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from redactor.cues import PLACE_PREPOSITIONS
from redactor.decisions import Mention
from redactor.detection import Hit
from redactor.lexicon import lexicon
from redactor.names import WORD, display_name, fold, initials, is_caps, key, strip_possessive
from redactor.spans import Span, TextFacts, clean_spans
from redactor.variants import VariantIndex


@dataclass
class Candidate:
    """A person before suggestions: the name, every mention, and what recognizers hinted."""

    name: str
    key: tuple[str, ...]
    mentions: list[Mention] = field(default_factory=list)
    hints: set[str] = field(default_factory=set)
    note: str = ""
    sources: set[str] = field(default_factory=set)  # the recognizers that proposed it

    @property
    def first_start(self) -> int:
        return min(m.start for m in self.mentions)


class WordIndex:
    """Where each capitalised word stands in the draft, built in one pass over the text."""

    def __init__(self, text: str) -> None:
        self.capitalised: dict[str, list[tuple[int, int]]] = {}
        self.lowercase: set[str] = set()
        for match in WORD.finditer(text):
            word = strip_possessive(match.group()).rstrip(".")
            if not word:
                continue
            if word[0].isupper():
                end = match.start() + len(word)
                self.capitalised.setdefault(fold(word), []).append((match.start(), end))
            else:
                self.lowercase.add(fold(word))


def group(text: str, hits: Iterable[Hit], facts: TextFacts = TextFacts()) -> list[Candidate]:
    """Persons in order of first appearance, each with every mention found in ``text``.

    ``facts`` says what else the model read: a span stops at places and organisations, and
    a person's lone first or last name is not added where the model reads a place ("Almaty"
    the city is no mention of a "Nurlanov Almaty").
    """
    registry = _Registry()
    spans = clean_spans(text, hits, facts)
    for span in sorted(spans, key=lambda s: (-len(key(text[s.start:s.end])), s.start)):
        registry.assign(text, span)
    people = registry.people
    _expand(text, people, WordIndex(text), facts.place)
    for person in people:
        person.mentions.sort(key=lambda m: m.start)
    return sorted((p for p in people if p.mentions), key=lambda p: p.first_start)


class _Registry:
    """The persons found so far, indexed so each new span finds its owner without a scan."""

    def __init__(self) -> None:
        self.people: list[Candidate] = []
        self._by_key: dict[tuple[str, ...], Candidate] = {}
        self._by_token: dict[str, list[Candidate]] = {}
        self._by_initials: dict[str, list[Candidate]] = {}
        self._by_part: dict[str, list[Candidate]] = {}
        self._variants = VariantIndex([])

    def assign(self, text: str, span: Span) -> None:
        surface = text[span.start:span.end]
        name_key = key(surface)
        if not name_key:
            return
        owner, variant, note = self._owner(surface, name_key)
        if owner is None:
            owner = self._add(Candidate(display_name(surface), name_key, note=note))
        owner.mentions.append(Mention(span.start, span.end, surface, variant=variant))
        owner.hints |= span.hints
        owner.sources |= span.sources

    def _add(self, person: Candidate) -> Candidate:
        self.people.append(person)
        self._by_key[person.key] = person
        for token in set(person.key):
            self._by_token.setdefault(token, []).append(person)
        if len(person.key) > 1:
            self._by_initials.setdefault(fold(initials(person.name).replace(".", "")), []).append(person)
            family = person.key[-1]  # only a surname has spelling variants: two given names are two people
            self._by_part.setdefault(family, []).append(person)
            self._variants.add(family)
        return person

    def _owner(self, surface: str, name_key: tuple[str, ...]) -> tuple[Candidate | None, bool, str]:
        """The person a span belongs to, whether it is a spelling variant, and a note if ambiguous."""
        if name_key in self._by_key:
            return self._by_key[name_key], False, ""
        same = [p for p in self._by_token.get(name_key[0], ()) if _contains(p.key, name_key)]
        if len(same) == 1:
            return same[0], False, ""
        if len(same) > 1:
            return None, False, "could be " + " or ".join(p.name for p in same)
        if len(name_key) > 1:
            return None, False, ""
        if is_caps(surface) and len(self._by_initials.get(name_key[0], ())) == 1:
            return self._by_initials[name_key[0]][0], False, ""
        match = None if lexicon().is_given(name_key[0]) else self._variants.lookup(name_key[0])
        if match is not None and len(self._by_part[match]) == 1:
            return self._by_part[match][0], True, ""
        return None, False, ""


def _contains(whole: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """True when ``part`` is a run of ``whole``'s tokens that names the person on its own.

    A lone token counts only as the first or last name; a run of several tokens counts
    anywhere ("Thwate Khaing" within "Mya Thwate Thwate Khaing").
    """
    if len(part) >= len(whole):
        return False
    if len(part) == 1:
        return part[0] in (whole[0], whole[-1]) and len(part[0]) > 1
    return any(whole[i:i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def _expand(text: str, people: list[Candidate], index: WordIndex, place: bytes) -> None:
    """Add every other occurrence of each person's names, and their spelling variants."""
    taken = bytearray(len(text))
    for person in people:
        for m in person.mentions:
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    owners: dict[tuple[str, ...], list[Candidate]] = {}
    for person in people:
        for form in _forms(person, index):
            owners.setdefault(form, []).append(person)
    for form in sorted(owners, key=len, reverse=True):
        for start, end in _occurrences(text, form, index):
            if not any(taken[start:end]) and not (len(form) == 1 and _place_here(text, start, end, place)):
                owner = owners[form][0] if len(owners[form]) == 1 else _ambiguous(form, owners[form], people)
                owner.mentions.append(Mention(start, end, text[start:end]))
                taken[start:end] = b"\x01" * (end - start)
    _add_variants(text, people, index, taken)


def _place_here(text: str, start: int, end: int, place: bytes) -> bool:
    """A lone name word is not added where it names a place: the model reads a place here,
    and the word follows "in", "near"... or the lexicon knows it as a place. The model's
    label alone is a guess (it reads many unfamiliar names as places: "Ysolde left."), and a
    missed mention is worse than a false one."""
    if not any(place[start:end]):
        return False
    before = re.search(r"([^\W\d_]+)[ \t]+$", text[max(0, start - 20):start])
    return (lexicon().is_place(text[start:end])
            or before is not None and fold(before.group(1)) in PLACE_PREPOSITIONS)


def _forms(person: Candidate, index: WordIndex) -> set[tuple[str, ...]]:
    """The token sequences that name ``person`` on their own: mentions, first and last name."""
    forms = {key(m.text) for m in person.mentions if not m.variant}
    if len(person.key) > 1:
        for part in (person.key[0], person.key[-1]):
            if len(part) > 1 and part not in index.lowercase:  # "main" in lower case: a word here
                forms.add((part,))
    return {f for f in forms if f and sum(map(len, f)) > 1}


def _occurrences(text: str, form: tuple[str, ...], index: WordIndex) -> Iterable[tuple[int, int]]:
    """Whole-word occurrences of the token sequence ``form`` starting with a capital letter."""
    if len(form) == 1:
        yield from index.capitalised.get(form[0], ())
        return
    following = re.compile(r"[\s.]+".join(WORD.pattern for _ in form[1:]))
    for start, end in index.capitalised.get(form[0], ()):
        gap = re.match(r"\.?[ \t]+", text[end:end + 4])
        rest = following.match(text, end + gap.end()) if gap else None
        if rest and key(strip_possessive(rest.group())) == form[1:]:
            last = rest.end() - (len(rest.group()) - len(strip_possessive(rest.group())))
            yield start, last


def _add_variants(text: str, people: list[Candidate], index: WordIndex, taken: bytearray) -> None:
    """A capitalised word one edit from a surname is that person's, marked as a variant."""
    parts = {p.key[-1]: p for p in people if len(p.key) > 1}
    variants = VariantIndex(list(parts))
    for word, places in index.capitalised.items():
        if word in parts or word in index.lowercase or lexicon().is_given(word):
            continue
        match = variants.lookup(word)
        if match is None:
            continue
        for start, end in places:
            if not any(taken[start:end]):
                parts[match].mentions.append(Mention(start, end, text[start:end], variant=True))
                taken[start:end] = b"\x01" * (end - start)


def _ambiguous(form: tuple[str, ...], candidates: list[Candidate], people: list[Candidate]) -> Candidate:
    """A lone name shared by several persons becomes its own person, flagged for the editor."""
    for person in people:
        if person.key == form:
            return person
    person = Candidate(" ".join(t.title() for t in form), form,
                       note="could be " + " or ".join(p.name for p in candidates))
    people.append(person)
    return person
