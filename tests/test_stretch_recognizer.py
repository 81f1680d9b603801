"""Presidio's link, IP and national ID recognizers, run on the stretches between spaces that
could hold a match, find exactly what they find on the whole text inside those stretches:
the shortcut must never lose a number or a link."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from presidio_analyzer import RecognizerResult

from redactor.recognizers.contacts import StretchRecognizer, contact_recognizers

# Numbers and links in the shapes these recognizers know (some with valid checksums, some
# not), and the words and marks a draft puts around them.
NUMBERS = ["12345678Z", "X1234567L", "192.168.0.1", "10.0.0.255", "2001:db8::1", "::1", "fe80::1",
           "S1234567D", "790101-1234567", "12345678901", "44051401359", "T22000129", "C01X00T47",
           "131052-308T", "RSSMRA85T10A562S", "8001015009087", "A12345678", "19121212-1212",
           "850101-1234", "2024", "10:30", "+7 701 234 5678", "::", "fe::ab"]
LINKS = ["https://example.org/a", "www.example.com", "example.kz/news?id=4", "t.me/bezshan_88",
         "'https://example.org'", "Almaty.To", "b.nurlanov@mail.kz"]
WORDS = ["Protester", "Bezshan", "said", "his", "number", "was", "passport", "ID", "on", "the",
         "demonstration", "NELSON:", "Almaty."]
MARKS = [" ", "  ", "\n", "\t", "(", ")", ", ", ". ", ": ", "/", "-", "\"", "'", ";"]
# Whatever in a pattern could match a space: \s, \W, \D, a space, an unescaped dot outside a
# class, a negated class; a negated class that leaves out \s (``EXCLUDES_SPACE``) cannot.
SPACE_CAPABLE = re.compile(r"\\s|\\W|\\D|\[\^| |(?<!\\)\.(?![^\[]*\])")
EXCLUDES_SPACE = re.compile(r"\[\^[^\]]*\\s[^\]]*\]")


def _stretch_recognizers() -> list[StretchRecognizer]:
    return [r for r in contact_recognizers() if isinstance(r, StretchRecognizer)]


def _key(result: RecognizerResult) -> tuple[str, int, int, float]:
    return result.entity_type, result.start, result.end, round(result.score, 6)


def _within_stretches(recognizer: StretchRecognizer, text: str) -> list[tuple[str, int, int, float]]:
    """What the recognizers inside find on the whole text, kept where a stretch holds it."""
    stretches = [m.span() for m in recognizer.stretch.finditer(text)]
    return sorted(_key(r) for inner in recognizer.recognizers
                  for r in inner.analyze(text, inner.supported_entities)
                  if any(start <= r.start and r.end <= end for start, end in stretches))


def _found(recognizer: StretchRecognizer, text: str) -> list[tuple[str, int, int, float]]:
    return sorted(_key(r) for r in recognizer.analyze(text, recognizer.supported_entities))


def test_no_pattern_inside_can_match_a_space():
    """The shortcut holds only for patterns confined to one stretch; a Presidio upgrade that
    let one match a space must fail here, not lose numbers."""
    for recognizer in _stretch_recognizers():
        for inner in recognizer.recognizers:
            for pattern in inner.patterns:
                assert not SPACE_CAPABLE.search(EXCLUDES_SPACE.sub("", pattern.regex)), (inner.name, pattern.regex)


def test_numbers_and_links_in_a_sentence_are_found_as_on_the_whole_text():
    text = ("Protester Bezshan Nurlanov (NIE X1234567L, NIF 12345678Z) wrote from 192.168.0.1 and "
            "2001:db8::1;\nhis Italian code RSSMRA85T10A562S, PESEL 44051401359. At 10:30 he "
            "posted https://example.org/a and t.me/bezshan_88.")
    found = set()
    for recognizer in _stretch_recognizers():
        assert _found(recognizer, text) == _within_stretches(recognizer, text)
        found |= {text[start:end] for _, start, end, _ in _found(recognizer, text)}
    assert found >= {"X1234567L", "192.168.0.1", "2001:db8::1", "https://example.org/a"}


@pytest.mark.parametrize("index", [0, 1])
@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NUMBERS + LINKS + WORDS), st.sampled_from(MARKS)),
                min_size=1, max_size=30))
def test_any_mix_of_numbers_links_words_and_marks_is_read_as_on_the_whole_text(index, pieces):
    recognizer = _stretch_recognizers()[index]
    text = "".join(piece + mark for piece, mark in pieces)
    assert _found(recognizer, text) == _within_stretches(recognizer, text)
