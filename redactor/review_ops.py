"""Repairs an editor makes to what detection found, as plain functions on a list of persons.

Merge two persons found apart ("Sorell" and "Danika Sorell"), split one that holds two
people, rename, move mentions from one person to another, add a missed name with every
place it stands, mark a stretch as outside the story, dismiss the possible names. Each
function returns a new list and never changes a ``Person`` or ``Mention`` in place, so the
app's undo can swap lists and a saved review records the result. No Presidio: the desktop app calls these directly.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence, Set
from dataclasses import replace

from redactor import PLACEHOLDER
from redactor.decisions import Detail, Mention, Person, Region
from redactor.detail_search import ValueSearch
from redactor.leaks import withheld_tokens
from redactor.names import display_name, fold, key, tokens
from redactor.plan import mention_replacement
from redactor.replacements import replacement_for

# Between a name and the word an editor adds to it ("Kairat" before "Omarbekov"): spaces only.
_JOINABLE = re.compile(r"[ \t]+")


def action_for_role(role: str, private_action: str) -> str:
    """The action a role calls for: a private person gets the newsroom's default, a public
    figure or a credited author is kept."""
    return private_action if role == "private" else "keep"


def action_for_new_name(name: str, private_action: str) -> str:
    """The action for a name the editor adds: the newsroom's default, except that a lone
    word under ``first_name`` would print unchanged, so it gets the placeholder (as the
    engine does for a lone name with no sign it is a first name)."""
    if private_action == "first_name" and len(tokens(name)) < 2:
        return "placeholder"
    return private_action


def by_first_mention(persons: Iterable[Person]) -> list[Person]:
    """Persons in order of first appearance, as the review lists them."""
    return sorted(persons, key=lambda p: min((m.start for m in p.mentions), default=1 << 62))


def pseudonym_number(persons: Sequence[Person]) -> int:
    """The first "Source X" letter no person already uses."""
    used = {p.replacement for p in persons if p.action == "pseudonym"}
    number = 1
    while replacement_for("x", "pseudonym", number) in used:
        number += 1
    return number


def new_id(persons: Sequence[Person]) -> str:
    """An id no person has: one past the highest "pN"."""
    used = {p.id for p in persons}
    numbers = [int(i[1:]) for i in used if re.fullmatch(r"p\d+", i)]
    number = max(numbers, default=0) + 1
    while f"p{number}" in used:
        number += 1
    return f"p{number}"


def renamed(person: Person, name: str, others: Sequence[Person],
            placeholder: str = PLACEHOLDER) -> Person:
    """``person`` under a new name; a replacement made from the old name follows the new one.

    A replacement the editor typed, a placeholder and a pseudonym stay as they are.
    """
    name = " ".join(name.split())
    default = replacement_for(person.name, person.action, 1, placeholder)
    replacement = person.replacement
    if person.action in ("keep", "first_name", "initials") and replacement == default:
        replacement = replacement_for(name, person.action, pseudonym_number(others), placeholder)
    return replace(person, name=name, replacement=replacement)


def rename(persons: Sequence[Person], person_id: str, name: str,
           placeholder: str = PLACEHOLDER) -> list[Person]:
    others = [p for p in persons if p.id != person_id]
    return [renamed(p, name, others, placeholder) if p.id == person_id else p for p in persons]


def merge(persons: Sequence[Person], ids: Iterable[str], into: str,
          placeholder: str = PLACEHOLDER) -> list[Person]:
    """One person from several: every mention goes to ``into``, whose decision applies to all.

    The fullest name wins when it contains the target's ("Sorell" merged with "Danika
    Sorell" is "Danika Sorell"). The result counts as reviewed only if every part was.
    """
    merged = [p for p in persons if p.id in set(ids) | {into}]
    target = next(p for p in merged if p.id == into)
    name = target.name
    for person in merged:
        if set(key(name)) < set(key(person.name)):
            name = person.name
    mentions = sorted((m for p in merged for m in p.mentions), key=lambda m: m.start)
    details = sorted((d for p in merged for d in p.details), key=lambda d: d.start)
    rest = [p for p in persons if p not in merged]
    joined = replace(renamed(target, name, rest, placeholder), mentions=mentions, details=details,
                     reviewed=all(p.reviewed for p in merged))
    return by_first_mention([*rest, joined])


def split(persons: Sequence[Person], person_id: str, indices: Iterable[int], name: str = "",
          placeholder: str = PLACEHOLDER) -> tuple[list[Person], str]:
    """Move the mentions at ``indices`` to a new person, not reviewed yet; returns its id.

    The new person takes the same role and action (a replacement made for its own name),
    and is named after the fullest of its mentions unless ``name`` is given. The details
    (a phone number) stay with the person they were found beside.
    """
    source = next(p for p in persons if p.id == person_id)
    chosen = set(indices)
    moved = [m for i, m in enumerate(source.mentions) if i in chosen]
    kept = [m for i, m in enumerate(source.mentions) if i not in chosen]
    if not moved or not kept:
        raise ValueError("a split leaves mentions on both sides")
    name = name or display_name(max((m.text for m in moved), key=lambda t: len(tokens(t))))
    identity = new_id(persons)
    others = [p for p in persons if p.id != person_id]
    fresh = replace(renamed(source, name, others, placeholder), id=identity, mentions=moved,
                    details=[], reviewed=False)
    if fresh.action == "pseudonym":
        fresh = replace(fresh, replacement=replacement_for(name, "pseudonym",
                                                           pseudonym_number(persons), placeholder))
    return by_first_mention([*others, replace(source, mentions=kept), fresh]), identity


def move_mentions(persons: Sequence[Person], person_id: str, indices: Iterable[int],
                  to: str) -> list[Person]:
    """Give the mentions at ``indices`` to person ``to``; a person left with none is dropped,
    and its details (a phone number found beside it) go to ``to`` too."""
    source = next(p for p in persons if p.id == person_id)
    chosen = set(indices)
    moved = [m for i, m in enumerate(source.mentions) if i in chosen]
    emptied = len(moved) == len(source.mentions)
    out = []
    for person in persons:
        if person.id == person_id:
            left = [m for i, m in enumerate(person.mentions) if i not in chosen]
            if left:
                out.append(replace(person, mentions=left))
        elif person.id == to:
            out.append(_with_details(replace(person, mentions=sorted([*person.mentions, *moved],
                                                                     key=lambda m: m.start)),
                                     source.details if emptied else []))
        else:
            out.append(person)
    return by_first_mention(out)


def _with_details(person: Person, details: Sequence[Detail]) -> Person:
    """``person`` holding ``details`` too (those of a person dropped into it)."""
    if not details:
        return person
    return replace(person, details=sorted([*person.details, *details], key=lambda d: d.start))


def find_occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Every whole-word place ``name`` stands in ``text``, its words joined by any spacing.

    Case and diacritics do not matter ("Žomart" finds "ZOMART"), but a name typed with a
    capital only finds places that start with one: "Bill" is not the bill before parliament.
    """
    words = tokens(name)
    if not words:
        return []
    folded, origin = _folded(text)
    pattern = re.compile(r"(?<![\w])" + r"\s+".join(re.escape(fold(w)) for w in words) + r"(?![\w])")
    capital = words[0][0].isupper()
    found = []
    for match in pattern.finditer(folded):
        start, end = match.start(), match.end()
        if origin is not None:
            start, end = origin[start], origin[end - 1] + 1
        if not capital or text[start].isupper():
            found.append((start, end))
    return found


@functools.lru_cache(maxsize=2)
def _folded(text: str) -> tuple[str, list[int] | None]:
    """The folded text and, for each of its characters, the offset it came from (None when
    folding kept every offset, as for ASCII). Cached: a typed name is looked up at every
    keystroke, and folding a long draft takes a moment."""
    if text.isascii():
        return text.lower(), None
    out: list[str] = []
    origin: list[int] = []
    for offset, char in enumerate(text):
        piece = char.lower() if char.isascii() else fold(char)
        out.append(piece)
        origin.extend([offset] * len(piece))
    return "".join(out), origin


def adjacent_person(persons: Sequence[Person], text: str, start: int, end: int) -> str | None:
    """The person with a mention right before or after ``text[start:end]``, spaces between:
    "Kairat" typed before a found "Omarbekov" belongs to Omarbekov."""
    for person in persons:
        for mention in person.mentions:
            gap = text[mention.end:start] if mention.end <= start else text[end:mention.start]
            if (mention.end <= start or end <= mention.start) and _JOINABLE.fullmatch(gap or "x"):
                return person.id
    return None


def add_mentions(persons: Sequence[Person], text: str, spans: Iterable[tuple[int, int]],
                 person_id: str | None = None, name: str = "", action: str = "first_name",
                 placeholder: str = PLACEHOLDER, reason: str = "added by the editor",
                 ) -> tuple[list[Person], str]:
    """Add places detection missed to a person (or to a new private one); returns its id.

    A span over another person's mention takes it over (the editor says whose it is); a
    person left with no mention is dropped. A span right beside one of the person's own
    mentions joins it ("Kairat" + "Omarbekov" is one mention), and the person is renamed
    when the joined mention holds the whole name.
    """
    spans = _disjoint(spans)
    before = persons
    persons = _without_overlaps(persons, spans)
    left = {p.id for p in persons}
    orphaned = [d for p in before if p.id not in left for d in p.details]  # dropped: details move
    added = [Mention(start, end, text[start:end]) for start, end in spans]
    if person_id is not None and any(p.id == person_id for p in persons):
        others = [p for p in persons if p.id != person_id]
        owner = next(p for p in persons if p.id == person_id)
        owner = _with_details(_joined(owner, added, text, others, placeholder), orphaned)
        return by_first_mention([*others, owner]), person_id
    label = display_name(" ".join(name.split()) or " ".join(text[spans[0][0]:spans[0][1]].split()))
    identity = new_id(persons)
    fresh = Person(id=identity, name=label, role="private", action=action,
                   replacement=replacement_for(label, action, pseudonym_number(persons), placeholder),
                   mentions=added, reviewed=True, reason=reason)
    return by_first_mention([*persons, _with_details(fresh, orphaned)]), identity


def _disjoint(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with any overlapping the one before dropped: mentions never overlap."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if start < end and (not out or start >= out[-1][1]):
            out.append((start, end))
    return out


def _without_overlaps(persons: Sequence[Person], spans: list[tuple[int, int]]) -> list[Person]:
    out = []
    for person in persons:
        left = [m for m in person.mentions
                if not any(start < m.end and m.start < end for start, end in spans)]
        if left:
            out.append(person if len(left) == len(person.mentions) else replace(person, mentions=left))
    return out


def _joined(owner: Person, added: list[Mention], text: str, others: Sequence[Person],
            placeholder: str) -> Person:
    mentions = sorted([*owner.mentions, *added], key=lambda m: m.start)
    out: list[Mention] = []
    for mention in mentions:
        previous = out[-1] if out else None
        if (previous is not None and (previous in added) != (mention in added)
                and _JOINABLE.fullmatch(text[previous.end:mention.start])):
            out[-1] = Mention(previous.start, mention.end, text[previous.start:mention.end],
                              variant=previous.variant or mention.variant)
        else:
            out.append(mention)
    owner = replace(owner, mentions=out)
    longest = max(out, key=lambda m: len(tokens(m.text)))
    if set(key(owner.name)) < set(key(longest.text)):
        owner = renamed(owner, display_name(longest.text), others, placeholder)
    return owner


# ----- details: a phone number, an age beside a name -----

def set_detail_action(persons: Sequence[Person], lone: Sequence[Detail], person_id: str, index: int,
                      action: str) -> tuple[list[Person], list[Detail]]:
    """The detail at ``index`` of ``person_id`` ("" for one beside no person) takes ``action``,
    and so does every other writing of the same contact value ("+7 701 234 5678" and
    "87012345678"): a number kept in one place and withheld in another would leave the copy
    unclean."""
    target = (next(p for p in persons if p.id == person_id).details if person_id else lone)[index]
    value = ValueSearch(target).key if target.contact else None

    def decided(details: Sequence[Detail], owner: str) -> list[Detail]:
        return [replace(d, action=action) if (owner == person_id and i == index) or (
            value is not None and d.contact and ValueSearch(d).key == value) else d
            for i, d in enumerate(details)]

    changed = [replace(p, details=decided(p.details, p.id)) if p.details else p for p in persons]
    kept = [new if new.details != old.details else old for old, new in zip(persons, changed)]
    return kept, decided(lone, "")


# ----- regions: stretches outside the story -----

def inside(mention: Mention, regions: Sequence[Region]) -> Region | None:
    """The region holding ``mention`` whole, if any."""
    return next((r for r in regions if r.start <= mention.start and mention.end <= r.end), None)


def outside_story(person: Person, regions: Sequence[Region]) -> bool:
    """Every mention of ``person`` lies in a region the editor marked as outside the story."""
    return bool(regions) and bool(person.mentions) and all(
        inside(m, regions) is not None for m in person.mentions)


def mark_region(persons: Sequence[Person], regions: Sequence[Region], region: Region
                ) -> tuple[list[Person], list[Region]]:
    """Mark ``region`` as outside the story; regions it overlaps give way to it.

    Persons named only there are decided by it: cut means removed with the region (their
    names stay withheld everywhere else, so a stray one is still caught), keep means printed
    as written. Anyone also named in the story keeps their own decision, in the region too.
    """
    kept = [r for r in regions if r.end <= region.start or region.end <= r.start]
    regions = sorted([*kept, region], key=lambda r: r.start)
    if region.treatment == "cut":
        decided = {"action": "remove", "replacement": "", "reviewed": True,
                   "reason": "outside the story: cut from the copy"}
    else:
        decided = {"action": "keep", "reviewed": True, "reason": "outside the story: kept as written"}
    out = []
    for person in persons:
        if outside_story(person, [region]):
            extra = {"replacement": person.name} if region.treatment == "keep" else {}
            person = replace(person, **{**decided, **extra})
        out.append(person)
    return out, regions


def unmark_region(persons: Sequence[Person], regions: Sequence[Region], region: Region
                  ) -> tuple[list[Person], list[Region]]:
    """The stretch is part of the story again: its persons need the editor's decision."""
    left = [r for r in regions if r != region]
    return ([replace(p, reviewed=False) if outside_story(p, [region]) else p for p in persons],
            left)


# ----- possible names -----

POSSIBLE = "possible"
DISMISSED = "a possible name the editor dismissed: printed as written"


def is_possible(person: Person) -> bool:
    """A possible name still listed apart: not yet withheld by the editor's decision.

    Once the editor confirms a decision that withholds it, it is a person like any other
    (promoted); kept as written, it stays a possible name that was dismissed. The ``tier``
    itself is never changed: the review records where each person came from.
    """
    return person.tier == POSSIBLE and not (person.reviewed and person.action != "keep")


def dismissible(text: str, persons: Sequence[Person]) -> tuple[list[str], list[str]]:
    """The unreviewed possible names a dismissal keeps as written, and those it holds back.

    A possible name is held back when printing it would print a word the review withholds
    for someone else ("Vexley" kept where "Anna Vexley" is withheld): dismissing it would
    make a copy the second reading refuses, or worse, so the editor decides it alone.
    Holding one back keeps its own words withheld, which may hold back another.
    """
    candidates = [p for p in persons if p.tier == POSSIBLE and not p.reviewed]
    held: set[str] = set()
    while True:
        dismissed = {p.id for p in candidates} - held
        withheld = set().union(*(withheld_tokens(p) for p in persons if p.id not in dismissed))
        kept = [_kept(p) for p in candidates if p.id in dismissed]
        clash = {person_id for person_id, _ in repeated_name_words(text, kept, withheld)}
        if not clash:
            return [p.id for p in candidates if p.id in dismissed], [p.id for p in candidates
                                                                     if p.id in held]
        held |= clash


def dismiss_possible(text: str, persons: Sequence[Person]) -> tuple[list[Person], list[str]]:
    """Mark the unreviewed possible names reviewed as not names of people: each is printed
    as written. Returns the new list and the ids held back (see ``dismissible``)."""
    dismissed, held = dismissible(text, persons)
    chosen = set(dismissed)
    return [replace(_kept(p), reviewed=True, reason=DISMISSED) if p.id in chosen else p
            for p in persons], held


def _kept(person: Person) -> Person:
    return replace(person, action="keep", replacement=person.name)


# ----- what the copy prints -----

def repeated_name_words(text: str, persons: Sequence[Person],
                        withheld: Set[str] | None = None) -> dict[tuple[str, int], set[str]]:
    """Mentions whose printed text repeats a name word the review withholds.

    Keyed by (person id, mention index), with the words: "Kairat" printed for one person
    where another Kairat is withheld, a public figure's name that holds a word withheld for
    someone else, or one mention kept as written of a person withheld elsewhere.
    ``withheld`` is every word the whole review withholds, when ``persons`` is part of it.
    How a replacement is printed (capitals, a link-safe form, one full stop) adds no name
    word, so the words of what each mention becomes are enough, and many share one value.
    """
    if withheld is None:
        withheld = set().union(*(withheld_tokens(p) for p in persons)) if persons else set()
    words_of: dict[str, set[str]] = {}
    found: dict[tuple[str, int], set[str]] = {}
    for person in persons:
        for index, mention in enumerate(person.mentions):
            value = mention_replacement(person, mention)
            if value not in words_of:
                words_of[value] = set(key(value)) & withheld
            if words_of[value]:
                found[(person.id, index)] = set(words_of[value])
    return found
