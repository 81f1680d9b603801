"""On the shared annotated corpus: every detail written down by hand for a person at risk
(``fixtures/corpus_details.json``) is flagged on that person, and no public official's title
is ever a finding. Skipped where the corpus is not beside the project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redactor.cues import PUBLIC_OFFICES
from redactor.decisions import CONTACT_KINDS, Decisions, Person
from redactor.documents import read_document

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
EXPECTED = json.loads((Path(__file__).parent / "fixtures" / "corpus_details.json").read_text("utf-8"))
DOCUMENTS = sorted(name for name in EXPECTED if not name.startswith("_"))

pytestmark = [pytest.mark.model,
              pytest.mark.skipif(not (CORPUS / "gold.json").exists(), reason="../shared/corpus is absent")]


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads((CORPUS / "gold.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def analysed(engine) -> dict[str, Decisions]:
    return {path.name: engine.analyze(read_document(path))
            for path in sorted((CORPUS / "docs").glob("*.txt"))}


def persons_named(decisions: Decisions, gold_person: tuple[str, list[str]], name: str) -> list[Person]:
    """The detected persons holding a mention of the gold person (by its forms)."""
    forms = set(gold_person[1]) | {name}
    return [p for p in decisions.persons if any(m.text in forms for m in p.mentions)]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_detail_of_a_person_at_risk_is_flagged_on_that_person(document, analysed, gold):
    decisions = analysed[document]
    missed = []
    for expected in EXPECTED[document]:
        role, forms = gold[document][expected["person"]]
        assert role == "protect", expected
        details = [d for p in persons_named(decisions, (role, forms), expected["person"]) for d in p.details]
        hits = [d for d in details if expected["snippet"] in d.text and expected["kind"] in d.kind.split("+")]
        flagged = [d for d in hits if (d.action == "remove" if d.kind in CONTACT_KINDS
                                        else d.reason.startswith("may identify this person"))]
        if not flagged:
            missed.append(f"{expected['person']}: {expected['kind']} “{expected['snippet']}” "
                          f"(found: {[(d.kind, d.text) for d in details]})")
    assert missed == []


def test_no_public_officials_title_is_a_finding(analysed):
    """Across the whole corpus: no identifying detail holds a title written as one ("Interior
    Minister", "Judge"), and none is attached to a person the engine keeps as public."""
    titles = {word.title() for word in PUBLIC_OFFICES}
    wrong = []
    for document, decisions in analysed.items():
        for person in decisions.persons:
            for detail in person.details:
                if detail.kind in CONTACT_KINDS:
                    continue
                if person.role != "private" or titles & set(detail.text.replace(",", " ").split()):
                    wrong.append((document, person.name, person.role, detail.text))
    assert wrong == []
