"""Bylines and credits: "By Dan Roche", "(AP Photo/Nam Y. Huh)", "NOEL KING, HOST:".

The people credited for a story are kept, never redacted, but they are still persons the
editor should see; and credit lines are where the model misses names most, because they
have no sentence around them. A credit is a line's structure, not a word: "By Sunday
evening, Aidos Serikbayev, 24, had been detained" opens with "By" and credits nobody, so
a by-line holds nothing but names and, after them, an outlet or a title.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redactor.cues import AGENCIES, CREDIT_LABELS, alternation, not_name_words
from redactor.lexicon import lexicon
from redactor.name_words import given_title
from redactor.names import fold
from redactor.recognizers.base import NAME, NameRecognizer
from redactor.words import is_ordinary

_AGENCY = alternation(AGENCIES)
_PHOTO = r"(?i:photo|photos|photograph|pictures?|image|video)"
_AND = r"(?:[ \t]*(?:,|and|AND|&)[ \t]*)"
_MORE = NAME.replace("<name>", "<more>")
_CREDIT_WORDS = (r"(?:by|(?:reporting|writing|editing|photos?|photographs?|pictures?|video|text|words|"
                 r"story|interview|filed|written|reported|edited|translated|produced|illustrations?|"
                 r"graphics?|compiled)[ \t]+by)")
_IN_PLACE = r"(?:[ \t]+in[ \t]+\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,2})?"  # "in Hong Kong"
_OUTLET = r"(?:\p{Lu}[\p{L}.&'’-]*(?:[ \t]+(?:of|for|the|and|\p{Lu}[\p{L}.&'’-]*)){0,5})"
CREDITS = [
    # A by-line: only names on the line, then perhaps an outlet ("By Dan Roche, Associated Press").
    regex.compile(rf"(?:(?m:^)|[.!?][ \t]+)[ \t]*(?i:{_CREDIT_WORDS})[ \t]+{NAME}(?:{_AND}{_MORE})*"
                  rf"[ \t]*(?:[,|/–—-][ \t]*{_OUTLET})?[ \t]*[.]?[ \t]*(?=\r?\n|$)"),
    # (Every agency and photo word opens with a capital or one of these letters: the
    # look-ahead spares the two alternations at every other character.)
    regex.compile(rf"(?=[\p{{Lu}}pivdt])(?:{_AGENCY}[ \t]*{_PHOTO}|{_PHOTO}:?[ \t]*{_AGENCY}|{_PHOTO}:)"
                  rf"[ \t]*/?[ \t]*{NAME}"),
    regex.compile(rf"{NAME}[ \t]*/[ \t]*(?:{_AGENCY}|{_PHOTO})"),
    regex.compile(rf"(?:(?i:\b(?:writers?|correspondents?|reporters?|journalists?))[ \t]+|(?m:^[ \t]*)){NAME}"
                  rf"{_IN_PLACE}(?:{_AND}{_MORE}{_IN_PLACE})*[ \t]+(?i:contributed)"),
    # A line of its own closing the story: "Samy Magdy reported from Cairo."
    regex.compile(rf"(?m:^[ \t]*){NAME}(?:{_AND}{_MORE})*[ \t]+(?i:reported|contributed|wrote)[ \t]+"
                  rf"(?:this[ \t]+(?:report|story)[ \t]+)?from[ \t]+{_OUTLET}[ \t]*\.?[ \t]*(?=\r?\n|$)"),
    # AP's and Reuters' closing credits, each name perhaps with its place: "Contributing to
    # this report were Zen Soo in Hong Kong and Ana Ruiz in Lima.", "Reporting by Ana Ruiz in
    # Lima; Editing by Tom Hale".
    regex.compile(rf"(?i:\b(?:contributing[ \t]+to[ \t]+this[ \t]+(?:report|story)[ \t]+(?:were|was|are|is)|"
                  rf"(?:additional[ \t]+)?reporting[ \t]+by|editing[ \t]+by))[ \t]+{NAME}{_IN_PLACE}"
                  rf"(?:{_AND}{_MORE}{_IN_PLACE})*(?=[ \t]*[.;]|[ \t]*$)"),
    # A byline in the dateline, no "By": "Novy Lumanaw & Telly Nathalia, Jakarta – Two students..."
    regex.compile(rf"\A[ \t]*{NAME}(?:{_AND}{_MORE})*,[ \t]*\p{{Lu}}[\p{{L}} .-]{{1,30}}?[ \t]*[–—][ \t]"),
    # A web page's by-line without "By": "Nusrat Hossain | The Daily Star" alone on its line.
    regex.compile(rf"(?m:^[ \t]*){NAME}[ \t]*\|[ \t]*{_OUTLET}[ \t]*(?=\r?\n|$)"),
    # A broadcast's closing credits, inside a paragraph: "Fact-checking by Min Win.", "with
    # additional mixing by Justice Brown.", "Original music by A, B and C." (Work no story
    # reports on: "reported by" or "filmed by" may name a source.)
    regex.compile(rf"(?i:\b(?:fact[ -]checking|mixing|mastering|music|sound[ \t]+design|engineering)[ \t]+by)"
                  rf"[ \t]+{NAME}(?:{_AND}{_MORE})*(?=[ \t]*[.;]|[ \t]*$)"),
    # A transcript's credit label: "NOEL KING, HOST:", "EYDER PERALTA, BYLINE:".
    regex.compile(rf"(?m:^[ \t]*){NAME},[ \t]*(?i:{alternation(CREDIT_LABELS)})[ \t]*:"),
]
# Names alone on a line in capitals near the top: "KIRILL ZARUBIN and DASHA LITVINOVA".
_CAPS_NAME = r"\p{Lu}[\p{Lu}'’-]+(?:[ \t]+\p{Lu}[\p{Lu}.'’-]*){1,3}"
_CAPS_BYLINE = regex.compile(rf"(?m:^[ \t]*(?P<name>{_CAPS_NAME})(?:{_AND}(?P<more>{_CAPS_NAME}))*[ \t]*$)")
TOP = 2000  # a credit in capitals stands above the story, not in it


class CreditRecognizer(NameRecognizer):
    """Finds the names in bylines and credits, hinting that they are to be kept."""

    SCORE = 0.95

    def __init__(self) -> None:
        super().__init__("CreditRecognizer")

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for pattern in CREDITS:
            for match in pattern.finditer(text):
                results += self._names(text, match)
        for match in _CAPS_BYLINE.finditer(text, 0, TOP):
            # "SUNDAY SAID and SOPHIE MÜLLER", "WILL LITTLE and ...": everyday words only where
            # they are names too (not "BREAKING NEWS")
            if not any((fold(word) in not_name_words() or is_ordinary(word))
                       and not (lexicon().is_name(word) or given_title(word))
                       for word in match.group().split() if word not in ("and", "AND", "&")):
                results += self._names(text, match)
        return results

    def _names(self, text: str, match: regex.Match[str]) -> list[RecognizerResult]:
        spans = [(match.start("name"), match.end("name"))]
        if "more" in match.re.groupindex:
            spans += list(zip(match.starts("more"), match.ends("more")))
        found = [self.result(text, start, end, None, hint="byline") for start, end in spans]
        return [result for result in found if result is not None]
