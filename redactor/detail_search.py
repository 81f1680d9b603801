"""A withheld detail found again in any formatting: the leak check's and detection's matcher.

A number is written many ways: "+7 701 234 5678", "87012345678", "701-234-56-78", with a
country code or a trunk prefix, in full-width or Arabic-Indic digits. So numbers are
compared as digit strings: every run of digits and separators in a text is read as its
digits, and a phone number is found where a run holds its last seven digits (the
subscriber's number, whatever prefix is written before it); a card or an IP address where
a run holds all of its digits. An ID, a plate or an account number is found with any
separators between its letters and digits ("N 123-4567" for "N1234567"); an e-mail address,
a handle, a link or a street address as written, in any case, on the text the leak check
normalises (``redactor.normalize``: escapes decoded, look-alike letters folded).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from redactor.decisions import Decisions, Detail
from redactor.leaks import DETAIL, Finding
from redactor.normalize import normalize

PHONE_TAIL = 7  # digits of a phone number compared: the subscriber's number, any prefix before
MIN_DIGITS = 5  # a number with fewer digits is too common to be searched for
_SEPARATOR = r"[ \t\r\n().\-\u2010-\u2015/·]"
# A run of digits with at most three separators between two of them ("+7 (701) 234-56-78").
_NUMBER_RUN = re.compile(rf"\+?\d(?:{_SEPARATOR}{{0,3}}\d)*")
_DIGIT_KINDS = ("phone", "card", "ip")
_TEXT_KINDS = ("email", "handle", "url", "address")
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")  # a decimal digit of another script ("٨", "８")
_SCHEME = re.compile(r"^(?:https?://)?(?:www\.)?", re.IGNORECASE)


@dataclass(frozen=True)
class Match:
    """Where a detail's value stands in a text, and how it is written there."""

    start: int
    end: int
    written: str


class Prepared:
    """A text normalised once for every value searched in it, and its runs of digits."""

    def __init__(self, text: str) -> None:
        self.text = text
        folded, self.origin = normalize(text)
        self.folded = _ascii_digits(folded)
        self._runs: list[tuple[int, int, str]] | None = None

    @property
    def runs(self) -> list[tuple[int, int, str]]:
        """(start, end, digits) of every run of digits in the folded text."""
        if self._runs is None:
            self._runs = [(m.start(), m.end(), _digits(m.group()))
                          for m in _NUMBER_RUN.finditer(self.folded)]
        return self._runs

    def match(self, start: int, end: int) -> Match:
        first, last = self.origin[start], self.origin[end - 1] + 1
        return Match(first, last, self.text[first:last])


class ValueSearch:
    """One detail's value, compiled once, searched in many texts."""

    def __init__(self, detail: Detail) -> None:
        self.detail = detail
        self._digits = _digits(detail.text) if detail.kind in _DIGIT_KINDS or _numeric(detail) else ""
        if self._digits and detail.kind == "phone":
            self._digits = self._digits[-PHONE_TAIL:]
        self._pattern = None if self._digits else _pattern(detail)

    @property
    def key(self) -> tuple[str, str]:
        """What two writings of the same value share ("+7 701 234 5678", "87012345678")."""
        return (self.detail.kind, self._digits or (self._pattern.pattern if self._pattern else ""))

    @property
    def searchable(self) -> bool:
        """False for a value too short or too plain to search for (a lone "12")."""
        return len(self._digits) >= MIN_DIGITS or self._pattern is not None

    def find(self, text: Prepared) -> Iterator[Match]:
        """Every place ``text`` holds the value, in any formatting."""
        if self._digits:
            if len(self._digits) >= MIN_DIGITS:
                yield from (text.match(start, end) for start, end, digits in text.runs
                            if self._digits in digits)
        elif self._pattern is not None:
            yield from (text.match(*found.span()) for found in self._pattern.finditer(text.folded))

    def same_number(self, written: str) -> bool:
        """``written`` is this number again, with its prefix or without (a repeat, not a
        longer number that merely holds it)."""
        digits = _digits(written)
        return bool(self._digits) and digits.endswith(self._digits) and (
            self.detail.kind == "phone" or digits == self._digits)


def _numeric(detail: Detail) -> bool:
    """An ID number written with digits only is compared as digits, like a phone number."""
    return detail.kind == "id_number" and not re.search(r"[^\W\d_]", detail.text)


def _digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(char)) for char in text if char.isdecimal())


def _ascii_digits(text: str) -> str:
    """Digits of every script as ASCII digits, one character for one (offsets unchanged)."""
    if text.isascii():
        return text
    return _OTHER_DIGIT.sub(lambda digit: str(unicodedata.decimal(digit.group())), text)


def _pattern(detail: Detail) -> re.Pattern[str] | None:
    """The value as a pattern on normalised text: letters and digits with any separators
    between them (IDs, plates, accounts), or the folded words as written (addresses, mail).
    A handle of letters alone ("@bezshan") is searched after "@" or "/" only: as a plain
    word it is the first name the copy may print."""
    folded = _ascii_digits(normalize(detail.text)[0])
    if detail.kind in _TEXT_KINDS:
        value = _SCHEME.sub("", folded).lstrip("@").rstrip("/.")
        if len(value) < 3:
            return None
        if detail.kind == "address":
            body = r"[\W_]+".join(re.escape(word) for word in re.findall(r"\w+", value))
        else:
            body = re.escape(value)
        before = r"(?<=[@/])" if detail.kind == "handle" and value.isalpha() else r"(?<![\w.])"
        return re.compile(rf"{before}{body}(?!\w)")
    chars = re.findall(r"[^\W_]", folded)
    if len(chars) < MIN_DIGITS:
        return None
    return re.compile(f"{_SEPARATOR}*".join(re.escape(char) for char in chars))


class DetailLeaks:
    """The values of every contact detail a review withholds, to search a copy's strings."""

    def __init__(self, decisions: Decisions) -> None:
        self._searches = [(person_id, ValueSearch(detail)) for person_id, detail in decisions.all_details()
                          if detail.contact and detail.action != "keep"]
        self._searches = [(person_id, search) for person_id, search in self._searches if search.searchable]

    def find(self, text: str, place: str = "") -> list[Finding]:
        """Every withheld value in ``text``, in order, each once where two values overlap."""
        if not self._searches or not text:
            return []
        prepared = Prepared(text)
        found: dict[int, Finding] = {}
        for person_id, search in self._searches:
            for match in search.find(prepared):
                line = text.count("\n", 0, match.start) + 1
                column = match.start - (text.rfind("\n", 0, match.start) + 1) + 1
                detail = search.detail
                found.setdefault(match.start, Finding(
                    match.written, person_id, line, column, match.start, place, DETAIL,
                    f"the withheld {detail.kind.replace('_', ' ')} '{detail.text}'"))
        return [found[offset] for offset in sorted(found)]
