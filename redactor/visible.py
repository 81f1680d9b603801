"""A draft as detection reads it: without the characters that print nothing.

A zero-width space or a soft hyphen inside "Zhu\u200bnusova" splits the name for the model
and for every pattern, while a reader sees it whole. Detection reads the visible text
and every span it finds is mapped back to the draft's own offsets, so a mention (and its
replacement) covers the hidden characters too.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from redactor.decisions import Mention
from redactor.grouping import Candidate
from redactor.normalize import invisible
from redactor.facts import TextFacts


@dataclass(frozen=True)
class VisibleText:
    """``text`` without invisible characters, and for each of its characters the offset
    in the draft it came from (one more entry: the draft's length)."""

    text: str
    origin: tuple[int, ...]

    @staticmethod
    def of(draft: str) -> VisibleText | None:
        """The visible text of ``draft``, or None when every character is visible."""
        if not any(invisible(char) for char in draft if not char.isascii()):
            return None
        kept = [offset for offset, char in enumerate(draft) if not invisible(char)]
        return VisibleText("".join(draft[offset] for offset in kept), tuple(kept) + (len(draft),))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The draft's offsets for ``text[start:end]``: from its first to its last character."""
        return self.origin[start], self.origin[end - 1] + 1 if end > start else self.origin[start]

    def at(self, offset: int) -> int:
        """The offset in ``text`` of the draft's ``offset`` (or of the next visible character)."""
        return bisect.bisect_left(self.origin, offset)

    def restore(self, candidates: list[Candidate], facts: TextFacts, draft: str) -> TextFacts:
        """Put every mention (and the places of ``facts``) back at the draft's offsets."""
        for candidate in candidates:
            candidate.mentions = [_moved(mention, self.span(mention.start, mention.end), draft)
                                  for mention in candidate.mentions]
        return replace(facts, places=tuple(self.span(start, end) for start, end in facts.places))


def _moved(mention: Mention, span: tuple[int, int], draft: str) -> Mention:
    return replace(mention, start=span[0], end=span[1], text=draft[span[0]:span[1]])
