"""Our own Presidio recognizers: the kinds of name mention the spaCy model misses."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer
from spacy.language import Language

from redactor.recognizers.addresses import AddressRecognizer
from redactor.recognizers.capitals import CapitalsRecognizer
from redactor.recognizers.credits import CreditRecognizer
from redactor.recognizers.frames import FrameRecognizer
from redactor.recognizers.han import HanNameRecognizer
from redactor.recognizers.runs import POSSIBLE, NameRunRecognizer
from redactor.recognizers.speakers import SpeakerRecognizer

# Recognizers whose proposals alone make only a possible name, listed apart for the editor.
POSSIBLE_SOURCES = frozenset({POSSIBLE})


def custom_recognizers(nlp: Language) -> list[EntityRecognizer]:
    """The recognizers added to Presidio's registry next to its spaCy recognizer."""
    return [FrameRecognizer(), CreditRecognizer(), CapitalsRecognizer(nlp), SpeakerRecognizer(),
            AddressRecognizer(), NameRunRecognizer(), HanNameRecognizer()]
