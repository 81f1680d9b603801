"""Spelling variants of a name within one draft ("Ruzakhunov" / "Ruzakhnunov").

Reporters misspell unfamiliar names, and a misspelt surname leaks as surely as a correct
one. A symmetric-deletion index finds, for any word, the known name part one edit away
(an insertion, deletion, substitution or transposition) without comparing every pair,
which matters for book-length drafts with thousands of capitalised words.
"""

from __future__ import annotations

MIN_LENGTH = 5  # shorter names have too many real words one edit away
TWO_EDITS_LENGTH = 8  # long names may be two edits off ("Alzhayev" / "Alzhanov")


def _deletions(word: str) -> set[str]:
    """The word with up to one letter deleted, or up to two for a long word."""
    once = {word[:i] + word[i + 1:] for i in range(len(word))} | {word}
    if len(word) < TWO_EDITS_LENGTH:
        return once
    return once | {w[:i] + w[i + 1:] for w in once for i in range(len(w))}


class VariantIndex:
    """Folded name parts, looked up by any spelling one edit away."""

    def __init__(self, parts: list[str]) -> None:
        self._index: dict[str, set[str]] = {}
        for part in parts:
            self.add(part)

    def add(self, part: str) -> None:
        """Make ``part`` findable by its variants."""
        if len(part) >= MIN_LENGTH:
            for deletion in _deletions(part):
                self._index.setdefault(deletion, set()).add(part)

    def lookup(self, word: str) -> str | None:
        """The one known part ``word`` is a variant of (same first letter), or None."""
        if len(word) < MIN_LENGTH:
            return None
        found = {part for d in _deletions(word) for part in self._index.get(d, ())
                 if part != word and part[:2] == word[:2] and _close(part, word)}
        return found.pop() if len(found) == 1 else None


def _close(a: str, b: str) -> bool:
    """Two deletions on each side also pair words four edits apart: keep those within two."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    limit = 2 if min(len(a), len(b)) >= TWO_EDITS_LENGTH else 1
    return previous[-1] <= limit
