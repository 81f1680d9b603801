"""Details beside persons: each contact detail tied to the person it stands next to, and
the identifying details around persons at risk, each with a default action and a reason.

A contact detail belongs to the person its sentence names (the nearest mention before it,
else after it); after a cue that points back ("reached at", "his number", "her e-mail"), or
in a sentence that opens with "He", "She" or "They", to the person last named, up to two
sentences back. Whoever it belongs to, its default is the safe one: ``remove``. A public
office's published number stays only when the editor keeps it. A detail beside no person
(a lone number) is listed on its own, removed by default too; a link beside no person is
listed only when it is a profile link (a news site's address names nobody). The same value
written again elsewhere in the draft ("+7 701 234 5678" and "87012345678", or in a link's
target) is found with the leak check's matcher and gets the same decision. Identifying
details (``identifying.py``) are flagged and kept by default.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from redactor.cues import CONTACT_CUES, CONTACT_WORDS, alternation
from redactor.decisions import Detail, Person
from redactor.detail_search import Prepared, ValueSearch
from redactor.detail_rules import Owned, Taken, whole_mentions, withheld_note
from redactor.identifying import identifying_details
from redactor.recognizers.addresses import is_profile_link
from redactor.recognizers.contacts import DetailHit
from redactor.sentences import Sentences

LOOK_BACK = 2  # sentences a cue like "his number" may point back over
_POINTS_BACK = re.compile(rf"(?:\b(?:his|her|their)\s+(?:\w+\s+)?(?:{alternation(CONTACT_WORDS)})|"
                          rf"\b(?:{CONTACT_CUES}))\W*(?:is|was|:)?\s*$", re.IGNORECASE)
# A sentence about someone named before: "He was found at 608 S.W. Lincoln."
_PRONOUN_FIRST = re.compile(r"[\"“]?(?:He|She|They|His|Her|Their)\b")
_REASONS = {"private": "how to reach a person at risk: withheld",
            "public": "a public figure's contact detail: withheld unless the editor keeps it "
                      "(a public office's published number may stay)",
            "": "beside no person named: withheld unless the editor keeps it"}


def add_details(text: str, persons: list[Person], hits: Iterable[DetailHit]) -> list[Detail]:
    """Give each person the details beside them; return the details beside no person."""
    sentences = Sentences(text)
    hits = list(hits)
    mentions = sorted((m.start, m.end, p.id) for p in persons for m in p.mentions)
    # A name inside an address ("b.nurlanov" of an e-mail) is no one the address stands beside.
    addresses = Taken([(h.start, h.end) for h in hits])
    beside = [m for m in mentions if not addresses.holds(m[0], m[1])]
    # A possible name ("on Telegram as ...") owns a detail only where no sure one can.
    possible = {p.id for p in persons if p.tier == "possible"}
    sure = [m for m in beside if m[2] not in possible]
    found = _adopted(text, [(_owner(text, hit, sure, sentences) or _owner(text, hit, beside, sentences), hit)
                            for hit in hits], sentences)
    roles = {p.id: p.role for p in persons}
    contacts: list[Owned] = []
    for owner, hit in found:
        if hit.kind == "url" and not owner and not is_profile_link(text[hit.start:hit.end]):
            continue
        role = "public" if roles.get(owner) == "byline" else roles.get(owner, "")
        contacts.append((owner, Detail(hit.start, hit.end, text[hit.start:hit.end], hit.kind,
                                       "remove", withheld_note(hit.kind), _REASONS[role])))
    contacts += _repeats(text, contacts)
    flags = [(flag.person_id, flag.detail(text)) for flag in identifying_details(text, persons, sentences)]
    owned = whole_mentions(text, _apart(contacts + flags), mentions)
    by_person = {p.id: p for p in persons}
    lone = []
    for owner, detail in owned:
        if owner:
            by_person[owner].details.append(detail)
        else:
            lone.append(detail)
    for person in persons:
        person.details.sort(key=lambda d: d.start)
    return lone


def _owner(text: str, hit: DetailHit, mentions: list[tuple[int, int, str]],
           sentences: Sentences) -> str:
    """The person a contact detail belongs to, or "" (see the module's docstring)."""
    start, end = sentences.span(hit.start)
    if _POINTS_BACK.search(text, start, hit.start) or _PRONOUN_FIRST.match(text, start):
        for _ in range(LOOK_BACK + 1):
            owner = _last_before(mentions, start, hit.start)
            if owner or start == 0:
                return owner
            start = sentences.span(start - 1)[0]
        return ""
    first = bisect.bisect_left(mentions, (start, 0, ""))
    in_sentence = mentions[first:bisect.bisect_left(mentions, (end, 0, ""), first)]
    outside = [m for m in in_sentence if m[1] <= hit.start or m[0] >= hit.end]
    before = [m for m in outside if m[1] <= hit.start]
    if before:
        return before[-1][2]
    return (outside or in_sentence or [(0, 0, "")])[0][2]


def _adopted(text: str, found: list[tuple[str, DetailHit]],
             sentences: Sentences) -> list[tuple[str, DetailHit]]:
    """A detail beside no person belongs to whoever the same value is tied to elsewhere
    ("8 701 234 56 78" in a later line is the number given as Bezshan's), else to the
    owner of another detail in its sentence ("reached at +7 701 ... or on Telegram as ...")."""
    by_value: dict[tuple[str, str], str] = {}
    by_sentence: dict[tuple[int, int], str] = {}
    keys = [_search(text, hit).key for _, hit in found]
    for (owner, hit), value in zip(found, keys):
        if owner:
            by_value.setdefault(value, owner)
            by_sentence.setdefault(sentences.span(hit.start), owner)
    return [(owner or by_value.get(value) or by_sentence.get(sentences.span(hit.start), ""), hit)
            for (owner, hit), value in zip(found, keys)]


def _search(text: str, hit: DetailHit) -> ValueSearch:
    return ValueSearch(Detail(hit.start, hit.end, text[hit.start:hit.end], hit.kind, "remove"))


def _last_before(mentions: list[tuple[int, int, str]], start: int, offset: int) -> str:
    index = bisect.bisect_left(mentions, (offset, 0, "")) - 1
    return mentions[index][2] if index >= 0 and mentions[index][0] >= start else ""


def _repeats(text: str, contacts: list[Owned]) -> list[Owned]:
    """The same values written again elsewhere in the draft, as details of the same owner
    (each value searched once, however often it was found)."""
    if not contacts:
        return []
    prepared = Prepared(text)
    taken = Taken([(d.start, d.end) for _, d in contacts])
    searched: set[tuple[str, str]] = set()
    found: list[Owned] = []
    for owner, detail in contacts:
        search = ValueSearch(detail)
        if search.key in searched:
            continue
        searched.add(search.key)
        for match in search.find(prepared):
            start, end = _balanced(text, match.start, match.end)
            if taken.overlaps(start, end) or (detail.kind in ("phone", "card", "ip")
                                              and not search.same_number(match.written)):
                continue
            taken.take(start, end)
            found.append((owner, Detail(start, end, text[start:end], detail.kind, detail.action,
                                        detail.replacement,
                                        f"the same {detail.kind.replace('_', ' ')} written again; "
                                        f"{detail.reason}")))
    return found


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """A number found from inside its parentheses ("701) 234-56-78") takes the "(" along."""
    if text.count(")", start, end) > text.count("(", start, end) and text[start - 1:start] == "(":
        return start - 1, end
    return start, end


def _apart(owned: list[Owned]) -> list[Owned]:
    """Details that do not overlap: a contact detail before an identifying one, and of two
    of the same sort the one found first."""
    kept: list[Owned] = []
    taken = Taken()
    for owner, detail in owned:
        if not taken.overlaps(detail.start, detail.end):
            taken.take(detail.start, detail.end)
            kept.append((owner, detail))
    return kept
