"""The review being edited: one document, its decisions, and every change as an undoable command.

Qt-only glue, no detection: suggestions come from the engine and default replacement texts
from ``redactor.suggestions.replacement_for``; this module records what the editor decided.

``Person`` and ``Mention`` objects are never changed in place here: a change builds new ones
and swaps the persons list. Undo is then swapping the old list back, and a shallow copy of
the list (``snapshot``) is a consistent view a background task can read while the editor
goes on working.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from redactor import PLACEHOLDER
from redactor.decisions import Decisions, Mention, Person
from redactor.documents import Document
from redactor.names import display_name
from ui import lazy_engine

SUGGESTED, NEEDS_REVIEW, CONFIRMED, KEPT = "suggested", "needs_review", "confirmed", "kept"
STATES = (SUGGESTED, NEEDS_REVIEW, CONFIRMED, KEPT)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewModel", text)


def is_redacted(person: Person, mention: Mention) -> bool:
    """Whether the decision hides this mention (a first-name replacement still counts)."""
    if mention.replacement is not None:
        return mention.replacement != mention.text
    return person.action != "keep"


def mention_state(person: Person, mention: Mention) -> str:
    """What the highlight shows: the editor's decision, or a suggestion and how sure it is.

    An unreviewed name the suggestion would leave in the copy, or a spelling variant the
    grouping guessed, needs the editor's eyes; any other unreviewed mention is a suggestion.
    """
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
            person = replace(person, action=private_action, replacement=lazy_engine.replacement_for(
                person.name, private_action, pseudonyms, placeholder))
        elif person.action == "placeholder" and person.replacement == PLACEHOLDER != placeholder:
            person = replace(person, replacement=placeholder)
        out.append(person)
    return out


def _pseudonym_number(persons: list[Person]) -> int:
    """The first "Source X" letter no person already uses."""
    used = {p.replacement for p in persons if p.action == "pseudonym"}
    number = 1
    while lazy_engine.replacement_for("x", "pseudonym", number) in used:
        number += 1
    return number


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with any overlapping the one before dropped: mentions never overlap."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if start < end and (not out or start >= out[-1][1]):
            out.append((start, end))
    return out


def _first_start(person: Person) -> int:
    return min((m.start for m in person.mentions), default=1 << 62)


class EditPersons(QUndoCommand):
    """Swap the persons list for an edited one; undo swaps the old one back."""

    def __init__(self, model: ReviewModel, text: str, after: list[Person]) -> None:
        super().__init__(text)
        self.model = model
        self.before = list(model.persons)
        self.after = after

    def redo(self) -> None:
        self.model._set_persons(self.after)

    def undo(self) -> None:
        self.model._set_persons(self.before)


class ReviewModel(QObject):
    """The decisions for one document, with signals for the views and an undo stack."""

    changed = Signal()
    personsChanged = Signal(list)  # ids whose row changed, same order of persons
    structureChanged = Signal()    # persons added, removed or reordered

    def __init__(self, document: Document, decisions: Decisions, placeholder: str | None = None,
                 new_person_action: str = "first_name", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.document_path = decisions.document_path
        self.sha256 = decisions.document_sha256
        self.placeholder = placeholder
        self.new_person_action = new_person_action
        self.persons: list[Person] = list(decisions.persons)
        self.undo_stack = QUndoStack(self)
        self._spans: list[Span] | None = None
        self._starts: list[int] = []
        self._person_spans: dict[str, tuple[Person, list[Span]]] = {}

    # ----- reading -----

    def snapshot(self) -> Decisions:
        """The decisions as they stand; later edits do not change the returned object."""
        return Decisions(self.document_path, self.sha256, list(self.persons))

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

    def spans(self) -> list[Span]:
        """Every mention as a highlight span, sorted by position (cached until a change)."""
        if self._spans is None:
            cache = {}
            spans: list[Span] = []
            for person in self.persons:
                cached = self._person_spans.get(person.id)
                if cached is None or cached[0] is not person:  # persons are replaced, never edited
                    cached = (person, [Span(m.start, m.end, person.id, i, mention_state(person, m))
                                       for i, m in enumerate(person.mentions)])
                cache[person.id] = cached
                spans.extend(cached[1])
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

    def occurrences(self, start: int, end: int) -> list[tuple[int, int]]:
        """Other whole-word places the selected words stand, starting with a capital letter.

        Names are matched in any case (a caps byline too), but a lower-case start is an
        ordinary word ("the marsh"), as the engine's grouping also holds.
        """
        words = self.document.text[start:end].split()
        if not words:
            return []
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)",
                             re.IGNORECASE)
        return [(m.start(), m.end()) for m in pattern.finditer(self.document.text)
                if m.group()[0].isupper() and (m.start(), m.end()) != (start, end)]

    # ----- editing (each call is one undoable step) -----

    def _push(self, text: str, after: list[Person]) -> None:
        self.undo_stack.push(EditPersons(self, text, after))

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
        others = [p for p in self.persons if p.id != person_id]
        replacement = lazy_engine.replacement_for(person.name, action, _pseudonym_number(others),
                                                  self.placeholder)
        self._push(_tr("Set {name} to {action}").format(name=person.name, action=action),
                   self._edited(person_id, action=action, replacement=replacement, reviewed=True))

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
        person = self.person(person_id)
        if role != person.role:
            self._push(_tr("Set role of {name} to {role}").format(name=person.name, role=role),
                       self._edited(person_id, role=role))

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

    def add_mentions(self, spans: list[tuple[int, int]], person_id: str | None = None,
                     name: str = "", action: str | None = None) -> str:
        """Add spans the detector missed to a person, or to a new private person.

        A span overlapping another person's mention takes it over (the editor says who it
        is); a person left with no mention is dropped. Returns the person's id.
        """
        text = self.document.text
        spans = _disjoint(spans)
        taken = {(s.person_id, s.mention) for start, end in spans
                 for s in self.spans_overlapping(start, end)}
        persons: list[Person] = []
        for person in self.persons:
            kept = [m for i, m in enumerate(person.mentions) if (person.id, i) not in taken]
            if len(kept) != len(person.mentions):
                if not kept:
                    continue
                person = replace(person, mentions=kept)
            persons.append(person)
        added = [Mention(start, end, text[start:end]) for start, end in spans]
        if person_id is not None and any(p.id == person_id for p in persons):
            owner = next(p for p in persons if p.id == person_id)
            persons = [replace(p, mentions=sorted([*p.mentions, *added], key=lambda m: m.start))
                       if p.id == person_id else p for p in persons]
            label = owner.name
        else:
            label = display_name(" ".join(name.split()) or " ".join(text[spans[0][0]:spans[0][1]].split()))
            action = action or self.new_person_action
            person_id = self._new_id()
            persons.append(Person(
                id=person_id, name=label, role="private", action=action,
                replacement=lazy_engine.replacement_for(label, action, _pseudonym_number(persons),
                                                        self.placeholder),
                mentions=added, reviewed=True, reason=_tr("added by the editor")))
        persons.sort(key=_first_start)
        self._push(_tr("Redact {count} more mention(s) of {name}").format(count=len(added), name=label),
                   persons)
        return person_id

    def _new_id(self) -> str:
        used = {p.id for p in self.persons}
        numbers = [int(i[1:]) for i in used if re.fullmatch(r"p\d+", i)]
        number = max(numbers, default=0) + 1
        while f"p{number}" in used:
            number += 1
        return f"p{number}"

    # ----- applying commands -----

    def _set_persons(self, persons: list[Person]) -> None:
        before = self.persons
        self.persons = list(persons)
        self._spans = None
        if [p.id for p in before] != [p.id for p in self.persons]:
            self.structureChanged.emit()
        else:
            changed = [new.id for old, new in zip(before, self.persons) if old is not new]
            if changed:
                self.personsChanged.emit(changed)
        self.changed.emit()
