"""Small text helpers for names: tokens, folding for comparison, initials, case."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from redactor.cues import HONORIFICS

# A name token: letters, possibly joined by hyphens or apostrophes (Kassym-Jomart, O'Neil),
# or an initial with its period (Y.).
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?")
# A nickname in quotes inside a name, of up to three words: 'Mduduzi "Gaw’zela" Simelane',
# 'Luis Fernando "Luas Fernando" García Márquez' (a ``regex`` pattern: it needs \p{Lu}).
QUOTED_NICKNAME = r"[\"“'‘]\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]*){0,2}[\"”'’]"
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$", re.IGNORECASE)


# Letters that carry a stroke or are ligatures do not decompose under NFKD.
_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d",
                               "ħ": "h", "Ħ": "h", "ı": "i", "æ": "ae", "Æ": "ae", "œ": "oe",
                               "Œ": "oe", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "’": "'",
                               "‘": "'", "ʼ": "'"})


def fold(text: str) -> str:
    """Compare names case-insensitively, diacritics and strokes removed (Žomart == zomart, Ø == o)."""
    if text.isascii():
        return text.lower()  # most words: nothing to decompose (called for every word of a draft)
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def tokens(text: str) -> list[str]:
    """The name tokens of a span, punctuation around them dropped."""
    return WORD.findall(text)


def key(text: str) -> tuple[str, ...]:
    """What makes two spellings of a name the same name: folded tokens, no periods."""
    return tuple(fold(t.rstrip(".")) for t in tokens(text))


def misspelt_as(word: str, spellings: Iterable[str]) -> bool:
    """``word`` is one of ``spellings`` with one letter changed ("dul" of "del", "lo" of
    "la"): how a reporter's typo of a particle looks."""
    return any(len(spelling) == len(word) and sum(a != b for a, b in zip(spelling, word)) == 1
               for spelling in spellings)


def is_initial(token: str) -> bool:
    return len(token.rstrip(".")) == 1


def initials(name: str) -> str:
    """'Bezshan Nurlanov' -> 'B.N.'; hyphenated parts count once ('Kassym-Jomart' -> 'K.')."""
    return "".join(t[0].upper() + "." for t in tokens(name) if fold(t.rstrip(".")) not in HONORIFICS)


def strip_possessive(text: str) -> str:
    """'Nurlanov's' -> 'Nurlanov': the name is redacted, the possessive stays."""
    if not text.endswith(("s", "S", "'", "’")):
        return text  # most words: no possessive to look for (called for every word of a draft)
    return _POSSESSIVE.sub("", text)


def is_caps(text: str) -> bool:
    """True for ALL-CAPS text with at least two letters ('YESSENOV'), whose replacement is capitalised too."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def match_case(replacement: str, original: str) -> str:
    """An ALL-CAPS mention gets an ALL-CAPS replacement; anything else is left as given."""
    return replacement.upper() if is_caps(original) else replacement


def display_name(text: str) -> str:
    """A readable name for the review list: 'MARAT YESSENOV' -> 'Marat Yessenov'."""
    return " ".join(t.title() if is_caps(t) else t for t in text.split())
