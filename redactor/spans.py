"""From what recognizers proposed to name spans: the whole name, and nothing but the name.

Two ways a span goes wrong, and both print a name that should be withheld:

- too short: the model tags only "Omarbekov" of "Kairat Omarbekov", the suggestion keeps
  the first name, and "Kairat [name withheld]" is printed. So a span grows over the
  capitalised name words beside it, for any language's names (particles such as "de la",
  "bin", "van der" included), unless the text shows the word is something else: a title,
  a month, a word at a sentence start that the tagger calls no proper noun, a place or an
  organisation the model reads there.
- too long: "told The Associated Press. Zhunusova's brother" read as one name, whose first
  name is then "Associated". So a span never crosses a sentence end, a line break (but for
  a name hard-wrapped inside a paragraph) or a place the model labels as such.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from redactor.cues import (FAMILY_FIRST, GIVEN_ABBREVIATIONS, HONORIFICS, INNER_PARTICLES, LOCATIVES, PARTICLES,
                           PATRONYMIC_WORDS, ROLE_WORDS, alternation, not_name_words)
from redactor.facts import TextFacts
from redactor.lexicon import family_shaped, lexicon
from redactor.name_words import (calendar_name, capitalised_name_word, everyday_word, given_after_role, given_in_list,
                                 given_title, not_name_edge, sentence_start, title_case_line, title_object)
from redactor.names import QUOTED_NICKNAME, WORD, fold, is_caps, is_initial, misspelt_as, strip_possessive, tokens
from redactor.plausibility import unlikely_person

MODEL_RECOGNIZER = "SpacyRecognizer"  # Presidio's name for the spaCy model's own results
FRAME_RECOGNIZER = "ReportingFrameRecognizer"  # its one-word names are trimmed already
# The hint of a frame that gives the person's role ("Justice Bush, their attorney,"): a
# title that is also a given name, and is not that role, is the given name.
TITLED = "titled"
# The hint of a span a rule has judged whole (a speaker's label, a name around a quoted
# nickname, a name written small): no span rule trims or grows it again.
WHOLE = "whole"
# Hints under which a title or a day that is also a given name opens the name.
GIVEN_FIRST_HINTS = frozenset({"private", "byline", TITLED})
_LEFT = re.compile(r"(?<![\w.'’-])([^\W\d_][\w'’-]*\.?)[ \t]+$")
_RIGHT = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)(?![\w'’-])")
_HYPHENED = regex.compile(r"(?<![\w'’-])(\p{L}[\p{L}'’]*)-\Z")  # "el-" of "el-Shozly", "Jean-" of "Jean-Luc"
_ABBREVIATED_NAME = regex.compile(r"(?<![\w.])\p{Lu}\.[ \t]+\p{Lu}\p{Ll}{1,3}$")
_GIVEN_SYLLABLES = regex.compile(r"\p{Lu}\p{Ll}{1,4}-\p{Ll}{1,4}")
_WRAPPED = re.compile(r"[ \t]*\r?\n[ \t]*")
_NICKNAME_BEFORE = regex.compile(rf"(?<![\w'’-])([^\W\d_][\w'’-]*)[ \t]+{QUOTED_NICKNAME}[ \t]+\Z")
_NICKNAME = regex.compile(rf"[ \t]+({QUOTED_NICKNAME})[ \t]+([^\W\d_][\w'’-]*)")
# No name runs across a sentence end (. ! or ? before a capital or a name opening with a
# particle: "downtown Santiago. de la Cruz is") or a label's colon ("HO: Repeat that").
_OPENING_PARTICLE = alternation(PARTICLES)
_PARTICLE_FIRST = re.compile(rf"(?:{_OPENING_PARTICLE})[ \t-]+[^\W\d_]")
_PARTICLES_THEN_WORD = re.compile(rf"(?:[ \t]+(?:{_OPENING_PARTICLE}))*[ \t]+([^\W\d_][\w'’-]*)")
_SENTENCE_END = regex.compile(rf"(?<=\p{{L}}\p{{L}}|\p{{Ll}})[.!?][\"”’)\]]*[ \t]+"
                              rf"(?=[\"“‘(]?\p{{Lu}}|(?:{_OPENING_PARTICLE})[ \t-]+\p{{Lu}})|(?<=\p{{L}}):[ \t]+")


@dataclass
class Span:
    """A cleaned-up detected span: the name only, no title, punctuation or possessive.

    ``sources`` are the recognizers that proposed it: how many independent opinions a
    name has decides its tier.
    """

    start: int
    end: int
    hints: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)


def clean_spans(text: str, hits: Iterable, facts: TextFacts = TextFacts()) -> list[Span]:
    """Trim hits to their name tokens, extend them to the whole name, merge overlaps."""
    spans = []
    for hit in hits:
        for start, end in _hit_spans(text, hit, facts):
            spans.append(Span(start, end, set(hit.hints), {hit.recognizer}))
    return _join_wrapped(text, _merge(sorted(spans, key=lambda s: (s.start, -s.end))))


def _hit_spans(text: str, hit, facts: TextFacts) -> list[tuple[int, int]]:
    """A mailbox or handle ("ilyas.tokayev") is taken as it is, and so is a span a rule
    judged whole ("SAID:", 'Justice "Penguin" Bush': hint ``WHOLE``); a name is cut at sentence
    ends and line breaks, trimmed and grown, unless only the model proposed it and the
    words around it say it is no person."""
    if hit.hints & {"address", WHOLE}:
        return [(hit.start, hit.end)]
    parts = []
    model = hit.recognizer == MODEL_RECOGNIZER and not hit.hints
    # A frame for private people has judged its words ("the trial of Dinara Utepov"): a word
    # the model reads as a place elsewhere is not cut from it.
    places = facts.place_words if not (model or "private" in hit.hints) else frozenset()
    # One word a frame caught, or a name written small it judged whole ("identified as von
    # ossen (21)"): no capital to trim by.
    surface = text[hit.start:hit.end]
    lone = hit.recognizer == FRAME_RECOGNIZER and (not regex.search(r"\s", surface) or surface.islower())
    pieces = [(hit.start, hit.end)] if lone else _name_parts(text, hit.start, hit.end, facts, places,
                                                             private=bool(hit.hints & GIVEN_FIRST_HINTS))
    for start, end in pieces:  # "a protester named Justice": the frame has judged the word
        if model and (unlikely_person(text, start, end) or fold(text[start:end]) in facts.place_words):
            continue  # "teams to Kendari": a word the model reads as a place elsewhere here
        parts.append(extend(text, start, end, facts))
    return parts


def _name_parts(text: str, start: int, end: int, facts: TextFacts,
                places: frozenset[str], private: bool = False) -> Iterable[tuple[int, int]]:
    """The name pieces of a hit: cut at sentence ends and line breaks, without titles, role
    words or places at either end ("Mr.", "Protester", "Georgia" of "In Georgia Levan
    Kapanadze", "Almaty" of a keywords field's "Nurlanov Almaty")."""
    for piece_start, piece_end in _pieces(text, start, end):
        found = _after_title([m for m in WORD.finditer(text, piece_start, piece_end)])
        one = found[0] if len(found) == 1 else None  # "ask Said about it", "Will, Priya, Rustam"
        if not (one and (capitalised_name_word(text, one.start(), one.group())
                         or given_in_list(text, one.start(), one.group()))):
            while found and _not_leading(text, found, facts, places, private):
                found.pop(0)  # a lone word is judged as a surname: "Bishop" the model calls a person
            while found and _not_trailing(found, places):
                found.pop()  # "María de": a particle ends no name; "LE:" alone is a surname
        if not found:
            continue
        first, last = found[0], found[-1]
        last_end = last.start() + len(strip_possessive(last.group()))
        if text[last_end - 1] == "." and not is_initial(last.group()):
            last_end -= 1  # a sentence's full stop, not an initial's
        yield first.start(), last_end


def _after_title(found: list[re.Match[str]]) -> list[re.Match[str]]:
    """The words after a title inside the span: "Interior Minister", "Police Chief" and
    "Deputy Prime Minister" are one title each, and only the title's last word is a role
    word. Cut there when that word is no name too ("Bishop", "Judge") and every word before
    it is a role word or no name at all: a name never holds "Minister" inside it."""
    for index in range(len(found) - 2, 0, -1):
        word = fold(found[index].group())
        if word in ROLE_WORDS and not lexicon().is_name(word) and all(
                fold(w.group()) in ROLE_WORDS or not lexicon().is_name(w.group()) for w in found[:index]):
            return found[index + 1:]
    return found


def _not_leading(text: str, found: list[re.Match[str]], facts: TextFacts, places: frozenset[str],
                 private: bool) -> bool:
    """The first of ``found`` opens no name: a title, a sentence word, a place after "in"...;
    in a private frame a title that is also a given name does ("her son Justice Okafor")."""
    word, many = found[0], len(found) > 1
    if many and (private or fold(word.group()) not in ROLE_WORDS) and given_title(word.group()) or (
            many and given_after_role(text, word.start(), word.group())):
        return False  # "Will Price is the editor", "spokeswoman Justice Bush"
    if many and _place_word(text, word.start(), word.end(), facts):
        return True
    return not_name_edge(word.group(), many, places if many else frozenset(), alone=not many) and not (
        many and calendar_name(text, word.start(), word.group()))


def _not_trailing(found: list[re.Match[str]], places: frozenset[str]) -> bool:
    """A particle written small ends no name ("María de"); written with a capital after a
    name word, or alone, it is the family name ("Nguyen Van Le", 'Arnon "Gaw’zela" Le',
    "ask Le about it"), but for one letter ("Y")."""
    word, many = found[-1].group(), len(found) > 1
    return not_name_edge(word, False, places if many else frozenset(), alone=not many) or (
        fold(word) in PARTICLES and (word.islower() or not many and len(strip_possessive(word)) < 2))


def _pieces(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """``text[start:end]`` cut at line breaks and sentence ends."""
    for line in re.finditer(r"[^\r\n]+", text[start:end]):
        piece_start = start + line.start()
        for stop in _SENTENCE_END.finditer(text, piece_start, start + line.end()):
            if not _abbreviation(text, piece_start, stop.start()):
                yield piece_start, stop.start() + 1
                piece_start = stop.end()
        yield piece_start, start + line.end()


def _abbreviation(text: str, start: int, dot: int) -> bool:
    """'Mr.', 'Dr.', an initial, or a short given name cut after an initial ("J. Matt.
    Corley") before a full stop: no sentence ends there."""
    word = re.search(r"[^\W\d_]+$", text[max(start, dot - 12):dot])
    return word is not None and (len(word.group()) == 1 or fold(word.group()) in HONORIFICS
                                 or _ABBREVIATED_NAME.search(text, max(start, dot - 12), dot) is not None)


def extend(text: str, start: int, end: int, facts: TextFacts = TextFacts()) -> tuple[int, int]:
    """Grow a span over the name words beside it ("spokeswoman Aliya [Dosova]", "[Zoltán] de Vries").

    The model often tags only one part of an unfamiliar name; the other part then leaks.
    Titles, role words, months, sentence openers, places and organisations stop the growth.
    """
    prefix = _HYPHENED.search(text, max(0, start - 20), start)
    if prefix and (prefix.group(1).islower() and fold(prefix.group(1)) in PARTICLES
                   or prefix.group(1)[0].isupper() and not everyday_word(prefix.group(1))):
        start = prefix.start()  # "el-Shozly" found as "Shozly", "Jean-Luc" as "Luc": one name word
    caps = is_caps(text[start:end])
    while (grown := _grow_left(text, (start, end), facts, caps)) is not None:
        start = grown
    while (grown := _grow_right(text, (start, end), facts, caps)) is not None:
        end = grown
    return start, end


def _grow_left(text: str, name: tuple[int, int], facts: TextFacts, caps: bool) -> int | None:
    start = name[0]
    nickname = _NICKNAME_BEFORE.search(text, max(0, start - 80), start)  # Parit "Penguin" [Chiwarak]
    if nickname and nickname.group(1)[0].isupper() and not not_name_edge(nickname.group(1), leading=True) and (
            not everyday_word(nickname.group(1))):
        return nickname.start(1)  # not 'Operation "Desert" Storm'

    before = _LEFT.search(text, max(0, start - 60), start)
    if before is None:
        return None
    word = before.group(1)
    if (pair := _misspelt_particle(text, before.start(1), word)) is not None:
        return pair  # "de lo Cruz"
    particle = fold(word) in PARTICLES and (word.islower() or caps and word.isupper()) or (  # "bin Salem"
        word.islower() and _misspelt(word, facts))  # "dul Valle"
    lower = not particle and word.islower() and word.isalpha() and not caps
    small = lower and _small_name(word, before.start(1), facts)
    # "Precious grant Bishop", "Sunday will Street": a given name written small, after
    # another given name (a modal or a verb that is one too)
    given_small = lower and not small and (lexicon().is_given(word) and word not in not_name_words()
                                           or lexicon().is_word_name(word))
    if particle or small or given_small:  # "EL SHEIKH"; "Parit jatupat Boonchuay"
        outer = _LEFT.search(text, max(0, before.start(1) - 60), before.start(1))
        if outer and outer.group(1).endswith(".") and not is_initial(outer.group(1)):
            outer = None  # "downtown Santiago. de la Cruz": a sentence ends before the particle
        if outer and (_name_word(text, outer.start(1), outer.group(1), facts, caps, name)
                      or given_small and outer.group(1)[0].isupper() and (
                          given_title(outer.group(1)) or calendar_name(text, outer.start(1), outer.group(1)))) and (
                # "Justice rose Street", "Htet min Myint" (a name no vocabulary knows), not
                # "His sister said Bezshan"
                not given_small or lexicon().is_given(outer.group(1))
                or facts.common_words is not None and not facts.is_common(outer.group(1))):
            return outer.start(1)
        return before.start(1) if particle else None
    if word.endswith(".") and not is_initial(word):
        # "Press. Zhunusova": a sentence ends there; "Md. Rafiqul Islam": a given name cut short
        return before.start(1) if fold(word[:-1]) in GIVEN_ABBREVIATIONS else None
    if word[:1].isupper() and lexicon().is_given(word) and _PARTICLE_FIRST.match(text, start):
        return before.start(1)  # "Diego dos Santos", however the model reads "Diego"
    if (facts.common_words is not None and facts.is_common(word) and not lexicon().is_name(word)
            and not lexicon().is_word_name(word)
            and not _bare_initial(word) and (sentence_start(text, before.start(1))
                                             or title_case_line(text, start))):
        # '"Free Gogi Beridze"', "Dear Saule", "Arrested For Blinding Gustavo Gatica": an
        # ordinary word opening a sentence, or capitalised by a headline.
        return None
    if title_object(text, before.start(1), word):
        return None  # "Secretary for Security Chris Tang": a title's last word, no name
    return before.start(1) if _name_word(text, before.start(1), word, facts, caps, name) else None


def _misspelt_particle(text: str, start: int, word: str) -> int | None:
    """Where the pair starts when ``word`` is written small, one letter from the second
    particle of a pair, after a particle: "lo" of "de lo Cruz" (left standing, it would
    print a piece of the name); None otherwise."""
    if not word.islower() or fold(word) in PARTICLES or not misspelt_as(word, INNER_PARTICLES):
        return None
    outer = _LEFT.search(text, max(0, start - 60), start)
    if outer is None or not outer.group(1).islower() or fold(outer.group(1)) not in PARTICLES:
        return None
    return outer.start(1)


def _misspelt(word: str, facts: TextFacts) -> bool:
    """A particle of three letters or more misspelt by one ("dul", "dil" for "del"; "vun"
    for "von"): no word the model's vocabulary knows."""
    return len(word) >= 3 and not facts.is_common(word) and misspelt_as(word, PARTICLES)


def _small_name(word: str, start: int, facts: TextFacts) -> bool:
    """A name written small: a word in lower case the model's vocabulary does not know, or
    one its tagger reads as a proper noun ("Thanh quang Boonchuay")."""
    return (facts.common_words is not None and not facts.is_common(word)
            or bool(facts.tagged_proper(start, start + len(word))))


def _bare_initial(word: str) -> bool:
    """An initial written without its dot ("M L KELLY:"), not the article or pronoun."""
    return len(word) == 1 and word.isupper() and word not in "AI"


def _grow_right(text: str, name: tuple[int, int], facts: TextFacts, caps: bool) -> int | None:
    end = name[1]
    nickname = _NICKNAME.match(text, end)  # Mduduzi "Gaw’zela" Simelane: the nickname is the name's
    if nickname and _name_word(text, nickname.start(2), nickname.group(2), facts, caps, name, right=True):
        return nickname.start(2) + len(strip_possessive(nickname.group(2)))
    if text.startswith(".", end) and (_ABBREVIATED_NAME.search(text, name[0], end)
                                      or fold(text[name[0]:end]) in GIVEN_ABBREVIATIONS):
        end += 1  # "J. Alph." before "Murrow", "Md." before "Shafiqul"
    after = _RIGHT.match(text, end)
    if after is None:
        return None
    word = after.group(1)
    if fold(word) in PATRONYMIC_WORDS:
        return after.end(1)  # "Mahabat Tazhibek kyzy": the name ends with whose daughter she is
    if word.islower() and (fold(word) in PARTICLES or not caps and _small_name(word, after.start(1), facts)):
        # "Zoltán de Vries", "Maria de la Cruz"; a name word written small between two
        # others ("Parit jatupat Boonchuay") joins only with the name after it.
        rest = _PARTICLES_THEN_WORD.match(text, after.end(1))
        if rest and rest.group(1)[0].isupper() and _name_word(text, rest.start(1), rest.group(1), facts,
                                                              caps, name, right=True):
            return rest.start(1) + len(strip_possessive(rest.group(1)))
        return None
    if not _name_word(text, after.start(1), word, facts, caps, name, right=True):
        return None
    return after.start(1) + len(strip_possessive(word))


def _name_word(text: str, start: int, word: str, facts: TextFacts, caps: bool,
               name: tuple[int, int], right: bool = False) -> bool:
    """Whether the capitalised word at ``start`` is part of the name beside it (``right``:
    after it, where a role word that is also a surname may follow: "Noel [King]")."""
    bare = strip_possessive(word).rstrip(".")
    if not right and _word_name(text, start, bare):
        return not facts.is_other(start, start + len(bare), name)  # "lawyers [Will] Long"
    # "A Hong Kong court": an article opening a sentence, no initial
    initial = is_initial(word) and not (word in ("A", "I") and sentence_start(text, start))
    if not bare or not_name_edge(bare, leading=not right) and not (
            initial or not right and calendar_name(text, start, word)):
        return False
    if initial:
        return word[0].isupper()
    if not (bare[0].isupper() or _PARTICLE_FIRST.match(bare)) or (  # "el-Shazly" too
            is_caps(bare) and not caps and not lexicon().is_family(bare)):
        return False
    end = start + len(bare)
    # "Tsz-kin Wong", "Ji-woo Kim": a hyphenated given name before its family name, however
    # the model reads it ("Tsz-kin" alone: an organisation).
    syllables = not right and bool(_GIVEN_SYLLABLES.fullmatch(bare)) and (
        fold(WORD.search(text, *name).group()) in FAMILY_FIRST)
    guessed = not right and _guessed_given(bare, start, end, facts)
    if facts.is_other(start, end, name) and not (guessed or syllables) or (
            _place_word(text, start, end, facts) or fold(bare) in facts.place_words):
        return False
    if lexicon().is_place(bare) and not lexicon().is_name(bare):
        return False  # a country or a state ("Coordinator for Lebanon Thiago del Valle")
    if syllables:
        return True
    if sentence_start(text, start):
        # Capitalised by position, not by being a name: the tagger or the lexicon must say so,
        # or the word must be no word the model's vocabulary knows ("SAID: Tsz-kin Hoi-yan Lau").
        unfamiliar = facts.common_words is not None and not facts.is_common(bare.split("-")[0])
        return bool(facts.tagged_proper(start, end)) or lexicon().is_name(bare) or unfamiliar
    return facts.tagged_proper(start, end) is not False or lexicon().is_name(bare) or (
        not facts.is_common(bare) and family_shaped(bare))  # "Aidos Tulegenov", tagged a verb


def _guessed_given(word: str, start: int, end: int, facts: TextFacts) -> bool:
    """A given name the model alone reads as an organisation or the like, no place: its guess
    at an unfamiliar name it cut ("Diego" of "Diego Lucia Rodríguez")."""
    return facts.other_is(start, end) and lexicon().is_given(word) and not lexicon().is_place(word)


def _word_name(text: str, start: int, word: str) -> bool:
    """A given name that is also a function word ("Will", "May"), capitalised where no
    headline puts a capital: before a name, it is the given name, at a sentence's start too
    ("Will Okafor was a leader": the modal opens questions, not statements about a name)."""
    return (word[:1].isupper() and not word.isupper() and lexicon().is_word_name(word)
            and not title_case_line(text, start) or given_after_role(text, start, word))


def _place_word(text: str, start: int, end: int, facts: TextFacts) -> bool:
    """A place after "in", "from", "across"...: one the model reads as a place here, or one
    the lexicon knows ("In Georgia Levan Kapanadze was detained")."""
    previous = re.search(r"([^\W\d_]+)[ \t]+$", text[max(0, start - 20):start])
    if previous is None or fold(previous.group(1)) not in LOCATIVES:
        return False
    return facts.is_place(start, end) or lexicon().is_place(text[start:end])


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if merged and span.start < merged[-1].end:
            merged[-1].end = max(merged[-1].end, span.end)
            merged[-1].hints |= span.hints
            merged[-1].sources |= span.sources
        else:
            merged.append(span)
    return merged


def _join_wrapped(text: str, spans: Sequence[Span]) -> list[Span]:
    """A name hard-wrapped over two lines ("Bezshan\\n      Nurlanov") is one span.

    Wrapped plain text and HTML source split names this way; read as two persons, the
    surname would be suggested as a first name and kept. Two spans join across one line
    break when the first ends a line of prose (words before it on its line), one of them
    is a single word and together they are at most three words: two full names on
    consecutive lines, or a name alone on its line (a paragraph, a caption), stay apart.
    """
    joined: list[Span] = []
    for span in spans:
        if joined and _WRAPPED.fullmatch(text, joined[-1].end, span.start) and _mid_line(text, joined[-1]):
            before, after = (len(text[s.start:s.end].split()) for s in (joined[-1], span))
            words = tokens(text[joined[-1].start:span.end])
            if min(before, after) == 1 and before + after <= 3 and not any(
                    fold(word) in not_name_words() for word in words):
                joined[-1].end = span.end
                joined[-1].hints |= span.hints
                joined[-1].sources |= span.sources
                continue
        joined.append(span)
    return joined


def _mid_line(text: str, span: Span) -> bool:
    return bool(text[text.rfind("\n", 0, span.start) + 1:span.start].strip())
