"""From what recognizers proposed to name spans: the whole name, and nothing but the name.

Two ways a span goes wrong, and both print a name that should be withheld:

- too short: the model tags only "Omarbekov" of "Kairat Omarbekov", the suggestion keeps
  the first name, and "Kairat [name withheld]" is printed. So a span grows over the
  capitalised name words beside it (``growth``).
- too long: "told The Associated Press. Zhunusova's brother" read as one name, whose first
  name is then "Associated". So a span never crosses a sentence end, a line break (but for
  a name hard-wrapped inside a paragraph) or a place the model labels as such.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from redactor.cues import HONORIFICS, PARTICLES, ROLE_WORDS, not_name_words
from redactor.facts import TextFacts
from redactor.growth import ABBREVIATED_NAME, OPENING_PARTICLE, extend, place_word
from redactor.lexicon import lexicon
from redactor.name_words import (calendar_name, capitalised_name_word, given_after_role, given_in_list, given_title,
                                 not_name_edge)
from redactor.names import WORD, fold, is_initial, strip_possessive, tokens
from redactor.plausibility import unlikely_person

MODEL_RECOGNIZER = "SpacyRecognizer"  # Presidio's name for the spaCy model's own results
FRAME_RECOGNIZER = "ReportingFrameRecognizer"  # its one-word names are trimmed already
# The hint of a frame that gives the person's role ("Justice Bush, their attorney,"): a
# title that is also a given name, and is not that role, is the given name.
TITLED = "titled"
# The hint of a span a rule has judged whole (a speaker's label, a name around a quoted
# nickname, a name written small): no span rule trims or grows it again.
WHOLE = "whole"
# Hints under which a title or a day that is also a given name opens the name.
GIVEN_FIRST_HINTS = frozenset({"private", "byline", TITLED})
_LIST_JOIN = re.compile(r",?[ \t]+(?:and|&)[ \t]+|,[ \t]+")
_WRAPPED = re.compile(r"[ \t]*\r?\n[ \t]*")
# No name runs across a sentence end (. ! or ? before a capital or a name opening with a
# particle: "downtown Santiago. de la Cruz is") or a label's colon ("HO: Repeat that").
_SENTENCE_END = regex.compile(rf"(?<=\p{{L}}\p{{L}}|\p{{Ll}})[.!?][\"”’)\]]*[ \t]+"
                              rf"(?=[\"“‘(]?\p{{Lu}}|(?:{OPENING_PARTICLE})[ \t-]+\p{{Lu}})|(?<=\p{{L}}):[ \t]+")


@dataclass
class Span:
    """A cleaned-up detected span: the name only, no title, punctuation or possessive.

    ``sources`` are the recognizers that proposed it: how many independent opinions a
    name has decides its tier.
    """

    start: int
    end: int
    hints: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)


def clean_spans(text: str, hits: Iterable, facts: TextFacts = TextFacts()) -> list[Span]:
    """Trim hits to their name tokens, extend them to the whole name, merge overlaps."""
    spans = []
    for hit in hits:
        for start, end in _hit_spans(text, hit, facts):
            spans.append(Span(start, end, set(hit.hints), {hit.recognizer}))
    return _join_wrapped(text, _merge(sorted(spans, key=lambda s: (s.start, -s.end))))


def _hit_spans(text: str, hit, facts: TextFacts) -> list[tuple[int, int]]:
    """A mailbox or handle ("ilyas.tokayev") is taken as it is, and so is a span a rule
    judged whole ("SAID:", 'Justice "Penguin" Bush': hint ``WHOLE``); a name is cut at sentence
    ends and line breaks, trimmed and grown, unless only the model proposed it and the
    words around it say it is no person."""
    if hit.hints & {"address", WHOLE}:
        return [(hit.start, hit.end)]
    parts = []
    model = hit.recognizer == MODEL_RECOGNIZER and not hit.hints
    # A frame for private people has judged its words ("the trial of Dinara Utepov"): a word
    # the model reads as a place elsewhere is not cut from it.
    places = facts.place_words if not (model or "private" in hit.hints) else frozenset()
    # One word a frame caught, or a name written small it judged whole ("identified as von
    # ossen (21)"): no capital to trim by.
    surface = text[hit.start:hit.end]
    lone = hit.recognizer == FRAME_RECOGNIZER and (not regex.search(r"\s", surface) or surface.islower())
    pieces = [(hit.start, hit.end)] if lone else _name_parts(text, hit.start, hit.end, facts, places,
                                                             private=bool(hit.hints & GIVEN_FIRST_HINTS))
    for start, end in pieces:  # "a protester named Justice": the frame has judged the word
        if model and (unlikely_person(text, start, end) or fold(text[start:end]) in facts.place_words):
            continue  # "teams to Kendari": a word the model reads as a place elsewhere here
        parts.append(extend(text, start, end, facts))
    return parts


def _name_parts(text: str, start: int, end: int, facts: TextFacts,
                places: frozenset[str], private: bool = False) -> Iterable[tuple[int, int]]:
    """The name pieces of a hit: cut at sentence ends and line breaks, without titles, role
    words or places at either end ("Mr.", "Protester", "Georgia" of "In Georgia Levan
    Kapanadze", "Almaty" of a keywords field's "Nurlanov Almaty")."""
    for piece_start, piece_end in _pieces(text, start, end):
        found = _after_title([m for m in WORD.finditer(text, piece_start, piece_end)])
        one = found[0] if len(found) == 1 else None  # "ask Said about it", "Will, Priya, Rustam"
        if not (one and (capitalised_name_word(text, one.start(), one.group())
                         or given_in_list(text, one.start(), one.group()))):
            while found and _not_leading(text, found, facts, places, private):
                found.pop(0)  # a lone word is judged as a surname: "Bishop" the model calls a person
            while found and _not_trailing(found, places):
                found.pop()  # "María de": a particle ends no name; "LE:" alone is a surname
        if not found:
            continue
        first, last = found[0], found[-1]
        last_end = last.start() + len(strip_possessive(last.group()))
        if text[last_end - 1] == "." and not is_initial(last.group()):
            last_end -= 1  # a sentence's full stop, not an initial's
        yield first.start(), last_end


def _after_title(found: list[re.Match[str]]) -> list[re.Match[str]]:
    """The words after a title inside the span: "Interior Minister", "Police Chief" and
    "Deputy Prime Minister" are one title each, and only the title's last word is a role
    word. Cut there when that word is no name too ("Bishop", "Judge") and every word before
    it is a role word or no name at all: a name never holds "Minister" inside it."""
    for index in range(len(found) - 2, 0, -1):
        word = fold(found[index].group())
        if word in ROLE_WORDS and not lexicon().is_name(word) and all(
                fold(w.group()) in ROLE_WORDS or not lexicon().is_name(w.group()) for w in found[:index]):
            return found[index + 1:]
    return found


def _not_leading(text: str, found: list[re.Match[str]], facts: TextFacts, places: frozenset[str],
                 private: bool) -> bool:
    """The first of ``found`` opens no name: a title, a sentence word, a place after "in"...;
    in a private frame a title that is also a given name does ("her son Justice Okafor")."""
    word, many = found[0], len(found) > 1
    if many and (private or fold(word.group()) not in ROLE_WORDS) and given_title(word.group()) or (
            many and given_after_role(text, word.start(), word.group())):
        return False  # "Will Price is the editor", "spokeswoman Justice Bush"
    if many and place_word(text, word.start(), word.end(), facts):
        return True
    return not_name_edge(word.group(), many, places if many else frozenset(), alone=not many) and not (
        many and calendar_name(text, word.start(), word.group()))


def _not_trailing(found: list[re.Match[str]], places: frozenset[str]) -> bool:
    """A particle written small ends no name ("María de"); written with a capital after a
    name word, or alone, it is the family name ("Nguyen Van Le", 'Arnon "Gaw’zela" Le',
    "ask Le about it"), but for one letter ("Y")."""
    word, many = found[-1].group(), len(found) > 1
    return not_name_edge(word, False, places if many else frozenset(), alone=not many) or (
        fold(word) in PARTICLES and (word.islower() or not many and len(strip_possessive(word)) < 2))


def _pieces(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """``text[start:end]`` cut at line breaks, sentence ends and a list's joins."""
    for line in re.finditer(r"[^\r\n]+", text[start:end]):
        piece_start = start + line.start()
        for stop in _SENTENCE_END.finditer(text, piece_start, start + line.end()):
            if not _abbreviation(text, piece_start, stop.start()):
                yield from _items(text, piece_start, stop.start() + 1)
                piece_start = stop.end()
        yield from _items(text, piece_start, start + line.end())


def _items(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """``text[start:end]`` cut where a list joins two items: no name holds "and" or a comma
    ("the passing of Juparidze and Min Lwin", which the model read as one person)."""
    for join in _LIST_JOIN.finditer(text, start, end):
        yield start, join.start()
        start = join.end()
    yield start, end


def _abbreviation(text: str, start: int, dot: int) -> bool:
    """'Mr.', 'Dr.', an initial, or a short given name cut after an initial ("J. Matt.
    Corley") before a full stop: no sentence ends there."""
    word = re.search(r"[^\W\d_]+$", text[max(start, dot - 12):dot])
    return word is not None and (len(word.group()) == 1 or fold(word.group()) in HONORIFICS
                                 or ABBREVIATED_NAME.search(text, max(start, dot - 12), dot) is not None)


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if merged and span.start < merged[-1].end:
            merged[-1].end = max(merged[-1].end, span.end)
            merged[-1].hints |= span.hints
            merged[-1].sources |= span.sources
        else:
            merged.append(span)
    return merged


def _join_wrapped(text: str, spans: Sequence[Span]) -> list[Span]:
    """A name hard-wrapped over two lines ("Bezshan\\n      Nurlanov") is one span.

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
                joined[-1].sources |= span.sources
                continue
        joined.append(span)
    return joined


def _mid_line(text: str, span: Span) -> bool:
    return bool(text[text.rfind("\n", 0, span.start) + 1:span.start].strip())
