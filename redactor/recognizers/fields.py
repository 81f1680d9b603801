"""Names in the short texts a document keeps beside its body: headers, alt text, properties.

"Notes from Saule Zhaksybek, stringer" in a header or "Erlan Dzhunusov holding a banner"
as an image's alt text has no sentence around it, and the model often reads nothing
there. In these places, and only there, any run of two or more capitalised words that the
model does not call a date or a known place is proposed as a person: the body
keeps the model's precision, the corners of the file get recall.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redactor.recognizers.base import ANY, NAME, NameRecognizer

_NAME = regex.compile(NAME)
# The model reads short isolated names as places or organisations ("Saule Zhaksybek": LOC),
# so nothing it reads in a field overrules the rule.


class FieldRecognizer(NameRecognizer):
    """Capitalised word runs as persons; used ad hoc on a document's fields, never on its body."""

    SCORE = 0.6

    def __init__(self) -> None:
        super().__init__("FieldRecognizer")

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for match in _NAME.finditer(text):
            found = self.result(text, match.start("name"), match.end("name"), nlp_artifacts,
                                hint="field", veto=ANY)
            if found is not None and " " in text[found.start:found.end]:
                results.append(found)
        return results
