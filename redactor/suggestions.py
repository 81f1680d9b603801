"""Turning grouped candidates into persons with a suggested role, action and replacement.

AP practice: private people at risk keep only their first name, public figures and the
people credited for the story are kept. The role comes from the evidence scorer
(``evidence.py``); this module picks the action and the replacement, and holds to one
rule whatever the evidence says: a suggestion never prints a withheld name. A first name
is kept only where the text shows it is one; a lone name that may be a surname gets the
placeholder; no replacement shows a word withheld for anyone.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator

from redactor import PLACEHOLDER
from redactor.decisions import Mention, Person
from redactor.evidence import PRIVATE, PUBLIC, first_name_evidence, gather, title_as_given, weigh
from redactor.grouping import Candidate
from redactor.leaks import withheld_tokens
from redactor.names import display_name, fold, key, tokens
from redactor.recognizers import POSSIBLE_SOURCES
from redactor.replacements import given_name, replacement_for

ADDRESS_PLACEHOLDER = "withheld"  # "mailto:withheld@example.org": no space inside a link


def suggest(text: str, candidates: Iterable[Candidate], keep: Iterable[str] = (),
            redact: Iterable[str] = ()) -> list[Person]:
    """Persons with a suggested role, action and replacement, none reviewed yet."""
    keep_keys, redact_keys = _name_keys(keep), _name_keys(redact)
    candidates = list(candidates)
    taken = sorted((m.start, m.end) for c in candidates for m in c.mentions)
    persons: list[Person] = []
    for number, candidate in enumerate(_split_shared_names(text, _split_variants(text, candidates)), start=1):
        if _is_address(candidate):
            persons.append(_address_person(f"p{number}", candidate))
            continue
        names = {fold(" ".join(tokens(m.text))) for m in candidate.mentions} | {fold(candidate.name)}
        listed = "redact" if names & redact_keys else "keep" if names & keep_keys else ""
        suggestion = weigh(text, candidate.mentions, candidate.hints, listed)
        given = _title_read_as_given(text, candidate, taken) if suggestion.role == "private" else ""
        action, why = _action(text, candidate, suggestion.role)
        reason = "; ".join(part for part in (suggestion.reason, given, why, candidate.note) if part)
        persons.append(Person(id=f"p{number}", name=candidate.name, role=suggestion.role,
                              action=action, replacement=replacement_for(candidate.name, action),
                              mentions=candidate.mentions, reason=reason, tier=_tier(candidate),
                              evidence=[e.describe(text) for e in suggestion.evidence]))
    _reveal_no_withheld_name(persons)
    return persons


def _action(text: str, candidate: Candidate, role: str) -> tuple[str, str]:
    """``first_name`` only where a given name is shown; otherwise the placeholder."""
    if role != "private":
        return "keep", ""
    if len(candidate.key) > 1:
        if given_name(candidate.name):
            return "first_name", ""
        return "placeholder", "which word is the given name is not clear: the whole name is withheld"
    if first_name_evidence(text, candidate.mentions):
        return "first_name", ""
    return "placeholder", "a lone name not shown to be a first name (it may be a surname): withheld"


def _title_read_as_given(text: str, candidate: Candidate, taken: list[tuple[int, int]]) -> str:
    """A private person holds no office, so a title that is also a given name right before
    a one-word mention is that person's given name ("the murdered Justice Young"): the
    mention grows to hold it, and the person is named by both words."""
    grown = []
    for index, mention in enumerate(candidate.mentions):
        start = title_as_given(text, mention)
        if start is not None and not _inside(taken, start):
            candidate.mentions[index] = Mention(start, mention.end, text[start:mention.end],
                                                variant=mention.variant)
            grown.append(candidate.mentions[index])
    if not grown:
        return ""
    candidate.name, candidate.key = display_name(grown[0].text), key(grown[0].text)
    return f"'{tokens(grown[0].text)[0]}' before the name read as the given name of a private person"


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """``offset`` lies in one of ``spans`` (sorted, none overlapping)."""
    index = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def _tier(candidate: Candidate) -> str:
    """A name only weak sources propose is a possible name, listed apart for the editor."""
    return "possible" if candidate.sources and candidate.sources <= POSSIBLE_SOURCES else ""


def _split_variants(text: str, candidates: Iterable[Candidate]) -> Iterator[Candidate]:
    """A spelling variant described as a private person is not joined to a public figure:
    "Daniela", a student, is no mention of President Daniel Ortega."""
    for candidate in candidates:
        variants = [m for m in candidate.mentions if m.variant]
        if not variants:  # nothing to split: the evidence is read once, when the person is weighed
            yield candidate
            continue
        public = [e.kind for e in gather(text, [m for m in candidate.mentions if not m.variant])]
        split = [m for m in variants if PUBLIC in public and PRIVATE not in public
                 and any(e.kind == PRIVATE for e in gather(text, [m]))]
        if split:
            candidate.mentions = [m for m in candidate.mentions if m not in split]
        yield candidate
        for mention in split:
            mention.variant = False
            yield Candidate(display_name(mention.text), key(mention.text), [mention],
                            note=f"spelled like {candidate.name}, but described as a private person",
                            sources=candidate.sources)


def _split_shared_names(text: str, candidates: Iterable[Candidate]) -> Iterator[Candidate]:
    """Mentions that may be someone else, split from a public figure the text describes
    elsewhere: a lone surname two persons share ("TRAN:", where President Tran and a
    protester Arnon Tran both speak) kept only where its own words show the office; a full
    name first seen after the surname alone was described as a public figure's, and never
    described so itself ("the Okonjo administration ... Tunde Okonjo's late goal"). Split off,
    they are weighed on their own, as a person the text says nothing of: redaction suggested.
    Where a mention says the person is private, nothing is split: the name is withheld
    everywhere already."""
    for candidate in candidates:
        split = _maybe_someone_else(text, candidate)
        if not split:
            yield candidate
            continue
        candidate.mentions = [m for m in candidate.mentions if m not in split]
        if not candidate.ambiguous:
            candidate.name, candidate.key = display_name(candidate.mentions[0].text), key(candidate.mentions[0].text)
            note = (f"shares a surname with {candidate.name}, described as a public figure before this "
                    f"full name appears, and is never described so")
        else:
            note = f"{candidate.note}; never described as a public figure where it stands"
        yield candidate
        yield Candidate(display_name(split[0].text), key(split[0].text), split, sources=candidate.sources, note=note)


def _maybe_someone_else(text: str, candidate: Candidate) -> list[Mention]:
    """The mentions of a public figure that may be someone else (see ``_split_shared_names``)."""
    full = [m for m in candidate.mentions if len(key(m.text)) > 1]
    if not (candidate.ambiguous or full and len(full) < len(candidate.mentions)):
        return []
    kinds = {m.start: {e.kind for e in gather(text, [m])} for m in candidate.mentions}
    public = [m for m in candidate.mentions if PUBLIC in kinds[m.start]]
    if not public or any(PRIVATE in found for found in kinds.values()):
        return []
    if candidate.ambiguous:
        return [m for m in candidate.mentions if m not in public]
    if public[0].start < full[0].start and not any(m in public for m in full):
        return full
    return []


def _reveal_no_withheld_name(persons: list[Person]) -> None:
    """A replacement must not show a name withheld for anyone.

    A garbled person ("Nurlanov Almaty", read from a keywords field) would otherwise write
    Bezshan Nurlanov's surname wherever "Almaty" stands. Such a person gets the placeholder.
    """
    withheld = {person.id: withheld_tokens(person) for person in persons}
    for person in persons:
        if person.action == "keep":
            continue
        shown = {fold(token) for token in tokens(person.replacement)}
        if any(shown & words for other, words in withheld.items() if other != person.id):
            person.action, person.replacement = "placeholder", PLACEHOLDER
            person.reason += "; its replacement would show a name withheld for another person"


def _is_address(candidate: Candidate) -> bool:
    """A mailbox, a handle or a name in a link ("Kairat-Abenov"): one word with no spaces."""
    return "address" in candidate.hints and " " not in candidate.name


def _address_person(person_id: str, candidate: Candidate) -> Person:
    """A mailbox or profile handle: withheld with a word that keeps the link well-formed."""
    return Person(id=person_id, name=candidate.name, role="private", action="placeholder",
                  replacement=ADDRESS_PLACEHOLDER, mentions=candidate.mentions,
                  reason="the personal part of an e-mail address or profile link")


def _name_keys(names: Iterable[str]) -> set[str]:
    return {fold(" ".join(tokens(n))) for n in names if tokens(n)}
