"""Growing a found name over the name words beside it: "spokeswoman Aliya [Dosova]" becomes
"Aliya Dosova", "[Zoltán] de Vries" "Zoltán de Vries".

The model often tags only one part of an unfamiliar name; the other part then leaks as
the replacement's neighbour ("Kairat [name withheld]"). A span grows over the capitalised
name words beside it, for any language's names (particles, nicknames, initials, a given
name cut short, a patronymic), unless the text shows the word is something else: a title,
a month, a word at a sentence start that the tagger calls no proper noun, a place or an
organisation the model reads there.
"""

from __future__ import annotations

import re

import regex

from redactor.cues import (FAMILY_FIRST, GIVEN_ABBREVIATIONS, INNER_PARTICLES, LOCATIVES, PARTICLES,
                           PATRONYMIC_WORDS, alternation, not_name_words)
from redactor.facts import TextFacts
from redactor.lexicon import family_shaped, lexicon
from redactor.name_words import (calendar_name, everyday_word, given_after_role, given_title, not_name_edge,
                                 sentence_start, title_case_line, title_object)
from redactor.names import QUOTED_NICKNAME, WORD, fold, is_caps, is_initial, misspelt_as, strip_possessive

OPENING_PARTICLE = alternation(PARTICLES)
_LEFT = re.compile(r"(?<![\w.'’-])([^\W\d_][\w'’-]*\.?)[ \t]+$")
_RIGHT = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)(?![\w'’-])")
_HYPHENED = regex.compile(r"(?<![\w'’-])(\p{L}[\p{L}'’]*)-\Z")  # "el-" of "el-Shozly", "Jean-" of "Jean-Luc"
ABBREVIATED_NAME = regex.compile(r"(?<![\w.])\p{Lu}\.[ \t]+\p{Lu}\p{Ll}{1,3}$")
_GIVEN_SYLLABLES = regex.compile(r"\p{Lu}\p{Ll}{1,4}-\p{Ll}{1,4}")
_NICKNAME_BEFORE = regex.compile(rf"(?<![\w'’-])([^\W\d_][\w'’-]*)[ \t]+{QUOTED_NICKNAME}[ \t]+\Z")
_NICKNAME = regex.compile(rf"[ \t]+({QUOTED_NICKNAME})[ \t]+([^\W\d_][\w'’-]*)")
_PARTICLE_FIRST = re.compile(rf"(?:{OPENING_PARTICLE})[ \t-]+[^\W\d_]")
_PARTICLES_THEN_WORD = re.compile(rf"(?:[ \t]+(?:{OPENING_PARTICLE}))*[ \t]+([^\W\d_][\w'’-]*)")


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


def _grow_right(text: str, name: tuple[int, int], facts: TextFacts, caps: bool) -> int | None:
    end = name[1]
    nickname = _NICKNAME.match(text, end)  # Mduduzi "Gaw’zela" Simelane: the nickname is the name's
    if nickname and _name_word(text, nickname.start(2), nickname.group(2), facts, caps, name, right=True):
        return nickname.start(2) + len(strip_possessive(nickname.group(2)))
    if text.startswith(".", end) and (ABBREVIATED_NAME.search(text, name[0], end)
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
            place_word(text, start, end, facts) or fold(bare) in facts.place_words):
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


def place_word(text: str, start: int, end: int, facts: TextFacts) -> bool:
    """A place after "in", "from", "across"...: one the model reads as a place here, or one
    the lexicon knows ("In Georgia Levan Kapanadze was detained")."""
    previous = re.search(r"([^\W\d_]+)[ \t]+$", text[max(0, start - 20):start])
    if previous is None or fold(previous.group(1)) not in LOCATIVES:
        return False
    return facts.is_place(start, end) or lexicon().is_place(text[start:end])
