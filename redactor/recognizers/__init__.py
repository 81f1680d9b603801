"""Our own Presidio recognizers: the kinds of name mention the spaCy model misses."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer


def custom_recognizers() -> list[EntityRecognizer]:
    """The recognizers added to Presidio's registry next to its spaCy recognizer."""
    return []
