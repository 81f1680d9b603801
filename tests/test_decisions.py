"""The decisions file: its exact JSON format, lossless round trips, and a one-line
``DecisionsError`` for every way a hand-edited or stale file can be wrong."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.decisions import (ACTIONS, FORMAT, ROLES, Decisions, Mention, Person,
                                load_decisions, parse_decisions)
from redactor.errors import DecisionsError, RedactorError

SHA = "3f" * 32

# A file exactly as the issue specifies it: only the required keys, one optional replacement.
ISSUE_EXAMPLE = {
    "format": "redactor-decisions/1",
    "document": {"path": "drafts/vigil.txt", "sha256": SHA},
    "persons": [
        {"id": "p1", "name": "Bezshan Nurlanov", "role": "private", "action": "first_name",
         "replacement": "Bezshan", "reviewed": True,
         "mentions": [{"start": 14, "end": 30, "text": "Bezshan Nurlanov"},
                      {"start": 120, "end": 128, "text": "Nurlanov",
                       "replacement": "the worker"}]},
        {"id": "p2", "name": "Lucas Fenwick", "role": "public", "action": "keep",
         "replacement": "Lucas Fenwick", "reviewed": False,
         "mentions": [{"start": 60, "end": 73, "text": "Lucas Fenwick"}]},
    ],
}


def test_the_issue_format_parses_into_persons_and_mentions():
    decisions = parse_decisions(copy.deepcopy(ISSUE_EXAMPLE))
    assert decisions.document_path == "drafts/vigil.txt"
    assert decisions.document_sha256 == SHA
    worker, governor = decisions.persons
    assert (worker.id, worker.name, worker.role, worker.action, worker.replacement,
            worker.reviewed) == ("p1", "Bezshan Nurlanov", "private", "first_name", "Bezshan", True)
    assert worker.mentions == [Mention(14, 30, "Bezshan Nurlanov"),
                               Mention(120, 128, "Nurlanov", replacement="the worker")]
    assert governor.reviewed is False
    assert decisions.unreviewed() == [governor]
    assert decisions.person("p2") is governor


def test_the_issue_format_is_written_back_exactly():
    assert parse_decisions(copy.deepcopy(ISSUE_EXAMPLE)).to_json() == ISSUE_EXAMPLE


def test_dumps_is_the_documented_json_with_every_key():
    decisions = parse_decisions(copy.deepcopy(ISSUE_EXAMPLE))
    data = json.loads(decisions.dumps())
    assert data["format"] == FORMAT == "redactor-decisions/1"
    assert set(data) == {"format", "document", "persons"}
    assert data["document"] == {"path": "drafts/vigil.txt", "sha256": SHA}
    person = data["persons"][0]
    assert {"id", "name", "role", "action", "replacement", "reviewed", "mentions"} <= set(person)
    assert set(person["mentions"][0]) == {"start", "end", "text"}  # no replacement: no key
    assert person["mentions"][1]["replacement"] == "the worker"


def test_dumps_keeps_non_ascii_names_readable():
    decisions = Decisions("d.txt", SHA, [Person("p1", "Žomart Abenov", "private", "placeholder",
                                                "[name withheld]", [Mention(0, 6, "Žomart")])])
    assert "Žomart" in decisions.dumps()
    assert parse_decisions(json.loads(decisions.dumps())) == decisions


def test_round_trip_through_a_file(tmp_path):
    decisions = parse_decisions(copy.deepcopy(ISSUE_EXAMPLE))
    decisions.persons[0].reason = "an age is given: a private person"
    decisions.persons[1].mentions[0].variant = True
    path = tmp_path / "vigil.decisions.json"
    path.write_text(decisions.dumps(), encoding="utf-8")
    assert load_decisions(path) == decisions


# Generated reviews: any mix of roles, actions, overrides and non-overlapping offsets.
_names = st.text(st.characters(categories=["L"]), min_size=1, max_size=12)


@st.composite
def _decisions(draw):
    count = draw(st.integers(0, 4))
    cursor, persons = 0, []
    for number in range(count):
        mentions = []
        for _ in range(draw(st.integers(0, 3))):
            text = draw(_names)
            cursor += draw(st.integers(0, 30))
            replacement = draw(st.none() | st.text(max_size=10))
            mentions.append(Mention(cursor, cursor + len(text), text, replacement,
                                    draw(st.booleans())))
            cursor += len(text)
        persons.append(Person(f"p{number + 1}", draw(_names), draw(st.sampled_from(ROLES)),
                              draw(st.sampled_from(ACTIONS)), draw(st.text(max_size=15)),
                              mentions, draw(st.booleans()), draw(st.text(max_size=20))))
    return Decisions(draw(st.text(min_size=1, max_size=20)), SHA, persons)


@settings(max_examples=60, deadline=None)
@given(_decisions())
def test_any_valid_review_survives_dumps_and_parse(decisions):
    assert parse_decisions(json.loads(decisions.dumps())) == decisions


# --- malformed files ------------------------------------------------------------------------


def _mutate(change):
    data = copy.deepcopy(ISSUE_EXAMPLE)
    change(data)
    return data


def _first_mention(data):
    return data["persons"][0]["mentions"][0]


MALFORMED = {
    "wrong format tag": lambda d: d.update(format="redactor-decisions/2"),
    "no format tag": lambda d: d.pop("format"),
    "not an object": lambda d: None,
    "bad role": lambda d: d["persons"][0].update(role="victim"),
    "bad action": lambda d: d["persons"][0].update(action="blur"),
    "missing action": lambda d: d["persons"][0].pop("action"),
    "end too far": lambda d: _first_mention(d).update(end=31),
    "text too short": lambda d: _first_mention(d).update(text="Bezshan"),
    "empty mention": lambda d: _first_mention(d).update(start=14, end=14, text=""),
    "negative start": lambda d: _first_mention(d).update(start=-1, end=15),
    "start is a string": lambda d: _first_mention(d).update(start="14"),
    "start is a bool": lambda d: _first_mention(d).update(start=True, end=17,
                                                          text="Bezshan Nurlanov"),
    "overlap within a person": lambda d: d["persons"][0]["mentions"].append(
        {"start": 22, "end": 30, "text": "Nurlanov"}),
    "overlap across persons": lambda d: d["persons"][1]["mentions"].append(
        {"start": 10, "end": 20, "text": "0123456789"}),
    "same mention twice": lambda d: d["persons"][1]["mentions"].append(
        {"start": 14, "end": 30, "text": "Bezshan Nurlanov"}),
    "duplicate ids": lambda d: d["persons"][1].update(id="p1"),
    "reviewed is a string": lambda d: d["persons"][0].update(reviewed="yes"),
    "persons not a list": lambda d: d.update(persons={"p1": {}}),
    "person not an object": lambda d: d["persons"].append("p3"),
    "mention not an object": lambda d: d["persons"][0]["mentions"].append([1, 2]),
    "document without sha256": lambda d: d["document"].pop("sha256"),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_a_malformed_review_is_a_decisions_error(case):
    data = [] if case == "not an object" else _mutate(MALFORMED[case])
    with pytest.raises(DecisionsError) as caught:
        parse_decisions(data, source="vigil.json")
    assert str(caught.value).startswith("vigil.json")
    assert "\n" not in str(caught.value)
    assert isinstance(caught.value, RedactorError) and caught.value.exit_code == 2


def test_adjacent_mentions_do_not_count_as_overlapping():
    data = _mutate(lambda d: d["persons"][1]["mentions"].append(
        {"start": 30, "end": 36, "text": "Abenov"}))
    assert len(parse_decisions(data).persons[1].mentions) == 2


@pytest.mark.parametrize("content", [b"{not json", b"", b"\xff\xfe\x00garbage",
                                     b'["redactor-decisions/1"]', b'{"format": "other"}'],
                         ids=["broken-json", "empty", "binary", "a-list", "other-format"])
def test_a_file_that_is_not_a_review_is_a_decisions_error(tmp_path, content):
    path = tmp_path / "review.json"
    path.write_bytes(content)
    with pytest.raises(DecisionsError, match=r"^review\.json: "):
        load_decisions(path)


def test_a_missing_review_is_a_decisions_error(tmp_path):
    with pytest.raises(DecisionsError, match=r"^gone\.json: no such decisions file"):
        load_decisions(tmp_path / "gone.json")
