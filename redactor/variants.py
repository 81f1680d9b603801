"""Spelling variants of a name within one draft ("Ruzakhunov" / "Ruzakhnunov").

Reporters misspell unfamiliar names, and a misspelt surname leaks as surely as a correct
one. A symmetric-deletion index finds, for any word, the known name part one edit away
(an insertion, deletion, substitution or transposition) without comparing every pair,
which matters for book-length drafts with thousands of capitalised words.
"""

from __future__ import annotations

MIN_LENGTH = 5  # shorter names have too many real words one edit away


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}


class VariantIndex:
    """Folded name parts, looked up by any spelling one edit away."""

    def __init__(self, parts: list[str]) -> None:
        self._index: dict[str, set[str]] = {}
        for part in parts:
            if len(part) >= MIN_LENGTH:
                for deletion in _deletions(part):
                    self._index.setdefault(deletion, set()).add(part)

    def lookup(self, word: str) -> str | None:
        """The one known part ``word`` is a variant of (same first letter), or None."""
        if len(word) < MIN_LENGTH:
            return None
        found = {part for d in _deletions(word) for part in self._index.get(d, ())
                 if part != word and part[0] == word[0]}
        return found.pop() if len(found) == 1 else None
