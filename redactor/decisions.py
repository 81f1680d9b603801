"""The decisions file: one JSON format for the CLI, the GUI's saved reviews and the tests.

A review lists persons, each with a role, an action and a replacement, and the mentions
(character offsets into the document's text) that the action applies to. A person may also
carry ``details``: a phone number, an address, an age beside the name, each with an action
of its own; details that stand beside no person are listed in the review's own ``details``.
Loading checks everything a hand-edited or stale file could get wrong, so applying never
guesses.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redactor.errors import DecisionsError
from redactor.writing import write_atomic

FORMAT = "redactor-decisions/1"
ROLES = ("private", "public", "byline")
TIERS = ("", "possible")
ACTIONS = ("keep", "first_name", "initials", "placeholder", "pseudonym", "remove")
# What becomes of a stretch the editor marked as outside the story (a scraped page's
# "Recommended stories", navigation, comments): cut from the copy, or kept as written.
TREATMENTS = ("cut", "keep")
# Actions whose replacement hides the whole name; first_name hides all but the first name.
WITHHOLD_ALL = ("initials", "placeholder", "pseudonym", "remove")
# Details: how to reach a person (withheld by default) and what could identify them (flagged).
CONTACT_KINDS = ("phone", "email", "handle", "url", "ip", "iban", "card", "id_number", "plate",
                 "address")
IDENTIFYING_KINDS = ("age", "job", "workplace", "place", "relative")
# keep: printed as written; remove: replaced by a note naming what was withheld ("[phone
# number withheld]"; nothing for an identifying detail); generalise: replaced by its
# ``replacement`` ("a 31-year-old baker from the Medeu district" -> "a baker").
DETAIL_ACTIONS = ("keep", "remove", "generalise")


@dataclass
class Mention:
    """One place a person is named: ``text`` is exactly ``document.text[start:end]``."""

    start: int
    end: int
    text: str
    replacement: str | None = None
    variant: bool = False  # a spelling variant grouped with the person, for the editor to confirm

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        if self.replacement is not None:
            data["replacement"] = self.replacement
        if self.variant:
            data["variant"] = True
        return data


@dataclass
class Detail:
    """Something beside a name that can find the person: ``text`` is exactly
    ``document.text[start:end]``. ``kind`` is one of ``CONTACT_KINDS``, or one or more of
    ``IDENTIFYING_KINDS`` joined by "+" ("age+place") for one phrase that holds several."""

    start: int
    end: int
    text: str
    kind: str
    action: str
    replacement: str = ""
    reason: str = ""

    @property
    def contact(self) -> bool:
        """A way to reach the person (a number, an address): its value is leak-checked."""
        return self.kind in CONTACT_KINDS

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text,
                                "kind": self.kind, "action": self.action,
                                "replacement": self.replacement}
        if self.reason:
            data["reason"] = self.reason
        return data


@dataclass
class Person:
    """A person named in the draft and what the editor decided for them."""

    id: str
    name: str
    role: str
    action: str
    replacement: str
    mentions: list[Mention] = field(default_factory=list)
    reviewed: bool = False
    reason: str = ""  # why the suggestion was made, shown to the editor
    tier: str = ""  # "possible": a name only weak sources propose, listed apart for the editor
    evidence: list[str] = field(default_factory=list)  # what the suggestion rests on
    details: list[Detail] = field(default_factory=list)  # contact and identifying details

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "name": self.name, "role": self.role,
                                "action": self.action, "replacement": self.replacement,
                                "reviewed": self.reviewed}
        if self.tier:
            data["tier"] = self.tier
        if self.reason:
            data["reason"] = self.reason
        if self.evidence:
            data["evidence"] = list(self.evidence)
        data["mentions"] = [m.to_json() for m in self.mentions]
        if self.details:
            data["details"] = [d.to_json() for d in self.details]
        return data


@dataclass(frozen=True)
class Region:
    """A stretch of the text the editor marked as outside the story.

    ``cut`` leaves it out of the copy; ``keep`` prints it as written, except the names of
    persons withheld elsewhere: a region never lets a withheld name through.
    """

    start: int
    end: int
    treatment: str = "cut"

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "treatment": self.treatment}


@dataclass
class Decisions:
    """Every person in one document, tied to that document by the hash of its bytes."""

    document_path: str
    document_sha256: str
    persons: list[Person] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    details: list[Detail] = field(default_factory=list)  # details beside no person

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": FORMAT, "document": {"path": self.document_path, "sha256": self.document_sha256},
            "persons": [p.to_json() for p in self.persons]}
        if self.details:
            data["details"] = [d.to_json() for d in self.details]
        if self.regions:
            data["regions"] = [r.to_json() for r in self.regions]
        return data

    def all_details(self) -> list[tuple[str, Detail]]:
        """Every detail with the id of its person ("" for one beside no person), in text order."""
        found = [(p.id, d) for p in self.persons for d in p.details] + [("", d) for d in self.details]
        return sorted(found, key=lambda item: item[1].start)

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"

    def unreviewed(self) -> list[Person]:
        return [p for p in self.persons if not p.reviewed]

    def person(self, person_id: str) -> Person:
        for person in self.persons:
            if person.id == person_id:
                return person
        raise KeyError(person_id)


def load_decisions(path: str | Path) -> Decisions:
    """Read and validate a decisions file; every problem is a one-line ``DecisionsError``."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))  # Notepad writes a BOM
    except FileNotFoundError:
        raise DecisionsError(f"{path.name}: no such decisions file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DecisionsError(f"{path.name}: not a readable decisions file ({error})") from None
    return parse_decisions(data, source=path.name)


def parse_decisions(data: Any, source: str = "decisions") -> Decisions:
    """Build ``Decisions`` from parsed JSON, checking types, roles, actions and offsets."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DecisionsError(f"{source}: not a {FORMAT} file")
    document = _field(data, "document", dict, source)
    persons = [_person(p, f"{source}: person {i + 1}")
               for i, p in enumerate(_field(data, "persons", list, source))]
    ids = [p.id for p in persons]
    if len(set(ids)) != len(ids):
        raise DecisionsError(f"{source}: person ids are not unique")
    regions = [_region(r, f"{source}: region {i + 1}")
               for i, r in enumerate(_optional(data, "regions", list, source) or [])]
    details = _details(data, source)
    decisions = Decisions(_field(document, "path", str, source),
                          _field(document, "sha256", str, source), persons,
                          sorted(regions, key=lambda r: r.start), details)
    _check_overlaps(decisions, source)
    return decisions


def _person(data: Any, where: str) -> Person:
    if not isinstance(data, dict):
        raise DecisionsError(f"{where}: is not an object")
    role, action = _field(data, "role", str, where), _field(data, "action", str, where)
    if role not in ROLES:
        raise DecisionsError(f"{where}: role must be one of {', '.join(ROLES)}")
    if action not in ACTIONS:
        raise DecisionsError(f"{where}: action must be one of {', '.join(ACTIONS)}")
    mentions = [_mention(m, f"{where}, mention {j + 1}")
                for j, m in enumerate(_field(data, "mentions", list, where))]
    tier = _optional(data, "tier", str, where) or ""
    if tier not in TIERS:
        raise DecisionsError(f"{where}: tier must be \"possible\" or absent")
    evidence = _optional(data, "evidence", list, where) or []
    if not all(isinstance(item, str) for item in evidence):
        raise DecisionsError(f"{where}: 'evidence' must be a list of strings")
    return Person(id=_field(data, "id", str, where), name=_field(data, "name", str, where),
                  role=role, action=action,
                  replacement=_optional(data, "replacement", str, where) or "",
                  mentions=mentions,
                  reviewed=bool(_optional(data, "reviewed", bool, where)),
                  reason=_optional(data, "reason", str, where) or "", tier=tier, evidence=evidence,
                  details=_details(data, where))


def _mention(data: Any, where: str) -> Mention:
    if not isinstance(data, dict):
        raise DecisionsError(f"{where}: is not an object")
    start, end = _field(data, "start", int, where), _field(data, "end", int, where)
    text = _field(data, "text", str, where)
    if not 0 <= start < end or end - start != len(text):
        raise DecisionsError(f"{where}: offsets do not match the length of its text")
    return Mention(start, end, text, _optional(data, "replacement", str, where),
                   bool(_optional(data, "variant", bool, where)))


def _details(data: dict[str, Any], where: str) -> list[Detail]:
    """The optional ``details`` list of a person or of the review (files without it load)."""
    return [_detail(d, f"{where}, detail {k + 1}")
            for k, d in enumerate(_optional(data, "details", list, where) or [])]


def _detail(data: Any, where: str) -> Detail:
    if not isinstance(data, dict):
        raise DecisionsError(f"{where}: is not an object")
    start, end = _field(data, "start", int, where), _field(data, "end", int, where)
    text, kind = _field(data, "text", str, where), _field(data, "kind", str, where)
    action = _field(data, "action", str, where)
    if not 0 <= start < end or end - start != len(text):
        raise DecisionsError(f"{where}: offsets do not match the length of its text")
    if not valid_kind(kind):
        raise DecisionsError(f"{where}: kind must be one of {', '.join(CONTACT_KINDS)}, or of "
                             f"{', '.join(IDENTIFYING_KINDS)} joined by '+'")
    if action not in DETAIL_ACTIONS:
        raise DecisionsError(f"{where}: action must be one of {', '.join(DETAIL_ACTIONS)}")
    return Detail(start, end, text, kind, action, _optional(data, "replacement", str, where) or "",
                  _optional(data, "reason", str, where) or "")


def valid_kind(kind: str) -> bool:
    """A contact kind, or identifying kinds joined by "+", each once."""
    parts = kind.split("+")
    if len(parts) == 1 and kind in CONTACT_KINDS:
        return True
    return len(set(parts)) == len(parts) and all(part in IDENTIFYING_KINDS for part in parts)


def _region(data: Any, where: str) -> Region:
    if not isinstance(data, dict):
        raise DecisionsError(f"{where}: is not an object")
    start, end = _field(data, "start", int, where), _field(data, "end", int, where)
    treatment = _field(data, "treatment", str, where)
    if not 0 <= start < end:
        raise DecisionsError(f"{where}: its start must come before its end")
    if treatment not in TREATMENTS:
        raise DecisionsError(f"{where}: treatment must be one of {', '.join(TREATMENTS)}")
    return Region(start, end, treatment)


def _field(data: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise DecisionsError(f"{where}: '{key}' is missing or not a {kind.__name__}")
    return value


def _optional(data: dict[str, Any], key: str, kind: type, where: str) -> Any:
    return None if data.get(key) is None else _field(data, key, kind, where)


def _check_overlaps(decisions: Decisions, source: str) -> None:
    spans = sorted((m.start, m.end) for p in decisions.persons for m in p.mentions)
    for (_, end), (start, _) in zip(spans, spans[1:]):
        if start < end:
            raise DecisionsError(f"{source}: two mentions overlap at character {start}")
    for before, after in zip(decisions.regions, decisions.regions[1:]):
        if after.start < before.end:
            raise DecisionsError(f"{source}: two regions overlap at character {after.start}")
    details = [d for _, d in decisions.all_details()]
    for before, after in zip(details, details[1:]):
        if after.start < before.end:
            raise DecisionsError(f"{source}: two details overlap at character {after.start}")
    for detail in details:  # a withheld detail takes the mentions inside it along: never half of one
        first = max(0, bisect.bisect_left(spans, (detail.start, detail.start)) - 1)
        for start, end in spans[first:bisect.bisect_left(spans, (detail.end, detail.end))]:
            if start < detail.end and detail.start < end and not detail.start <= start < end <= detail.end:
                raise DecisionsError(f"{source}: a detail at {detail.start}-{detail.end} cuts a "
                                     f"mention at {start}-{end} in two")


def save_decisions(decisions: Decisions, path: str | Path, force: bool = False,
                   protect: Path | None = None) -> None:
    """Write a review; it holds the original names, so only its owner may read it.

    ``protect`` is the draft the review is for: a review is never written over it. This
    module imports neither Presidio nor spaCy, so the GUI can autosave without them.
    """
    write_atomic(path, decisions.dumps().encode("utf-8"), force=force, private=True, protect=protect)


def check_document(document: Any, decisions: Decisions) -> None:
    """Refuse a review made for another file or another version of this one, or whose
    mentions do not match the document's text."""
    if decisions.document_sha256 != document.sha256:
        raise DecisionsError(f"the decisions were made for a different version of "
                             f"{document.path.name} (its sha256 does not match)")
    check_offsets(document.text, decisions)


def check_offsets(text: str, decisions: Decisions) -> None:
    """Refuse a review whose mentions or regions do not match the text: applying it would
    corrupt the draft."""
    for person in decisions.persons:
        for mention in person.mentions:
            if mention.end > len(text) or text[mention.start:mention.end] != mention.text:
                raise DecisionsError(
                    f"person {person.id}: a mention at {mention.start}-{mention.end} does not match "
                    "the document's text (was the review made for another version?)")
    for person_id, detail in decisions.all_details():
        if detail.end > len(text) or text[detail.start:detail.end] != detail.text:
            raise DecisionsError(
                f"{'person ' + person_id if person_id else 'the review'}: a detail at "
                f"{detail.start}-{detail.end} does not match the document's text (was the review "
                "made for another version?)")
    for region in decisions.regions:
        if region.end > len(text):
            raise DecisionsError(f"a region at {region.start}-{region.end} lies beyond the end of "
                                 "the document's text (was the review made for another version?)")
