"""Failing safe: hostile and odd inputs, the tool's own logs, and detect → apply → verify.

Each hostile input gets one clear sentence naming the file, quickly, with nothing written;
odd but honest inputs (a line of megabytes, a UTF-8 draft with a pasted Windows-1252 line)
are read correctly. Nothing the tool logs contains a name from the draft.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redactor.cli import main
from redactor.decisions import Decisions
from redactor.documents import read_document
from redactor.errors import UnreadableDocument
from redactor.redaction import apply_decisions, check_offsets

NAMES = ["Bezshan Nurlanov", "Žaneta Kostova", "Søren Brekke", "Aoife Quist"]


@pytest.mark.parametrize("label, content, message", [
    ("nul bytes", b"Bezshan Nurlanov\x00\x00 said", "binary"),
    ("control bytes", bytes(range(1, 9)) * 200, "binary"),
    ("utf-16 bom, odd length", b"\xff\xfeB\x00e\x00z", "not valid utf-16"),
    ("whitespace only", b" \n\t\n", "empty"),
])
def test_hostile_text_is_refused_with_a_reason_and_nothing_written(tmp_path, refused, label, content,
                                                                   message):
    path = tmp_path / "draft.txt"
    path.write_bytes(content)
    error = refused(path, message, within=2)
    assert message in error and "Nurlanov" not in error


def test_a_folder_and_a_vanished_file_are_refused(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(UnreadableDocument, match="is a folder"):
        read_document(tmp_path / "folder.txt")
    gone = tmp_path / "gone.txt"
    gone.write_text("Bezshan Nurlanov")
    gone.unlink()
    with pytest.raises(UnreadableDocument, match="no such file"):
        read_document(gone)


def test_a_pasted_windows_1252_line_does_not_garble_the_utf8_names(tmp_path):
    raw = "Žaneta Kostova said “no”.\n".encode() + "Søren Brekke agreed.\n".encode("cp1252")
    path = tmp_path / "mixed.txt"
    path.write_bytes(raw)
    document = read_document(path)
    assert document.text == "Žaneta Kostova said “no”.\nSøren Brekke agreed.\n"
    assert document.encode(document.text)[0] == document.text.encode("utf-8")


@pytest.mark.model
def test_a_line_of_megabytes_is_analysed(engine, tmp_path):
    blob = "x" * 1_500_000
    path = tmp_path / "long.txt"
    path.write_text(f"{blob} Bezshan Nurlanov, 24, a student, said police beat him. {blob}\n")
    decisions = engine.analyze(read_document(path))
    assert [p.name for p in decisions.persons] == ["Bezshan Nurlanov"]


@pytest.mark.model
def test_nothing_the_tool_logs_contains_a_name(engine, tmp_path, caplog):
    path = tmp_path / "draft.txt"
    path.write_text("Bezshan Nurlanov, 24, a student, said police beat him. His sister "
                    "Aigerim Nurlanova, 19, was also detained, said Dana Sarsenova, a police "
                    "spokeswoman.\n")
    caplog.set_level(logging.DEBUG)
    document = read_document(path)
    decisions = engine.analyze(document)
    saved = engine.save(document, decisions, tmp_path / "out.txt")
    engine.verify(saved.path, decisions)
    assert saved.findings == [] and len(decisions.persons) >= 3
    logged = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    for word in ("Bezshan", "Nurlanov", "Aigerim", "Nurlanova", "Sarsenova"):
        assert word not in logged


FILLER = ["Police said the march was peaceful.", "The rally ended at dusk.",
          "Dozens of people were detained.", "Officials did not respond to requests for comment."]
FRAMES = ["{name}, 24, a student, said she was beaten.", "said {name}, a teacher.",
          "Among those detained was {name}.", "{name} told The Associated Press she was afraid."]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(FRAMES), st.sampled_from(FILLER)),
                min_size=1, max_size=5))
@pytest.mark.model
def test_detect_then_withhold_everyone_then_verify_finds_nothing(engine, tmp_path_factory, story):
    text = " ".join(frame.format(name=name) + " " + filler for name, frame, filler in story) + "\n"
    path = tmp_path_factory.mktemp("story") / "draft.txt"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    decisions = engine.analyze(document)
    check_offsets(document.text, decisions)  # every mention's offsets match its text
    for person in decisions.persons:
        person.action, person.replacement, person.reviewed = "placeholder", "[withheld]", True
    out = path.with_name("out.txt")
    assert main(["apply", str(path), "--decisions", str(_saved(decisions, path)), "-o", str(out)]) == 0
    assert main(["verify", str(out), "--decisions", str(path.with_name("review.json"))]) == 0
    assert apply_decisions(document.text, decisions) == apply_decisions(document.text, decisions)
    redacted = out.read_text(encoding="utf-8")
    for name in {name for name, _, _ in story}:
        assert name.split()[-1] not in redacted


def _saved(decisions: Decisions, path: Path) -> Path:
    from redactor.decisions import save_decisions

    review = path.with_name("review.json")
    save_decisions(decisions, review, force=True)
    return review
