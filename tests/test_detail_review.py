"""A person's details through the editor's repairs (merge, split, moving mentions, adding a
name) and through a revised draft: never lost, never doubled, decisions carried over."""

from __future__ import annotations

from dataclasses import replace

from redactor.decisions import Decisions, Detail
from redactor.review_ops import add_mentions, merge, move_mentions, split
from redactor.revision import carry_over

TEXT = ("Sorell said Danika Sorell can be reached at +7 701 234 5678. Sorell, 31, left. "
        "Marat Ospanov, 45, stayed.\n")


def at(text: str, written: str, kind: str, action: str, nth: int = 0) -> Detail:
    start = -1
    for _ in range(nth + 1):
        start = text.index(written, start + 1)
    return Detail(start, start + len(written), written, kind, action, "")


def people(make_person):
    lone = make_person(TEXT, "Sorell", "placeholder", "Sorell")
    lone.mentions = [lone.mentions[0], lone.mentions[2]]  # the two lone "Sorell"
    full = make_person(TEXT, "Danika Sorell", "first_name", "Danika Sorell", id="p2")
    marat = make_person(TEXT, "Marat Ospanov", "first_name", id="p3")
    full.details = [at(TEXT, "+7 701 234 5678", "phone", "remove")]
    lone.details = [at(TEXT, ", 31", "age", "keep")]
    marat.details = [at(TEXT, ", 45", "age", "keep")]
    return [lone, full, marat]


def test_a_merge_keeps_the_details_of_every_part(make_person):
    merged = merge(people(make_person), ["p1"], into="p2")
    joined = next(p for p in merged if p.id == "p2")
    assert [d.text for d in joined.details] == ["+7 701 234 5678", ", 31"]


def test_a_split_leaves_the_details_with_the_person_they_stand_beside(make_person):
    persons, new = split(people(make_person), "p1", [0])
    source = next(p for p in persons if p.id == "p1")
    assert [d.text for d in source.details] == [", 31"]
    assert next(p for p in persons if p.id == new).details == []


def test_a_person_emptied_by_moving_or_adding_mentions_hands_its_details_on(make_person):
    persons = move_mentions(people(make_person), "p1", [0, 1], to="p2")
    assert [p.id for p in persons] == ["p2", "p3"]
    assert [d.text for d in persons[0].details] == ["+7 701 234 5678", ", 31"]
    start = TEXT.index("Marat Ospanov")
    persons, owner = add_mentions(people(make_person), TEXT, [(start, start + 13)], person_id="p2")
    receiver = next(p for p in persons if p.id == owner)
    assert [d.text for d in receiver.details] == ["+7 701 234 5678", ", 45"]


def test_a_revised_draft_keeps_the_editors_decision_on_a_detail_and_asks_about_a_new_one(make_person):
    old = Decisions("draft.txt", "0" * 64, people(make_person))
    old.persons[1].details[0].action = "keep"  # the editor kept the number (an office line)
    for person in old.persons:
        person.reviewed = True
    new_text = "UPDATE: " + TEXT.replace("Ospanov, 45,", "Ospanov, 45, a baker,")
    moved = [replace(p, mentions=[replace(m, start=m.start + 8, end=m.end + 8) for m in p.mentions],
                     details=[]) for p in people(make_person)]
    fresh = Decisions("draft.txt", "1" * 64, moved)
    fresh.persons[1].details = [at(new_text, "+7 701 234 5678", "phone", "remove")]
    fresh.persons[2].details = [at(new_text, ", 45", "age", "keep"), at(new_text, "a baker", "job", "keep")]
    carried = carry_over(old, fresh, new_text, TEXT)
    danika = next(p for p in carried.decisions.persons if p.name == "Danika Sorell")
    marat = next(p for p in carried.decisions.persons if p.name == "Marat Ospanov")
    assert [(d.start, d.action) for d in danika.details] == [(new_text.index("+7"), "keep")]
    assert danika.reviewed and not marat.reviewed and marat.id in carried.changed
    assert [d.text for d in marat.details] == [", 45", "a baker"]
    lone = next(p for p in carried.decisions.persons if p.name == "Sorell")
    assert lone.details == []  # the fresh analysis found no age beside it this time


def test_an_action_on_a_number_goes_to_every_writing_of_it(make_person):
    from redactor.review_ops import set_detail_action

    text = "Danika Sorell, 31, gave +7 701 234 5678. Marat Ospanov, 45, stayed. Call 87012345678."
    danika = make_person(text, "Danika Sorell", "first_name")
    marat = make_person(text, "Marat Ospanov", "first_name", id="p2")
    danika.details = [at(text, ", 31", "age", "keep"), at(text, "+7 701 234 5678", "phone", "remove")]
    marat.details = [at(text, ", 45", "age", "keep")]
    lone = [at(text, "87012345678", "phone", "remove")]
    persons, lone_after = set_detail_action([danika, marat], lone, "p1", 1, "keep")
    assert [d.action for d in persons[0].details] == ["keep", "keep"] and lone_after[0].action == "keep"
    assert persons[1] is marat  # untouched persons stay the same objects (the views redraw less)
    persons, lone_after = set_detail_action(persons, lone_after, "p2", 0, "generalise")
    assert [d.action for d in persons[1].details] == ["generalise"]
    assert [d.action for d in persons[0].details] == ["keep", "keep"]  # an age is not shared
