"""A collection review: each person once across many drafts, with their mentions file by file.

A series of drafts names the same protesters again and again; an editor should decide about
each of them once. The collection review lists the files (relative paths and the hash of
each file's bytes) and the persons, each with the mentions in every file that names them.
A person is the single-file ``Person`` carried whole (role, action, replacement, reason and
whatever else a review records); only its mentions and details (a phone number, an age) are
kept per file, as are the details beside no person. ``decisions_for``
turns the review back into the single-file ``Decisions`` of one file, so applying,
checking and showing a file work exactly as they do for one draft.

Persons are joined across files by full name: the same name of two or more words is one
person. A surname alone is joined only within its own file, where detection already
grouped it with the full name it stands for; "Nurlanov" alone in another draft may be a
relative, so it stays a row of its own. The editor can split a person file by file
(``split``) or join two (``join``). Plain Python, no Presidio: the desktop app can load a
collection review at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from redactor.decisions import FORMAT, Decisions, Detail, Mention, Person, parse_decisions
from redactor.errors import DecisionsError
from redactor.leaks import withheld_tokens
from redactor.names import key
from redactor.replacements import replacement_for
from redactor.writing import write_atomic

COLLECTION_FORMAT = "redactor-collection/1"
# How much of a name a suggestion withholds: joining persons keeps the most protective one.
_PROTECTION = {"keep": 0, "first_name": 1, "initials": 2}


@dataclass(frozen=True)
class Entry:
    """One file of the collection: its path relative to the collection's folder (with "/"),
    and the sha256 of its bytes when it was detected."""

    path: str
    sha256: str


@dataclass
class SharedPerson:
    """A person of the collection: the decision (a ``Person`` whose own mentions and details
    are unused) and, for each file that names them, the mentions there and the details."""

    person: Person
    files: dict[str, list[Mention]] = field(default_factory=dict)
    details: dict[str, list[Detail]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.person.id

    def mention_count(self) -> int:
        return sum(len(mentions) for mentions in self.files.values())


@dataclass
class CollectionReview:
    """Every person named in a collection of drafts, each once, and the files they are in."""

    documents: list[Entry]
    persons: list[SharedPerson] = field(default_factory=list)
    details: dict[str, list[Detail]] = field(default_factory=dict)  # beside no person, by file

    def entry(self, path: str) -> Entry:
        for entry in self.documents:
            if entry.path == path:
                return entry
        raise KeyError(path)

    def person(self, person_id: str) -> SharedPerson:
        for shared in self.persons:
            if shared.id == person_id:
                return shared
        raise KeyError(person_id)

    def unreviewed(self) -> list[Person]:
        return [s.person for s in self.persons if not s.person.reviewed]

    def decisions_for(self, path: str) -> Decisions:
        """The single-file review of one file: the persons it names, with its mentions.

        The persons are copies (``replace``), so edit decisions through the collection; the
        mentions are the collection's own objects.
        """
        entry = self.entry(path)
        persons = [replace(s.person, mentions=list(s.files[path]), details=list(s.details.get(path, [])))
                   for s in self.persons if s.files.get(path)]
        return Decisions(entry.path, entry.sha256, persons, details=list(self.details.get(path, [])))

    def guarded_decisions_for(self, path: str) -> Decisions:
        """``decisions_for`` plus ``guards()``: what a copy of the file is checked against."""
        decisions = self.decisions_for(path)
        decisions.persons += self.guards()
        return decisions

    def guards(self) -> list[Person]:
        """Every name word withheld anywhere in the collection, for the leak search of
        every copy: a surname withheld in one draft and missed by detection in another is
        still found in the other's copy.

        A guard keeps its person's id, and its name is the words the person's decision
        withholds across all files (``withheld_tokens``); its action removes and prints
        nothing, so a guard adds words to search for and never a replacement that the
        second reading would take as printed.
        """
        guards = []
        for shared in self.persons:
            every = replace(shared.person, mentions=[m for ms in shared.files.values() for m in ms])
            words = withheld_tokens(every)
            if words:
                guards.append(replace(shared.person, name=" ".join(sorted(words)), action="remove",
                                      replacement="", mentions=[]))
        return guards

    def split(self, person_id: str, paths: Iterable[str]) -> SharedPerson:
        """Make the mentions of ``person_id`` in ``paths`` a new person, to be reviewed again:
        the editor says two people share a name."""
        shared = self.person(person_id)
        moving = [p for p in paths if p in shared.files]
        if not moving or len(moving) == len(shared.files):
            raise DecisionsError(f"person {person_id}: name some but not all of its files to split")
        new = SharedPerson(replace(shared.person, id=self._free_id(), reviewed=False, mentions=[]),
                           {p: shared.files.pop(p) for p in moving},
                           {p: shared.details.pop(p) for p in moving if p in shared.details})
        self.persons.insert(self.persons.index(shared) + 1, new)
        return new

    def join(self, keep_id: str, other_id: str) -> SharedPerson:
        """Fold ``other_id`` into ``keep_id``: the editor says two rows are one person. The
        joined person is to be reviewed again; if ``other_id`` was withheld more strictly,
        its decision is the one kept."""
        kept, other = self.person(keep_id), self.person(other_id)
        if kept is other:
            raise DecisionsError(f"person {keep_id}: cannot be joined with itself")
        if _protection(other.person) > _protection(kept.person):
            kept.person = replace(other.person, id=kept.id, name=kept.person.name)
        kept.person.reviewed = False
        for path, mentions in other.files.items():
            kept.files[path] = sorted(kept.files.get(path, []) + mentions, key=lambda m: m.start)
        for path, details in other.details.items():
            kept.details[path] = sorted(kept.details.get(path, []) + details, key=lambda d: d.start)
        self.persons.remove(other)
        return kept

    def _free_id(self) -> str:
        taken = {s.id for s in self.persons}
        number = len(self.persons) + 1
        while f"p{number}" in taken:
            number += 1
        return f"p{number}"

    def to_json(self) -> dict[str, Any]:
        data = {"format": COLLECTION_FORMAT,
                "documents": [{"path": e.path, "sha256": e.sha256} for e in self.documents],
                "persons": [_person_json(s) for s in self.persons]}
        if any(self.details.values()):
            data["details"] = _details_json(self.details)
        return data

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"


def _person_json(shared: SharedPerson) -> dict[str, Any]:
    data = shared.person.to_json()
    data["mentions"] = {path: [m.to_json() for m in mentions]
                        for path, mentions in shared.files.items()}
    if any(shared.details.values()):
        data["details"] = _details_json(shared.details)
    return data


def _details_json(details: dict[str, list[Detail]]) -> dict[str, list[dict[str, Any]]]:
    return {path: [d.to_json() for d in found] for path, found in details.items() if found}


def gather(results: Iterable[tuple[Entry, Decisions]]) -> CollectionReview:
    """One collection review from each file's single-file review, persons joined by full name.

    Files are taken in path order and persons in their order in each file, so the same
    drafts always give the same review, whatever order the workers finished in.
    """
    ordered = sorted(results, key=lambda result: result[0].path)
    groups: list[list[tuple[str, Person]]] = []
    by_name: dict[tuple[str, ...], list[tuple[str, Person]]] = {}
    for entry, decisions in ordered:
        for person in decisions.persons:
            name = key(person.name)
            group = by_name.get(name) if len(name) > 1 else None
            if group is None:
                group = []
                groups.append(group)
                if len(name) > 1:
                    by_name[name] = group
            group.append((entry.path, person))
    review = CollectionReview([entry for entry, _ in ordered],
                              [_joined(f"p{n}", group) for n, group in enumerate(groups, 1)],
                              {entry.path: decisions.details for entry, decisions in ordered
                               if decisions.details})
    _number_pseudonyms(review)
    return review


def _joined(person_id: str, group: list[tuple[str, Person]]) -> SharedPerson:
    """One person from the same name found in several files (or twice in one).

    Where the files' suggestions differ, the one that withholds most is shown, and the
    reason says so: a wrong "keep" could expose a source, a wrong redaction costs a click.
    """
    chosen = max((person for _, person in group), key=_protection)  # max keeps the first
    files: dict[str, list[Mention]] = {}
    details: dict[str, list[Detail]] = {}
    for path, person in group:
        files[path] = sorted(files.get(path, []) + person.mentions, key=lambda m: m.start)
        if person.details:
            details[path] = sorted(details.get(path, []) + person.details, key=lambda d: d.start)
    actions = dict.fromkeys(person.action for _, person in group)
    reason = chosen.reason
    if len(actions) > 1:
        note = (f"suggested {' or '.join(actions)} in different files; the one that withholds "
                "most is shown")
        reason = f"{reason}; {note}" if reason else note
    return SharedPerson(replace(chosen, id=person_id, reason=reason, mentions=[], details=[]), files, details)


def _protection(person: Person) -> int:
    return _PROTECTION.get(person.action, 3)


def _number_pseudonyms(review: CollectionReview) -> None:
    """Pseudonyms were numbered in each file ("Source A" in two drafts may be two people):
    number them again across the collection, so one pseudonym stands for one person."""
    number = 0
    for shared in review.persons:
        if shared.person.action == "pseudonym":
            number += 1
            shared.person.replacement = replacement_for(shared.person.name, "pseudonym", number)


def load_collection(path: str | Path) -> CollectionReview:
    """Read and validate a collection review; every problem is a one-line ``DecisionsError``."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise DecisionsError(f"{path.name}: no such review file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DecisionsError(f"{path.name}: not a readable review file ({error})") from None
    return parse_collection(data, source=path.name)


def is_collection(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == COLLECTION_FORMAT


def parse_collection(data: Any, source: str = "review") -> CollectionReview:
    """Build a ``CollectionReview`` from parsed JSON.

    Each person's decision and each file's mentions are validated by the single-file
    parser (``parse_decisions``), so both formats accept and refuse the same things.
    """
    if not is_collection(data):
        raise DecisionsError(f"{source}: not a {COLLECTION_FORMAT} file (a folder needs the "
                             "review that 'redactor detect FOLDER -o FILE' writes)")
    documents = _documents(data.get("documents"), source)
    raw_persons = data.get("persons")
    if not isinstance(raw_persons, list) or not all(isinstance(p, dict) for p in raw_persons):
        raise DecisionsError(f"{source}: 'persons' is missing or not a list of objects")
    paths = {e.path for e in documents}
    for number, person in enumerate(raw_persons, 1):
        mentions, details = person.get("mentions"), person.get("details", {})
        if not isinstance(mentions, dict) or not set(mentions) <= paths:
            raise DecisionsError(f"{source}: person {number}: 'mentions' must map files of the "
                                 "review to lists of mentions")
        if not isinstance(details, dict) or not set(details) <= set(mentions):
            raise DecisionsError(f"{source}: person {number}: 'details' must map files that name "
                                 "the person to lists of details")
    lone = data.get("details", {})
    if not isinstance(lone, dict) or not set(lone) <= paths:
        raise DecisionsError(f"{source}: 'details' must map files of the review to lists of details")
    bare = [dict(p, mentions=[], details=[]) for p in raw_persons]
    persons = [SharedPerson(p) for p in _single(bare, Entry("", ""), source).persons]
    review = CollectionReview(documents, persons)
    for entry in documents:
        named = [(shared, raw) for shared, raw in zip(persons, raw_persons)
                 if entry.path in raw["mentions"]]
        parsed = _single([dict(raw, mentions=raw["mentions"][entry.path],
                               details=raw.get("details", {}).get(entry.path, [])) for _, raw in named],
                         entry, f"{source}: {entry.path}", lone.get(entry.path, []))
        for (shared, _), person in zip(named, parsed.persons):
            shared.files[entry.path] = person.mentions
            if person.details:
                shared.details[entry.path] = person.details
        if parsed.details:
            review.details[entry.path] = parsed.details
    return review


def _single(persons: list[dict[str, Any]], entry: Entry, source: str,
            details: list[Any] | None = None) -> Decisions:
    return parse_decisions({"format": FORMAT, "document": {"path": entry.path, "sha256": entry.sha256},
                            "persons": persons, "details": details or None}, source)


def _documents(data: Any, source: str) -> list[Entry]:
    if not isinstance(data, list):
        raise DecisionsError(f"{source}: 'documents' is missing or not a list")
    entries = []
    for number, item in enumerate(data, 1):
        path = item.get("path") if isinstance(item, dict) else None
        sha256 = item.get("sha256") if isinstance(item, dict) else None
        if not isinstance(path, str) or not isinstance(sha256, str) or not is_relative_path(path):
            raise DecisionsError(f"{source}: document {number}: needs a relative 'path' inside "
                                 "the collection's folder and a 'sha256'")
        entries.append(Entry(path, sha256))
    if len({e.path for e in entries}) != len(entries):
        raise DecisionsError(f"{source}: a document is listed twice")
    return entries


def is_relative_path(path: str) -> bool:
    """A path that stays inside the collection's folder: relative, "/"-separated, no "..".

    A hand-edited review must not make ``apply`` read or write outside its folders.
    """
    pure = PurePosixPath(path)
    return (bool(path) and "\\" not in path and not pure.is_absolute() and ":" not in pure.parts[0]
            and all(part not in ("", ".", "..") for part in path.split("/")))


def save_collection(review: CollectionReview, path: str | Path, force: bool = False) -> None:
    """Write a collection review readable by its owner only: it holds the original names."""
    write_atomic(path, review.dumps().encode("utf-8"), force=force, private=True)
