"""Bylines and photo credits: "By Dan Roche", "(AP Photo/Nam Y. Huh)", "Photo: AFP/Sai Aung Main".

The people credited for a story are kept, never redacted, but they are still persons the
editor should see; and credit lines are where the model misses names most, because they
have no sentence around them.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redactor.recognizers.base import NAME, NameRecognizer

_AGENCY = r"(?:AP|AFP|EPA|Reuters|Getty Images|Getty|Xinhua|ANP|dpa|Bloomberg|Sputnik|TASS|Anadolu)"
_PHOTO = r"(?i:photo|photos|photograph|pictures?|image|video)"
_AND = r"(?:[ \t]*(?:,|and|&)[ \t]*)"
CREDITS = [
    regex.compile(rf"(?m:^[ \t]*(?i:by|reporting by|writing by|editing by|photos? by|text by)[ \t]+)"
                  rf"{NAME}(?:{_AND}{NAME.replace('<name>', '<more>')})*"),
    regex.compile(rf"(?:{_AGENCY}[ \t]*{_PHOTO}|{_PHOTO}:?[ \t]*{_AGENCY}|{_PHOTO}:)[ \t]*/?[ \t]*{NAME}"),
    regex.compile(rf"{NAME}[ \t]*/[ \t]*(?:{_AGENCY}|{_PHOTO})"),
    regex.compile(rf"(?i:\b(?:writers?|correspondents?|reporters?|journalists?))[ \t]+{NAME}"
                  rf"(?:{_AND}{NAME.replace('<name>', '<more>')})*[ \t]+(?i:contributed)"),
]


class CreditRecognizer(NameRecognizer):
    """Finds the names in bylines and photo credits, hinting that they are to be kept."""

    SCORE = 0.95

    def __init__(self) -> None:
        super().__init__("CreditRecognizer")

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for pattern in CREDITS:
            for match in pattern.finditer(text):
                spans = [(match.start("name"), match.end("name"))]
                spans += list(zip(match.starts("more"), match.ends("more"))) if "more" in pattern.groupindex else []
                for start, end in spans:
                    found = self.result(text, start, end, None, hint="byline")
                    if found is not None:
                        results.append(found)
        return results
