"""Telling a place, a product or an acronym from a person when only the model says "person".

The spaCy model calls many capitalised words people: "Milton police", "the town of
Zhanaozen", "a Kalashnikov-type rifle", "LGBT". These checks look at the words around a
one-word span the model alone proposed, and reject it only on clear evidence, because a
dropped name is worse than a shown false one.
"""

from __future__ import annotations

import re

import regex

from redactor.cues import AGENCIES, PLACE_PREPOSITIONS, alternation
from redactor.lexicon import lexicon
from redactor.names import fold, is_caps

_INSTITUTION_AFTER = re.compile(
    r"^[ \t]+(?:police|company|firm|county|city|town|village|council|school|schools|university|"
    r"college|airport|region|province|district|residents|officials|authorities|court|port|river|"
    r"street|square|station|oil|bank|club|team|county's|city's|mayor|prefecture|oblast)\b")
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:" + "|".join(sorted(PLACE_PREPOSITIONS)) + r")|\b(?:town|city|village|region|"
    r"province|district|port|capital|suburb|oblast|county)[ \t]+of|\b(?:north|south|east|west|"
    r"northeast|northwest|southeast|southwest)[ \t]+of)[ \t]+$", re.IGNORECASE)
_COMPOUND_AFTER = re.compile(r"^-[a-z]")  # "Kalashnikov-type", "Trump-style" modifiers
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[^a-z\n]{2,40},[ \t]*$")  # "PORT SELM, [Morvania] (AP)"
# "ALMATY, Kazakhstan (AP) —": a city in capitals opening a dateline.
_DATELINE_AFTER = re.compile(rf"^,[^\n]{{0,40}}\({alternation(AGENCIES)}\)|^[ \t]*\({alternation(AGENCIES)}\)",
                             re.IGNORECASE)
_DATELINE = regex.compile(rf"(?m)^[ \t]*(\p{{Lu}}[\p{{Lu}} .'’-]{{1,40}}?)[ \t]*(?:,[^\n(]{{0,40}})?"
                          rf"\((?:{alternation(AGENCIES)})\)")
# "thousands of Hongkongers", "young Muscovites": a group named after its place, not a person.
_GROUP_BEFORE = re.compile(r"\b(?:thousands|hundreds|dozens|millions|scores|many|most|some|few|fellow|"
                           r"ordinary|young|other|all)[ \t]+(?:of[ \t]+)?$", re.IGNORECASE)
# "the Finance Bill", "the Public Order Act": a law, however its last word reads.
_LAW_BEFORE = re.compile(r"\bthe[ \t]+(?:[A-Z][\w'’-]*[ \t]+)+$")
LAWS = frozenset({"bill", "act"})
MAX_ACRONYM = 5


def opens_dateline(text: str, start: int, end: int) -> bool:
    """"TARVIK (AP) —", "LA PAZ, Bolivia (Reuters) —": words opening a line (after other
    words in capitals at most) before an agency's name in brackets are the dateline's place,
    whatever the place is called."""
    before = text[text.rfind("\n", 0, start) + 1:start]
    return (not before.strip() or before.isupper()) and bool(_DATELINE_AFTER.match(text[end:end + 60]))


def dateline_places(text: str) -> frozenset[str]:
    """The places datelines name, folded ("HONG KONG (AP) —" gives "hong kong"): wherever
    the draft names them again, they are the place, not a name ("a Hong Kong court",
    "outside São Paulo", which the model reads as a person). Not one word the lexicon knows
    as a name: "WASHINGTON (AP)" hides no Washington."""
    places = {fold(match.group(1)) for match in _DATELINE.finditer(text)}
    return frozenset(p for p in places if " " in p or not lexicon().is_name(p))


def unlikely_person(text: str, start: int, end: int) -> bool:
    """True when a one-word span is, by the words around it, a place, group, product or acronym."""
    word = text[start:end]
    if " " in word.strip():
        return False
    after, before = text[end:end + 40], text[max(0, start - 40):start]
    if after.startswith(("'s", "’s")):
        return False  # a possessive: "Zhanaozen's" is rare, "Nurlanov's" common
    if is_caps(word) and (len(word) <= MAX_ACRONYM or _DATELINE_AFTER.match(after)):
        return True
    if word.endswith("s") and _GROUP_BEFORE.search(before) or word.lower() in LAWS and _LAW_BEFORE.search(before):
        return True
    return bool(_INSTITUTION_AFTER.match(after) or _PLACE_BEFORE.search(before)
                or _COMPOUND_AFTER.match(after) or _DATELINE_BEFORE.search(before))
