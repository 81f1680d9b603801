"""Transcript speaker labels: "Tiffany Ap:", "CM:", "YAHORAVA:", "NOEL KING, HOST:".

In an interview transcript each speaker's label starts the lines they speak, often as
initials after the first time. A label that opens two or more lines is a speaker, and
a speaker is a person, whatever the model makes of the letters. Once one speaker is known
the text is a transcript, and a label of name words that opens a single line is a speaker
too ("JUSTICE BUSH: (Speaking Spanish)." between two of the reporter's lines).
"""

from __future__ import annotations

from collections import Counter

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redactor.cues import CREDIT_LABELS, MONTHS_AND_DAYS, UNNAMED_SPEAKERS, alternation, not_name_words
from redactor.lexicon import lexicon
from redactor.name_words import given_title
from redactor.names import fold, is_caps
from redactor.words import is_ordinary
from redactor.recognizers.base import ANY, NameRecognizer
from redactor.spans import WHOLE

_LABEL = regex.compile(
    r"(?m)^[ \t]*(?P<name>\p{Lu}[\p{L}\p{M}.'’-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}.'’-]*){0,3})"
    r"(?:,[ \t]*[\p{Lu} ]{2,60})?:[ \t]+\S")
# A speaker's whole answer a name of two to four words: "STREET: Tsz-kin Siu-fung Ng."
_ANSWER = regex.compile(r"(?:,[ \t]*[\p{Lu} ]{2,30})?:[ \t]+(?P<answer>\p{Lu}[\p{L}\p{M}'’-]*"
                        r"(?:[ \t]+(?:\p{Ll}{1,3}[ -])?\p{Lu}[\p{L}\p{M}'’-]*){1,3})[.!]?[ \t]*(?=\r?\n|\Z)")
# "NOEL KING, HOST:" on its own line: the show's host opens a transcript.
_CREDITED = regex.compile(rf"(?m)^[ \t]*\p{{Lu}}[^\n:,]{{0,60}},[ \t]*(?i:{alternation(CREDIT_LABELS)})[ \t]*:")
# A label that opens two lines is a speaker; the model reads lone capitals as places or
# organisations ("KASPERAVA": GPE), so nothing it reads overrules the structure.
NOT_SPEAKERS = {"note", "editor's note", "update", "updated", "correction", "source", "sources",
                "photo", "video", "watch", "read more", "related", "see also", "q", "a",
                "question", "answer", "summary", "background", "warning", "disclaimer", "advertisement",
                "share", "tags", "topics", "from", "to", "subject", "date", "cc", "re", "fw", "ps"}


class SpeakerRecognizer(NameRecognizer):
    """Finds the speaker labels that open two or more lines of a transcript."""

    def __init__(self) -> None:
        super().__init__("SpeakerLabelRecognizer")

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        labels = [m for m in _LABEL.finditer(text) if fold(m.group("name")) not in NOT_SPEAKERS
                  and not _role_only(m.group("name"))
                  and not any(fold(word) in UNNAMED_SPEAKERS for word in m.group("name").split())]
        counts = Counter(fold(m.group("name")) for m in labels)
        transcript = any(counts[fold(m.group("name"))] >= 2 and _named(m.group("name")) for m in labels) or bool(
            _CREDITED.search(text))
        results = []
        for match in labels:
            if counts[fold(match.group("name"))] >= 2 or transcript and _once(match.group("name")):
                whole = _named(match.group("name"))
                found = [self.result(text, match.start("name"), match.end("name"), nlp_artifacts,
                                     hint=WHOLE if whole else "", veto=ANY, untrimmed=whole)]
                answer = _ANSWER.match(text, match.end("name"))
                if answer is not None and _name_answer(answer.group("answer")):
                    # "a leftist activist called..." / "STREET: Tsz-kin Siu-fung Ng."
                    found.append(self.result(text, answer.start("answer"), answer.end("answer"),
                                             nlp_artifacts, veto=ANY, untrimmed=True))
                results += [result for result in found if result is not None]
        return results


def _role_only(label: str) -> bool:
    """"COUNSEL:", "THE COURT:", "DEFENSE ATTORNEY:": a role speaks, no one is named; but a
    role word alone that is also a family name is the speaker's surname ("KING:"), and two
    or more words that are all also names are a name ("JUSTICE SAID, DEFENSE ATTORNEY FOR
    ...:")."""
    words = label.split()
    if len(words) == 1 and lexicon().is_family(words[0]) or len(words) > 1 and all(map(given_title, words)):
        return False
    return all(fold(word) in not_name_words() for word in words)


def _named(label: str) -> bool:
    """Every word of the label is a name even where it is also a sentence word: "SAID:" or
    "WILL PRICE:" opening lines speaks; the verb or the modal never opens a line before a
    colon, nor does a date ("SUNDAY WILL STREET:"). Such a label is taken whole, not trimmed
    of its sentence words."""
    return all(given_title(word) or fold(word) not in not_name_words()
               or fold(word) in MONTHS_AND_DAYS and lexicon().is_given(word) for word in label.split())


def _once(label: str) -> bool:
    """A label that opens one line of a transcript is a speaker when it is made of name words
    written in capitals, as transcripts write speakers ("TASHKENTOVA:"), or the lexicon
    knows one of them ("Justice Bamidele:"); not "Embargoed:"."""
    return _named(label) and (is_caps(label) or any(lexicon().is_name(w) or given_title(w) for w in label.split()))


def _name_answer(words: str) -> bool:
    """An answer that is a name, not "Thank You" or "Good Morning": no sentence word in it
    but one that is also a given name ("Will Faith Price."), and a first word the lexicon
    knows as a given name, or hyphenated ("Tsz-kin"), or no ordinary word at all ("Aruzhan
    Zhanar Iskakova")."""
    parts = [w for w in words.split() if not w.islower()]
    unknown = len(parts) > 1 and not any(is_ordinary(w) for w in parts)
    return not any(fold(w) in not_name_words() and not given_title(w) for w in parts) and (
        "-" in parts[0] or lexicon().is_given(parts[0]) or given_title(parts[0]) or unknown)
