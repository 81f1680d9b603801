"""Planning the edits a review makes: which stretch of the text becomes what, and why.

Plain Python, quick to import, so the desktop app can show the redacted text (and where
each replacement lands) without loading Presidio. ``redactor.redaction`` runs the same plan
through presidio-anonymizer when a copy is written; both must give the same edits.

Each edit remembers the decision behind it (a person's mention or detail, a detail beside
no person, or a region cut from the copy): the preview highlights replacements with it, and
the redaction log cites it. A detail that is not kept is one edit over its whole span, and
the mentions inside it ("his sister Saule" generalised) need no edit of their own.
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass

from redactor.decisions import Decisions, Detail, Mention, Person, Region, check_offsets
from redactor.detail_rules import detail_printed
from redactor.formats.textmap import Edit, splice
from redactor.names import match_case
from redactor.replacements import check_replacements

_LINK_ENDS = "\"'<>()[]"
_NOT_IN_LINK = re.compile(r"[^\w.~-]+")


@dataclass(frozen=True)
class Planned:
    """One edit and the decision behind it: a mention (``person_id``, ``mention``), a
    detail (``detail``, an index into that person's details, or with no ``person_id`` into
    ``Decisions.details``) or a region cut from the copy (``region``, an index into
    ``Decisions.regions``)."""

    edit: Edit
    person_id: str = ""
    mention: int = -1
    region: int = -1
    detail: int = -1


def mention_replacement(person: Person, mention: Mention) -> str:
    """What a mention becomes: its own override, else the person's replacement (or itself if kept)."""
    if mention.replacement is not None:
        return mention.replacement
    return mention.text if person.action == "keep" else person.replacement


def plan(text: str, decisions: Decisions) -> list[Planned]:
    """Every edit the review makes on ``text``, in text order, each with its decision.

    A mention inside a region cut from the copy needs no edit of its own; a mention that
    straddles a cut's edge is replaced as decided and the cut stops at it. A review whose
    replacements would print a name it withholds is refused, whatever the caller.
    """
    check_offsets(text, decisions)
    check_replacements(decisions)  # never a plan that prints a withheld name
    cuts = [region for region in decisions.regions if region.treatment == "cut"]
    planned = _detail_edits(text, decisions, cuts)
    covered = sorted((item.edit.start, item.edit.end) for item in planned)
    planned += [item for person in decisions.persons
                for index, mention in enumerate(person.mentions)
                if not _within(mention, cuts) and not _covered(mention, covered)
                for item in _mention_edit(text, person, index, cuts)]
    mention_spans = sorted((p.edit.start, p.edit.end) for p in planned)
    for number, region in enumerate(decisions.regions):
        if region.treatment == "cut":
            start, end = _cut_span(region, mention_spans)
            if start < end:
                planned.append(Planned(Edit(start, end, ""), region=number))
    return sorted(planned, key=lambda item: item.edit.start)


def plan_edits(text: str, decisions: Decisions) -> list[Edit]:
    """The edits alone, as the formats apply them."""
    return [item.edit for item in plan(text, decisions)]


def planned_text(text: str, decisions: Decisions) -> str:
    """The redacted text, as a copy of a plain-text draft prints it."""
    return splice(text, plan_edits(text, decisions))


def printed(text: str, person: Person, index: int) -> str:
    """What the copy prints for one mention: its replacement as planned (capitals, links,
    a full stop not doubled), or the mention itself when it is kept."""
    items = _mention_edit(text, person, index)
    return items[0].edit.new if items else person.mentions[index].text


def original_offset(edits: list[Edit], offset: int) -> int:
    """Where ``offset`` in the edited text stood in the original: text between edits maps
    one to one; inside a replacement, to the start of what it replaced."""
    shift = 0
    for edit in edits:
        new_start = edit.start + shift
        if offset < new_start:
            break
        if offset < new_start + len(edit.new):
            return edit.start
        shift += len(edit.new) - (edit.end - edit.start)
    return max(0, offset - shift)


def _mention_edit(text: str, person: Person, index: int,
                  cuts: list[Region] | None = None) -> list[Planned]:
    mention = person.mentions[index]
    new_value = mention_replacement(person, mention)
    if new_value == mention.text:
        return []
    if mention.replacement is None or not any(c.isupper() for c in new_value):
        # A heading in capitals gets capitals; an editor's own text with capitals of its
        # own ("Marat") is printed as typed.
        new_value = match_case(new_value, mention.text)
    if (new_value.endswith(".") and text[mention.end:mention.end + 1] == "."
            and not any(r.start <= mention.end < r.end for r in cuts or ())):
        new_value = new_value[:-1]  # "B.N." at the end of a sentence: one full stop
    if _in_link(text, mention):
        new_value = _link_safe(new_value)
    start, end = _span_to_replace(text, mention, new_value)
    return [Planned(Edit(start, end, new_value), person.id, index)]


def _detail_edits(text: str, decisions: Decisions, cuts: list[Region]) -> list[Planned]:
    """An edit for each detail that is not kept and not inside a region cut from the copy."""
    planned = []
    for person_id, details in [(p.id, p.details) for p in decisions.persons] + [("", decisions.details)]:
        for index, detail in enumerate(details):
            new_value = detail_printed(detail)
            if new_value != detail.text and not _within(detail, cuts):
                if _inside_link(text, detail):  # "mailto:e-mail-address-withheld" stays a link
                    new_value = _link_safe(new_value)
                start, end = _span_to_replace(text, detail, new_value)
                planned.append(Planned(Edit(start, end, new_value), person_id, detail=index))
    return planned


def _within(span: Mention | Detail, regions: list[Region]) -> bool:
    return any(r.start <= span.start and span.end <= r.end for r in regions)


def _covered(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    """The mention lies inside a detail's edit (``spans`` sorted and apart; validation
    allows no partial overlap)."""
    index = bisect.bisect_right(spans, (mention.start, sys.maxsize)) - 1
    return index >= 0 and spans[index][0] <= mention.start and mention.end <= spans[index][1]


def _cut_span(region: Region, mention_spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The region, shrunk so it never overlaps a mention's own edit at its edges."""
    start, end = region.start, region.end
    for mention_start, mention_end in mention_spans:
        if mention_start < start < mention_end:
            start = mention_end
        if mention_start < end < mention_end:
            end = mention_start
    return start, end


def _in_link(text: str, mention: Mention) -> bool:
    """The mention is part of a web address or an e-mail address ("…/profiles/Kairat-Abenov")."""
    token = text[slice(*_token(text, mention))]
    return "://" in token or "@" in token or token.lower().startswith(("mailto:", "www."))


def _inside_link(text: str, detail: Detail) -> bool:
    """The detail is a part of a longer link ("mailto:b.n@mail.kz", "tel:+77012345678"),
    not a whole word of prose (an e-mail address in a sentence gets the bracketed note)."""
    left, right = _token(text, detail)
    token = text[left:right].lower()
    return (left, right) != (detail.start, detail.end) and (
        "://" in token or token.startswith(("mailto:", "tel:", "www.", "sms:", "callto:")))


def _token(text: str, span: Mention | Detail) -> tuple[int, int]:
    """The run of characters around ``span`` up to whitespace or a bracket or quote."""
    left, right = span.start, span.end
    while left > 0 and not text[left - 1].isspace() and text[left - 1] not in _LINK_ENDS:
        left -= 1
    while right < len(text) and not text[right].isspace() and text[right] not in _LINK_ENDS:
        right += 1
    return left, right


def _link_safe(value: str) -> str:
    """A replacement that keeps a link a link: "[name withheld]" becomes "name-withheld"."""
    return _NOT_IN_LINK.sub("-", value).strip("-")


def _span_to_replace(text: str, mention: Mention | Detail, new_value: str) -> tuple[int, int]:
    """A removed name takes the space before it along: no double space, no space before a comma.

    Only a space after a word is taken, so Markdown markers ("> ", "- ") keep theirs.
    """
    start, end = mention.start, mention.end
    following = text[end:end + 1]
    if not new_value and start > 0 and text[start - 1] == " " and (
            following in (" ", "")
            or (following in ".,;:!?)’'\"”" and start > 1 and text[start - 2].isalnum())):
        return start - 1, end
    return start, end
