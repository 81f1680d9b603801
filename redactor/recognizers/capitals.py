"""Names written in capitals: bylines, profile headings and transcript labels.

"KIRILL ZARUBIN and DASHA LITVINOVA", "HEDY NG, 21", "NOEL KING, HOST:" — the model reads
capitals as acronyms and misses them. Short lines holding capitalised words are re-cased
("Kirill Zarubin and Dasha Litvinova"; same length, so offsets hold) and run through the
same spaCy pipeline: what it then calls a person, over the capitalised words, is a name,
and so is what the name runs (``runs.py``) find in the re-cased line.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.language import Language
from spacy.tokens import Doc

from redactor.recognizers.base import NameRecognizer
from redactor.recognizers.runs import name_runs, run_result

_CAPS_WORD = regex.compile(r"\b\p{Lu}[\p{Lu}\p{M}'’-]+\b")
_PART = regex.compile(r"[^-'’]+")  # the parts of "EL-SHAZLY", "O'CONNELL"
_LINE = regex.compile(r"[^\r\n]+")
_LABEL = regex.compile(r"[ \t]*([^:]{1,60}):")
MAX_LINE = 300  # headings, bylines and labels are short; body text in capitals is not re-read


def recase(line: str) -> str | None:
    """'HEDY NG, 21' -> 'Hedy Ng, 21', 'ALAA EL-SHAZLY' -> 'Alaa El-Shazly' (each part of a
    joined name capitalised, as names are written), or None when re-casing would change the
    length."""
    out = _CAPS_WORD.sub(lambda m: _PART.sub(lambda p: p.group()[0] + p.group()[1:].lower(), m.group()), line)
    return out if len(out) == len(line) else None


class CapitalsRecognizer(NameRecognizer):
    """Re-reads short lines with words in capitals, in title case, through the pipeline."""

    def __init__(self, nlp: Language) -> None:
        super().__init__("CapitalsRecognizer")
        self.nlp = nlp

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        lines = [(m.start(), recased) for m in _LINE.finditer(text)
                 if len(m.group()) <= MAX_LINE and _mostly_capitals(m.group())
                 and (recased := recase(_heading(m.group()))) is not None]
        # A transcript repeats its labels ("NELSON:"): each is read once, wherever it stands.
        unique = list(dict.fromkeys(recased for _, recased in lines))
        readings = dict(zip(unique, map(_reading, self.nlp.pipe(unique, batch_size=64))))
        results = []
        for offset, recased in lines:
            persons, runs = readings[recased]
            for start, end in persons:
                if _CAPS_WORD.search(text[offset + start:offset + end]):
                    found = self.result(text, offset + start, offset + end, None)
                    if found is not None:
                        results.append(found)
            results += [run_result(start, end, tier, self.id, offset) for start, end, tier in runs
                        if _CAPS_WORD.search(text, offset + start, offset + end)]
        return results


def _reading(doc: Doc) -> tuple[list[tuple[int, int]], list[tuple[int, int, str]]]:
    """What the pipeline calls a person in a re-cased line, and the name runs in it read as
    prose ("DETAINED: ASEL NUROVA AND DANA ORAZ"), at the line's offsets."""
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    return persons, name_runs(doc, recased=True)


def _heading(line: str) -> str:
    """The part of a line to re-read: a label in capitals opening a line of prose
    ("YAHORAVA: I was there") up to its colon, which is where the capitals are; the
    prose after it the model has read already. Any other line whole."""
    label = _LABEL.match(line)
    if label and not _mostly_capitals(line[label.end():]):
        return line[:label.end()]
    return line


def _mostly_capitals(line: str) -> bool:
    """A byline or heading in capitals, or a label in capitals opening a line ('YAHORAVA: ...').

    Lines where capitals are a word or two among lower-case text ('the NFL', '(AP)') are
    acronyms in a sentence, not names, and are left to the model.
    """
    label = _LABEL.match(line)
    segment = label.group(1) if label else line
    words = regex.findall(r"\p{L}[\p{L}\p{M}'’-]*", segment)
    caps = [w for w in words if _CAPS_WORD.fullmatch(w)]
    return bool(caps) and any(len(w) >= 3 for w in caps) and 2 * len(caps) >= len(words)
