"""Suggestions that would themselves leak: pure tests on hand-built candidates, no model."""

from __future__ import annotations

from redactor import PLACEHOLDER
from redactor.decisions import Mention
from redactor.grouping import Candidate
from redactor.names import key
from redactor.suggestions import suggest


def candidate(text: str, name: str) -> Candidate:
    start = text.index(name)
    return Candidate(name, key(name), [Mention(start, start + len(name), name)])


def test_no_replacement_shows_a_name_withheld_for_another_person():
    text = ("Bezshan Nurlanov, 24, was detained after the rally, said his sister.\n\n"
            "Nurlanov Almaty\n")
    persons = suggest(text, [candidate(text, "Bezshan Nurlanov"), candidate(text, "Nurlanov Almaty")])
    real, garbled = persons
    assert (real.action, real.replacement) == ("first_name", "Bezshan")
    assert (garbled.action, garbled.replacement) == ("placeholder", PLACEHOLDER)
    assert "withheld for another person" in garbled.reason


def test_a_shared_first_name_is_no_reason_to_withhold_more():
    text = "Bezshan Nurlanov, 24, and Bezshan Kairatov, 22, were detained, witnesses said."
    persons = suggest(text, [candidate(text, "Bezshan Nurlanov"), candidate(text, "Bezshan Kairatov")])
    assert [(p.action, p.replacement) for p in persons] == [("first_name", "Bezshan")] * 2
