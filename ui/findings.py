"""The second reading's findings arranged for the editor: grouped, worded, placed in the draft.

Findings point into the copy's text; the editor works on the draft. Each is mapped back
through the planned edits (text between edits maps one to one) and checked against the
draft, with a short search nearby when a structured copy's text moved (comments dropped,
changes accepted). A withheld name word found in lower case ("law" where Marta Law is
withheld) is most likely an ordinary word: it is listed apart, not dropped, since the copy
is still not clean. No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redactor.formats.textmap import Edit
from redactor.leaks import BESIDE, DETAIL, UNREVIEWED, WITHHELD, Finding
from redactor.names import fold
from redactor.plan import original_offset

LOWER_CASE = "lower_case"  # a withheld word found in lower case: probably an ordinary word
CATEGORIES = (WITHHELD, DETAIL, UNREVIEWED, BESIDE, LOWER_CASE)
NEARBY = 400
LINKING = "_./@-:#\\"  # characters that join a word into a file name, link or handle


@dataclass(frozen=True)
class Row:
    """One finding as the panel lists it; ``start`` is -1 when the draft has no such place."""

    category: str
    word: str
    where: str
    person: str
    reason: str
    start: int
    end: int


def arrange(findings: list[Finding], copy_text: str, edits: list[Edit], draft_text: str,
            names: dict[str, str]) -> list[Row]:
    """Rows in category order, each category in the draft's order."""
    rows = [_row(f, copy_text, edits, draft_text, names) for f in findings]
    order = {category: number for number, category in enumerate(CATEGORIES)}
    return sorted(rows, key=lambda r: (order[r.category], r.start if r.start >= 0 else 1 << 62))


def _row(finding: Finding, copy_text: str, edits: list[Edit], draft_text: str,
         names: dict[str, str]) -> Row:
    word = finding.token
    in_text = _in_copy_text(finding, copy_text)
    if in_text:
        word = copy_text[finding.offset:finding.offset + len(finding.token)]
    category = finding.kind
    if finding.kind == WITHHELD and in_text and word.islower() and _in_prose(copy_text, finding):
        category = LOWER_CASE
    start = _in_draft(word, original_offset(edits, finding.offset), draft_text) if in_text else -1
    line, column = finding.line, finding.column
    if start >= 0:  # the editor works on the draft: say where it stands there
        line = draft_text.count("\n", 0, start) + 1
        column = start - (draft_text.rfind("\n", 0, start) + 1) + 1
    where = f"line {line}, column {column}"
    if finding.place and finding.place != "Body":
        where = f"{finding.place}, {where}" if in_text else finding.place
    return Row(category, word, where, names.get(finding.person_id, ""), _reason(finding),
               start, start + len(word) if start >= 0 else -1)


def _in_prose(copy_text: str, finding: Finding) -> bool:
    """The word stands between spaces or punctuation, as an ordinary word does; not inside a
    file name, a link or a handle ("varga_home.jpg", "/emil-varga"), where it is a name."""
    before = copy_text[finding.offset - 1:finding.offset] if finding.offset else " "
    after = copy_text[finding.offset + len(finding.token):finding.offset + len(finding.token) + 1]
    return not any(c and (c in LINKING or c.isdigit()) for c in (before, after))


def _in_copy_text(finding: Finding, copy_text: str) -> bool:
    """Whether the finding's offset points into the copy's text (not into a part's XML)."""
    found = copy_text[finding.offset:finding.offset + len(finding.token)]
    return bool(found) and (found == finding.token or fold(found) == finding.token)


def _in_draft(word: str, guess: int, draft_text: str) -> int:
    """Where ``word`` stands in the draft: at ``guess``, or the nearest place around it."""
    if fold(draft_text[guess:guess + len(word)]) == fold(word):
        return guess
    pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)
    low, high = max(0, guess - NEARBY), min(len(draft_text), guess + NEARBY)
    places = [m.start() for m in pattern.finditer(draft_text, low, high)]
    return min(places, key=lambda p: abs(p - guess)) if places else -1


def _reason(finding: Finding) -> str:
    if finding.reason:
        return finding.reason
    if finding.kind == WITHHELD:
        return "a name word the review withholds is still in the copy"
    return ""


def category_label(category: str) -> str:
    return {WITHHELD: "Withheld names still in the copy",
            DETAIL: "Withheld details still in the copy (numbers, addresses, accounts)",
            UNREVIEWED: "Names the review does not keep",
            BESIDE: "Name words beside a replacement",
            LOWER_CASE: "Withheld words in lower case (probably ordinary words: check)"}[category]
