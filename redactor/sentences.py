"""Where the sentences of a draft begin and end, for what stands beside a person.

A phone number or an age belongs to the person named in its sentence, so details are tied
to persons sentence by sentence. The model's own sentences are not at hand after grouping
(they are read chunk by chunk), and a rule is enough here: a sentence ends at ".", "!" or
"?" before a capital (not after "Mr." or an initial), at a blank line, and at the end of a
short line (a heading, a caption, a "Contact:" line), where a hard-wrapped paragraph's long
lines run on.
"""

from __future__ import annotations

import bisect
import re

from redactor.cues import HONORIFICS

SHORT_LINE = 50  # a line shorter than this ends where it ends (see ``check.WRAPPED_LINE``)
_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z\d])|\r?\n[ \t]*\r?\n|\r?\n")
_ABBREVIATIONS = HONORIFICS | {"st", "no", "gen", "lt", "col", "sgt", "capt", "gov", "sen", "rep", "jr",
                               "sr", "ave", "blvd", "rd", "mt", "ft", "vs", "inc", "co", "corp", "ltd",
                               "u.s", "u.k", "ul", "pr", "mkr", "apt", "dept", "est", "approx"}


class Sentences:
    """The sentence spans of one text, found once, looked up by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        for match in _END.finditer(text):
            found = match.group()
            if found[0] in "\r\n" and found.count("\n") == 1 and not self._line_ends(match.start()):
                continue
            if found[0] == "." and self._abbreviated(match.start()):
                continue
            starts.append(match.end())
        self._starts = starts

    def span(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``offset``."""
        index = bisect.bisect_right(self._starts, offset) - 1
        end = self._starts[index + 1] if index + 1 < len(self._starts) else len(self.text)
        return self._starts[index], end

    def _line_ends(self, offset: int) -> bool:
        """A single line break ends a sentence after a short line or a full stop."""
        line_start = self.text.rfind("\n", 0, offset) + 1
        line = self.text[line_start:offset].rstrip()
        return len(line) < SHORT_LINE or line.endswith((".", "!", "?", ":", '"', "”"))

    def _abbreviated(self, offset: int) -> bool:
        """The full stop at ``offset`` ends "Mr", "St", "U.S" or an initial, not a sentence."""
        word = re.search(r"[\w.]+$", self.text[max(0, offset - 12):offset])
        if word is None:
            return False
        value = word.group().lower()
        return value in _ABBREVIATIONS or (len(value) == 1 and value.isalpha())
