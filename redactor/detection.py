"""Running Presidio's analyzer over a whole draft, in chunks, with progress and cancel.

One ``analyze`` call per chunk asks for persons and for contact details (phone numbers,
e-mail addresses, IDs: ``recognizers.contacts``) at once, so the extra recognizers run on
the pipeline's one reading of the text.

spaCy refuses texts longer than its ``max_length`` and its memory grows with the text, so
a draft is cut into chunks on paragraph boundaries, the chunks go through the pipeline in
one batch, and every result is shifted back to offsets into the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer
from spacy.tokens import Doc

from redactor.errors import Cancelled
from redactor.nlp import DEFAULT_MODEL, OfflineSpacyNlpEngine
from redactor.recognizers import custom_recognizers
from redactor.recognizers.contacts import DETAIL_ENTITIES, DetailHit, contact_recognizers, detail_hits
from redactor.recognizers.fields import FieldRecognizer
from redactor.recognizers.labelled import GUESS_LABELS
from redactor.recognizers.runs import NUMERIC_LABELS, PROPER_TAGS
from redactor.words import is_ordinary
from redactor.facts import TextFacts

Progress = Callable[[float], None]
IsCancelled = Callable[[], bool]

CHUNK_CHARS = 20_000
# With ``on_wave`` the first persons show after one chunk, then after about every wave.
WAVE_CHARS = 100_000
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t]*\r?\n|\r\r")
_SOFT_BREAK = re.compile(r"\r?\n|(?<=[.!?])\s+|\s+")
ENTITIES = ["PERSON", *DETAIL_ENTITIES]


@dataclass(frozen=True)
class Hit:
    """One span a recognizer called a person, with the hints given about it ("private",
    "byline", "whole"...; several joined by commas where recognizers agreed on the span)."""

    start: int
    end: int
    score: float
    recognizer: str
    hint: str = ""

    @property
    def hints(self) -> frozenset[str]:
        return frozenset(self.hint.split(",")) - {""}


def build_analyzer(model: str = DEFAULT_MODEL) -> AnalyzerEngine:
    """Presidio's analyzer on an offline spaCy pipeline, with the person recognizers and
    those of contact details."""
    nlp_engine = OfflineSpacyNlpEngine(model)
    nlp_engine.load()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.add_recognizer(SpacyRecognizer(supported_language="en", supported_entities=["PERSON"]))
    for recognizer in custom_recognizers(nlp_engine.get_nlp("en")) + contact_recognizers():
        registry.add_recognizer(recognizer)
    return _Analyzer(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])


class _Analyzer(AnalyzerEngine):
    """Presidio's analyzer without its context step.

    That step raises scores by context words found among the lemmas; the pipeline leaves
    its lemmatizer out, so there are none to find (``OfflineSpacyNlpEngine`` builds no
    keywords), and our recognizers weigh context themselves. What is kept of the step is
    what it did besides: each result stays only if a recognizer of this call made it, in
    the recognizers' order."""

    def _enhance_using_context(self, text: str, raw_results: list[RecognizerResult],
                               nlp_artifacts: NlpArtifacts, recognizers: list[EntityRecognizer],
                               context: list[str] | None = None) -> list[RecognizerResult]:
        order = {recognizer.id: index for index, recognizer in enumerate(recognizers)}
        key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
        kept = [result for result in raw_results if result.recognition_metadata[key] in order]
        _share_hints(kept)
        return sorted(kept, key=lambda result: order[result.recognition_metadata[key]])


def _share_hints(results: list[RecognizerResult]) -> None:
    """Give every result of one span every hint any of them carries.

    Presidio keeps one result of a span and score and drops the rest, whichever recognizer
    made them: a speaker line read whole ("DIALLO: Justice Hope Mensah.") could drop the
    frame's "private" on the same name ("known as...") and with it the person's role, and
    a transcript's label ("LENA ORTIZ, BYLINE:") its credit."""
    hints: dict[tuple[str, int, int], set[str]] = {}
    for result in results:
        span = (result.entity_type, result.start, result.end)
        hints.setdefault(span, set()).update((result.recognition_metadata or {}).get("hint", "").split(","))
    for result in results:
        hint = ",".join(sorted(hints[(result.entity_type, result.start, result.end)] - {""}))
        if hint:
            result.recognition_metadata = {**(result.recognition_metadata or {}), "hint": hint}


def chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Yield (offset, chunk) pieces of at most ``limit`` characters, cut between paragraphs.

    A paragraph longer than the limit is cut at a line or sentence break, or failing that
    at whitespace, so a name is never split in two.
    """
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            end = _cut(text, start, end)
        yield start, text[start:end]
        start = end


def _cut(text: str, start: int, end: int) -> int:
    window = text[start:end]
    for pattern in (_PARAGRAPH_BREAK, _SOFT_BREAK):
        last = None
        for last in pattern.finditer(window, len(window) // 2):
            pass
        if last is not None:
            return start + last.end()
    return end  # one unbroken run of characters: no name can be split by a cut elsewhere


@dataclass(frozen=True)
class Found:
    """What detection found: the person hits, where the model saw places, and what else it
    read around the names (``facts``: proper nouns, organisations, dates) to shape spans.

    Places keep a person's lone name word from being added where that word names a city
    ("Nurlanov Almaty" read as a name in a keywords field must not take the city's
    mentions); the leak check still searches every withheld word everywhere.
    """

    hits: list[Hit]
    places: list[tuple[int, int]]
    facts: TextFacts = TextFacts()
    details: tuple[DetailHit, ...] = ()


def detect(analyzer: AnalyzerEngine, text: str, progress: Progress | None = None,
           cancelled: IsCancelled | None = None,
           fields: Sequence[tuple[int, int]] = (), on_wave: Callable[[Found], None] | None = None,
           ) -> Found:
    """Every PERSON result and contact detail in ``text``, as offsets into the whole text.

    ``fields`` are the stretches a structured document keeps beside its body (headers,
    notes, alt text, properties): each is also read on its own, with ``FieldRecognizer``.
    ``on_wave``, if given, gets what was found so far after the first chunk and then about
    every ``WAVE_CHARS``, never after the last: the same chunks are read either way, so the
    final result does not depend on it.
    """
    pieces = list(chunks(text))
    nlp_engine = analyzer.nlp_engine
    hits: list[Hit] = []
    details: list[DetailHit] = []
    places: list[tuple[int, int]] = []
    proper: list[tuple[int, int]] = []
    other: list[tuple[int, int]] = []
    common: set[str] = set()
    done = reported = wave = 0  # the first wave is the first chunk
    # One chunk at a time: the generator runs spaCy lazily, so a cancel waits for one chunk at most.
    batch = nlp_engine.process_batch((piece for _, piece in pieces), language="en", batch_size=1)
    for (offset, piece), (_, artifacts) in zip(pieces, batch):
        if cancelled is not None and cancelled():
            raise Cancelled("analysis cancelled")
        results = analyzer.analyze(text=piece, language="en", entities=ENTITIES,
                                   nlp_artifacts=artifacts)
        hits.extend(_hit(r, offset) for r in results if r.entity_type == "PERSON")
        details.extend(detail_hits(piece, results, offset))
        _read_facts(artifacts.tokens, offset, places, other, proper, common)
        done += len(piece)
        if progress is not None:
            progress(done / len(text))
        if on_wave is not None and done < len(text) and done >= reported + wave:
            on_wave(_found(text, hits, places, proper, other, common, details))
            reported, wave = done, WAVE_CHARS
    hits.extend(_field_hits(analyzer, text, fields))
    return _found(text, hits, places, proper, other, common, details)


def _found(text: str, hits: list[Hit], places: list[tuple[int, int]], proper: list[tuple[int, int]],
           other: list[tuple[int, int]], common: set[str], details: list[DetailHit]) -> Found:
    return Found(sorted(hits, key=lambda h: (h.start, -h.end)), list(places),
                 TextFacts.of(text, proper, other, places, common), tuple(details))


def _read_facts(doc: Doc, offset: int, places: list[tuple[int, int]], other: list[tuple[int, int]],
                proper: list[tuple[int, int]], common: set[str]) -> None:
    """What the model read besides persons: places, other entities, proper nouns, and the
    words whose lower-case form its vocabulary knows. Unfamiliar words it calls an
    organisation or a building are a guess ("Simelane": ORG) and do not count as one; nor do
    dates and numbers, which stop no name ("19-year-old Sanjay Imran Patel": DATE)."""
    for entity in doc.ents:
        if entity.label_ == "PERSON" or entity.label_ in NUMERIC_LABELS or (
                entity.label_ in GUESS_LABELS and not any(
                    is_ordinary(token.text) for token in entity if token.is_alpha)):
            continue
        span = (entity.start_char + offset, entity.end_char + offset)
        (places if entity.label_ in _PLACE_LABELS else other).append(span)
    text = doc.text
    for start, length, tag, alpha in doc.to_array(["IDX", "LENGTH", "TAG", "IS_ALPHA"]).tolist():
        if tag in PROPER_TAGS:  # the doc's arrays, read at once: each token's fields cost more
            proper.append((start + offset, start + length + offset))
        if alpha and is_ordinary(word := text[start:start + length]):
            common.add(word.lower())


def _field_hits(analyzer: AnalyzerEngine, text: str, fields: Sequence[tuple[int, int]]) -> list[Hit]:
    recognizer = FieldRecognizer()
    hits = []
    for start, end in fields:
        results = analyzer.analyze(text=text[start:end], language="en", entities=["PERSON"],
                                   ad_hoc_recognizers=[recognizer])
        hits.extend(_hit(r, start) for r in results)
    return hits


def _hit(result, offset: int) -> Hit:
    metadata = result.recognition_metadata or {}
    return Hit(result.start + offset, result.end + offset, result.score,
               metadata.get("recognizer_name", ""), metadata.get("hint", ""))
