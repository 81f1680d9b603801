"""Names in the reporting frames news copy uses for ordinary people.

"A protester named Marat", "Daulet told AP", "said Edmund, a 25-year-old social worker",
"Another protester, William, 24,", "Henry Fung, 17,", "her sister Poh Poh": the model often
misses a lone first name or an unfamiliar one, but the frame around it says it is a person,
and usually a private one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redactor.cues import (AGENCIES, FIRST_NAME_CUES, HARM_NOUNS, HONORIFICS, IDENTIFIED_CUES, KIN, PARTICLES,
                           PERSON_ROLES, PRIVATE_ROLES, RELATIVES, ROLE_WORDS, SPEECH_VERBS, SPELLED_AGE,
                           alternation)
from redactor.lexicon import lexicon
from redactor.name_words import calendar_name, everyday_word, given_title
from redactor.names import fold
from redactor.recognizers.base import (AFFILIATION, ANY, NAME, NICKNAMED, NOT_NAMES, PARTICLE, PLACES, NAME_WORD,
                                       NameRecognizer)
from redactor.spans import FRAME_RECOGNIZER, TITLED, WHOLE
from redactor.words import is_ordinary

_NEWS = alternation(AGENCIES + ("reporters", "journalists"))
_KIN = alternation(KIN | {"lawyer"})
_RELATIVE = alternation(RELATIVES)
_SPEAKS = alternation(SPEECH_VERBS)
_AND = r"(?:[ \t]*(?:,|and|&)[ \t]*)"
_MORE = NAME.replace("<name>", "<more>")
_ROLES = alternation(ROLE_WORDS)
_PERSON_ROLES = alternation(PERSON_ROLES)
_HARMED = alternation(HARM_NOUNS | {"slaying", "assassination", "passing"})
_HONORIFIC = alternation(frozenset(word.title() for word in HONORIFICS))
_SMALL_WORD = r"\p{Ll}[\p{Ll}\p{M}'’-]+"
_PEOPLE = alternation(PRIVATE_ROLES - KIN | {"activist", "activists", "employee", "employees"})


@dataclass(frozen=True)
class Frame:
    """A frame around a name. The hint tells the suggestion step who this kind of frame
    names; the veto lists the model's labels that overrule the frame (a strong frame
    overrules the model). A frame that opens with the name has a ``needle``, what follows
    the name: the pattern is tried only on the lines where that is found, since trying the
    name at every capital of the draft cost more than all the other frames together."""

    pattern: regex.Pattern[str]
    hint: str
    veto: frozenset[str]
    needle: regex.Pattern[str] | None = None
    whole: bool = False  # every word caught is the name's: no title or sentence word to trim
    titled: bool = False  # the frame gives the role (group "role"): see ``spans.TITLED``
    speaker: bool = False  # who speaks: one word that is also a given name is it ("Justice told AFP")

    def matches(self, text: str) -> Iterator[regex.Match[str]]:
        """Every match, overlapping ones included (each word of a run may open the name)."""
        if self.needle is None:
            yield from self.pattern.finditer(text, overlapped=True)
            return
        done = 0  # frames never cross a line break: a line is searched once
        for found in self.needle.finditer(text):
            if found.start() < done:
                continue
            start = text.rfind("\n", 0, found.start()) + 1
            done = text.find("\n", found.end()) + 1 or len(text)
            yield from self.pattern.finditer(text, start, done, overlapped=True)


def _cued(pattern: str, hint: str, veto: frozenset[str]) -> Frame:
    return Frame(regex.compile(pattern), hint, veto)


def _named(after: str, hint: str, veto: frozenset[str], lead: str = "", titled: bool = False,
           speaker: bool = False) -> Frame:
    """A frame of the name and what follows it (``after``)."""
    return Frame(regex.compile(lead + NAME + after), hint, veto, regex.compile(after), titled=titled,
                 speaker=speaker)


# A transcript's next speaker completing a sentence the last one left open: "a leftist
# activist called...\n\nREEVES: Javier Lopez Ruiz."
# Written small, or in a label's capitals: "Lawyers for Human Rights" names a group.
_COUNSEL = (r"(?:\b(?:lawyers?|attorneys?|counsel|solicitors?|advocates?)[ \t]+for"
            r"|\b(?:LAWYERS?|ATTORNEYS?|COUNSEL|SOLICITORS?|ADVOCATES?)[ \t]+FOR)")
_CLIENT = rf"(?P<name>{NAME_WORD}(?:[ \t]+(?:{PARTICLE}[ \t-]+)*{NAME_WORD}){{1,3}})"
_HANDED_OVER = r"(?:\.\.\.|…)(?:[ \t]*\r?\n)+[ \t]*\p{Lu}[\p{Lu} .'’-]*:[ \t]+"

FRAMES: list[Frame] = [
    _cued(rf"(?i:\b(?:{FIRST_NAME_CUES}|{IDENTIFIED_CUES}))(?:[ \t]+|{_HANDED_OVER}){NAME}",
          "private", ANY),
    # "identified as von ossen (21)": a name written small, held by a cue and an age, is a
    # name all the same when no word of it is an everyday one.
    Frame(regex.compile(rf"(?i:\b(?:{FIRST_NAME_CUES}|{IDENTIFIED_CUES}))[ \t]+(?P<name>{_SMALL_WORD}"
                        rf"(?:[ \t]+{_SMALL_WORD}){{0,2}})(?=[ \t]*\(\d{{1,3}}\)|[ \t]*,[ \t]*\d{{1,3}}[ \t]*[,;.)])"),
          "private", ANY, whole=True),
    # "the passing of von ossen and X": a particle opening words written small, after a harm.
    Frame(regex.compile(rf"(?i:\b{_HARMED}[ \t]+of)[ \t]+(?P<name>(?:{PARTICLE})[ \t]+{_SMALL_WORD})"
                        rf"(?=[ \t]*(?:[,;.]|and\b))"), "private", ANY, whole=True),
    # An age: the model's guess of an organisation or a place for the name does not overrule it.
    _named(rf"[ \t]*,[ \t]*(?:a |an |aged |both |all )?\d{{1,3}}(?:[ \t]*[,;.)]|-year-old| years old)",
           "private", ANY),
    # "Kairat Bekov and Dana Sultan, both 22 years old": one age for two people.
    _named(rf"[ \t]+and[ \t]+{_MORE}[ \t]*,[ \t]*(?:both|aged)[ \t]+\d{{1,3}}\b", "private",
           ANY),
    # "Justice, who's 23, shakes a can of spray paint": an age told after "who".
    _named(rf",[ \t]+who(?:['’]s|[ \t]+is|[ \t]+was)[ \t]+\d{{1,3}}\b(?![.,]?\d)", "private",
           ANY),
    # "Justice Little (50) answered", "of 19-year-old Parit Minh Sithijirawattanakul".
    _named(rf"[ \t]*\((?:age[ \t]+)?\d{{1,3}}\)(?=[ \t]*[,;.]|[ \t]+[a-z])", "private",
           ANY),  # not a count: "Comments (2)" heads a list
    _cued(rf"(?:\b\d{{1,3}}|(?i:\b{SPELLED_AGE}))-year-old[ \t]+{NAME}(?![\w'’-]|[ \t]+(?i:{_ROLES})\b)", "private",
          ANY),
    _cued(rf"(?i:\b(?:another|one|a|the)[ \t]+(?:\w+[ \t]+){{0,2}}{_PEOPLE},?)[ \t]+{NAME}",
          "private", ANY),
    _named(rf",[ \t]+(?i:(?:another|one of the|a|an|the)[ \t]+(?:\w+[ \t]+){{0,2}}{_PEOPLE})\b",
           "private", ANY),
    _cued(rf"(?i:\b(?:his|her|their|my|our)[ \t]+(?:[\w-]+[ \t]+)?{_KIN},?)[ \t]+{NAME}", "private", ANY),
    _named(rf"[ \t]+told[ \t]+{_NEWS}", "", NOT_NAMES, speaker=True),
    _cued(rf"(?i:\bsaid)[ \t]+{NAME},[ \t]+(?:a|an|the|who)\b", "", NOT_NAMES),
    # “... anything like that,” adds Nampa.: who is quoted is a person, however the model
    # reads the name (a town's name, here, or an organisation's).
    _cued(rf"[”\"],?[ \t]+(?:{_SPEAKS})[ \t]+{NAME}(?=[ \t]*[.,;])", "", ANY),
    # "Sunday Said, of Common Defense, shouts", "Ana Ruiz, of Tucson, said": AP names an
    # ordinary person by a hometown or a group, set off after the name (not "the Ministry
    # of Health, of the Republic,").
    _named(rf"{AFFILIATION}[ \t]+\p{{Ll}}", "private", ANY, lead=r"(?<![\w'’-])(?<!\b[Oo]f[ \t])"),
    # "who" speaks of a person: the model's guess of an organisation does not overrule it;
    # an article does ("the High Court, who ruled": a body).
    _named(rf",[ \t]+(?:who|whose)\b", "", PLACES, lead=r"(?<![\w'’-])(?<!\b(?i:the|a|an)[ \t]+)"),
    _named(rf"(?:['’]s)?[ \t]+{_HARMED}\b", "", PLACES),
    # "the killing of X", "the passing of Soid": only people die, are tried or buried, so
    # the model's guess of a place for an unfamiliar name does not overrule the frame.
    _cued(rf"(?i:\b{_HARMED}[ \t]+of)[ \t]+{NAME}(?![\w'’-]|[ \t]+(?:\p{{Ll}}+[ \t]+)?(?i:{_ROLES})\b)",
          "private", ANY),
    # "the family of Folake wants justice", "the widow of Jean Kouassi": whose family or
    # relative the story speaks of is a person, however the model reads an unfamiliar name.
    _cued(rf"(?i:\b(?:the|a)[ \t]+(?:family|{_RELATIVE})[ \t]+of)[ \t]+{NAME}(?![\w'’-])",
          "private", ANY),
    # "in the case of Phyo Thwe": whose case the story follows (a country has cases too).
    _cued(rf"(?i:\bcase[ \t]+of)[ \t]+{NAME}(?![\w'’-]|[ \t]+(?:\p{{Ll}}+[ \t]+)?(?i:{_ROLES})\b)",
          "private", PLACES),
    # "Alzhanov, the analyst, noted", "Parit Nampa, their attorney,", "Zlata Drozdova, a
    # spokesperson for the union", "Aizada Abdurakhmanova, one of her lawyers,": a name with
    # its role set off after it, however the model reads an unfamiliar name. Before "for",
    # "of"... only a role a person alone holds ("Poland, a member of NATO" is none). Titles do
    # not stack: "Justice Bush, their attorney," is a lawyer named Justice.
    _named(rf",[ \t]+(?:(?:the|a|an|his|her|their)[ \t]+(?:(?!of\b)[\w-]+[ \t]+){{0,2}}?"
           rf"|one[ \t]+of[ \t]+(?:his|her|their)[ \t]+(?:[\w-]+[ \t]+)?)"
           rf"(?:(?P<role>(?i:{_ROLES})),|(?P<role>(?i:{_PERSON_ROLES}))[ \t]+(?:for|at|of|with|in|to)\b)",
           "", ANY, lead=r"(?<![\w'’-])", titled=True),
    # "a lawyer for Kamau Njoroge", "DEFENSE ATTORNEY FOR WANJIRU KAMAU:": whom a lawyer acts
    # for, named in two words or more, is a client, and a company the model reads as one.
    _cued(rf"{_COUNSEL}[ \t]+{_CLIENT}(?![\w'’-])", "", NOT_NAMES),
    # Closing a speaker's label, the client's words are all the name, sentence words and all:
    # "DEFENSE ATTORNEY FOR WILL SAID:".
    Frame(regex.compile(rf"{_COUNSEL}[ \t]+{_CLIENT}(?=:)"), "", NOT_NAMES, whole=True),
    # "its longtime leader, Aizada Abdurakhmanova, in April": a name set off after a role.
    _cued(rf"(?i:\b{_ROLES}),[ \t]+{NAME},", "", ANY),
    # "to protest against Chile's president, Jatupat Nampa.": the same at a sentence's end,
    # after a role only a person holds ("backed by its partner, Human Rights Watch." is none).
    _cued(rf"(?i:\b{_PERSON_ROLES}),[ \t]+{NAME}(?=[.;!?][\"”’)]*(?:[ \t]|$))", "", PLACES),
    # "The director of Opinion Audio is Panusaya Nampa.", "Our senior engineer is Justice Bush,"
    # (The role is looked for behind " is" once that is found: tried at every character, the
    # role alternation cost more than every other frame together.)
    _cued(rf"[ \t]is(?<=(?i:\b{_ROLES})\b[^.\n]{{0,60}}?[ \t]+is)[ \t]+{NAME}"
          rf"(?=[ \t]*[.,;]|[ \t]+(?:and|with)\b)", "", ANY),
    # "Halfway up, I meet Will from the south": whom a reporter meets, interviews or hugs is a
    # person, and one named without a title is a private one.
    _cued(rf"(?i:\b(?:meet|meets|met|meeting|interviewed|interviewing|thanked|hugged|greeted))"
          rf"[ \t]+(?!\p{{Lu}}{{2,5}}\b){NAME}(?=[ \t]*[,.;:!?)]|[ \t]*$|[ \t]+(?i:from|at|in|on|and|"
          rf"who|when|outside|near|last|this|during|after|before|for)\b)", "private", ANY),
    # A caption: "Khin Win holds a photo of her husband": who holds a portrait is a mourner.
    _named(rf"[ \t]+(?:holds|held|holding|carries|carried|carrying|shows|showed)[ \t]+"
           rf"(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+)?(?:photo|photograph|portrait|picture|image)s?\b",
           "private", ANY),
    # "statements made by Sunday King, Mensah's former roommate": a relative or a friend.
    _named(rf",[ \t]+(?:his|her|their|\p{{Lu}}[\p{{L}}\p{{M}}'’-]*['’]s)[ \t]+(?:[\w-]+[ \t]+)?{_KIN}\b",
           "private", ANY),
    # "Rezaeian's brother said": whose relatives speak is a person.
    _named(rf"['’]s?[ \t]+(?:{_KIN}|family|relatives|parents|children)\b", "private", PLACES),
    # "three defendants: Toktash, Bukhanov and Zhumashev": a list after a word for people.
    _cued(rf"(?i:\b{_PEOPLE})[ \t]*(?::|,|[ \t]+(?:including|were|are|named))[ \t]+{NAME}"
          rf"(?:{_AND}{_MORE})*", "private", ANY),
    # "Two journalists, Faith King and Siu-fung Tsang –": a count of people with any role,
    # then their names (the model read these two as one work of art).
    _cued(rf"(?i:\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|both)[ \t]+(?:[\w-]+[ \t]+)?{_ROLES})"
          rf"[ \t]*[,:][ \t]+{NAME}(?:{_AND}{_MORE})*", "", ANY),
    # "Mr. Said", "Ms. Young": after an honorific every capitalised word is the name, a
    # sentence word or a title that is also one included.
    Frame(regex.compile(rf"(?<![\w.])(?:{_HONORIFIC})\.?[ \t]+{NAME}"), "", ANY, whole=True),
    # "The Kyaw Htun Show", "The Justice Long Show": a show named after its host, titles and
    # all, whatever the model makes of the title ("The Daily Show" opens with a word).
    Frame(regex.compile(rf"\bThe[ \t]+{NAME}[ \t]+(?:Show|Podcast|Hour)\b"), "", ANY, whole=True),
    # 'President Sunday "Sonday" Brown', 'Arnon “Gaw’zela” Le': a quoted word between two
    # capitalised words is a nickname, and the three are one name, days and titles that are
    # given names included, whatever the model makes of each; one opening with an ordinary
    # word that is no name is not ('Operation "Desert" Storm', 'The "Iron" Lady').
    Frame(regex.compile(NICKNAMED), "", ANY, whole=True),
    # "The Trump administration": who heads a government is a person, however the model reads
    # it, unless it reads a place ("the Kenya government").
    _named(rf"(?:['’]s)?[ \t]+(?:administration|government|cabinet|presidency|regime)\b",
           "", PLACES),
]


class FrameRecognizer(NameRecognizer):
    """Finds names by the reporting frame around them."""

    def __init__(self) -> None:
        super().__init__(FRAME_RECOGNIZER)

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for frame in FRAMES:
            for match in frame.matches(text):
                spans = [(match.start("name"), match.end("name"))]
                if "more" in frame.pattern.groupindex:
                    spans += list(zip(match.starts("more"), match.ends("more")))
                if frame.whole and _ordinary_opening(match.group("name")):
                    continue
                for start, end in spans:
                    # "a protester named Justice": after a first-name cue, one word is the
                    # name even where it reads as a title or a role; so is a speaker's that
                    # is also a given name ("Justice told AFP", "Sunday told AFP").
                    one = " " not in text[start:end]
                    alone = one and (frame is FRAMES[0] or frame.speaker and (
                        given_title(text[start:end]) or calendar_name(text, start, text[start:end])))
                    hint = TITLED if frame.titled and _title_is_given(match, text[start:end]) else frame.hint
                    hint = f"{hint},{WHOLE}" if frame.whole else hint
                    veto = PLACES if alone and frame.speaker else frame.veto  # the model's guess: an organisation
                    found = self.result(text, start, end, nlp_artifacts, hint, veto, alone or frame.whole)
                    if found is not None:
                        results.append(found)
        return results


def _ordinary_opening(name: str) -> bool:
    """The first word is an everyday word and no name ("Operation", "The"; not "Sunday" or
    "Will"); of a name written small, any word is ("a student", not "von ossen")."""
    words = name.split()
    if name.islower():
        return any(is_ordinary(word) and fold(word) not in PARTICLES for word in words)
    return everyday_word(words[0])


def _title_is_given(match: regex.Match[str], name: str) -> bool:
    """The name opens with a title that is also a given name, and the frame gives another
    role: "Justice Bush, their attorney," (not "Judge Price, the presiding judge,", nor
    "Lawyer Margaret Ng Ngoi-yee, a former lawmaker": a given name follows the title)."""
    words = name.split()
    role = match.group("role") or ""
    return (len(words) > 1 and given_title(words[0]) and words[0].lower() not in role.lower()
            and not (len(words) > 2 and lexicon().is_given(words[1]) and not given_title(words[1])))
