"""What the copy prints for a detail, and where a detail may stand: plain Python, so the
desktop app and a revised draft's review use the same rules without the engine.

A removed contact detail leaves a note naming what was withheld, so the sentence still
reads ("reached at [phone number withheld]"); a removed identifying detail leaves nothing
(", 31," after a name); a generalised detail prints its replacement ("a baker"). A detail
never cuts a name in two (``whole_mentions``).
"""

from __future__ import annotations

import bisect
import sys
from dataclasses import replace

from redactor.decisions import Detail

Owned = tuple[str, Detail]  # the person id ("" for none) and the detail

_NOTES = {"phone": "phone number", "email": "e-mail address", "handle": "handle", "url": "link",
          "ip": "IP address", "iban": "account number", "card": "card number",
          "id_number": "ID number", "plate": "plate number", "address": "address"}


def withheld_note(kind: str) -> str:
    """The note a removed detail of ``kind`` leaves: "[phone number withheld]", or "" for
    an identifying detail (an age, a place), whose phrase is cut along with its commas."""
    return f"[{_NOTES[kind]} withheld]" if kind in _NOTES else ""


def detail_printed(detail: Detail) -> str:
    """What the copy prints where the detail stands, under its action."""
    if detail.action == "keep":
        return detail.text
    if detail.action == "remove":
        return withheld_note(detail.kind)
    return detail.replacement


def whole_mentions(text: str, owned: list[Owned], mentions: list[tuple[int, int, str]]) -> list[Owned]:
    """Details that never cut a name in two: each grows to hold every mention it overlaps (a
    handle inside a profile link), and is dropped if it then overlaps the one before it.
    ``mentions`` are (start, end, person id), sorted."""
    grown: list[Owned] = []
    for owner, detail in sorted(owned, key=lambda item: item[1].start):
        start, end = detail.start, detail.end
        for m_start, m_end, _ in mentions[max(0, bisect.bisect_left(mentions, (start, 0, "")) - 1):]:
            if m_start >= end:
                break
            if start < m_end:
                start, end = min(start, m_start), max(end, m_end)
        if grown and start < grown[-1][1].end:
            continue
        if (start, end) != (detail.start, detail.end):
            detail = replace(detail, start=start, end=end, text=text[start:end])
        grown.append((owner, detail))
    return grown


class Taken:
    """Spans already given out, sorted and apart: whether a new one overlaps them is found
    by bisection (a draft may hold thousands of details)."""

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self.spans = sorted(spans or [])

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.spans, (start, start))
        return any(a < end and start < b for a, b in self.spans[max(0, index - 1):index + 1])

    def holds(self, start: int, end: int) -> bool:
        """One span holds ``start``-``end`` whole."""
        index = bisect.bisect_right(self.spans, (start, sys.maxsize)) - 1  # the last from before it
        return index >= 0 and self.spans[index][0] <= start and end <= self.spans[index][1]

    def take(self, start: int, end: int) -> None:
        bisect.insort(self.spans, (start, end))
