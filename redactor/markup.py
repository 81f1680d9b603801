"""Markup is not prose: code, addresses and class names are never read as sentences, and
the names found in the prose are found in them too.

A web page's scripts, styles, links and class names hold thousands of words that read like
names to a language model ("NYTD Abra", "Wrapper Inner") and few that are. So the model
reads a document with those places blanked out (``masked``), offsets unchanged; once the
persons are known, every token of their names is looked for in those places (and in the
addresses of a plain-text draft, which the model does read) in the ways
markup writes a name: in any case, joined by hyphens or underscores to other words
("/author/bezshan-nurlanov", "byline--nurlanov"), percent-escaped, or run together with a
longer word when the token is long enough to be told apart ("bezshannurlanov").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from redactor.decisions import Mention
from redactor.formats.textmap import ADDRESS, CODE, IDENTIFIER, URL, Section
from redactor.grouping import Candidate
from redactor.leaks import MIN_INSIDE
from redactor.names import key
from redactor.normalize import normalize

MIN_TOKEN = 3  # shorter tokens ("Li") would be found in every other word of code


def hidden_spans(sections: Iterable[Section]) -> list[tuple[int, int]]:
    """The stretches the model must not read: code, URLs and identifiers; a section of
    prose nested in one of them (a field code's quoted text) is not hidden."""
    return _spans(sections, {CODE, URL, IDENTIFIER})


def markup_spans(sections: Iterable[Section]) -> list[tuple[int, int]]:
    """The stretches where names are looked for as markup writes them: the hidden ones and
    the addresses of a plain-text draft."""
    return _spans(sections, {CODE, URL, IDENTIFIER, ADDRESS})


def _spans(sections: Iterable[Section], kinds: set[str]) -> list[tuple[int, int]]:
    sections = sorted(sections, key=lambda s: s.start - s.end)  # outer sections first
    if not any(section.kind in kinds for section in sections):
        return []
    mask = bytearray(max(section.end for section in sections))
    for section in sections:
        flag = b"\x01" if section.kind in kinds else b"\x00"
        mask[section.start:section.end] = flag * (section.end - section.start)
    return [match.span() for match in re.finditer(b"\x01+", bytes(mask))]


# Words that join a name to others in prose: a hashtag or a handle ("#FreeZhunusova",
# "@szhunusova"), a name run together in CamelCase ("SauleZhunusova"), a word with an
# invisible character inside.
_JOINED_WORD = re.compile(r"[#@]?[\w\u00ad\u200b-\u200f\u2060\ufeff]+")
_JOINS = re.compile(r"^[#@]|[^\W\d_][A-Z]|[\u00ad\u200b-\u200f\u2060\ufeff]")


def compounds(text: str) -> list[tuple[int, int]]:
    """The stretches of prose where a name may be written into a longer word: they are
    searched like markup for the names found elsewhere. (Each word is matched once and then
    looked into, so a line of megabytes costs one pass.)"""
    return [match.span() for match in _JOINED_WORD.finditer(text) if _JOINS.search(match.group())]


def masked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with each span blanked (line ends kept), so offsets stay valid."""
    if not spans:
        return text
    out = list(text)
    for start, end in spans:
        for index in range(start, end):
            if out[index] not in "\r\n":
                out[index] = " "
    return "".join(out)


def add_markup_mentions(text: str, spans: Sequence[tuple[int, int]],
                        candidates: list[Candidate], whole_words: bool = False) -> None:
    """Give each person every occurrence of a name token of theirs in the markup ``spans``.

    A token two persons share is left out: the leak check still finds it if withheld.
    With ``whole_words`` (hashtags, handles, run-together names in prose) the mention is the
    whole word around the name: "@aseitkazina" is an initial and a surname, and replacing
    the surname alone would print "@aAyan".
    """
    owners: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        words = set(candidate.key) | {w for m in candidate.mentions for w in key(m.text)}
        for word in {normalize(w)[0] for w in words if len(w) >= MIN_TOKEN}:
            owners.setdefault(word, []).append(candidate)
    wanted = {word: found[0] for word, found in owners.items() if len(found) == 1}
    if not wanted or not spans:
        return
    pattern = re.compile("|".join(re.escape(w) for w in sorted(wanted, key=len, reverse=True)))
    taken = bytearray(len(text))  # a mask, not a list of spans: a long draft has thousands
    for mention in (m for c in candidates for m in c.mentions):
        taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
    for start, end in spans:
        found = [(a, b, word, wanted[word]) for a, b, word in _occurrences(text, start, end, pattern)
                 if not any(taken[a:b])]
        for first, last, owner in _joined(text, found):
            if whole_words:
                first, last = _word_around(text, first, last, start, end)
            owner.mentions.append(Mention(first, last, text[first:last]))
            taken[first:last] = b"\x01" * (last - first)
    for candidate in candidates:
        candidate.mentions.sort(key=lambda m: m.start)


def _word_around(text: str, first: int, last: int, start: int, end: int) -> tuple[int, int]:
    """The letters and digits around ``first:last``, inside ``start:end``."""
    while first > start and text[first - 1].isalnum():
        first -= 1
    while last < end and text[last].isalnum():
        last += 1
    return first, last


def _joined(text: str, found: list[tuple[int, int, str, Candidate]]) -> list[tuple[int, int, Candidate]]:
    """A person's name tokens in the order of their name, one separator apart
    ("bezshan-nurlanov", "Bezshan Nurlanov"), make one mention: one replacement."""
    joined: list[tuple[int, int, Candidate]] = []
    last_index = -1
    for start, end, word, owner in found:
        order = [normalize(w)[0] for w in owner.key]
        index = order.index(word) if word in order else -1
        if joined and joined[-1][2] is owner and last_index < index \
                and text[joined[-1][1]:start] in ("", " ", "-", "_", ".", "+"):
            joined[-1] = (joined[-1][0], end, owner)
        else:
            joined.append((start, end, owner))
        last_index = index
    return joined


def _occurrences(text: str, start: int, end: int,
                 pattern: re.Pattern[str]) -> Iterable[tuple[int, int, str]]:
    """(start, end, token) of each token in ``text[start:end]``: a whole word between
    non-letters, a word of a run-together name between its capitals ("#FreeGiftMoyo"), or
    inside a longer word when at least ``MIN_INSIDE`` letters long."""
    folded, origin = normalize(text[start:end])
    for match in pattern.finditer(folded):
        before = folded[match.start() - 1:match.start()]
        after = folded[match.end():match.end() + 1]
        whole = not before.isalpha() and not after.isalpha()
        first = start + origin[match.start()]
        last = start + (origin[match.end()] if match.end() < len(origin) else end - start)
        if whole or len(match.group()) >= MIN_INSIDE or _camel_word(text, first, last):
            yield first, last, match.group()


def _camel_word(text: str, first: int, last: int) -> bool:
    """``text[first:last]`` is one word of a name run together: it opens with a capital and
    the next word, if any, with another ("Gift" and "Moyo" of "#FreeGiftMoyo")."""
    return (text[first:first + 1].isupper() and text[first + 1:last].islower()
            and not text[last:last + 1].islower())  # not "DER" of "CONSIDERED"
