"""Names written in Chinese characters inside English text: "Wong Ka-ho (黃家豪)", "陳美玲 said".

An English pipeline reads Han characters as nothing in particular. In English copy a run
of two to four of them is most often a name given beside its romanisation, or a name
left untranslated; it starts with one of the common family names the lexicon knows. Beside
a romanised name in brackets it is a confident name; alone, a possible one.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redactor.lexicon import lexicon
from redactor.recognizers.base import NameRecognizer
from redactor.recognizers.runs import CONFIDENT, POSSIBLE, run_result

_HAN = regex.compile(r"(?<!\p{Han})\p{Han}{2,4}(?!\p{Han})")
_BRACKETED = regex.compile(r"\p{L}[ \t]*[(（][ \t]*\Z")  # "Wong Ka-ho (" before the characters


class HanNameRecognizer(NameRecognizer):
    """Runs of Han characters that open with a family name."""

    def __init__(self) -> None:
        super().__init__("HanNameRecognizer")

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for match in _HAN.finditer(text):
            name = match.group()
            if not (lexicon().is_han_surname(name[0]) or lexicon().is_han_surname(name[:2])):
                continue
            beside = _BRACKETED.search(text, max(0, match.start() - 40), match.start())
            tier = CONFIDENT if beside else POSSIBLE
            results.append(run_result(match.start(), match.end(), tier, self.id))
        return results
