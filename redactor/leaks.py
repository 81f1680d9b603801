"""The leak check: does any name a decision withholds survive in the redacted copy?

Every withheld name token is searched for everywhere in the file, not only where the
mentions were: a name the detector never saw in one place is still caught if it was
withheld in another. The text is normalised first (``redactor.normalize``): case,
diacritics, look-alike letters, invisible characters, escapes and line-end hyphenation
cannot hide a name. A token is found

- as a word of its own, where digits and underscores count as boundaries ("nurlanov640.jpg",
  "_Nurlanov_");
- written into a longer word, when it is at least ``MIN_INSIDE`` letters long
  ("#FreeNurlanov", "@bnurlanov", "BezshanNurlanov"), unless the original draft uses that
  longer word in its prose (``allowed``: "Harlanson" for the token "Harlan");
- at a capital inside a word, however short ("FreeLi", "LiWei").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from redactor.cues import PARTICLES, PATRONYMIC_WORDS
from redactor.decisions import WITHHOLD_ALL, Decisions, Person
from redactor.names import fold, is_initial, strip_possessive, tokens
from redactor.normalize import joined_hyphenation, normalize


# What a finding is. A copy is called clean only when it has none of any kind.
WITHHELD = "withheld"  # a name token the review withholds, still in the copy
UNREVIEWED = "unreviewed"  # the second reading calls it a name, and the review does not keep it
BESIDE = "beside"  # a name word standing right next to a replacement ("Kairat [name withheld]")
DETAIL = "detail"  # a withheld contact detail (a number, an address), in any formatting

MIN_INSIDE = 5  # letters a token needs to be searched for inside longer words
MIN_BINARY = 4  # letters a token needs to be searched for in text found in binary data
_ALLOWED_PER_TOKEN = 20
_LETTERS = re.compile(r"[^\W\d_]+")
# Where a word of prose may start and end: not inside a link, a handle or a hashtag.
_PROSE_BEFORE = frozenset(" \t\r\n(\"'“‘«[—–-")
_PROSE_AFTER = frozenset(" \t\r\n)\"'”’»].,;:!?—–-")


@dataclass(frozen=True)
class Finding:
    """Something in a copy that stops it from being called clean, with where it stands.

    ``token`` is the word found (folded for a withheld token, as written otherwise);
    ``place`` says where inside a structured file ("Footnote 2", "word/document.xml: t");
    line, column and offset are positions in the text the word was found in; ``reason``
    says how a disguised or joined form was written.
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
    # "Jomart" of "Kassym-Jomart"; not "Al" of "Al-Moez", an article whatever its case.
    words |= {part for w in list(words) for part in w.split("-") if fold(part) not in PARTICLES or part == w}
    # Particles written small ("de", "la", "bin", "al") and patronymic words ("kyzy": a
    # daughter) name nobody alone and are ordinary words elsewhere; written with a capital
    # they are a name ("Viktor Ten").
    folded = {fold(w.rstrip(".")) for w in words
              if not is_initial(w) and not (w.islower() and fold(w) in PARTICLES | PATRONYMIC_WORDS)}
    return {w for w in folded if len(w) > 1} - shown


class LeakSearch:
    """The withheld tokens of a review compiled once, to search many strings of one file.

    ``original`` is the draft's text, if known: the longer words it uses in its prose that
    contain a token are allowed to stay in the copy.
    """

    def __init__(self, decisions: Decisions, original: str | None = None) -> None:
        self._wanted: dict[str, str] = {}
        self._names = {normalize(t)[0] for person in decisions.persons
                       for t in key_tokens(person) if len(t) >= 3}
        for person in decisions.persons:
            for token in withheld_tokens(person):
                searched = normalize(strip_possessive(token))[0]
                if len(searched) > 1:
                    self._wanted.setdefault(searched, person.id)
        alternatives = "|".join(re.escape(t) for t in sorted(self._wanted, key=len, reverse=True))
        self._pattern = re.compile(f"(?:{alternatives})") if self._wanted else None
        self.allowed = self._allowed(original) if original and self._pattern else set()

    def find(self, text: str, place: str = "", binary: bool = False) -> list[Finding]:
        """Every occurrence of a withheld token in ``text``, in order; in text found in
        binary data (``binary``), whole words of ``MIN_BINARY`` letters or more only."""
        if self._pattern is None or not text:
            return []
        folded, origin = normalize(text)
        lines = _Lines(text)
        found = {f.offset: f for f in self._search(text, folded, origin, place, binary, lines)}
        joined = joined_hyphenation(folded, origin)
        if joined is not None:
            for finding in self._search(text, *joined, place, binary, lines):
                found.setdefault(finding.offset, finding)
        return [found[offset] for offset in sorted(found)]

    def _search(self, text: str, folded: str, origin: Sequence[int], place: str,
                binary: bool, lines: _Lines) -> Iterable[Finding]:
        assert self._pattern is not None
        for match in self._pattern.finditer(folded):
            token = match.group()
            word = _word_around(folded, match.start(), match.end())
            whole = word == (match.start(), match.end())
            if binary and (not whole or len(token) < MIN_BINARY):
                continue
            if not whole and not self._joined(text, folded, origin, match, word):
                continue
            offset = origin[match.start()]
            written = text[offset:origin[match.end() - 1] + 1]
            reason = "" if fold(written) == token else f"written as '{written}'"
            if not whole:
                reason = f"inside the word '{folded[word[0]:word[1]]}'"
            line, column = lines.position(offset)
            yield Finding(token, self._wanted[token], line, column, offset, place, reason=reason)

    def _joined(self, text: str, folded: str, origin: Sequence[int], match: re.Match[str],
                word: tuple[int, int]) -> bool:
        """A token inside a longer word is a leak when long enough and not a word the
        draft itself uses, or when it starts or ends at a capital ("FreeLi", "LiWei")."""
        if len(match.group()) >= MIN_INSIDE:
            return folded[word[0]:word[1]] not in self.allowed
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        left = match.start() == word[0] or (text[start:start + 1].isupper()
                                           and text[start - 1:start].islower())
        right = match.end() == word[1] or (text[end:end + 1].isupper()
                                          and text[end - 1:end].islower())
        return left and right

    def _allowed(self, original: str) -> set[str]:
        """Longer words of the draft's prose that contain a token of at least ``MIN_INSIDE``
        letters without being a name joined to something: not at a capital inside the word,
        not holding another name of the review, not part of a link, a handle or a hashtag."""
        assert self._pattern is not None
        folded, origin = normalize(original)
        allowed: dict[str, set[str]] = {}
        for match in self._pattern.finditer(folded):
            token = match.group()
            start, end = _word_around(folded, match.start(), match.end())
            if len(token) < MIN_INSIDE or (start, end) == (match.start(), match.end()):
                continue
            word = folded[start:end]
            rest = word.replace(token, " ", 1)
            first, last = origin[start], origin[end - 1] + 1
            inner = origin[match.start()]
            if (any(t in rest for t in self._names)
                    or (inner > first and original[inner].isupper())
                    or (first > 0 and original[first - 1] not in _PROSE_BEFORE)
                    or (last < len(original) and original[last] not in _PROSE_AFTER)):
                continue
            words = allowed.setdefault(token, set())
            if len(words) < _ALLOWED_PER_TOKEN:
                words.add(word)
        return set().union(*allowed.values()) if allowed else set()


class _Lines:
    """Line and column of offsets in one text, the line starts found once when first asked."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None

    def position(self, offset: int) -> tuple[int, int]:
        if self._starts is None:
            self._starts = [0] + [m.end() for m in re.finditer("\n", self._text)]
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def key_tokens(person: Person) -> set[str]:
    """Every folded name word of a person, shown or withheld."""
    return {fold(t.rstrip(".")) for text in [person.name, *(m.text for m in person.mentions)]
            for t in tokens(text)}


def _word_around(folded: str, start: int, end: int) -> tuple[int, int]:
    """The run of letters that holds ``folded[start:end]`` (digits and "_" end a word)."""
    while start > 0 and _is_letter(folded[start - 1]):
        start -= 1
    while end < len(folded) and _is_letter(folded[end]):
        end += 1
    return start, end


def _is_letter(char: str) -> bool:
    return char.isalpha()


def find_leaks(text: str, decisions: Decisions) -> list[Finding]:
    """Every occurrence of a withheld token in ``text``, in order."""
    return LeakSearch(decisions).find(text)
