"""Details in the decisions file and in the plan: how they are written, loaded, refused and
applied. Reviews are built by hand (no model): a person's details, and details beside no one.
"""

from __future__ import annotations

import json

import pytest

from redactor.decisions import Decisions, Detail, load_decisions, parse_decisions
from redactor.errors import DecisionsError
from redactor.redaction import apply_decisions

STORY = ("A 31-year-old baker from the Medeu district, Bezshan Nurlanov, can be reached at "
         "+7 701 234 5678. His sister Saule Nurlanova was detained. Tips: 8 800 555 35 35.\n")


def detail(text: str, written: str, kind: str, action: str, replacement: str = "",
           reason: str = "") -> Detail:
    start = text.index(written)
    return Detail(start, start + len(written), written, kind, action, replacement, reason)


@pytest.fixture
def review(make_person, make_decisions) -> Decisions:
    """Bezshan with a phone number, a description and a relative; a hotline beside no one."""
    bezshan = make_person(STORY, "Bezshan Nurlanov", "first_name", "Bezshan Nurlanov")
    saule = make_person(STORY, "Saule Nurlanova", "first_name", "Saule Nurlanova", id="p2")
    bezshan.details = [
        detail(STORY, "A 31-year-old baker from the Medeu district", "age+job+place", "keep", "A baker",
               "may identify this person"),
        detail(STORY, "+7 701 234 5678", "phone", "remove", "[phone number withheld]"),
        detail(STORY, "His sister Saule Nurlanova", "relative", "keep", "His sister")]
    decisions = make_decisions(bezshan, saule)
    decisions.details = [detail(STORY, "8 800 555 35 35", "phone", "keep", "[phone number withheld]")]
    return decisions


def test_details_round_trip_through_the_file(review: Decisions, tmp_path):
    path = tmp_path / "review.json"
    path.write_text(review.dumps(), encoding="utf-8")
    loaded = load_decisions(path)
    assert loaded.person("p1").details == review.person("p1").details
    assert loaded.details == review.details
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["persons"][0]["details"][1] == {
        "start": STORY.index("+7"), "end": STORY.index("+7") + 15, "text": "+7 701 234 5678",
        "kind": "phone", "action": "remove", "replacement": "[phone number withheld]"}
    assert written["details"][0]["text"] == "8 800 555 35 35"


def test_a_file_without_details_still_loads(review: Decisions):
    data = review.to_json()
    del data["details"]
    for person in data["persons"]:
        person.pop("details", None)
    loaded = parse_decisions(data)
    assert loaded.details == [] and all(p.details == [] for p in loaded.persons)


@pytest.mark.parametrize(("change", "message"), [
    ({"kind": "shoe size"}, "kind must be one of"),
    ({"kind": "age+age"}, "kind must be one of"),
    ({"kind": "phone+age"}, "kind must be one of"),
    ({"action": "first_name"}, "action must be one of"),
    ({"end": 999}, "offsets do not match"),
    ({"text": 7}, "'text' is missing"),
])
def test_a_bad_detail_is_refused_with_its_place(review: Decisions, change, message):
    data = review.to_json()
    data["persons"][0]["details"][1].update(change)
    with pytest.raises(DecisionsError, match=rf"person 1, detail 2: .*{message}"):
        parse_decisions(data)


def test_overlapping_details_and_a_detail_cutting_a_name_are_refused(review: Decisions):
    data = review.to_json()
    data["details"][0].update(start=data["persons"][0]["details"][1]["start"] + 3)
    data["details"][0].update(end=data["details"][0]["start"] + len(data["details"][0]["text"]))
    with pytest.raises(DecisionsError, match="two details overlap"):
        parse_decisions(data)
    data = review.to_json()
    first = data["persons"][0]["details"][2]  # "His sister Saule Nurlanova" -> "His sister Saule"
    first.update(end=first["end"] - 9, text=first["text"][:-9])
    with pytest.raises(DecisionsError, match="cuts a mention"):
        parse_decisions(data)


def test_a_detail_that_does_not_match_the_text_is_refused_when_applied(review: Decisions):
    review.details[0].start += 1
    review.details[0].end += 1
    with pytest.raises(DecisionsError, match="the review: a detail at .* does not match"):
        apply_decisions(STORY, review)


def test_each_action_prints_what_it_says(review: Decisions):
    out = apply_decisions(STORY, review)
    assert out == ("A 31-year-old baker from the Medeu district, Bezshan, can be reached at "
                   "[phone number withheld]. His sister Saule was detained. Tips: 8 800 555 35 35.\n")
    description, phone, relative = review.person("p1").details
    description.action = relative.action = "generalise"
    phone.action = "generalise"
    phone.replacement = "a mobile number he gave"
    review.details[0].action = "remove"
    out = apply_decisions(STORY, review)
    assert out == ("A baker, Bezshan, can be reached at a mobile number he gave. His sister was "
                   "detained. Tips: [phone number withheld].\n")


def test_a_removed_identifying_detail_takes_its_space_along(make_person, make_decisions):
    text = "Police held Bezshan Nurlanov (31) and 45-year-old Marat Ospanov on Monday."
    bezshan = make_person(text, "Bezshan Nurlanov", "first_name")
    marat = make_person(text, "Marat Ospanov", "first_name", id="p2")
    bezshan.details = [detail(text, " (31)", "age", "remove")]
    marat.details = [detail(text, "45-year-old ", "age", "remove")]
    assert apply_decisions(text, make_decisions(bezshan, marat)) == "Police held Bezshan and Marat on Monday."


def test_a_generalised_detail_may_not_print_a_withheld_name(review: Decisions):
    relative = review.person("p1").details[2]
    relative.action, relative.replacement = "generalise", "his sister Nurlanova"
    with pytest.raises(DecisionsError, match="prints 'nurlanova', a name the review withholds"):
        apply_decisions(STORY, review)


def test_a_detail_inside_a_region_cut_from_the_copy_needs_no_edit(review: Decisions):
    from redactor.decisions import Region

    start = STORY.index("Tips")
    review.details[0].action = "remove"
    review.regions = [Region(start, len(STORY) - 1, "cut")]
    assert apply_decisions(STORY, review).endswith("was detained. \n")


def test_an_address_inside_a_link_is_withheld_as_one_word_of_it(make_decisions):
    text = "Write to b.n@mail.kz ([mail](mailto:b.n@mail.kz)) or call tel:+77012345678 today."
    decisions = make_decisions()
    decisions.details = [detail(text, "b.n@mail.kz", "email", "remove"),
                         Detail(text.rindex("b.n@"), text.rindex("b.n@") + 11, "b.n@mail.kz", "email",
                                "remove"),
                         detail(text, "+77012345678", "phone", "remove")]
    assert apply_decisions(text, decisions) == (
        "Write to [e-mail address withheld] ([mail](mailto:e-mail-address-withheld)) or call "
        "tel:phone-number-withheld today.")


def test_a_collection_keeps_each_files_details_with_that_file(make_person, make_decisions):
    from redactor.collection import Entry, gather, parse_collection

    monday = "Bezshan Nurlanov can be reached at +7 701 234 5678.\n"
    tuesday = "Tips: 8 800 555 35 35. Bezshan Nurlanov, 31, spoke again.\n"
    first = make_person(monday, "Bezshan Nurlanov", "first_name")
    first.details = [detail(monday, "+7 701 234 5678", "phone", "remove")]
    second = make_person(tuesday, "Bezshan Nurlanov", "first_name")
    second.details = [detail(tuesday, ", 31", "age", "keep", "", "may identify this person")]
    day_two = make_decisions(second)
    day_two.details = [detail(tuesday, "8 800 555 35 35", "phone", "remove")]
    review = gather([(Entry("monday.txt", "1" * 64), make_decisions(first)),
                     (Entry("tuesday.txt", "2" * 64), day_two)])
    loaded = parse_collection(json.loads(review.dumps()))
    assert len(loaded.persons) == 1
    assert apply_decisions(monday, loaded.decisions_for("monday.txt")) == (
        "Bezshan can be reached at [phone number withheld].\n")
    tuesday_review = loaded.decisions_for("tuesday.txt")
    assert [d.text for d in tuesday_review.persons[0].details] == [", 31"]
    assert apply_decisions(tuesday, tuesday_review) == (
        "Tips: [phone number withheld]. Bezshan, 31, spoke again.\n")


def test_the_redaction_log_cites_each_detail_it_changed(review: Decisions):
    from redactor.redaction_log import log_entries

    review.details[0].action = "remove"
    entries = log_entries(STORY, review, names=True)
    details = [e for e in entries if e.decision.endswith("the phone")]
    assert [(e.person, e.action, e.printed, e.original) for e in details] == [
        ("p1", "remove", "[phone number withheld]", "+7 701 234 5678"),
        ("", "remove", "[phone number withheld]", "8 800 555 35 35")]
    assert [e.person for e in entries if e.decision.startswith("first name")] == ["p1", "p2"]
