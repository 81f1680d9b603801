"""The review being edited: one document, its decisions, and every change as an undoable command.

Qt-only glue, no detection: suggestions come from the engine, repairs (merge, split, add a
missed name, regions) from ``redactor.review_ops``; this module records what the editor
decided and tells the views.

``Person`` and ``Mention`` objects are never changed in place here: a change builds new ones
and swaps the persons list (and the regions). Undo is then swapping the old lists back, and
a shallow copy (``snapshot``) is a consistent view a background task can read while the
editor goes on working.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from redactor import PLACEHOLDER, review_ops
from redactor.decisions import Decisions, Detail, Mention, Person, Region
from redactor.documents import Document
from redactor.leaks import withheld_tokens
from redactor.replacements import replacement_for

SUGGESTED, NEEDS_REVIEW, CONFIRMED, KEPT = "suggested", "needs_review", "confirmed", "kept"
ATTENTION, CUT = "attention", "cut"
STATES = (SUGGESTED, NEEDS_REVIEW, CONFIRMED, KEPT, ATTENTION, CUT)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewModel", text)


def is_redacted(person: Person, mention: Mention) -> bool:
    """Whether the decision hides this mention (a first-name replacement still counts)."""
    if mention.replacement is not None:
        return mention.replacement != mention.text
    return person.action != "keep"


def mention_state(person: Person, mention: Mention, cut: bool = False,
                  repeats_name: bool = False) -> str:
    """What the highlight shows: the editor's decision, or a suggestion and how sure it is.

    A mention cut with its region is ``CUT``; one whose printed replacement repeats a
    withheld name word needs attention whatever was decided. An unreviewed name the
    suggestion would leave in the copy, or a spelling variant the grouping guessed, needs
    the editor's eyes; any other unreviewed mention is a suggestion.
    """
    if cut:
        return CUT
    if repeats_name:
        return ATTENTION
    redacted = is_redacted(person, mention)
    if person.reviewed:
        return CONFIRMED if redacted else KEPT
    if mention.variant or not redacted:
        return NEEDS_REVIEW
    return SUGGESTED


class Span(NamedTuple):
    """A highlighted stretch of the shown text, and the mention it stands for.

    A tuple, not a dataclass: a long draft has tens of thousands, rebuilt after each change.
    """

    start: int
    end: int
    person_id: str
    mention: int
    state: str


def with_preferences(persons: list[Person], private_action: str, placeholder: str) -> list[Person]:
    """Apply the editor's standing preferences to fresh suggestions.

    The engine suggests ``first_name`` for private people it recognises as such; a newsroom
    that withholds more sets another default, which replaces that suggestion. Placeholder
    suggestions take the preferred placeholder text, except an address's ("withheld" keeps a
    mailto: link well-formed, where "[name withheld]" would not).
    """
    out = []
    pseudonyms = 0
    for person in persons:
        if person.role == "private" and person.action == "first_name" and private_action != "first_name":
            pseudonyms += private_action == "pseudonym"
            person = replace(person, action=private_action, replacement=replacement_for(
                person.name, private_action, pseudonyms, placeholder))
        elif person.action == "placeholder" and person.replacement == PLACEHOLDER != placeholder:
            person = replace(person, replacement=placeholder)
        out.append(person)
    return out


class EditReview(QUndoCommand):
    """Swap the persons, regions and details beside no one for edited ones; undo swaps the
    old ones back."""

    def __init__(self, model: ReviewModel, text: str, persons: list[Person],
                 regions: list[Region] | None = None, details: list[Detail] | None = None) -> None:
        super().__init__(text)
        self.model = model
        self.before = (list(model.persons), list(model.regions), list(model.details))
        self.after = (persons, list(model.regions) if regions is None else regions,
                      list(model.details) if details is None else details)

    def redo(self) -> None:
        self.model._set(*self.after)

    def undo(self) -> None:
        self.model._set(*self.before)


class ReviewModel(QObject):
    """The decisions for one document, with signals for the views and an undo stack."""

    changed = Signal()
    personsChanged = Signal(list)  # ids whose row changed, same order of persons
    structureChanged = Signal()    # persons added, removed or reordered, regions changed

    def __init__(self, document: Document, decisions: Decisions, placeholder: str | None = None,
                 new_person_action: str = "first_name", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.document_path = decisions.document_path
        self.sha256 = decisions.document_sha256
        self.placeholder = placeholder or PLACEHOLDER
        self.new_person_action = new_person_action
        self.persons: list[Person] = list(decisions.persons)
        self.regions: list[Region] = list(decisions.regions)
        self.details: list[Detail] = list(decisions.details)  # beside no person
        self.undo_stack = QUndoStack(self)
        self._spans: list[Span] | None = None
        self._starts: list[int] = []
        self._person_spans: dict[str, tuple[Person, Any, list[Span]]] = {}
        self._withheld: frozenset[str] = frozenset()
        self._withheld_stale = True
        self._withheld_by: dict[str, tuple[Person, set[str]]] = {}
        self._repeats: dict[str, tuple[Person, frozenset[str], dict[int, set[str]]]] = {}

    # ----- reading -----

    def snapshot(self) -> Decisions:
        """The decisions as they stand; later edits do not change the returned object."""
        return Decisions(self.document_path, self.sha256, list(self.persons), list(self.regions),
                         list(self.details))

    def person(self, person_id: str) -> Person:
        for person in self.persons:
            if person.id == person_id:
                return person
        raise KeyError(person_id)

    def row_of(self, person_id: str) -> int:
        for row, person in enumerate(self.persons):
            if person.id == person_id:
                return row
        return -1

    def places(self, person_id: str) -> list[tuple[str, int]]:
        """Where in the file the person's mentions live, with how many in each, in draft order.

        Empty for plain text, whose places are all "".
        """
        counts: dict[str, int] = {}
        for mention in self.person(person_id).mentions:
            place = self.document.place(mention.start)
            if place:
                counts[place] = counts.get(place, 0) + 1
        return list(counts.items())

    def unreviewed_count(self) -> int:
        return sum(1 for p in self.persons if not p.reviewed)

    def all_reviewed(self) -> bool:
        return all(p.reviewed for p in self.persons)

    def possible_left(self) -> list[Person]:
        """The possible names not reviewed yet: the export gate counts them like any person."""
        return [p for p in self.persons if p.tier == review_ops.POSSIBLE and not p.reviewed]

    def outside_story(self, person: Person) -> bool:
        return review_ops.outside_story(person, self.regions)

    def region_at(self, offset: int) -> Region | None:
        return next((r for r in self.regions if r.start <= offset < r.end), None)

    def repeats(self, person: Person) -> dict[int, set[str]]:
        """Mentions of ``person`` whose printed text repeats a withheld name word (cached)."""
        if self._withheld_stale:
            words = self._withheld_words()
            if words != self._withheld:  # a new object only when the words changed
                self._withheld = words
            self._withheld_stale = False
        cached = self._repeats.get(person.id)
        if cached is None or cached[0] is not person or cached[1] is not self._withheld:
            found = review_ops.repeated_name_words(self.document.text, [person], self._withheld)
            cached = (person, self._withheld, {i: words for (_, i), words in found.items()})
            self._repeats[person.id] = cached
        return cached[2]

    def _withheld_words(self) -> frozenset[str]:
        """Every name word the review withholds (each person's words cached until it changes)."""
        by = {}
        for person in self.persons:
            cached = self._withheld_by.get(person.id)
            by[person.id] = cached if cached and cached[0] is person else (person, withheld_tokens(person))
        self._withheld_by = by
        return frozenset().union(*(tokens for _, tokens in by.values()))

    def spans(self) -> list[Span]:
        """Every mention as a highlight span, sorted by position (cached until a change)."""
        if self._spans is None:
            cache = {}
            spans: list[Span] = []
            cuts = [r for r in self.regions if r.treatment == "cut"]
            for person in self.persons:
                cached = self._person_spans.get(person.id)
                repeats = self.repeats(person)
                if cached is None or cached[0] is not person or cached[1] is not repeats:
                    cached = (person, repeats, [
                        Span(m.start, m.end, person.id, i,
                             mention_state(person, m, review_ops.inside(m, cuts) is not None,
                                           i in repeats))
                        for i, m in enumerate(person.mentions)])
                cache[person.id] = cached
                spans.extend(cached[2])
            spans.sort()
            self._person_spans = cache
            self._spans = spans
            self._starts = [s.start for s in spans]
        return self._spans

    def span_at(self, position: int) -> Span | None:
        spans = self.spans()
        index = bisect.bisect_right(self._starts, position) - 1
        if index >= 0 and spans[index].start <= position < spans[index].end:
            return spans[index]
        return None

    def spans_overlapping(self, start: int, end: int) -> list[Span]:
        spans = self.spans()
        first = max(0, bisect.bisect_left(self._starts, start) - 1)
        return [s for s in spans[first:bisect.bisect_left(self._starts, end)] if s.end > start]

    def occurrences(self, name: str) -> list[tuple[int, int]]:
        """Every whole-word place ``name`` stands in the draft (see ``review_ops.find_occurrences``)."""
        return review_ops.find_occurrences(self.document.text, name)

    # ----- editing (each call is one undoable step) -----

    def _push(self, text: str, persons: list[Person], regions: list[Region] | None = None,
              details: list[Detail] | None = None) -> None:
        self.undo_stack.push(EditReview(self, text, persons, regions, details))

    def _edited(self, person_id: str, **changes: Any) -> list[Person]:
        return [replace(p, **changes) if p.id == person_id else p for p in self.persons]

    def accept(self, person_id: str) -> None:
        """Confirm the suggestion as it stands."""
        person = self.person(person_id)
        if not person.reviewed:
            self._push(_tr("Accept {name}").format(name=person.name),
                       self._edited(person_id, reviewed=True))

    def keep(self, person_id: str) -> None:
        """Keep the name everywhere (a public figure, a byline)."""
        person = self.person(person_id)
        if not (person.reviewed and person.action == "keep"):
            self._push(_tr("Keep {name}").format(name=person.name),
                       self._edited(person_id, action="keep", replacement=person.name, reviewed=True))

    def set_reviewed(self, person_id: str, reviewed: bool) -> None:
        person = self.person(person_id)
        if person.reviewed != reviewed:
            text = _tr("Mark {name} reviewed") if reviewed else _tr("Mark {name} not reviewed")
            self._push(text.format(name=person.name), self._edited(person_id, reviewed=reviewed))

    def set_action(self, person_id: str, action: str) -> None:
        """Change the action; the replacement becomes that action's default. Counts as reviewed."""
        person = self.person(person_id)
        if action == person.action:
            return self.accept(person_id)
        self._push(_tr("Set {name} to {action}").format(name=person.name, action=action),
                   self._edited(person_id, action=action, reviewed=True,
                                replacement=self._default(person.name, action, person_id)))

    def _default(self, name: str, action: str, person_id: str = "") -> str:
        others = [p for p in self.persons if p.id != person_id]
        return replacement_for(name, action, review_ops.pseudonym_number(others), self.placeholder)

    def set_replacement(self, person_id: str, replacement: str) -> None:
        """Edit the replacement text; a kept person becomes a placeholder one. Counts as reviewed."""
        person = self.person(person_id)
        if replacement == person.replacement:
            return
        action = "placeholder" if person.action == "keep" else person.action
        if action == "remove" and replacement:
            action = "placeholder"
        self._push(_tr("Replace {name} with “{text}”").format(name=person.name, text=replacement),
                   self._edited(person_id, action=action, replacement=replacement, reviewed=True))

    def set_role(self, person_id: str, role: str) -> None:
        """Change the role; the role drives the action (private: the newsroom's default,
        public or byline: keep). Counts as reviewed: the editor said who this is."""
        person = self.person(person_id)
        if role == person.role:
            return
        action = review_ops.action_for_role(role, self.new_person_action)
        replacement = (person.replacement if action == person.action
                       else self._default(person.name, action, person_id))
        self._push(_tr("Set role of {name} to {role}").format(name=person.name, role=role),
                   self._edited(person_id, role=role, action=action, replacement=replacement,
                                reviewed=True))

    def set_mention_replacement(self, person_id: str, index: int, replacement: str | None) -> None:
        """Override one mention: its own text ("keep this mention"), another text, or None to follow the person."""
        person = self.person(person_id)
        mentions = list(person.mentions)
        if mentions[index].replacement == replacement:
            return
        mentions[index] = replace(mentions[index], replacement=replacement)
        if replacement is None:
            text = _tr("Follow the decision for one mention of {name}")
        elif replacement == mentions[index].text:
            text = _tr("Keep one mention of {name}")
        else:
            text = _tr("Replace one mention of {name}")
        self._push(text.format(name=person.name), self._edited(person_id, mentions=mentions))

    def accept_all(self) -> int:
        """Confirm every remaining suggestion in one undoable step; returns how many."""
        count = self.unreviewed_count()
        if count:
            self._push(_tr("Accept all remaining suggestions"),
                       [p if p.reviewed else replace(p, reviewed=True) for p in self.persons])
        return count

    def dismiss_possible(self) -> tuple[list[str], list[str]]:
        """Mark the remaining possible names as not names of people, printed as written, in
        one undoable step; returns the ids dismissed and those held back because printing
        them would print a word withheld for someone else (``review_ops.dismissible``)."""
        persons, held = review_ops.dismiss_possible(self.document.text, self.persons)
        dismissed = [new.id for old, new in zip(self.persons, persons) if old is not new]
        if dismissed:
            self._push(_tr("Dismiss {count} possible name(s)").format(count=len(dismissed)), persons)
        return dismissed, held

    def add_mentions(self, spans: list[tuple[int, int]], person_id: str | None = None,
                     name: str = "", action: str | None = None) -> str:
        """Add spans the detector missed to a person, or to a new private person; returns its id."""
        persons, person_id = review_ops.add_mentions(
            self.persons, self.document.text, spans, person_id, name,
            action or self.new_person_action, self.placeholder, _tr("added by the editor"))
        label = next(p.name for p in persons if p.id == person_id)
        self._push(_tr("Redact {count} more mention(s) of {name}").format(
            count=len(set(spans)), name=label), persons)
        return person_id

    def merge(self, ids: list[str], into: str) -> None:
        names = ", ".join(self.person(i).name for i in ids if i != into)
        self._push(_tr("Merge {names} into {name}").format(names=names, name=self.person(into).name),
                   review_ops.merge(self.persons, ids, into, self.placeholder))

    def split(self, person_id: str, indices: list[int], name: str = "") -> str:
        persons, new = review_ops.split(self.persons, person_id, indices, name, self.placeholder)
        self._push(_tr("Split {name}").format(name=self.person(person_id).name), persons)
        return new

    def rename(self, person_id: str, name: str) -> None:
        person = self.person(person_id)
        if name.strip() and name.strip() != person.name:
            self._push(_tr("Rename {old} to {new}").format(old=person.name, new=name.strip()),
                       review_ops.rename(self.persons, person_id, name, self.placeholder))

    def move_mentions(self, person_id: str, indices: list[int], to: str) -> None:
        self._push(_tr("Move {count} mention(s) to {name}").format(
            count=len(indices), name=self.person(to).name),
            review_ops.move_mentions(self.persons, person_id, indices, to))

    def mark_region(self, region: Region) -> None:
        persons, regions = review_ops.mark_region(self.persons, self.regions, region)
        text = (_tr("Cut a stretch outside the story") if region.treatment == "cut"
                else _tr("Keep a stretch outside the story as written"))
        self._push(text, persons, regions)

    def unmark_region(self, region: Region) -> None:
        persons, regions = review_ops.unmark_region(self.persons, self.regions, region)
        self._push(_tr("Make a stretch part of the story again"), persons, regions)

    def replace_all(self, text: str, persons: list[Person], regions: list[Region],
                    details: list[Detail] | None = None) -> None:
        """One undoable step to a whole new list (decisions carried over from elsewhere)."""
        self._push(text, persons, regions, details)

    def set_detail_action(self, person_id: str, index: int, action: str) -> None:
        """Keep, remove or generalise a detail of a person ("" for one beside no person), and
        every other writing of the same number or address (``review_ops.set_detail_action``)."""
        detail = (self.person(person_id).details if person_id else self.details)[index]
        if detail.action != action:
            persons, details = review_ops.set_detail_action(self.persons, self.details, person_id,
                                                            index, action)
            self._push(_tr("{action} “{detail}”").format(action=action.capitalize(), detail=detail.text),
                       persons, details=details)

    # ----- applying commands -----

    def _set(self, persons: list[Person], regions: list[Region], details: list[Detail]) -> None:
        before, regions_before = self.persons, self.regions
        self.persons = list(persons)
        self.regions = list(regions)
        self.details = list(details)
        self._spans = None
        self._withheld_stale = True
        if [p.id for p in before] != [p.id for p in self.persons] or regions_before != self.regions:
            self.structureChanged.emit()
        else:
            changed = [new.id for old, new in zip(before, self.persons) if old is not new]
            if changed:
                self.personsChanged.emit(changed)
        self.changed.emit()

