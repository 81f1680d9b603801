"""Repairs to what detection found: merge, split, rename, move, add a typed name, regions,
and the replacements that would print a withheld name word."""

from __future__ import annotations

from dataclasses import replace

import pytest

from redactor import review_ops
from redactor.decisions import Decisions, Mention, Person, Region
from redactor.leaks import find_leaks
from redactor.redaction import apply_decisions

TEXT = ("Another protester, Danika Sorell, 24, said officers detained her brother, Tomas Sorell. "
        "Sorell said she had not heard from him. DANIKA SORELL spoke again later. "
        "Minister Jonas Brekke declined to comment.\n")


def at(text: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return Mention(start, start + len(text), text)


def persons() -> list[Person]:
    return [
        Person("p1", "Danika Sorell", "private", "first_name", "Danika",
               [at("Danika Sorell"), at("DANIKA SORELL")]),
        Person("p2", "Tomas Sorell", "private", "first_name", "Tomas", [at("Tomas Sorell")]),
        Person("p3", "Sorell", "private", "placeholder", "[name withheld]", [at("Sorell", 2)]),
        Person("p4", "Jonas Brekke", "public", "keep", "Jonas Brekke", [at("Jonas Brekke")],
               reviewed=True),
    ]


def test_merge_gives_every_mention_the_targets_decision_and_the_fuller_name():
    merged = review_ops.merge(persons(), ["p3", "p1"], "p3")
    assert [p.id for p in merged] == ["p3", "p2", "p4"]  # by first mention: Danika's
    target = next(p for p in merged if p.id == "p3")
    assert target.name == "Danika Sorell"  # "Sorell" merged with "Danika Sorell"
    assert [m.text for m in target.mentions] == ["Danika Sorell", "Sorell", "DANIKA SORELL"]
    assert target.action == "placeholder" and not target.reviewed
    copy = apply_decisions(TEXT, Decisions("d", "0", merged))
    assert "Sorell said" not in copy and "[name withheld] said" in copy


def test_merge_into_a_first_name_person_renames_its_replacement_only_if_it_was_the_default():
    merged = review_ops.merge(persons(), ["p1", "p3"], "p1")
    assert next(p for p in merged if p.id == "p1").replacement == "Danika"
    typed = [p if p.id != "p3" else Person("p3", "Sorell", "private", "first_name", "Sister",
                                          p.mentions) for p in persons()]
    merged = review_ops.merge(typed, ["p1", "p3"], "p3")
    assert next(p for p in merged if p.id == "p3").replacement == "Sister"  # typed: kept


def test_split_moves_mentions_to_a_new_unreviewed_person_named_after_them():
    reviewed = [Person(**{**p.__dict__, "reviewed": True}) for p in persons()]
    split, new = review_ops.split(reviewed, "p1", [1])
    fresh = next(p for p in split if p.id == new)
    assert new == "p5" and fresh.name == "Danika Sorell" and [m.text for m in fresh.mentions] == [
        "DANIKA SORELL"]
    assert (fresh.role, fresh.action, fresh.replacement, fresh.reviewed) == (
        "private", "first_name", "Danika", False)
    assert [m.text for m in next(p for p in split if p.id == "p1").mentions] == ["Danika Sorell"]
    with pytest.raises(ValueError):
        review_ops.split(reviewed, "p2", [0])  # nothing would be left
    named, other = review_ops.split(reviewed, "p1", [1], "Dana Sorell")
    assert next(p for p in named if p.id == other).replacement == "Dana"


def test_rename_follows_the_replacement_made_from_the_name():
    renamed = review_ops.rename(persons(), "p2", "Tomasz Sorell")
    assert next(p for p in renamed if p.id == "p2").replacement == "Tomasz"
    kept = review_ops.rename(persons(), "p3", "Mr Sorell")
    assert next(p for p in kept if p.id == "p3").replacement == "[name withheld]"


def test_moving_a_mention_to_another_person_drops_a_person_left_empty():
    moved = review_ops.move_mentions(persons(), "p3", [0], "p1")
    assert "p3" not in [p.id for p in moved]
    assert [m.text for m in next(p for p in moved if p.id == "p1").mentions] == [
        "Danika Sorell", "Sorell", "DANIKA SORELL"]


def test_a_typed_name_finds_every_place_it_stands():
    text = ("Žomart Ospan spoke. ZOMART OSPAN, 30, left; zomart.ospan@example.org wrote.\n"
            "Zomart\nOspan waved. A bill passed; Bill Ospan objected. Zomartova came too.")
    found = [text[s:e] for s, e in review_ops.find_occurrences(text, "Zomart Ospan")]
    assert found == ["Žomart Ospan", "ZOMART OSPAN", "Zomart\nOspan"]
    bills = [text[s:e] for s, e in review_ops.find_occurrences(text, "Bill")]
    assert bills == ["Bill"]  # a name typed with a capital is not the bill before parliament
    assert review_ops.find_occurrences(text, "zomart") != []  # typed in lower case: any case


def test_adding_a_word_beside_a_mention_joins_it_and_renames_the_person():
    text = "Kairat Omarbekov told AP the police came. Omarbekov, 31, was freed."
    person = Person("p1", "Omarbekov", "private", "placeholder", "[name withheld]",
                    [Mention(7, 16, "Omarbekov"), Mention(42, 51, "Omarbekov")])
    assert review_ops.adjacent_person([person], text, 0, 6) == "p1"
    assert review_ops.adjacent_person([person], text, 22, 24) is None
    added, owner = review_ops.add_mentions([person], text, [(0, 6)], "p1")
    joined = added[0]
    assert owner == "p1" and [m.text for m in joined.mentions] == ["Kairat Omarbekov", "Omarbekov"]
    assert joined.name == "Kairat Omarbekov"
    first = review_ops.renamed(Person(**{**joined.__dict__, "action": "first_name",
                                         "replacement": "Kairat"}), "Kairat Omarbekov", [])
    assert apply_decisions(text, Decisions("d", "0", [first])) == (
        "Kairat told AP the police came. Kairat, 31, was freed.")


def test_adding_a_new_person_takes_over_overlapping_mentions():
    lone = at("Sorell", 2)
    added, new = review_ops.add_mentions(persons(), TEXT, [(lone.start, lone.end)],
                                         name="Sorell", action="initials")
    assert "p3" not in [p.id for p in added]
    fresh = next(p for p in added if p.id == new)
    assert (fresh.name, fresh.action, fresh.replacement, fresh.reviewed) == (
        "Sorell", "initials", "S.", True)


def test_a_cut_region_decides_the_persons_named_only_there():
    region = Region(TEXT.index("Minister"), len(TEXT), "cut")
    marked, regions = review_ops.mark_region(persons(), [], region)
    brekke = next(p for p in marked if p.id == "p4")
    assert (brekke.action, brekke.replacement, brekke.reviewed) == ("remove", "", True)
    assert review_ops.outside_story(brekke, regions)
    assert [p.action for p in marked[:3]] == [p.action for p in persons()[:3]]  # named in the story
    decisions = Decisions("d", "0", marked, regions)
    copy = apply_decisions(TEXT, decisions)
    assert "Minister" not in copy and find_leaks(copy, decisions) == []
    back, none = review_ops.unmark_region(marked, regions, region)
    assert none == [] and not next(p for p in back if p.id == "p4").reviewed


def test_a_kept_region_prints_its_names_and_replaces_overlapping_regions():
    first = Region(TEXT.index("DANIKA"), len(TEXT), "cut")
    _, regions = review_ops.mark_region(persons(), [], first)
    marked, regions = review_ops.mark_region(persons(), regions, Region(TEXT.index("Minister"),
                                                                         len(TEXT), "keep"))
    assert regions == [Region(TEXT.index("Minister"), len(TEXT), "keep")]
    brekke = next(p for p in marked if p.id == "p4")
    assert (brekke.action, brekke.reviewed) == ("keep", True)


def test_replacements_that_repeat_a_withheld_name_word_are_flagged():
    people = persons()
    assert review_ops.repeated_name_words(TEXT, people) == {}
    # Tomas's replacement typed as "Sorell": the surname withheld for Danika and Tomas.
    people[1] = Person("p2", "Tomas Sorell", "private", "first_name", "Sorell", people[1].mentions)
    assert review_ops.repeated_name_words(TEXT, people) == {("p2", 0): {"sorell"}}
    # One mention of Danika kept as written while she is withheld: it prints her surname.
    people = persons()
    people[0].mentions[1] = Mention(people[0].mentions[1].start, people[0].mentions[1].end,
                                    "DANIKA SORELL", replacement="DANIKA SORELL")
    assert review_ops.repeated_name_words(TEXT, people)[("p1", 1)] == {"sorell"}


POSSIBLE_TEXT = ("Residents said Vexley had organised the boats; Vexley did not answer. The Ottlebys "
                 "stayed. Anna Quarven said Quarven boats were full.\n")


def possible_persons() -> list[Person]:
    def at_(text: str, nth: int = 0) -> Mention:
        start = -1
        for _ in range(nth + 1):
            start = POSSIBLE_TEXT.index(text, start + 1)
        return Mention(start, start + len(text), text)

    return [
        Person("p1", "Vexley", "private", "placeholder", "[name withheld]",
               [at_("Vexley"), at_("Vexley", 1)], tier="possible"),
        Person("p2", "Ottlebys", "private", "placeholder", "[name withheld]", [at_("Ottlebys")],
               tier="possible"),
        Person("p3", "Anna Quarven", "private", "first_name", "Anna", [at_("Anna Quarven")]),
        Person("p4", "Quarven", "private", "placeholder", "[name withheld]", [at_("Quarven", 1)],
               tier="possible"),
    ]


def test_dismissing_possible_names_prints_them_as_written_and_leaves_persons_alone():
    dismissed, held = review_ops.dismiss_possible(POSSIBLE_TEXT, possible_persons())
    by_id = {p.id: p for p in dismissed}
    for person_id in ("p1", "p2"):
        person = by_id[person_id]
        assert (person.action, person.replacement, person.reviewed, person.tier) == (
            "keep", person.name, True, "possible")
        assert review_ops.is_possible(person)  # dismissed: still listed apart
    assert by_id["p3"] == possible_persons()[2]  # a confident person is never touched
    copy = apply_decisions(POSSIBLE_TEXT, Decisions("d", "0", dismissed))
    assert "Vexley had" in copy and "The Ottlebys" in copy


def test_a_possible_name_that_would_print_a_withheld_word_is_held_back():
    """"Quarven" kept as written would print the surname withheld for Anna Quarven."""
    dismissed, held = review_ops.dismiss_possible(POSSIBLE_TEXT, possible_persons())
    assert held == ["p4"]
    quarven = next(p for p in dismissed if p.id == "p4")
    assert (quarven.action, quarven.reviewed) == ("placeholder", False)
    decisions = Decisions("d", "0", dismissed)
    assert find_leaks(apply_decisions(POSSIBLE_TEXT, decisions), decisions) == []


def test_a_held_back_possible_name_holds_back_another_that_shares_its_word():
    text = "Anna Quarven said Quarven Ditt and Ditt left."

    def mention(word: str) -> Mention:
        start = text.rindex(word) if word == "Ditt" else text.index(word)
        return Mention(start, start + len(word), word)

    people = [Person("p1", "Anna Quarven", "private", "first_name", "Anna", [mention("Anna Quarven")]),
              Person("p2", "Quarven Ditt", "private", "placeholder", "[name withheld]",
                     [mention("Quarven Ditt")], tier="possible"),
              Person("p3", "Ditt", "private", "placeholder", "[name withheld]", [mention("Ditt")],
                     tier="possible")]
    # "Quarven Ditt" prints Anna's surname; held back, it withholds "Ditt" in turn.
    assert review_ops.dismissible(text, people) == ([], ["p2", "p3"])
    assert review_ops.dismissible(text, people[1:]) == (["p2", "p3"], [])


def test_an_accepted_possible_name_is_promoted_and_a_kept_one_is_not():
    vexley = possible_persons()[0]
    assert review_ops.is_possible(vexley)
    assert not review_ops.is_possible(replace(vexley, reviewed=True))  # withheld: a person
    assert review_ops.is_possible(replace(vexley, action="keep", reviewed=True))
    assert not review_ops.is_possible(possible_persons()[2])
