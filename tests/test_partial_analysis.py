"""Persons found so far, while a long draft is read: the app shows them early, and the result
is the same as reading the draft in one go."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.detection import CHUNK_CHARS
from redactor.documents import read_document

pytestmark = pytest.mark.model

PARAGRAPHS = [
    "Protester Ilse Varnholt, 34, said the police came at night. Varnholt was released.",
    "Minister Oskar Drevland declined to comment on the arrests.",
    "A volunteer named Yrsa handed out water. \"We stay,\" Yrsa said.",
    "Political analyst Kamila Strand said the government had misjudged the mood.",
]


def test_partial_results_come_early_and_the_final_result_is_unchanged(engine, tmp_path: Path):
    paragraphs = [PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(900)]
    paragraphs[800] = "Late in the day Bogdan Ferreira, 51, a driver, was detained too."
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    document = read_document(path)
    assert len(document.text) > 3 * CHUNK_CHARS
    seen: list[list[str]] = []
    decisions = engine.analyze(document, partial=lambda persons: seen.append(
        sorted(p.name for p in persons)))
    assert seen, "no persons were reported before the end"
    assert "Ilse Varnholt" in seen[0] and "Bogdan Ferreira" not in seen[0]  # the first chunk only
    assert [len(names) for names in seen] == sorted(len(names) for names in seen)
    assert decisions.persons == engine.analyze(document).persons
    assert "Bogdan Ferreira" in [p.name for p in decisions.persons]
