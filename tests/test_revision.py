"""Carrying a review over to a revised draft: decisions follow their mentions by text, what is
new waits for review, what is gone is named."""

from __future__ import annotations

from dataclasses import replace

from redactor.decisions import Decisions, Mention, Person, Region
from redactor.revision import carry_over

OLD = ("A protester named Ilyas told AP the police came. Danika Sorell, 24, was detained.\n"
       "Sorell said she was afraid. Minister Jonas Brekke declined to comment.\n")
NEW = ("UPDATED: adds a statement.\n\n"
       "A protester named Ilyas told AP the police came. Danika Sorell, 24, was detained.\n"
       "Sorell said she was afraid. Her lawyer, Timur Aliyev, called it illegal.\n"
       "Minister Jonas Brekke declined to comment. Ilyas said he would return.\n")


def mentions(text: str, *forms: str) -> list[Mention]:
    out = []
    for form in forms:
        start = -1
        while (start := text.find(form, start + 1)) >= 0:
            if not any(m.start <= start < m.end for m in out):
                out.append(Mention(start, start + len(form), form))
    return sorted(out, key=lambda m: m.start)


def old_review() -> Decisions:
    """What the editor decided on the first version: Danika and her surname merged, one
    mention of her given its own text, Ilyas added by hand, the minister kept."""
    danika = mentions(OLD, "Danika Sorell", "Sorell")
    danika[1] = replace(danika[1], replacement="the woman")
    return Decisions("d.txt", "old", [
        Person("p1", "Ilyas", "private", "initials", "I.", mentions(OLD, "Ilyas"), reviewed=True,
               reason="added by the editor"),
        Person("p2", "Danika Sorell", "private", "first_name", "Danika", danika, reviewed=True),
        Person("p4", "Jonas Brekke", "public", "keep", "Jonas Brekke", mentions(OLD, "Jonas Brekke"),
               reviewed=True),
    ], [Region(OLD.index("Minister"), len(OLD), "keep")])


def fresh_analysis() -> Decisions:
    """What detection finds in the new version (grouped its own way, nothing reviewed)."""
    return Decisions("d.txt", "new", [
        Person("p1", "Danika Sorell", "private", "first_name", "Danika",
               mentions(NEW, "Danika Sorell")),
        Person("p2", "Sorell", "private", "placeholder", "[name withheld]",
               [m for m in mentions(NEW, "Danika Sorell", "Sorell") if m.text == "Sorell"]),
        Person("p3", "Timur Aliyev", "private", "first_name", "Timur", mentions(NEW, "Timur Aliyev")),
        Person("p4", "Jonas Brekke", "public", "keep", "Jonas Brekke", mentions(NEW, "Jonas Brekke")),
    ])


def test_decisions_follow_their_mentions_into_the_new_version():
    carried = carry_over(old_review(), fresh_analysis(), NEW, OLD)
    persons = {p.id: p for p in carried.decisions.persons}
    danika = persons["p2"]
    assert (danika.action, danika.reviewed) == ("first_name", True)
    assert [(m.text, m.replacement) for m in danika.mentions] == [
        ("Danika Sorell", None), ("Sorell", "the woman")]
    assert all(NEW[m.start:m.end] == m.text for p in persons.values() for m in p.mentions)
    assert carried.decisions.document_sha256 == "new"


def test_what_is_new_waits_for_review():
    carried = carry_over(old_review(), fresh_analysis(), NEW, OLD)
    persons = {p.id: p for p in carried.decisions.persons}
    timur = next(p for p in persons.values() if p.name == "Timur Aliyev")
    assert carried.new == [timur.id] and not timur.reviewed and timur.id not in ("p1", "p2", "p4")
    # Ilyas (added by hand) is named once more in the new version: found, and reviewed again.
    ilyas = persons["p1"]
    assert [m.start for m in ilyas.mentions] == [m.start for m in mentions(NEW, "Ilyas")]
    assert carried.changed == ["p1"] and not ilyas.reviewed
    assert persons["p4"].reviewed and carried.gone == []


def test_a_name_no_longer_in_the_draft_is_named_as_gone():
    shorter = OLD.replace("Minister Jonas Brekke declined to comment.", "No comment came.")
    fresh = Decisions("d.txt", "new", [p for p in fresh_analysis().persons
                                       if p.name in ("Danika Sorell", "Sorell")])
    for person in fresh.persons:
        person.mentions = mentions(shorter, *{m.text for m in person.mentions})
    carried = carry_over(old_review(), fresh, shorter, OLD)
    assert carried.gone == ["Jonas Brekke"]


def test_regions_follow_their_text_and_one_to_the_end_still_ends_there():
    carried = carry_over(old_review(), fresh_analysis(), NEW, OLD)
    region = carried.decisions.regions[0]
    assert NEW[region.start:].startswith("Minister") and region.end == len(NEW)
    assert carried.regions_lost == 0
    without_text = carry_over(old_review(), fresh_analysis(), NEW)
    assert without_text.decisions.regions == [] and without_text.regions_lost == 1


def test_a_longer_name_found_now_replaces_the_shorter_one_and_asks_again():
    old_text = "Kairat Omarbekov told AP the police came.\n"
    new_text = "Kairat Omarbekov told AP the police came at night.\n"
    old = Decisions("d", "old", [Person("p1", "Omarbekov", "private", "placeholder", "[x]",
                                        [Mention(7, 16, "Omarbekov")], reviewed=True)])
    fresh = Decisions("d", "new", [Person("p1", "Kairat Omarbekov", "private", "first_name", "Kairat",
                                          [Mention(0, 16, "Kairat Omarbekov")])])
    carried = carry_over(old, fresh, new_text, old_text)
    person = carried.decisions.persons[0]
    assert [m.text for m in person.mentions] == ["Kairat Omarbekov"]
    assert person.action == "placeholder" and not person.reviewed and carried.changed == ["p1"]


def test_the_same_text_carries_everything_over_unchanged():
    old = old_review()
    carried = carry_over(old, Decisions("d.txt", "old", []), OLD, OLD)
    assert carried.decisions.persons == old.persons and carried.decisions.regions == old.regions
    assert carried.new == carried.changed == carried.gone == []
