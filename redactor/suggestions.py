"""Suggesting a role and an action for each person, following AP practice.

Private people at risk keep only their first name; public figures and the people credited
for the story are kept. The evidence is the wording around each mention: a title or office
before a name, an affiliation or role in apposition after it, a byline or photo credit. An
age, a family tie or a word like "protester" marks a private person. With no evidence either
way the suggestion is redaction: a wrong suggestion costs the editor a click, a missed one
can cost a source their freedom.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from redactor import PLACEHOLDER
from redactor.decisions import Person
from redactor.grouping import Candidate
from redactor.leaks import withheld_tokens
from redactor.names import fold, tokens
from redactor.replacements import replacement_for
from redactor.cues import FIRST_NAME_CUES, PRIVATE_ROLES, PUBLIC_ROLES


_AFTER_NAME_PUBLIC = re.compile(
    r"^(?:['’]s)? (?:administration|government|cabinet|campaign|presidency|regime|supporters|"
    r"win|victory|election|re-?election|inauguration|defeat|party|allies|loyalists)\b")
_COORDINATED = re.compile(r"(?:\b[A-Z][\w'’.-]*[ \t]+)+(?:and|&)[ \t]*$")
_AGE = re.compile(r"^,\s*(?:a |an )?\d{1,3}(?:\s*,|-year-old|\b)")
_FIRST_NAME_FRAMES = re.compile(rf"(?:{FIRST_NAME_CUES})\s*$", re.IGNORECASE)
_BYLINE_BEFORE = re.compile(
    r"(?:^|\n)\s*(?:by|from|reporting by|writing by|editing by|photo:?|photos:?|photograph:?|"
    r"(?:ap|afp|reuters|getty images|epa) ?photo ?/|photo ?: ?[a-z]+ ?/|photo by|"
    r"(?:\(|\b)(?:ap|afp|epa|reuters|getty) photo/)\s*[\w .,'’/-]*$", re.IGNORECASE)
# "by" credits only after a credit word: "led by Nurlan Seitkali" is not a byline; a slash
# credits only after an agency ("AP Photo/", in _BYLINE_BEFORE): ".../profiles/X" is a link.
_CREDIT_BEFORE = re.compile(r"(?:(?:^|\(|[.!?\"”]\s+|\b(?:photos?|photographs?|pictures?|video|images?|"
                            r"illustrations?|graphics?|written|reported|edited|filed)\s)by\s)$",
                            re.IGNORECASE)
_CREDIT_AFTER = re.compile(r"^\s*/\s*(?:AP|AFP|EPA|Reuters|Getty)|^\s*,?\s*(?:HOST|BYLINE)\s*:|"
                           r"^[^.\n]{0,40}\bcontributed\b", re.IGNORECASE)
WINDOW = 60
ADDRESS_PLACEHOLDER = "withheld"  # "mailto:withheld@example.org": no space inside a link


def suggest(text: str, candidates: Iterable[Candidate], keep: Iterable[str] = (),
            redact: Iterable[str] = ()) -> list[Person]:
    """Turn grouped candidates into persons with a suggested role, action and replacement."""
    keep_keys, redact_keys = _name_keys(keep), _name_keys(redact)
    persons: list[Person] = []
    pseudonyms = 0
    for number, candidate in enumerate(candidates, start=1):
        if _is_address(candidate):
            persons.append(_address_person(f"p{number}", candidate))
            continue
        role, reason = _role(text, candidate, keep_keys, redact_keys)
        action = _action(text, candidate, role)
        if action == "pseudonym":
            pseudonyms += 1
        reason = f"{reason}; {candidate.note}" if candidate.note else reason
        persons.append(Person(id=f"p{number}", name=candidate.name, role=role, action=action,
                              replacement=replacement_for(candidate.name, action, pseudonyms),
                              mentions=candidate.mentions, reason=reason))
    _reveal_no_other_name(persons)
    return persons


def _reveal_no_other_name(persons: list[Person]) -> None:
    """A replacement must not show a name withheld for someone else.

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


def _role(text: str, candidate: Candidate, keep: set[str], redact: set[str]) -> tuple[str, str]:
    """The role and a short reason an editor can check."""
    names = {fold(" ".join(tokens(m.text))) for m in candidate.mentions} | {fold(candidate.name)}
    if names & redact:
        return "private", "on the always-redact list"
    if "byline" in candidate.hints or any(_is_credit(text, m.start, m.end) for m in candidate.mentions):
        return "byline", "credited as author or photographer"
    if names & keep:
        return "public", "on the always-keep list"
    for mention in candidate.mentions:
        if (why := _private_evidence(text, mention.start, mention.end)):
            return "private", why
    for mention in candidate.mentions:
        if (why := _public_evidence(text, mention.start, mention.end)):
            return "public", why
    if candidate.hints & {"private"}:
        return "private", "named in a reporting frame used for private people"
    return "private", "no title or office found: redaction suggested when in doubt"


def _action(text: str, candidate: Candidate, role: str) -> str:
    if role != "private":
        return "keep"
    if len(candidate.key) > 1:
        return "first_name"
    # A lone name is kept as a first name only where the draft shows it is one.
    first = any(_FIRST_NAME_FRAMES.search(text[max(0, m.start - WINDOW):m.start])
                or _AGE.match(text[m.end:m.end + 20]) or _private_noun_near(text, m.start, m.end)
                for m in candidate.mentions)
    return "first_name" if first or "private" in candidate.hints else "placeholder"


def _words_before(text: str, start: int, count: int) -> list[str]:
    """The last few words before a name, within its clause (a quote or comma ends the search).

    A name coordinated with another ("its members Sergei Dylevsky and Olga Kovalkova") shares
    the words before the first one.
    """
    window = text[max(0, start - WINDOW):start]
    window = _COORDINATED.sub("", window) if _COORDINATED.search(window) else window
    clauses = re.split(r"[,;:.!?\"“”()\n]", window)
    clause = clauses[-1]
    if not clause.strip() and len(clauses) > 1 and text[start - 2:start - 1] == ",":
        clause = clauses[-2]  # "Vessel's spokeswoman, Agnes Thorvald": a role in apposition
    return [fold(w) for w in tokens(clause)][-count:]


def _apposition(text: str, end: int) -> list[str]:
    """The words of ", a senior analyst at ..." after a name, up to the next clause break."""
    after = text[end:end + 80]
    if not after.startswith(","):
        return []
    clause = re.split(r"[,;:.!?\"“”()\n]", after[1:], maxsplit=1)[0]
    return [fold(w) for w in tokens(clause)][:8]


def _private_noun_near(text: str, start: int, end: int) -> bool:
    before = _words_before(text, start, 3)
    return bool(set(before) & PRIVATE_ROLES) or bool(set(_apposition(text, end)[:4]) & PRIVATE_ROLES)


def _private_evidence(text: str, start: int, end: int) -> str:
    if _AGE.match(text[end:end + 20]):
        return "an age is given: a private person"
    if _FIRST_NAME_FRAMES.search(text[max(0, start - WINDOW):start]):
        return "named by first name only, as for people at risk"
    if _private_noun_near(text, start, end):
        return "described as a protester, worker, relative or bystander"
    return ""


def _public_evidence(text: str, start: int, end: int) -> str:
    before = _words_before(text, start, 4)
    if before and (before[-1] in PUBLIC_ROLES or set(before[-3:]) & PUBLIC_ROLES):
        return "a title or office stands before the name"
    after = _apposition(text, end)
    if set(after) & PUBLIC_ROLES:
        return "a public role follows the name"
    if re.match(r"^,?\s+of the [A-Z]", text[end:end + 20]):
        return "speaks for an organisation"
    if _AFTER_NAME_PUBLIC.match(text[end:end + 30]):
        return "heads an administration or government"
    return ""


def _is_credit(text: str, start: int, end: int) -> bool:
    """A byline, photo credit or host label: 'By Dan Roche', '(AP Photo/Nam Y. Huh)'."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if (_BYLINE_BEFORE.search(before) or _CREDIT_BEFORE.search(before)
            or _CREDIT_AFTER.search(text[end:end + 60])):
        return True
    return _caps_byline_line(text, line_start, start)


def _caps_byline_line(text: str, line_start: int, start: int) -> bool:
    """A line that is nothing but names in capitals near the top: 'KIRILL ZARUBIN and DASHA LITVINOVA'."""
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    words = line.replace(",", " ").split()
    names = [w for w in words if w.lower() not in ("and", "&")]
    return (start < 2000 and 2 <= len(names) <= 8 and all(w.isupper() for w in names)
            and not any(c.isdigit() for c in line))
