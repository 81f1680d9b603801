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

from redactor.decisions import Mention
from redactor.detection import Hit
from redactor.cues import HONORIFICS, not_name_words
from redactor.names import (WORD, display_name, fold, initials, is_caps, is_initial, key,
                            strip_possessive, tokens)
from redactor.plausibility import unlikely_person
from redactor.variants import VariantIndex

MODEL_RECOGNIZER = "SpacyRecognizer"  # Presidio's name for the spaCy model's own results
_NEXT_LEFT = re.compile(r"(?<![\w.'’-])([^\W\d_][\w'’-]*\.?) $")
_NEXT_RIGHT = re.compile(r" ([^\W\d_][\w'’-]*)(?![\w'’-])")
_WRAPPED = re.compile(r"[ \t]*\r?\n[ \t]*")


@dataclass
class Span:
    """A cleaned-up detected span: the name only, no title, punctuation or possessive."""

    start: int
    end: int
    hints: set[str] = field(default_factory=set)


@dataclass
class Candidate:
    """A person before suggestions: the name, every mention, and what recognizers hinted."""

    name: str
    key: tuple[str, ...]
    mentions: list[Mention] = field(default_factory=list)
    hints: set[str] = field(default_factory=set)
    note: str = ""

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


def clean_spans(text: str, hits: Iterable[Hit]) -> list[Span]:
    """Trim hits to their name tokens, extend them to the whole name, merge overlaps."""
    spans = [Span(start, end, {hit.hint} if hit.hint else set())
             for hit in hits for start, end in _hit_spans(text, hit)]
    return _join_wrapped(text, _merge(sorted(spans, key=lambda s: (s.start, -s.end))))


def _join_wrapped(text: str, spans: list[Span]) -> list[Span]:
    """A name hard-wrapped over two lines ("Bezshan\n      Nurlanov") is one span.

    Wrapped plain text and HTML source split names this way; read as two persons, the
    surname would be suggested as a first name and kept. Two spans join across one line
    break when the first ends a line of prose (words before it on its line), one of them
    is a single word and together they are at most three words: two full names on
    consecutive lines, or a name alone on its line (a paragraph, a caption), stay apart.
    """
    joined: list[Span] = []
    for span in spans:
        if joined and _WRAPPED.fullmatch(text, joined[-1].end, span.start) and _mid_line(text, joined[-1]):
            before, after = (len(text[s.start:s.end].split()) for s in (joined[-1], span))
            words = tokens(text[joined[-1].start:span.end])
            if min(before, after) == 1 and before + after <= 3 and not any(
                    fold(word) in not_name_words() for word in words):
                joined[-1].end = span.end
                joined[-1].hints |= span.hints
                continue
        joined.append(span)
    return joined


def _mid_line(text: str, span: Span) -> bool:
    return bool(text[text.rfind("\n", 0, span.start) + 1:span.start].strip())


def _hit_spans(text: str, hit: Hit) -> Iterable[tuple[int, int]]:
    """A mailbox or handle ("ilyas.tokayev") is taken as it is; a name is trimmed and grown,
    unless only the model proposed it and the words around it say it is no person."""
    if hit.hint == "address":
        return [(hit.start, hit.end)]
    return [_extend(text, start, end) for start, end in _name_parts(text, hit.start, hit.end)
            if hit.hint or hit.recognizer != MODEL_RECOGNIZER or not unlikely_person(text, start, end)]


def _name_parts(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    for line in re.finditer(r"[^\r\n]+", text[start:end]):
        found = list(WORD.finditer(line.group()))
        while found and (fold(found[0].group().rstrip(".")) in HONORIFICS
                         or not _has_capital(found[0].group())):
            found.pop(0)  # "Mr.", or "https" of a link the model read as a name
        while found and not _has_capital(found[-1].group()):
            found.pop()
        if not found:
            continue
        first, last = found[0], found[-1]
        base = start + line.start()
        last_end = base + last.start() + len(strip_possessive(last.group()))
        if text[last_end - 1] == "." and not is_initial(last.group()):
            last_end -= 1  # a sentence's full stop, not an initial's
        yield base + first.start(), last_end


def _has_capital(word: str) -> bool:
    """A name word has a capital somewhere: "Nurlanov", "al-Masri", "McKay"; "https" has none."""
    return any(char.isupper() for char in word)


def _extend(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a span over capitalised name words beside it ("spokeswoman Aliya [Dosova]").

    The model often tags only the surname of an unfamiliar name; the first name then leaks.
    Titles, role words, months and sentence openers stop the growth.
    """
    while (before := _NEXT_LEFT.search(text, max(0, start - 100), start)) and _name_word(before.group(1)):
        start = before.start(1)
    while (after := _NEXT_RIGHT.match(text, end)) and _name_word(after.group(1)):
        end = after.end(1)
    return start, end


def _name_word(word: str) -> bool:
    folded = fold(word.rstrip("."))
    return (word[0].isupper() and not is_caps(word) or is_initial(word)) and folded not in not_name_words()


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if merged and span.start < merged[-1].end:
            merged[-1].end = max(merged[-1].end, span.end)
            merged[-1].hints |= span.hints
        else:
            merged.append(span)
    return merged


def group(text: str, hits: Iterable[Hit], places: Iterable[tuple[int, int]] = ()) -> list[Candidate]:
    """Persons in order of first appearance, each with every mention found in ``text``.

    ``places`` are stretches the model calls a place: a person's lone first or last name is
    not added there ("Almaty" the city is no mention of a "Nurlanov Almaty").
    """
    registry = _Registry()
    spans = clean_spans(text, hits)
    for span in sorted(spans, key=lambda s: (-len(key(text[s.start:s.end])), s.start)):
        registry.assign(text, span)
    people = registry.people
    _expand(text, people, WordIndex(text), places)
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

    def _add(self, person: Candidate) -> Candidate:
        self.people.append(person)
        self._by_key[person.key] = person
        for token in set(person.key):
            self._by_token.setdefault(token, []).append(person)
        if len(person.key) > 1:
            self._by_initials.setdefault(fold(initials(person.name).replace(".", "")), []).append(person)
            for part in {person.key[0], person.key[-1]}:
                self._by_part.setdefault(part, []).append(person)
                self._variants.add(part)
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
        match = self._variants.lookup(name_key[0])
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


def _expand(text: str, people: list[Candidate], index: WordIndex,
            places: Iterable[tuple[int, int]]) -> None:
    """Add every other occurrence of each person's names, and their spelling variants."""
    place = bytearray(len(text))
    for start, end in places:
        place[start:end] = b"\x01" * (end - start)
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
            if not any(taken[start:end]) and not (len(form) == 1 and any(place[start:end])):
                owner = owners[form][0] if len(owners[form]) == 1 else _ambiguous(form, owners[form], people)
                owner.mentions.append(Mention(start, end, text[start:end]))
                taken[start:end] = b"\x01" * (end - start)
    _add_variants(text, people, index, taken)


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
        if word in parts or word in index.lowercase:
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
