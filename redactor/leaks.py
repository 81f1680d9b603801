"""The leak check: does any name a decision withholds survive in the redacted copy?

Every withheld name token is searched for as a whole word, case-insensitively and with
diacritics folded, everywhere in the file, not only where the mentions were: a name the
detector never saw in one place is still caught if it was withheld in another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redactor.cues import PARTICLES
from redactor.decisions import WITHHOLD_ALL, Decisions, Person
from redactor.names import fold, is_initial, tokens


# What a finding is. A copy is called clean only when it has none of any kind.
WITHHELD = "withheld"  # a name token the review withholds, still in the copy
UNREVIEWED = "unreviewed"  # the second reading calls it a name, and the review does not keep it
BESIDE = "beside"  # a name word standing right next to a replacement ("Kairat [name withheld]")


@dataclass(frozen=True)
class Finding:
    """Something in a copy that stops it from being called clean, with where it stands.

    ``token`` is the word found (folded for a withheld token, as written otherwise);
    ``place`` says where inside a structured file ("Footnote 2", "word/document.xml: t");
    line, column and offset are positions in the text the word was found in.
    """

    token: str
    person_id: str
    line: int
    column: int
    offset: int
    place: str = ""
    kind: str = WITHHELD
    reason: str = ""


def withheld_tokens(person: Person) -> set[str]:
    """Folded name tokens that ``person``'s decision hides from the redacted copy.

    Every token of the name and of every mention, except the first name that a
    ``first_name`` decision shows. A single mention's own replacement never takes a token
    out of the search: "S. Zhunusova" written for one mention must not let a missed
    "Zhunusova" elsewhere pass as clean.
    """
    if person.action == "keep":
        return set()
    words = set(tokens(person.name))
    for mention in person.mentions:
        words.update(tokens(mention.text))
    shown: set[str] = set()
    if person.action not in WITHHOLD_ALL:  # first_name shows the first name
        shown = {fold(t) for t in tokens(person.replacement)}
    words |= {part for w in list(words) for part in w.split("-")}  # "Jomart" of "Kassym-Jomart"
    folded = {fold(w.rstrip(".")) for w in words if not is_initial(w)}
    # Particles ("de", "la", "bin", "al") name nobody alone and are ordinary words elsewhere.
    return {w for w in folded if len(w) > 1 and w not in PARTICLES} - shown


def _folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the offset in ``text`` it came from."""
    out: list[str] = []
    origin: list[int] = []
    for offset, char in enumerate(text):
        piece = char.lower() if char.isascii() else fold(char)
        out.append(piece)
        origin.extend([offset] * len(piece))
    return "".join(out), origin


class LeakSearch:
    """The withheld tokens of a review compiled once, to search many strings of one file."""

    def __init__(self, decisions: Decisions) -> None:
        self._wanted: dict[str, str] = {}
        for person in decisions.persons:
            for token in withheld_tokens(person):
                self._wanted.setdefault(token, person.id)
        alternatives = "|".join(re.escape(t) for t in sorted(self._wanted, key=len, reverse=True))
        # Underscores are boundaries: "_Nurlanov_" in Markdown, "nurlanov_photo.jpg" in a link.
        self._pattern = re.compile(r"(?<![^\W_])(?:" + alternatives + r")(?![^\W_])")

    def find(self, text: str, place: str = "") -> list[Finding]:
        """Every whole-word occurrence of a withheld token in ``text``, in order."""
        if not self._wanted:
            return []
        folded, origin = _folded_with_offsets(text)
        findings = []
        for match in self._pattern.finditer(folded):
            offset = origin[match.start()]
            line = text.count("\n", 0, offset) + 1
            column = offset - (text.rfind("\n", 0, offset) + 1) + 1
            findings.append(Finding(match.group(), self._wanted[match.group()], line, column, offset, place))
        return findings


def find_leaks(text: str, decisions: Decisions) -> list[Finding]:
    """Every whole-word occurrence of a withheld token in ``text``, in order."""
    return LeakSearch(decisions).find(text)
