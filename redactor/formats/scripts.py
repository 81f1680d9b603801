"""The strings inside scripts, styles and URLs: where names hide in a web page's code.

A page's scripts carry data (JSON-LD with the author's name, a story's text as a
JavaScript string), its styles and attributes carry URLs and class names
("/author/bezshan-nurlanov", "byline--nurlanov"). None of it is prose, so none of it is
read as sentences; these helpers cut it into the pieces that can hold a name: the
content of each string literal and comment of a script, each value of a JSON document,
each URL of a ``srcset``. Offsets are into the code given, so a piece can be written back
where it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A JavaScript (or JSON) token that can hold text: a comment or a string literal. Strings
# are matched where they start, so "//" inside one is never taken for a comment.
_TOKENS = re.compile(r"""
    (?P<line>//[^\n]*)
  | (?P<block>/\*[\s\S]*?\*/)
  | "(?P<double>(?:[^"\\\n]|\\[\s\S])*)"
  | '(?P<single>(?:[^'\\\n]|\\[\s\S])*)'
  | `(?P<template>(?:[^`\\]|\\[\s\S])*)`
""", re.VERBOSE)
_KEY = re.compile(r"\s*:")
_LETTER = re.compile(r"[^\W\d_]")
_SRCSET_URL = re.compile(r"[^\s,][^\s]*")


def script_pieces(code: str, json: bool = False) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of each comment and string content in ``code``; kind is
    "string" or "comment". Object keys ("author" in ``"author": ...``) are left out: they
    are the data's vocabulary, not its values. In JSON (``json``) there are no comments."""
    for match in _TOKENS.finditer(code):
        kind = match.lastgroup
        if kind in ("line", "block"):
            if not json and _LETTER.search(match.group()):
                yield match.start(), match.end(), "comment"
            continue
        start, end = match.span(kind)
        if _KEY.match(code, match.end()) or not _LETTER.search(code, start, end):
            continue
        yield start, end, "string"


def srcset_urls(value: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each URL in a ``srcset`` ("a.jpg 1x, b.jpg 2x"): the first word of
    each comma-separated candidate."""
    position = 0
    for candidate in value.split(","):
        match = _SRCSET_URL.search(candidate)
        if match:
            yield position + match.start(), position + match.end()
        position += len(candidate) + 1
