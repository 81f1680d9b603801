"""The real detector on documents: every invented person, in every place a file hides one.

The ODT story (built from raw XML and as LibreOffice saved it) and the Word and RTF files
LibreOffice wrote from it each hide a name in headers, notes, comments, text boxes, alt
text, link targets, tracked deletions and properties; recall there is what this guards.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from redactor.documents import read_document

OFFICE = Path(__file__).parent / "fixtures" / "office"
_spec = importlib.util.spec_from_file_location("build_fixtures", OFFICE / "build_fixtures.py")
assert _spec is not None and _spec.loader is not None
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)

NAMES = sorted({name for _, name in fixtures.PLACES if " " in name or "-" in name})


@pytest.fixture(params=["built.odt", "lo_full.odt", "lo_full.docx", "lo_full.rtf"])
def document(request, tmp_path):
    if request.param == "built.odt":
        path = tmp_path / "built.odt"
        path.write_bytes(fixtures.wire_odt())
    else:
        path = OFFICE / request.param
    return read_document(path)


@pytest.mark.model
def test_every_hidden_person_is_detected(engine, document):
    decisions = engine.analyze(document)
    spans = [(m.start, m.end) for p in decisions.persons for m in p.mentions]
    missed = []
    for name in NAMES:
        start = document.text.find(name)
        while start >= 0:
            if not any(s <= start and start + len(name) <= e for s, e in spans):
                missed.append(f"{name} ({document.place(start)})")
            start = document.text.find(name, start + 1)
    assert not missed, f"missed in {document.path.name}: {missed}"


@pytest.mark.model
def test_the_suggestions_applied_leave_no_leak(engine, document, tmp_path):
    decisions = engine.analyze(document)
    suffix = ".txt" if document.kind == "rtf" else document.path.suffix
    saved = engine.save(document, decisions, tmp_path / f"copy{suffix}")
    assert saved.findings == []
