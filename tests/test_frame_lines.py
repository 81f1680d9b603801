"""A frame that opens with the name is tried only on the lines where what follows the name
is found (``Frame.needle``): it must match exactly what it matches on the whole text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.recognizers.frames import FRAMES

PIECES = ["Asel Nurova", "Justice", "el-Qudsi", "Dana", "of Common Defense", "the analyst", "who",
          "who's 23", "24", "(21)", "told AP", "holds a photo", "her brother", "'s family",
          "administration", "trial", "said", "Kyiv", "the protester", "Mensah's roommate"]
MARKS = [" ", ", ", ",\n", "\n", ". ", "\n\n", " (", ") ", "; "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(MARKS)), min_size=1, max_size=25))
def test_a_name_first_frame_matches_on_its_lines_what_it_matches_on_the_whole_text(pieces):
    text = "".join(piece + mark for piece, mark in pieces)
    for frame in FRAMES:
        if frame.needle is not None:
            assert [m.span() for m in frame.matches(text)] == [
                m.span() for m in frame.pattern.finditer(text, overlapped=True)], frame.pattern.pattern[-60:]
