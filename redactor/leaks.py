"""The leak check: does any name a decision withholds survive in the redacted copy?

Every withheld name token is searched for as a whole word, case-insensitively and with
diacritics folded, everywhere in the file, not only where the mentions were: a name the
detector never saw in one place is still caught if it was withheld in another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redactor.decisions import WITHHOLD_ALL, Decisions, Person
from redactor.names import fold, is_initial, tokens


@dataclass(frozen=True)
class Leak:
    """A withheld name token found in the file, with where it stands.

    ``place`` says where inside a structured file ("Footnote 2", "word/document.xml: t");
    line, column and offset are positions in the text the token was found in.
    """

    token: str
    person_id: str
    line: int
    column: int
    offset: int
    place: str = ""


def withheld_tokens(person: Person) -> set[str]:
    """Folded name tokens that ``person``'s decision hides from the redacted copy."""
    if person.action == "keep":
        return set()
    words = set(tokens(person.name))
    for mention in person.mentions:
        words.update(tokens(mention.text))
    shown: set[str] = set()
    if person.action not in WITHHOLD_ALL:  # first_name shows the first name
        shown = {fold(t) for t in tokens(person.replacement)}
    for mention in person.mentions:
        # A mention kept as written shows its name in one place, not everywhere: still search.
        if mention.replacement is not None and mention.replacement != mention.text:
            shown.update(fold(t) for t in tokens(mention.replacement))
    words |= {part for w in list(words) for part in w.split("-")}  # "Jomart" of "Kassym-Jomart"
    folded = {fold(w.rstrip(".")) for w in words if not is_initial(w)}
    return {w for w in folded if len(w) > 1} - shown


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

    def find(self, text: str, place: str = "") -> list[Leak]:
        """Every whole-word occurrence of a withheld token in ``text``, in order."""
        if not self._wanted:
            return []
        folded, origin = _folded_with_offsets(text)
        leaks = []
        for match in self._pattern.finditer(folded):
            offset = origin[match.start()]
            line = text.count("\n", 0, offset) + 1
            column = offset - (text.rfind("\n", 0, offset) + 1) + 1
            leaks.append(Leak(match.group(), self._wanted[match.group()], line, column, offset, place))
        return leaks


def find_leaks(text: str, decisions: Decisions) -> list[Leak]:
    """Every whole-word occurrence of a withheld token in ``text``, in order."""
    return LeakSearch(decisions).find(text)
