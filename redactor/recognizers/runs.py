"""Names the model does not know: runs of capitalised words, weighed by the lexicon and the tagger.

"The trial of Chinedu Okafor opened", "Union member Hope Bishop said": the model reads no
person, yet the words are shaped like a name, the tagger calls them proper nouns, and the
lexicon knows "Chinedu" as a given name and "Bishop" as a family name. Two opinions that
agree make a confident name (``NameRunRecognizer``); a proper noun with nothing else for
it is a possible name (``ProperNounRecognizer``), shown apart for the editor to confirm or
dismiss, and read again in every copy. The model's own reading still counts: a run it calls
an organisation or a place is a name only on evidence the label cannot explain
(``labelled``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.strings import hash_string
from spacy.tokens import Doc

from redactor.cues import AGENCIES, JOBS, MONTHS_AND_DAYS, PARTICLES, PERSON_ACTS, ROLE_WORDS, not_name_words
from redactor.lexicon import lexicon
from redactor.names import fold, is_caps
from redactor.plausibility import dateline_places, opens_dateline
from redactor.recognizers.base import NameRecognizer
from redactor.recognizers.labelled import GUESS_LABELS, given_here, named_all_the_same, speaker
from redactor.words import is_ordinary
from redactor.name_words import (after_place_preposition, capitalised_name_word, given_in_list, not_name_edge,
                                 sentence_start, title_case_line)

CONFIDENT, POSSIBLE = "NameRunRecognizer", "ProperNounRecognizer"
_NAME_TOKEN = regex.compile(r"(?:\p{Ll}{1,3}-)?\p{Lu}[\p{L}\p{M}'’-]*|\p{Lu}\.")
PROPER_TAGS = {hash_string(tag) for tag in ("NNP", "NNPS")}  # tags as the doc's arrays hold them
_NOUNS = {hash_string(tag) for tag in ("NN", "NNS")}
_FINITE = {hash_string(tag) for tag in ("VBZ", "VBD", "VBP")}
_ARRAY = ["IDX", "LENGTH", "SPACY", "TAG", "SENT_START", "ENT_TYPE"]
_Token = tuple[int, int, int, int, bool, str]  # start, end, space after, tag, opens a sentence, label
_NOT_NAMES = {"ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART",
              "LANGUAGE", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"}
# Labels for numbers and dates: a capitalised word inside one ("19-year-old Blessing") is the
# model reading too far, not a date.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})


@dataclass(slots=True)  # made for every word of a draft: no frozen-field overhead
class Word:
    """A word as the tokenizer split it, joined again across hyphens ("Tsz-kin", "al-Rashidi"),
    with what the tagger and the entity recognizer said of it. ``proper``, ``common`` and
    ``familiar`` are read only for a word with a capital: a word written small is never
    weighed as a name, so it is not looked up (False)."""

    text: str
    start: int
    end: int
    proper: bool
    label: str
    opens_sentence: bool
    common: bool  # an ordinary English word (``words.is_ordinary``), not only a name
    familiar: bool  # a form the model's vocabulary has a vector for: words, and many names and places
    noun: bool = False  # a common noun written small ("bureau" of "Almaty bureau")
    finite: bool = False  # a verb in the present or past, written small ("joins", "said")

    @property
    def particle(self) -> bool:
        return self.text.islower() and fold(self.text) in PARTICLES


class NameRunRecognizer(NameRecognizer):
    """Proposes capitalised runs as names: confident where the lexicon and the tagger agree,
    possible where only the tagger speaks."""

    SCORE = 0.7
    POSSIBLE_SCORE = 0.4

    def __init__(self) -> None:
        super().__init__(CONFIDENT)

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if nlp_artifacts is None or not isinstance(nlp_artifacts.tokens, Doc):
            return []
        return [run_result(start, end, tier, self.id) for start, end, tier in name_runs(nlp_artifacts.tokens)]


def run_result(start: int, end: int, tier: str, recognizer_id: str, offset: int = 0) -> RecognizerResult:
    """A PERSON result for a run, named for its tier (``CONFIDENT`` or ``POSSIBLE``) and
    carrying the id of the recognizer that returns it (Presidio drops results it cannot
    trace to a registered recognizer)."""
    metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: tier,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer_id}
    score = NameRunRecognizer.SCORE if tier == CONFIDENT else NameRunRecognizer.POSSIBLE_SCORE
    return RecognizerResult("PERSON", start + offset, end + offset, score, recognition_metadata=metadata)


def name_runs(doc: Doc, recased: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, tier) of every run in ``doc`` that is a name, confident or possible.
    ``recased``: the text is a line in capitals made title case, where every word is
    capitalised by us, so a line in title case says nothing."""
    words, text = _words(doc), doc.text
    pairs = list(_runs(words, text))
    runs = [run for run, _ in pairs]
    proper = _used_as_names(words)
    places = frozenset(w.text for w in words if w.label in ("GPE", "LOC"))
    tiers = ["" if doubtful and not (_credit_closing_line(text, run) or speaker(text, run))
             else _weigh(text, run, headlines=not recased, proper_words=proper, places=places)
             for run, doubtful in pairs]
    found = []
    after = {before.end: word for before, word in zip(words, words[1:])}
    named = [tier == CONFIDENT or any(w.label == "PERSON" for w in run) for run, tier in zip(runs, tiers)]
    datelines = dateline_places(text)
    for index, (run, tier) in enumerate(zip(runs, tiers)):
        if fold(text[run[0].start:run[-1].end]) in datelines:
            continue  # "HONG KONG (AP) — A Hong Kong court": the place the story is filed from
        # In a list of names, an item of proper nouns the model only guesses at is one too,
        # even one it reads as a place, unless the lexicon knows the place ("Kenya").
        listable = (tier == POSSIBLE or not tier and all(w.proper for w in run) and (
            {w.label for w in run} - {""} <= GUESS_LABELS | {"GPE", "LOC"}) and not any(
            lexicon().is_place(w.text) for w in run)) and not after_place_preposition(text, run[0].start)
        if listable and _listed_with_a_name(text, runs, named, index):
            tier = CONFIDENT  # "Chinedu Obi, Babatunde Ojo and Tobi": a list of names
        elif listable and not tier and (_after_a_role(text, run) or _acts(run, after.get(run[-1].end))):
            tier = POSSIBLE  # "physician Dmitry Tsikhanouskaya", read as an organisation
        if tier:
            found.append((run[0].start, run[-1].end, tier))
    return found


def _words(doc: Doc) -> list[Word]:
    """The draft's words, read from the doc's arrays: asking spaCy for each token's fields
    one by one cost more than the rest of this recognizer."""
    text, strings = doc.text, doc.vocab.strings
    words: list[Word] = []
    joined: list[_Token] = []
    known: dict[str, bool] = {}  # a vocabulary lookup makes a lexeme: once per word form
    after_hyphen = False  # the last token is a hyphen with no space after it
    for start, length, space, tag, sent, entity in doc.to_array(_ARRAY).tolist():
        hyphen = length == 1 and text[start] == "-"
        token = (start, start + length, space, tag, sent == 1, strings[entity] if entity else "")
        if joined and (after_hyphen or hyphen and not joined[-1][2]):
            joined.append(token)
        else:
            if joined:
                words.append(_word(joined, text, doc, known))
            joined = [token]
        after_hyphen = hyphen and not space
    if joined:
        words.append(_word(joined, text, doc, known))
    return words


def _word(tokens: list[_Token], doc_text: str, doc: Doc, known: dict[str, bool]) -> Word:
    start, end, opens = tokens[0][0], tokens[-1][1], tokens[0][4]
    text = doc_text[start:end]
    label = tokens[0][5] if len(tokens) == 1 else next((t[5] for t in tokens if t[5]), "")
    if label in NUMERIC_LABELS and text[:1].isupper() and fold(text) not in MONTHS_AND_DAYS:
        label = ""
    lower, tag = text.lower(), tokens[-1][3]
    if text == lower:  # no capital: never in a run but as a particle, so never weighed as a name
        return Word(text, start, end, False, label, opens, False, False, tag in _NOUNS, tag in _FINITE)
    if lower not in known:
        known[lower] = doc.vocab[lower].has_vector
    return Word(text, start, end, any(t[3] in PROPER_TAGS for t in tokens), label, opens,
                is_ordinary(lower), known[lower])


def _used_as_names(words: list[Word]) -> frozenset[str]:
    """Ordinary words the draft writes with a capital inside its sentences at least twice
    (the model at most guessing an organisation) and never in lower case: used as a name here.
    A capitalised word before a common noun is no name there ("the Almaty bureau")."""
    inside: dict[str, int] = {}
    small = {w.text for w in words if w.text.islower()}
    for word, after in zip(words, words[1:] + words[-1:]):
        if (word.familiar and word.proper and not word.opens_sentence and word.text.istitle()
                and (not word.label or word.label in GUESS_LABELS) and not after.noun):
            inside[word.text] = inside.get(word.text, 0) + 1  # not "the Almaty bureau"
    return frozenset(w for w, count in inside.items() if count >= 2 and w.lower() not in small)


def _runs(words: list[Word], doc_text: str) -> Iterator[tuple[list[Word], bool]]:
    """Runs of name-shaped words in one sentence (a line break is a token, so one line too),
    particles inside, edges trimmed of titles, role words, sentence words and months; each
    with whether it is doubtful (a name only in a list of names)."""
    run: list[Word] = []
    for word in words:
        # A word written small has no capital to be shaped by (most words: skip the pattern).
        shaped = not word.text.islower() and bool(_NAME_TOKEN.fullmatch(word.text)) and (
            fold(word.text) not in not_name_words() or given_here(doc_text, word)
            or bool(run) and (_family_role(word.text) or capitalised_name_word(doc_text, word.start, word.text)))
        inside = not shaped and bool(run) and word.particle  # "de" of "Maria de la Cruz"
        if run and (word.opens_sentence or not (shaped or inside)):
            yield from _trimmed(run, doc_text)
            run = []
        if shaped or (run and inside):
            run.append(word)
    yield from _trimmed(run, doc_text)


def _weigh(text: str, run: list[Word], headlines: bool = True,
           proper_words: frozenset[str] = frozenset(), places: frozenset[str] = frozenset()) -> str:
    """CONFIDENT, POSSIBLE or "" for a run of name-shaped words."""
    words = [w for w in run if not w.particle]
    kinds = lexicon()
    if any(w.label == "PERSON" for w in run) or opens_dateline(text, run[0].start, run[-1].end):
        return ""  # the model's own result covers it; a dateline's place is none
    if _credit_closing_line(text, run):
        # "My Promised Land by Parit Nampa": the credit closing a title line, whatever the
        # model guesses its words are.
        return CONFIDENT if len(words) > 1 and all(w.proper for w in words) else POSSIBLE
    labels = {w.label for w in run} & _NOT_NAMES
    if labels:
        return POSSIBLE if named_all_the_same(text, run, words, labels, proper_words) else ""
    known = [kinds.is_name(w.text) for w in words]
    if all(is_caps(w.text) for w in words) and not any(known):
        return ""  # "HYPERLINK", "BREAKING": capitals the capitals and speaker recognizers judge
    if len(words) > 1 and (_family_first(words) or (
            (kinds.is_given(words[0].text) or kinds.is_family(words[-1].text))
            and all(k or w.proper for w, k in zip(words, known)))):
        return CONFIDENT
    if headlines and title_case_line(text, run[0].start) and not any(known):
        # A headline's capitals say nothing, except the credit closing a title line: "The
        # Hundred Years' War on Palestine by Parit Pham".
        return (CONFIDENT if len(words) > 1 else POSSIBLE) if _credit_closing_line(text, run) else ""
    if len(words) == 1:
        # One capitalised ordinary word ("Embargoed", "Union") is a name only where the
        # lexicon knows it as one ("Young said"), or where the draft writes it with a capital
        # inside sentences, again and again, and never small ("ask Win about", "Win's"). A
        # word that is no ordinary one may be a name ("Parit says"), unless the model reads
        # it as a place somewhere in the draft ("Minsk").
        word = words[0]
        unfamiliar = (not word.common and word.text not in places and not word.opens_sentence
                      and not sentence_start(text, word.start))
        listed = given_in_list(text, word.start, word.text)  # "Will, Priya, Rustam": tagged a verb
        return POSSIBLE if listed or word.proper and (known[0] or unfamiliar or word.text in proper_words) else ""
    return POSSIBLE if any(w.proper for w in words) else ""


def _trimmed(run: list[Word], text: str) -> Iterator[tuple[list[Word], bool]]:
    while run and (not_name_edge(run[0].text, leading=True) and not given_here(text, run[0])
                   or _acronym(run[0].text)):
        run = run[1:]
    while len(run) > 1 and _ordinary_opening(run[0], text):
        # An ordinary word or a country opens it: "Free" of a slogan before a name ("Free Gogi
        # Beridze"), "Lebanon" of "Coordinator for Lebanon Thiago del Valle", or the first
        # word of an institution ("Associated Press", "Supreme Court"), one after another
        # ("View Entire Post"); two such words are a name only among names ("... Mehmet
        # Arslan, Parit Pham and ..."). Not a given name where it stands ("and Will Little",
        # "King Will Long").
        if len(run) == 2:
            yield run, True
            return
        run = run[1:]
    while run and (not_name_edge(run[-1].text, leading=False) or run[-1].particle):
        run = run[:-1]
    if run and not (len(run) == 1 and _acronym(run[0].text)):
        yield run, False


def _ordinary_opening(word: Word, text: str) -> bool:
    """An ordinary word or a place that is no name, opening a run (see ``_trimmed``)."""
    return (word.common or lexicon().is_place(word.text)) and not lexicon().is_name(word.text) and (
        fold(word.text) not in PARTICLES) and not given_here(text, word)


def _family_role(word: str) -> bool:
    """A role word that is a family name too, after a name word: "Sunday Bishop", "Hope King"."""
    return fold(word) in ROLE_WORDS and lexicon().is_family(word)


def _credit_closing_line(text: str, run: list[Word]) -> bool:
    """The run follows "by" and ends its line, and is no agency ("Photo by Reuters")."""
    before = text[max(0, run[0].start - 4):run[0].start]
    return (before.endswith(("by ", "By ")) and not text[run[-1].end:].split("\n", 1)[0].strip(" .")
            and text[run[0].start:run[-1].end] not in AGENCIES)


def _acts(run: list[Word], following: Word | None) -> bool:
    """Two words opening with no ordinary one, or three that are none, before a verb they are
    the subject of: "Dmitry Shevchuk joins several hundred demonstrators", "Khin Win joins",
    read as an organisation (not "Grace Church holds", "BerAli Manghystau Company paid");
    two words that are, before what only people do ("Min Win joins")."""
    if following is None or not following.finite:
        return False
    if len(run) == 2 and fold(following.text) in PERSON_ACTS:
        return True
    return not run[0].common and (len(run) == 2 or len(run) == 3 and not any(w.common for w in run))


def _acronym(word: str) -> bool:
    """"AP", "NATO", "US": capitals too short to be a name in capitals."""
    return is_caps(word) and len(word) <= 4 and not lexicon().is_family(word)


def _family_first(words: list[Word]) -> bool:
    """"KWOK Ka-ki", "TAM Hoi-yan": a family name in capitals before a given name."""
    return (is_caps(words[0].text) and lexicon().is_family(words[0].text)
            and not any(is_caps(w.text) for w in words[1:]))


def _after_a_role(text: str, run: list[Word]) -> bool:
    """A role or a job written small stands right before the run ("physician Dmitry
    Tsikhanouskaya"), or a title before words not all of them ordinary ones, or before one
    whose possessive follows ("General Mya Win", "Justice Castellano" read as an organisation,
    "President Win's order"; not "Chief Security Minister", "Deputy District Attorney":
    titles of several words)."""
    before = regex.search(r"(\p{L}+)[ \t]+$", text[max(0, run[0].start - 30):run[0].start])
    if before is None:
        return False
    word = before.group(1)
    if word[0].isupper():
        owner = text.startswith(("'s", "’s"), run[-1].end)
        return fold(word) in ROLE_WORDS and (not all(w.common for w in run) or owner)
    return word in ROLE_WORDS or word in JOBS


def _listed_with_a_name(text: str, runs: list[list[Word]], named: list[bool], index: int) -> bool:
    """The run is an item of a comma list, next to an item that is a name (confident here,
    or the model's own)."""
    for neighbour in (index - 1, index + 1):
        if 0 <= neighbour < len(runs) and named[neighbour]:
            first, second = sorted((runs[index], runs[neighbour]), key=lambda r: r[0].start)
            between = text[first[-1].end:second[0].start]
            if regex.fullmatch(r"\s*(?:,|,?\s+and|,?\s+&)\s*", between):
                return True
    return False
