"""The national ID and IP recognizers run on the stretches between spaces find exactly what
they find on the whole text: the shortcut must never lose a number."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from presidio_analyzer import RecognizerResult

from redactor.recognizers.contacts import StretchRecognizer, contact_recognizers

# Numbers in the shapes these recognizers know (some with valid checksums, some not), and
# the words and marks a draft puts around them.
NUMBERS = ["12345678Z", "X1234567L", "192.168.0.1", "10.0.0.255", "2001:db8::1", "::1", "fe80::1",
           "S1234567D", "790101-1234567", "12345678901", "44051401359", "T22000129", "C01X00T47",
           "131052-308T", "RSSMRA85T10A562S", "8001015009087", "A12345678", "19121212-1212",
           "850101-1234", "2024", "10:30", "+7 701 234 5678", "::", "fe::ab"]
WORDS = ["Protester", "Bezshan", "said", "his", "number", "was", "passport", "ID", "on", "the",
         "demonstration", "NELSON:", "https://example.org/a", "Almaty."]
MARKS = [" ", "  ", "\n", "\t", "(", ")", ", ", ". ", ": ", "/", "-", "\"", "'", ";"]


def _stretches() -> StretchRecognizer:
    return next(r for r in contact_recognizers() if isinstance(r, StretchRecognizer))


def _key(result: RecognizerResult) -> tuple[str, int, int, float]:
    return result.entity_type, result.start, result.end, round(result.score, 6)


def _whole_text(recognizer: StretchRecognizer, text: str) -> list[tuple[str, int, int, float]]:
    return sorted(_key(r) for inner in recognizer.recognizers
                  for r in inner.analyze(text, inner.supported_entities))


def test_no_pattern_inside_can_match_a_space():
    """The shortcut holds only for patterns confined to one stretch; a Presidio upgrade that
    let one match a space must fail here, not lose numbers."""
    space_capable = re.compile(r"\\s|\\W|\\D|\[\^| |(?<!\\)\.(?![^\[]*\])")
    for inner in _stretches().recognizers:
        for pattern in inner.patterns:
            assert not space_capable.search(pattern.regex), (inner.name, pattern.regex)


def test_numbers_in_a_sentence_are_found_as_on_the_whole_text():
    recognizer = _stretches()
    text = ("Protester Bezshan Nurlanov (NIE X1234567L, NIF 12345678Z) wrote from 192.168.0.1 and "
            "2001:db8::1;\nhis Italian code RSSMRA85T10A562S, PESEL 44051401359. At 10:30 he left.")
    found = sorted(_key(r) for r in recognizer.analyze(text, recognizer.supported_entities))
    assert found == _whole_text(recognizer, text)
    assert {text[start:end] for _, start, end, _ in found} >= {"X1234567L", "192.168.0.1", "2001:db8::1"}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NUMBERS + WORDS), st.sampled_from(MARKS)), min_size=1, max_size=30))
def test_any_mix_of_numbers_words_and_marks_is_read_as_on_the_whole_text(pieces):
    recognizer = _stretches()
    text = "".join(piece + mark for piece, mark in pieces)
    found = sorted(_key(r) for r in recognizer.analyze(text, recognizer.supported_entities))
    assert found == _whole_text(recognizer, text)
