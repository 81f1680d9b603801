"""Weighing what a draft says about each person: evidence gathered as data, one scorer.

Every mention is read for what the words around it say: an age, a family tie, a word like
"protester", a first-name frame, something done to the person ("was detained", "the
arrest of") mark a private person; an office before the name or in apposition marks a
public one; a credit line marks the story's own people. The scorer weighs them in safety
order: private evidence beats credit and public evidence, keeping a name needs positive
evidence of an office or a real credit line, a description that fits both (activist,
lawyer, member, leader) suggests redaction and asks the editor to confirm, and no
evidence at all means redaction. Each suggestion carries the evidence it used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from redactor.cues import (AMBIGUOUS_ROLES, FIRST_NAME_AFTER, FIRST_NAME_CUES, HARM_NOUNS, HARM_VERBS, HONORIFICS,
                           IDENTIFIED_CUES, KIN, PRIVATE_ROLES, PUBLIC_OFFICES, ROLE_WORDS, alternation)
from redactor.decisions import Mention
from redactor.names import fold, tokens
from redactor.name_words import given_title

PRIVATE, PUBLIC, AMBIGUOUS, CREDIT = "private", "public", "ambiguous", "credit"
WINDOW = 60
_HARM = alternation(HARM_VERBS)
_AGE = re.compile(r"^(?:,\s*(?:a |an |aged )?\d{1,3}(?:\s*[,;.)]|-year-old|\s+years?\s+old|\s*$)"
                  r"|\s*\(\d{1,3}\)|,?\s+aged\s+\d{1,3}\b)")
_FIRST_NAME_FRAME = re.compile(rf"(?:{FIRST_NAME_CUES})\s*$", re.IGNORECASE)
# The cue after the name, in its sentence ("Ece, a 22-year-old activist who declined to give
# her last name"): no full stop between.
_FIRST_NAME_AFTER = re.compile(rf"[^.!?\n]{{0,80}}?\b(?:{FIRST_NAME_AFTER})", re.IGNORECASE)
_IDENTIFIED_FRAME = re.compile(rf"(?:{FIRST_NAME_CUES}|{IDENTIFIED_CUES})\s*$", re.IGNORECASE)
_HARMED_AFTER = re.compile(
    rf"^(?:['’]s)?(?:,? who)?\s+(?:(?:was|were|is|are|had been|has been|have been|remains?|got|"
    rf"had|has)\s+(?:\w+ly\s+|also\s+|not\s+|been\s+)?{_HARM}\b"
    rf"|said\s+(?:he|she|they)\s+(?:was|were|had been|has been|is|are|had)\s+(?:\w+\s+)?{_HARM}\b)",
    re.IGNORECASE)
_HARMED_BEFORE = re.compile(rf"(?:\b(?:{alternation(HARM_NOUNS)})\s+of|\b(?:detained|arrested|jailed|"
                            rf"sentenced|charged|convicted|killed|shot|beat|tortured|abducted)(?:\s+\w+)?)"
                            rf"\s+$", re.IGNORECASE)
_OWN_HARM = re.compile(rf"^['’]s?\s+{alternation(HARM_NOUNS)}\b", re.IGNORECASE)
# "her sister Aigerim", "his son, Daulet": family are named by first name.
_KIN_BEFORE = re.compile(rf"\b{alternation(KIN)},?\s+$", re.IGNORECASE)
_ABBREVIATED = re.compile(rf"\b({alternation(frozenset(w.title() for w in PUBLIC_OFFICES | HONORIFICS))})\.")
_COORDINATED = re.compile(r"(?:\b[A-Z][\w'’.-]*[ \t]+)+(?:and|&)[ \t]*$")
_GOVERNS = re.compile(r"^(?:['’]s)? (?:administration|government|cabinet|campaign|presidency|regime|"
                      r"supporters|win|victory|election|re-?election|inauguration|defeat|party|"
                      r"allies|loyalists)\b")
_SPEAKS_FOR = re.compile(r"^,?\s+of the [A-Z]")
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)[ \t]+$")


@dataclass(frozen=True)
class Evidence:
    """One thing the text says about a person, where it says it, and what it weighs for."""

    kind: str
    reason: str
    offset: int

    def describe(self, text: str) -> str:
        """The reason with the words it rests on, for the editor to check."""
        start = max(0, text.rfind("\n", 0, self.offset) + 1, self.offset - 40)
        end = text.find("\n", self.offset)
        snippet = text[start:min(end if end >= 0 else len(text), self.offset + 60)].strip()
        return f"{self.reason}: “{snippet}”"


@dataclass(frozen=True)
class Suggestion:
    """The role the evidence points to, why, and everything it rests on."""

    role: str
    reason: str
    evidence: tuple[Evidence, ...]


def gather(text: str, mentions: Iterable[Mention], hints: set[str] = frozenset()) -> list[Evidence]:
    """Every piece of evidence the text gives around ``mentions``."""
    mentions = list(mentions)
    found = []
    for mention in mentions:
        found += _around(text, mention.start, mention.end)
    first = min((m.start for m in mentions), default=0)
    if "private" in hints:
        # "One of the striking workers, Justice Street": the frame is private evidence, and
        # beats a title-like word before the name.
        found.append(Evidence(PRIVATE, "named in a reporting frame used for private people", first))
    if "byline" in hints:
        found.append(Evidence(CREDIT, "credited as author or photographer", first))
    return found


def weigh(text: str, mentions: list[Mention], hints: set[str], listed: str = "") -> Suggestion:
    """The suggested role in safety order. ``listed`` is "keep" or "redact" when the editor's
    own always-keep or always-redact list names the person."""
    evidence = tuple(gather(text, mentions, hints))
    if listed == "redact":
        return Suggestion("private", "on the always-redact list", evidence)
    if listed == "keep":
        return Suggestion("public", "on the always-keep list", evidence)
    by_kind = {kind: [e for e in evidence if e.kind == kind] for kind in (PRIVATE, CREDIT, PUBLIC, AMBIGUOUS)}
    if by_kind[PRIVATE]:
        return Suggestion("private", by_kind[PRIVATE][0].reason, evidence)
    if by_kind[CREDIT]:
        return Suggestion("byline", by_kind[CREDIT][0].reason, evidence)
    if by_kind[PUBLIC]:
        return Suggestion("public", by_kind[PUBLIC][0].reason, evidence)
    if by_kind[AMBIGUOUS]:
        return Suggestion("private", f"{by_kind[AMBIGUOUS][0].reason}: a public figure or a person "
                          "at risk? Redaction suggested; please confirm", evidence)
    return Suggestion("private", "no title or office found: redaction suggested when in doubt", evidence)


def title_as_given(text: str, mention: Mention) -> int | None:
    """Where the title that may be a given name stands right before a one-word mention
    ("Justice" of "the murdered Justice Young"), or None. Once the evidence finds the person
    private, that word is read as the given name: a private person holds no office."""
    if len(tokens(mention.text)) != 1 or not _role_before(text, mention.start)[1]:
        return None
    title = _WORD_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    return title.start(1) if title and given_title(title.group(1)) else None


def first_name_evidence(text: str, mentions: Iterable[Mention]) -> str:
    """Why a lone name is a given name and not a surname; "" if the text does not say.

    Only the text can show it: "whose first name is", "named", "her sister". A lexicon of
    given names cannot: "Rendy" may be the family name of a "La Randi" the draft never
    names in full, and printing it would print the surname."""
    for mention in mentions:
        before = text[max(0, mention.start - WINDOW):mention.start]
        if _FIRST_NAME_FRAME.search(before) or _FIRST_NAME_AFTER.match(text, mention.end):
            return "introduced by first name only"
        if _KIN_BEFORE.search(before):
            return "a relative named by first name"
    return ""


def _around(text: str, start: int, end: int) -> list[Evidence]:
    found = []
    after = text[end:end + 120]
    if _AGE.match(after):
        found.append(Evidence(PRIVATE, "an age is given: a private person", start))
    if _IDENTIFIED_FRAME.search(text[max(0, start - WINDOW):start]):
        found.append(Evidence(PRIVATE, "identified by a name only, as people at risk are", start))
    if _HARMED_AFTER.match(after) or _HARMED_BEFORE.search(text[max(0, start - 40):start]):
        found.append(Evidence(PRIVATE, "detained, harmed or tried: a person at risk", start))
    if _OWN_HARM.match(after):
        found.append(Evidence(PRIVATE, "their arrest, trial or death is the story", start))
    before, may_be_given = _role_before(text, start)
    if before:
        # "Justice King": before one word, a title that is also a given name may be that name
        found.append(_role_evidence(before, start, may_be_given and len(tokens(text[start:end])) == 1))
    apposed = _role_in_apposition(text, end)
    if apposed:
        found.append(_role_evidence(apposed, start))
    if _GOVERNS.match(after[:30]):
        found.append(Evidence(PUBLIC, "heads an administration or government", start))
    elif _SPEAKS_FOR.match(after[:20]):
        found.append(Evidence(PUBLIC, "speaks for an organisation", start))
    return found


def _role_evidence(word: str, offset: int, may_be_given: bool = False) -> Evidence:
    if word in PRIVATE_ROLES:
        return Evidence(PRIVATE, f"described as {_article(word)}: a private person", offset)
    if word in PUBLIC_OFFICES and may_be_given and given_title(word):
        # "Justice", "Bishop", "King": a title, or the given name of a private person
        return Evidence(AMBIGUOUS, f"'{word.title()}' before the name: a title, or a given name", offset)
    if word in PUBLIC_OFFICES:
        return Evidence(PUBLIC, f"holds an office ({word})", offset)
    return Evidence(AMBIGUOUS, f"described as {_article(word)}", offset)


def _article(word: str) -> str:
    """"a protester", "an activist", and for a plural "one of the boys"."""
    if word.endswith("s") and not word.endswith(("ss", "us")):
        return f"one of the {word}"
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _role_before(text: str, start: int) -> tuple[str, bool]:
    """The role word standing before a name as its title: "Protest coordinator X",
    "Interior Minister X", "A young activist, X" (a role in apposition before the name).
    Only capitalised words (an organisation, a country) may stand between: in
    "Prosecutors say X" the role is the speaker's, not X's. And whether that role is a title
    that may be the given name instead: "Justice" alone may, "Supreme Court Justice" not."""
    window = _ABBREVIATED.sub(r"\1 ", text[max(0, start - WINDOW):start])  # "Insp. Gen. X"
    window = _COORDINATED.sub("", window) if _COORDINATED.search(window) else window
    clauses = re.split(r"[,;:.!?\"“”()\n]", window)
    clause = clauses[-1]
    apposition = not clause.strip() and len(clauses) > 1 and text[start - 2:start - 1] == ","
    if apposition:
        clause = clauses[-2]
    title = ""
    for word in reversed(tokens(clause)[-4:]):
        folded = fold(word)
        if folded in PRIVATE_ROLES or folded in PUBLIC_OFFICES or folded in AMBIGUOUS_ROLES:
            # Before a comma a role is written small ("A young activist, X"); a capital
            # there is another person's name ("made by Frank Bishop, al-Qahtani's roommate").
            if apposition and word[0].isupper():
                return "", False
            if title or not (folded in PUBLIC_OFFICES and given_title(word)):
                return folded, False
            # "Student activist Justice King": a title that is also a given name yields
            # to a role before it.
            title = folded
        elif title and word[0].isupper():
            return title, False  # "Chief Justice", "Supreme Court Justice": one longer title
        elif not (word[0].isupper() or "-" in word):
            return title, bool(title)
    return title, bool(title)


def _role_in_apposition(text: str, end: int) -> str:
    """The first role word of ", a senior analyst at ..." after a name."""
    after = text[end:end + 100]
    if not after.startswith(","):
        return ""
    clause = re.split(r"[,;:.!?\"“”()\n–—]", after[1:], maxsplit=1)[0]
    words = tokens(clause)[:8]
    if words and words[0][0].isupper() and fold(words[0]) not in ROLE_WORDS:
        return ""  # ", Jakarta – Two students were killed": a dateline, not a description
    for index, word in enumerate(words):
        folded = fold(word)
        if folded in PRIVATE_ROLES or folded in PUBLIC_OFFICES or folded in AMBIGUOUS_ROLES:
            if index and word[0].isupper() and words[index - 1][0].isupper():
                return ""  # "Kristin Lin, Marina King": the next name in a list, not a role
            if word[0].isupper() and _titles_a_name(words[index + 1:]):
                return ""  # ", who was with Justice Okoro": another person's title
            return folded
    return ""


def _titles_a_name(following: list[str]) -> bool:
    """The capitalised words after a capitalised role end in a name, so the role is that
    name's title ("Justice Okoro"), not part of a longer one ("Deputy Prime Minister")."""
    run = []
    for word in following:
        if not word[0].isupper():
            break
        run.append(word)
    return bool(run) and fold(run[-1]) not in ROLE_WORDS
