"""Shared fixtures: the real pipeline loaded once per session, drafts on disk, review builders.

Tests of pure logic (decoding, decisions files, applying offsets, the leak check, writing)
build their reviews by hand with ``make_person``/``make_decisions`` and need no model.
Tests that run detection take the session-scoped ``engine`` and are marked ``model``.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs every property test on the same examples (HYPOTHESIS_PROFILE=ci, set by .ci/run), so
# a landing never hangs on a random draw; on a developer's machine each run explores anew.
settings.register_profile("ci", derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

from redactor.decisions import Decisions, Mention, Person

FIXTURES = Path(__file__).parent / "fixtures"

# Default replacements a reviewer would see for each action (kept here, not taken from
# suggestions.py, so these tests do not move when the suggestion rules change).
_DEFAULT_REPLACEMENT = {
    "keep": lambda name: name,
    "first_name": lambda name: name.split()[0],
    "initials": lambda name: "".join(word[0].upper() + "." for word in name.split()),
    "placeholder": lambda name: "[name withheld]",
    "pseudonym": lambda name: "Source A",
    "remove": lambda name: "",
}


@pytest.fixture(scope="session")
def engine():
    """The real engine with its spaCy pipeline loaded once for the whole session."""
    from redactor.engine import Engine

    loaded = Engine()
    loaded.load()
    return loaded


@pytest.fixture
def complete(engine) -> Callable[..., Decisions]:
    """Complete a hand-built review with everyone else detection finds, their suggestions
    accepted, as an editor would before saving: the second reading then judges only what
    the test decided. Mentions that overlap the test's own are left to the test's persons."""

    def make(document, decisions: Decisions) -> Decisions:
        taken = [(m.start, m.end) for p in decisions.persons for m in p.mentions]
        own = {p.name: p for p in decisions.persons}
        for number, person in enumerate(engine.analyze(document).persons, 1):
            person.mentions = [m for m in person.mentions
                               if not any(m.start < end and start < m.end for start, end in taken)]
            if person.name in own:  # the same person: the test's decision covers these too
                own[person.name].mentions = sorted(own[person.name].mentions + person.mentions,
                                                   key=lambda m: m.start)
            elif person.mentions:
                person.id, person.reviewed = f"auto{number}", True
                decisions.persons.append(person)
        return decisions

    return make


@pytest.fixture
def draft(tmp_path: Path) -> Callable[..., Path]:
    """Write a draft into ``tmp_path`` and return its path.

    ``draft(text)`` writes UTF-8; ``encoding=`` picks another codec (``"utf-8-sig"``,
    ``"utf-16"``... add their BOM); bytes are written as they are.
    """

    def make(content: str | bytes, name: str = "draft.txt", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path

    return make


def mentions_in(text: str, forms: Iterable[str]) -> list[Mention]:
    """Every whole-word, case-sensitive occurrence of each form; longer forms claim text first."""
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    for form in sorted(set(forms), key=len, reverse=True):
        for match in re.finditer(r"(?<![^\W_])" + re.escape(form) + r"(?![^\W_])", text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append(Mention(match.start(), match.end(), match.group()))
    return sorted(found, key=lambda m: m.start)


@pytest.fixture
def make_person() -> Callable[..., Person]:
    """Build a reviewed person whose mentions are every occurrence of ``forms`` in ``text``."""

    def make(text: str, name: str, action: str, *forms: str, replacement: str | None = None,
             role: str = "private", id: str = "p1", reviewed: bool = True) -> Person:
        if replacement is None:
            replacement = _DEFAULT_REPLACEMENT[action](name)
        mentions = mentions_in(text, forms or (name,))
        assert mentions, f"none of {forms or (name,)} occurs in the test text"
        return Person(id=id, name=name, role=role, action=action, replacement=replacement,
                      mentions=mentions, reviewed=reviewed)

    return make


@pytest.fixture
def make_decisions() -> Callable[..., Decisions]:
    """Wrap persons in a ``Decisions`` for a document that is not on disk."""

    def make(*persons: Person, path: str = "draft.txt", sha256: str = "0" * 64) -> Decisions:
        return Decisions(path, sha256, list(persons))

    return make


@pytest.fixture
def refused(capsys: pytest.CaptureFixture[str]) -> Callable[..., str]:
    """Check that a bad file is refused the way every bad input must be, and return the error.

    ``refused(path, message)``: reading raises ``UnreadableDocument`` matching ``message``;
    ``redactor detect`` exits 2 within ``within`` seconds with a message naming the file;
    nothing is written beside it.
    """
    from redactor.cli import main
    from redactor.documents import read_document
    from redactor.errors import UnreadableDocument

    def check(path: Path, message: str, within: float = 5) -> str:
        began = time.monotonic()
        with pytest.raises(UnreadableDocument, match=message):
            read_document(path)
        assert main(["detect", str(path), "-o", str(path.with_name("review.json"))]) == 2
        assert time.monotonic() - began < within
        error = capsys.readouterr().err
        assert error.startswith(f"redactor: {path.name}:")
        assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
        return error

    return check
