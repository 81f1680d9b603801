"""What the copy prints for a detail: plain Python, so the desktop app shows it at once.

A removed contact detail leaves a note naming what was withheld, so the sentence still
reads ("reached at [phone number withheld]"); a removed identifying detail leaves nothing
(", 31," after a name); a generalised detail prints its replacement ("a baker").
"""

from __future__ import annotations

from redactor.decisions import Detail

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
