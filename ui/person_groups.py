"""Which group the persons tree lists a person in, and the words for groups, actions and roles.

People at risk come first, then public figures, the people credited, the possible names
(names only weak sources propose, listed apart for the editor to confirm or dismiss) and
those named only outside the story. A possible name the editor withholds is promoted to
the persons of its role; one kept as written (dismissed) stays with the possible names.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from redactor.decisions import Person
from redactor.review_ops import is_possible
from ui.review_model import ATTENTION, CONFIRMED, CUT, KEPT, NEEDS_REVIEW, SUGGESTED, ReviewModel

AT_RISK, PUBLIC, BYLINE, POSSIBLE, OUTSIDE = "at_risk", "public", "byline", "possible", "outside"
GROUPS = (AT_RISK, PUBLIC, BYLINE, POSSIBLE, OUTSIDE)


def _tr(text: str, count: int = -1) -> str:
    return QCoreApplication.translate("PersonTree", text, "", count)


def group_of(person: Person, outside_story: bool) -> str:
    """The group a person is listed in."""
    if outside_story:
        return OUTSIDE
    if is_possible(person):
        return POSSIBLE
    return {"public": PUBLIC, "byline": BYLINE}.get(person.role, AT_RISK)


def group_labels() -> dict[str, str]:
    return {AT_RISK: _tr("At risk"), PUBLIC: _tr("Public figures"),
            BYLINE: _tr("Bylines and credits"), POSSIBLE: _tr("Possible names (not sure)"),
            OUTSIDE: _tr("Outside the story")}


def tier_note(person: Person) -> str:
    """A line for tooltips saying a person came from the possible names, and what became of it."""
    if person.tier != POSSIBLE:
        return ""
    if not is_possible(person):
        return _tr("a possible name, promoted: its decision withholds it")
    if person.reviewed:
        return _tr("a possible name, dismissed: printed as written")
    return _tr("a possible name: only weak signs say this is a person's name; accept to withhold "
               "it, or dismiss it (Ctrl+Shift+D) to print it as written")


def action_labels() -> dict[str, str]:
    return {"keep": _tr("keep"), "first_name": _tr("first name"), "initials": _tr("initials"),
            "placeholder": _tr("placeholder"), "pseudonym": _tr("pseudonym"),
            "remove": _tr("remove")}


def role_labels() -> dict[str, str]:
    return {"private": _tr("private"), "public": _tr("public"), "byline": _tr("byline")}


def places_text(places: list[tuple[str, int]]) -> str:
    """"Mentioned in: Body (3), Footnote 2 (1)" for a person's mentions."""
    return _tr("Mentioned in: {places}").format(
        places=", ".join(f"{place} ({count})" for place, count in places))


def person_state(review: ReviewModel, person: Person) -> str:
    """One state for a person's row, by the same rules as its mentions' highlights."""
    if review.repeats(person):
        return ATTENTION
    if review.outside_story(person) and person.action == "remove":
        return CUT
    if not person.reviewed:
        redacted = person.action != "keep"
        return SUGGESTED if redacted and not any(m.variant for m in person.mentions) else NEEDS_REVIEW
    return KEPT if person.action == "keep" else CONFIRMED
