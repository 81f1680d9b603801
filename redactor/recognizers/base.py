"""What our recognizers share: a pattern for a written name and the checks on what it caught.

Names are capitalised words (``\\p{Lu}``, so "Žomart" and "Łukasz" count), initials, and the
lower-case particles of Arabic, Dutch or Portuguese names between them ("Abu Bakr al-Tamimi").
A caught span is trimmed of sentence openers and titles, and dropped where the spaCy model
itself calls it a place, an organisation or a nationality, if the rule lets the model overrule it.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from redactor.cues import MONTHS_AND_DAYS, PARTICLES, ROLE_WORDS, alternation
from redactor.name_words import (after_place_preposition, calendar_name, given_after_role, given_title, not_name_edge,
                                 sentence_start, title_case_line, title_object)
from redactor.names import QUOTED_NICKNAME, fold, is_caps
from redactor.spans import GIVEN_FIRST_HINTS

PARTICLE = alternation(PARTICLES)
NAME_WORD = r"(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*)"  # one word of a name
NAME = rf"(?P<name>{NAME_WORD}(?:[ \t]+(?:{PARTICLE}[ \t-]+)*{NAME_WORD}){{0,4}})"
# A quoted nickname between name words: 'Mduduzi "Gaw’zela" Simelane', 'Khaled "Abu" bin Salem'.
NICKNAMED = (rf"(?<![\w'’-])(?P<name>(?:{NAME_WORD}[ \t]+){{1,3}}{QUOTED_NICKNAME}[ \t]+"
             rf"(?:{PARTICLE}[ \t-]+)*{NAME_WORD}(?:[ \t]+{NAME_WORD})?)")
# An affiliation set off after a name: ", of Common Defense," (AP's way with ordinary people).
AFFILIATION = r",[ \t]+of[ \t]+(?:the[ \t]+)?\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,3},"
# The model's labels as they reach a recognizer: Presidio renames them (``nlp.ner_configuration``:
# GPE, LOC and FAC are LOCATION, ORG is ORGANIZATION, NORP is NRP) and drops the rest (dates,
# numbers, events), so these are all a veto can name. No veto at all (``ANY``): a rule whose
# frame is strong enough that nothing the model reads overrules it.
PLACES = frozenset({"LOCATION"})
NOT_NAMES = PLACES | {"ORGANIZATION", "NRP"}
ANY: frozenset[str] = frozenset()


class NameRecognizer(EntityRecognizer):
    """A Presidio recognizer of PERSON spans that trims and checks what its rules catch."""

    SCORE = 0.9

    def __init__(self, name: str) -> None:
        super().__init__(supported_entities=["PERSON"], name=name, supported_language="en")

    def load(self) -> None:
        """Nothing to load: rules only."""

    def result(self, text: str, start: int, end: int, artifacts: NlpArtifacts | None,
               hint: str = "", veto: frozenset[str] = NOT_NAMES,
               untrimmed: bool = False) -> RecognizerResult | None:
        """A PERSON result for ``text[start:end]`` once trimmed (as it is, if ``untrimmed``),
        or None if nothing name-like is left.

        ``veto`` lists the model's labels that overrule the rule when they cover the span.
        """
        span = (start, end) if untrimmed else trim(text, start, end, private=hint in GIVEN_FIRST_HINTS)
        if span is None or (artifacts is not None and _other_entity(span, artifacts, veto)):
            return None
        metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        if hint:
            metadata["hint"] = hint
        return RecognizerResult("PERSON", span[0], span[1], self.SCORE, recognition_metadata=metadata)


# What follows a name alone in a frame: the end of the clause, or the next name of a list.
_ENDS_NAME = regex.compile(r"[,.;:)\"”’]|[ \t]+(?:and|&)[ \t]+\p{Lu}")


def trim(text: str, start: int, end: int, private: bool = False) -> tuple[int, int] | None:
    """Drop sentence openers, titles, roles and months at either end ("Then", "President",
    "Witness", "May"), and the end of a title before one ("Security" of "Secretary for
    Security Chris Tang"): a capitalised role opening a caption is no part of the name. The
    rule is ``spans.not_name_edge``, shared with the spans the model proposes. In a frame
    for private people or a credit (``private``) a title or a word that is also a given
    name opens the name, or is it ("Justice Precious Long, 29": no judge is listed with an
    age among the convicted; "WILL YOUNG, HOST:"; "Justice, who's 23,")."""
    words = list(regex.finditer(r"\S+", text[start:end]))
    while words and (_not_a_name(words[0].group(), leading=len(words) > 1, alone=len(words) == 1)
                     or len(words) > 1 and title_object(text, start + words[0].start(), words[0].group())) and not (
            private and _given_here(text, start + words[0].start(), words[0].group())
            or len(words) > 1 and given_after_role(text, start + words[0].start(), words[0].group())):
        words.pop(0)
    if words and after_place_preposition(text, start + words[0].start()):
        return None  # "In Osh, a lawyer for ...": the words after "In" name a place
    while words and _not_a_name(words[-1].group(), leading=False, alone=len(words) == 1) and not (
            private and len(words) == 1 and _given_here(text, start + words[0].start(), words[0].group())):
        words.pop()
    if not words:
        return None
    return start + words[0].start(), start + words[-1].end()


def _given_here(text: str, start: int, word: str) -> bool:
    """In a frame for private people, a title, a sentence word or a day that is also a given
    name is that name: "Justice, who's 23,", "Sunday, another protester, said"; so is any
    sentence word capitalised where no sentence or headline puts a capital ("the passing of
    See and Hoi-yan Chan": a family name the lexicon does not know)."""
    bare = word.strip(".,:;")
    # The frame has read the number after it ("Sunday, 22,": an age, no date).
    return given_title(bare) or calendar_name(text, start, bare, numbers=False) or (
        bare[:1].isupper() and not is_caps(bare) and fold(bare) not in MONTHS_AND_DAYS | ROLE_WORDS
        and bool(_ENDS_NAME.match(text, start + len(bare)))
        and not sentence_start(text, start) and not title_case_line(text, start))


def _not_a_name(word: str, leading: bool, alone: bool) -> bool:
    return not_name_edge(word.strip(".,:;") or word, leading, alone=alone)


def _other_entity(span: tuple[int, int], artifacts: NlpArtifacts, veto: frozenset[str]) -> bool:
    """The model tagged this stretch as one of the ``veto`` kinds (a place, a date...)."""
    for entity in artifacts.entities:
        if entity.label_ in veto and entity.start_char <= span[0] and span[1] <= entity.end_char:
            return True
    return False
