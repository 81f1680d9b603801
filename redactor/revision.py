"""Carrying a review over to a revised draft, so a reporter's second version is not
reviewed from scratch.

Every mention of the old review is looked for in the new text by what it says, at the
place nearest to where it stood (shifted by how far the text before it moved). Found
mentions keep their person and that person's decision, so the editor's merges, splits,
added names and single-mention overrides survive. A fresh analysis of the new text then
adds what is new: a mention nobody had joins the person its fresh group or its text points
to, and that person is reviewed again; a person no old mention leads to is new. Details (a
phone number, an age) are the fresh analysis's, on the person their fresh person's mentions
went to; one the old review held for that person, written the same, keeps the editor's
decision, and a new one makes its person wait for review. Fail safe: whatever the old
review cannot vouch for waits for the editor.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from redactor.decisions import Decisions, Detail, Mention, Person, Region
from redactor.detail_rules import Owned, whole_mentions
from redactor.names import key
from redactor.review_ops import by_first_mention, new_id

_WORD = re.compile(r"\w+")


@dataclass
class Carried:
    """The review for the new text and what changed: persons new to this version, persons
    with new mentions (both not reviewed), names no longer in the draft, regions not placed."""

    decisions: Decisions
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    regions_lost: int = 0

    def needs_review(self) -> list[str]:
        return self.new + self.changed


def carry_over(old: Decisions, fresh: Decisions, new_text: str, old_text: str | None = None
               ) -> Carried:
    """The old review's decisions on ``fresh`` (an analysis of ``new_text``).

    ``old_text`` (when known) places the regions the editor marked; without it they are
    dropped and counted, for the editor to mark again.
    """
    finder = _Finder(new_text)
    carried: dict[str, list[Mention]] = {}
    for mention, person_id in sorted(((m, p.id) for p in old.persons for m in p.mentions),
                                     key=lambda pair: pair[0].start):
        found = finder.place(mention)
        if found is not None:
            carried.setdefault(person_id, []).append(found)
    persons = {p.id: replace(p, mentions=carried[p.id], details=[]) for p in old.persons if p.id in carried}
    result = Carried(Decisions(fresh.document_path, fresh.document_sha256),
                     gone=[p.name for p in old.persons if p.id not in carried])
    fresh_mentions = _Fresh(persons, finder, old, result)
    fresh_mentions.add(fresh.persons)
    fresh_mentions.add_repeats()
    result.decisions.details = fresh_mentions.add_details(old, fresh, new_text)
    result.decisions.persons = by_first_mention(persons.values())
    result.decisions.regions, result.regions_lost = _regions(old, old_text, new_text)
    return result


class _Finder:
    """Finds an old mention's text in the new text, nearest its old place, each place once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.taken: list[tuple[int, int]] = []  # sorted spans already given to a mention
        self.drift = 0  # how far the text has moved, from the last mention found
        self._places: dict[str, list[int]] = {}
        self._index: dict[str, list[int]] | None = None  # each word of the text: where it stands

    def place(self, mention: Mention) -> Mention | None:
        starts = self.starts(mention.text)
        expected = mention.start + self.drift
        right = bisect.bisect_left(starts, expected)
        left = right - 1
        while left >= 0 or right < len(starts):  # outwards from the expected place
            if right >= len(starts) or (left >= 0 and expected - starts[left] <= starts[right] - expected):
                start, left = starts[left], left - 1
            else:
                start, right = starts[right], right + 1
            if not self.overlaps(start, start + len(mention.text)):
                self.drift = start - mention.start
                self.take(start, start + len(mention.text))
                return replace(mention, start=start, end=start + len(mention.text))
        return None

    def starts(self, text: str) -> list[int]:
        """Where ``text`` stands as whole words, found through an index of the words of
        the new text (a regular expression per name over a 1 MB text took seconds)."""
        if text not in self._places:
            first = _WORD.match(text)
            if first is None:
                found = [m.start() for m in re.finditer(
                    r"(?<!\w)" + re.escape(text) + r"(?!\w)", self.text)]
            else:
                found = [at for at in self._words().get(first.group(), [])
                         if self.text.startswith(text, at)
                         and not _WORD.match(self.text, at + len(text), at + len(text) + 1)]
            self._places[text] = found
        return self._places[text]

    def _words(self) -> dict[str, list[int]]:
        if self._index is None:
            self._index = {}
            for match in _WORD.finditer(self.text):
                self._index.setdefault(match.group(), []).append(match.start())
        return self._index

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        index = bisect.bisect_left(self.taken, (start, end))
        first = index
        while first > 0 and self.taken[first - 1][1] > start:
            first -= 1
        last = index
        while last < len(self.taken) and self.taken[last][0] < end:
            last += 1
        return [s for s in self.taken[first:last] if s[0] < end and start < s[1]]

    def overlaps(self, start: int, end: int) -> bool:
        return bool(self.overlapping(start, end))

    def take(self, start: int, end: int) -> None:
        bisect.insort(self.taken, (start, end))

    def release(self, span: tuple[int, int]) -> None:
        del self.taken[bisect.bisect_left(self.taken, span)]


class _Fresh:
    """Adds the fresh analysis's mentions that no old mention was placed on."""

    def __init__(self, persons: dict[str, Person], finder: _Finder, old: Decisions,
                 result: Carried) -> None:
        self.persons = persons
        self.finder = finder
        self.old = old
        self.result = result
        self.owner = {(m.start, m.end): pid for pid, p in persons.items() for m in p.mentions}
        self.by_key: dict[tuple[str, ...], set[str]] = {}
        for person in persons.values():
            for mention in person.mentions:
                self.by_key.setdefault(key(mention.text), set()).add(person.id)

    def add(self, fresh: list[Person]) -> None:
        for person in fresh:
            linked: Counter[str] = Counter()
            new = []
            for mention in person.mentions:
                spans = self.finder.overlapping(mention.start, mention.end)
                linked.update(self.owner[s] for s in spans if s in self.owner)
                if not spans:
                    new.append(mention)
                elif mention.start < spans[0][0] or spans[-1][1] < mention.end:
                    self._grow(mention, spans)  # "Kairat Omarbekov" where "Omarbekov" was
            if new:
                self._place(person, new, linked)

    def add_repeats(self) -> None:
        """A name the old review held, standing in a new place no mention covers, joins its
        person ("Ilyas" added by hand, named again in the new version). A text two persons
        held is left alone: whose it is there is the editor's call, and the second reading
        reports it if it leaks."""
        owners: dict[str, set[str]] = {}
        for person in self.persons.values():
            for mention in person.mentions:
                owners.setdefault(mention.text, set()).add(person.id)
        for text, ids in owners.items():
            if len(ids) != 1:
                continue
            owner = next(iter(ids))
            extra = [Mention(start, start + len(text), text) for start in self.finder.starts(text)
                     if not self.finder.overlaps(start, start + len(text))]
            if extra:
                for mention in extra:
                    self.finder.take(mention.start, mention.end)
                self._give(owner, [*self.persons[owner].mentions, *extra])

    def add_details(self, old: Decisions, fresh: Decisions, text: str) -> list[Detail]:
        """Give each carried person the fresh details beside them; returns those beside no one."""
        decided = {(pid, d.text, d.kind): d for pid, d in old.all_details()}
        by_fresh = {p.id: p for p in fresh.persons}
        owned: list[Owned] = []
        for fresh_id, detail in fresh.all_details():
            owner = self._owner_of(by_fresh[fresh_id]) if fresh_id else ""
            before = decided.get((owner, detail.text, detail.kind))
            if before is not None:
                detail = replace(detail, action=before.action, replacement=before.replacement,
                                 reason=before.reason)
            elif owner:
                self._give(owner, self.persons[owner].mentions)  # a new detail: review again
            owned.append((owner, detail))
        mentions = sorted((m.start, m.end, p.id) for p in self.persons.values() for m in p.mentions)
        lone = []
        for owner, detail in whole_mentions(text, owned, mentions):
            if owner in self.persons:
                self.persons[owner].details.append(detail)
            else:
                lone.append(detail)
        return lone

    def _owner_of(self, person: Person) -> str:
        """The carried person most of a fresh person's mentions went to ("" if none)."""
        owners = Counter(self.owner[span] for m in person.mentions
                         for span in self.finder.overlapping(m.start, m.end) if span in self.owner)
        return owners.most_common(1)[0][0] if owners else ""

    def _grow(self, mention: Mention, spans: list[tuple[int, int]]) -> None:
        """A fresh mention longer than the old ones it covers replaces them, for their owner."""
        owner = self.owner[spans[0]] if spans[0] in self.owner else None
        if owner is None or any(self.owner.get(s) != owner for s in spans):
            return
        for span in spans:
            self.finder.release(span)
            del self.owner[span]
        self.finder.take(mention.start, mention.end)
        self.owner[(mention.start, mention.end)] = owner
        kept = [m for m in self.persons[owner].mentions if (m.start, m.end) not in spans]
        self._give(owner, [*kept, replace(mention, replacement=None)])

    def _place(self, person: Person, new: list[Mention], linked: Counter[str]) -> None:
        for mention in new:
            self.finder.take(mention.start, mention.end)
        owner = linked.most_common(1)[0][0] if linked else None
        if owner is None:
            owners = set().union(*(self.by_key.get(key(m.text), set()) for m in new))
            owner = next(iter(owners)) if len(owners) == 1 else None
        if owner is not None:
            for mention in new:
                self.owner[(mention.start, mention.end)] = owner
            self._give(owner, [*self.persons[owner].mentions, *new])
            return
        taken = [*self.persons.values(), *self.old.persons]
        identity = person.id if all(p.id != person.id for p in taken) else new_id(taken)
        self.persons[identity] = replace(person, id=identity, mentions=new, reviewed=False, details=[])
        for mention in new:
            self.owner[(mention.start, mention.end)] = identity
        self.result.new.append(identity)

    def _give(self, owner: str, mentions: list[Mention]) -> None:
        self.persons[owner] = replace(self.persons[owner], reviewed=False,
                                      mentions=sorted(mentions, key=lambda m: m.start))
        if owner not in self.result.changed and owner not in self.result.new:
            self.result.changed.append(owner)


def _regions(old: Decisions, old_text: str | None, new_text: str) -> tuple[list[Region], int]:
    """Each region placed by the line it starts with (nearest its old place) and the line it
    ends with; one that ran to the end of the draft still does."""
    if old_text is None:
        return [], len(old.regions)
    placed: list[Region] = []
    for region in old.regions:
        stretch = old_text[region.start:region.end]
        head = stretch.lstrip().split("\n", 1)[0][:80]
        start = _nearest(new_text, head, region.start) if head.strip() else -1
        if start < 0:
            continue
        if region.end >= len(old_text):
            end = len(new_text)
        else:
            tail = stretch.rstrip().rsplit("\n", 1)[-1][-80:]
            tail_at = new_text.find(tail, start)
            end = tail_at + len(tail) if tail_at >= 0 else -1
            if end >= 0 and stretch.endswith("\n") and new_text[end:end + 1] == "\n":
                end += 1
        if end > start and all(end <= r.start or r.end <= start for r in placed):
            placed.append(Region(start, end, region.treatment))
    return placed, len(old.regions) - len(placed)


def _nearest(text: str, needle: str, near: int) -> int:
    """The occurrence of ``needle`` in ``text`` closest to offset ``near``, or -1."""
    best = -1
    at = text.find(needle)
    while at >= 0:
        if best < 0 or abs(at - near) < abs(best - near):
            best = at
        at = text.find(needle, at + 1)
    return best
