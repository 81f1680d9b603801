"""Planned edits: the light planner the app uses is the very plan presidio-anonymizer applies;
regions outside the story are cut or kept; a typed replacement keeps its own capitals."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.decisions import Decisions, Mention, Person, Region, load_decisions, save_decisions
from redactor.errors import DecisionsError
from redactor.formats.textmap import splice
from redactor.leaks import find_leaks
from redactor.plan import original_offset, plan, plan_edits as planned_edits, printed
from redactor.redaction import apply_decisions, plan_edits
from test_invariants import drafts, review

TAIL = ("Protesters were held overnight, said Danika Sorell, 24.\n\n"
        "Recommended stories\nPolice chief Ivar Lund resigns\nComments (2)\nMarek Holm: shameful\n")


def _persons() -> list[Person]:
    def at(text: str, after: int = 0) -> Mention:
        start = TAIL.index(text, after)
        return Mention(start, start + len(text), text)
    return [Person("p1", "Danika Sorell", "private", "first_name", "Danika", [at("Danika Sorell")]),
            Person("p2", "Ivar Lund", "public", "keep", "Ivar Lund", [at("Ivar Lund")]),
            Person("p3", "Marek Holm", "private", "placeholder", "[name withheld]", [at("Marek Holm")])]


@settings(max_examples=150, deadline=None)
@given(drafts(), st.sampled_from(["first_name", "initials", "placeholder", "pseudonym", "remove"]))
def test_the_light_plan_is_what_presidio_applies(draft, action):
    text, people, mentions = draft
    decisions = review(people, mentions, action)
    assert planned_edits(text, decisions) == plan_edits(text, decisions)


def test_the_light_plan_imports_neither_presidio_nor_spacy():
    """The desktop app plans edits for its preview in its own process: it must stay light."""
    script = ("import sys, redactor.plan, redactor.review_ops, redactor.revision, "
              "redactor.redaction_log\n"
              "print(sorted(m for m in sys.modules if m.startswith(('spacy', 'presidio'))))")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.strip() == "[]"


def test_a_cut_region_leaves_the_copy_and_its_names_with_it():
    start = TAIL.index("Recommended")
    decisions = Decisions("d.txt", "0" * 64, _persons(), [Region(start, len(TAIL), "cut")])
    copy = apply_decisions(TAIL, decisions)
    assert copy == "Protesters were held overnight, said Danika, 24.\n\n"
    assert find_leaks(copy, decisions) == []
    kinds = [(item.person_id, item.region) for item in plan(TAIL, decisions)]
    assert kinds == [("p1", -1), ("", 0)]  # the mentions inside need no edit of their own


def test_a_kept_region_prints_its_names_except_those_withheld():
    start = TAIL.index("Recommended")
    decisions = Decisions("d.txt", "0" * 64, _persons(), [Region(start, len(TAIL), "keep")])
    copy = apply_decisions(TAIL, decisions)
    assert "Police chief Ivar Lund resigns" in copy
    assert "[name withheld]: shameful" in copy  # Marek Holm's own decision still applies


def test_a_cut_stops_at_a_mention_it_straddles():
    text = "Our reporter Aliya Serik. Read more from Aliya Serik below.\n"
    person = Person("p1", "Aliya Serik", "private", "initials", "A.S.",
                    [Mention(13, 24, "Aliya Serik"), Mention(41, 52, "Aliya Serik")])
    decisions = Decisions("d.txt", "0" * 64, [person], [Region(19, 45, "cut")])
    assert apply_decisions(text, decisions) == "Our reporter A.S.A.S. below.\n"
    assert planned_edits(text, decisions) == plan_edits(text, decisions)


def test_regions_are_saved_and_checked(tmp_path: Path):
    decisions = Decisions("d.txt", "0" * 64, _persons(), [Region(60, len(TAIL), "cut")])
    path = tmp_path / "review.json"
    save_decisions(decisions, path)
    assert load_decisions(path).regions == decisions.regions
    data = path.read_text(encoding="utf-8").replace('"cut"', '"hide"')
    path.write_text(data, encoding="utf-8")
    with pytest.raises(DecisionsError, match="treatment must be one of cut, keep"):
        load_decisions(path)
    beyond = Decisions("d.txt", "0" * 64, [], [Region(10, len(TAIL) + 5, "cut")])
    with pytest.raises(DecisionsError, match="beyond the end"):
        plan(TAIL, beyond)


def test_a_typed_replacement_keeps_its_capitals_a_lower_case_one_follows_the_heading():
    text = "MARAT YESSENOV SPEAKS\nYessenov said the strike goes on. YESSENOV left."
    person = Person("p1", "Marat Yessenov", "private", "first_name", "Marat", [
        Mention(0, 14, "MARAT YESSENOV", replacement="Marat"),
        Mention(22, 30, "Yessenov"), Mention(56, 64, "YESSENOV", replacement="the organiser")])
    decisions = Decisions("d.txt", "0" * 64, [person])
    assert apply_decisions(text, decisions) == (
        "Marat SPEAKS\nMarat said the strike goes on. THE ORGANISER left.")
    assert [printed(text, person, i) for i in range(3)] == ["Marat", "Marat", "THE ORGANISER"]


def test_an_offset_in_the_copy_maps_back_to_the_draft():
    text = "Bezshan Nurlanov said Nurlanov was tired. Nurlanov left."
    person = Person("p1", "Bezshan Nurlanov", "private", "placeholder", "[x]",
                    [Mention(0, 16, "Bezshan Nurlanov"), Mention(22, 30, "Nurlanov")])
    edits = planned_edits(text, Decisions("d.txt", "0" * 64, [person]))
    copy = splice(text, edits)
    assert copy == "[x] said [x] was tired. Nurlanov left."
    assert original_offset(edits, copy.index("Nurlanov")) == text.rindex("Nurlanov")
    assert original_offset(edits, copy.index("was")) == text.index("was")
    assert original_offset(edits, 1) == 0  # inside a replacement: where it began


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_a_region_cut_from_a_structured_draft_is_gone_from_its_copy(tmp_path: Path, suffix):
    """A cut spans paragraphs, runs and markup: the format writes it where the text lives."""
    from copies import write_copy
    from redactor.documents import read_document

    paragraphs = ["Protesters were held overnight, said Danika Sorell, 24.",
                  "Recommended stories", "Police chief Ivar Lund resigns",
                  "Comments (2)", "Marek Holm: shameful"]
    path = tmp_path / f"page{suffix}"
    if suffix == ".docx":
        from docx import Document as new_docx
        document = new_docx()
        for text in paragraphs:
            document.add_paragraph(text)
        document.save(str(path))
    else:
        path.write_text("<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs)
                        + "</body></html>", encoding="utf-8")
    draft = read_document(path)
    start = draft.text.index("Recommended")
    end = draft.text.index("shameful") + len("shameful")
    name = draft.text.index("Danika Sorell")
    decisions = Decisions(str(path), draft.sha256, [Person(
        "p1", "Danika Sorell", "private", "first_name", "Danika",
        [Mention(name, name + 13, "Danika Sorell")])], [Region(start, end, "cut")])
    out = tmp_path / f"copy{suffix}"
    write_copy(draft, decisions, out)
    copy = read_document(out, any_suffix=True).text
    assert "said Danika, 24." in copy
    for gone in ("Recommended", "Ivar Lund", "Comments", "Marek Holm"):
        assert gone not in copy


def test_a_region_cut_from_a_libreoffice_document(tmp_path: Path):
    from conftest import FIXTURES
    from copies import write_copy
    from redactor.documents import read_document

    draft = read_document(FIXTURES / "office" / "lo_wire.odt")
    start = draft.text.index("Marta Kowalczyk")
    end = draft.text.index("Police spokeswoman Dilnaz")
    decisions = Decisions("lo_wire.odt", draft.sha256, [], [Region(start, end, "cut")])
    out = tmp_path / "copy.odt"
    write_copy(draft, decisions, out)
    copy = read_document(out, any_suffix=True).text
    assert "Kowalczyk" not in copy and "Bekov" not in copy
    assert "He only held a sign" in copy and "Police spokeswoman Dilnaz Temirova confirmed" in copy
