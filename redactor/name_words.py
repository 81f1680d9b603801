"""Whether a word can be part of a name, judged from the word and the few words around it.

Titles, role words, sentence openers, months and days, and headlines in title case: the rules
every name span obeys, whichever source proposed it (``spans``, the recognizers, the
second reading in ``check``).
"""

from __future__ import annotations

import functools
import re

import regex

from redactor.cues import (FAMILY_FIRST, HARM_NOUNS, HONORIFICS, JOBS, KIN, MONTHS_AND_DAYS, NEVER_IN_NAMES,
                          PLACE_PREPOSITIONS, ROLE_WORDS, TEMPORAL, TITLE_MODIFIERS, alternation, not_name_words)
from redactor.lexicon import lexicon
from redactor.names import fold, is_caps, strip_possessive
from redactor.words import is_ordinary

TITLE_CASE_SHARE = 0.6
# A sentence ending inside a line, after a word no abbreviation ("Celik. Audience"), in a
# line longer than headlines are.
_HEADLINE_WORDS = 25
_SENTENCE_BREAK = regex.compile(r"\p{Ll}{3}[.!?][\"”’)]*[ \t]+\p{Lu}")
# Sentence words no name is made of, whatever the lexicon lists ("May" is a month here).
_NEVER_NAMES = NEVER_IN_NAMES | MONTHS_AND_DAYS | HONORIFICS
_TIME_OF_DAY = re.compile(r"[ \t]+(?:night|morning|afternoon|evening|nights|mornings)\b")
_BEFORE_GIVEN = ROLE_WORDS | JOBS | {"is", "was", "and"}
# The word before, or a title cut short ("Gen. Justice Little"; not a sentence's last word).
_WORD_BEFORE = re.compile(r"(?:([^\W\d_]+)|(?<![\w.])([A-Z][a-z]{1,3})\.)[ \t]+$")
# A capitalised word that is no month or day right after one: "of Sunday Street" names a person.
_NAME_AFTER = regex.compile(r"[ \t]+(?!(?i:" + "|".join(sorted(MONTHS_AND_DAYS)) + r")\b)\p{Lu}\p{Ll}")
_TITLE_FOR = regex.compile(r"\p{Lu}\p{Ll}+[ \t]+(?:for|of)[ \t]+(?:\p{Lu}\p{Ll}+[ \t]+)*$")
_PREVIOUS_WORD = regex.compile(r"(\p{L}+)[ \t]+$")
# A list's item before or after a word: "Priya, " and ", Priya", "Grace and ", " and Tomasz".
_LISTED_BEFORE = regex.compile(r"(\p{Lu}[\p{L}'’-]*)(?:,|,?[ \t]+(?:and|&))[ \t]+$")
_LISTED_AFTER = regex.compile(r"(?:,|,?[ \t]+(?:and|&))[ \t]+(\p{Lu}[\p{L}'’-]*)")
# Whose family, relative or harm "of" speaks of, and "who" after: a person, no day ("the
# family of Sunday", "the killing of June", "the heart of Sunday who stood nearby").
_OF_A_PERSON = re.compile(rf"\b(?:family|relatives|{alternation(KIN)}|{alternation(HARM_NOUNS)})[ \t]+of[ \t]+$",
                          re.IGNORECASE)
_WHO_AFTER = re.compile(r"[ \t]+(?:who|whose)\b")
_CREDITED_BY = re.compile(r"(?:(?:\w+ed|made|written|done|music|mixing|photos?)[ \t]+by|^[ \t]*By)[ \t]+$",
                          re.MULTILINE)  # "produced by Sunday Brown", a byline's "By Sunday Street"


@functools.lru_cache(maxsize=4096)
def given_title(word: str) -> bool:
    """A title, a role or a sentence word that is also a name ("Justice", "Will", "Said", and
    "He", a Chinese family name the lexicon leaves out as an English stop word). Asked of
    every capitalised sentence word of a draft, so each answer is kept."""
    bare = fold(strip_possessive(word).strip(".,:;"))
    if bare in ROLE_WORDS:
        return lexicon().is_given(bare)
    return lexicon().is_word_name(bare) or (bare in not_name_words() and bare not in _NEVER_NAMES
                                            and (lexicon().is_name(bare) or bare in FAMILY_FIRST))


def everyday_word(word: str) -> bool:
    """An everyday English word that is no name in any reading ("Operation", "The"; not
    "Sunday", "Will" or "Young")."""
    return is_ordinary(word) and not lexicon().is_name(word) and not given_title(word)


def given_after_role(text: str, start: int, word: str) -> bool:
    """A title that is also a given name, after a role or a title: titles do not stack, so
    it is the given name ("President Justice Long", "spokeswoman Justice Bush", "physician
    Justice Street", "our engineer is Justice Bush", "Serik Omarbekov and Justice Tembo")."""
    if not (word[:1].isupper() and given_title(word)):
        return False  # most words: no look behind them
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    word_before = before.group(1) or before.group(2)
    modifier = word_before[0].isupper() and fold(word_before) in TITLE_MODIFIERS  # "Chief Justice"
    return fold(word_before) in _BEFORE_GIVEN and not modifier


def after_place_preposition(text: str, start: int) -> bool:
    """The word right before ``start`` is "in", "near", "outside"...: what follows names a
    place ("In Osh, a lawyer for", "in Bishkek and ...")."""
    before = _PREVIOUS_WORD.search(text, max(0, start - 15), start)
    return before is not None and fold(before.group(1)) in PLACE_PREPOSITIONS


def given_in_list(text: str, start: int, word: str) -> bool:
    """A sentence word that is also a given name, in a list beside a given name no word is:
    "Will, Priya, Rustam, welcome", "Grace, Will and Tomasz" (not "May, June and July")."""
    if not (word[:1].isupper() and given_title(word)) or fold(word) in MONTHS_AND_DAYS:
        return False
    before = _LISTED_BEFORE.search(text, max(0, start - 40), start)
    after = _LISTED_AFTER.match(text, start + len(word))
    return any(lexicon().is_given(found.group(1)) and fold(found.group(1)) not in MONTHS_AND_DAYS
               and not given_title(found.group(1)) for found in (before, after) if found)


def title_object(text: str, start: int, word: str) -> bool:
    """An everyday word that is no name, after a title's "for" or "of": the title's last
    word ("Secretary for Security Chris Tang", "Minister of Foreign Affairs Ana Ruiz"), not
    a given name that is also a word ("Contributing were Zen Soo")."""
    return everyday_word(word) and bool(_TITLE_FOR.search(text, max(0, start - 60), start))


def capitalised_name_word(text: str, start: int, word: str) -> bool:
    """A sentence word that is also a name, capitalised where no sentence, headline or line
    in capitals puts a capital: "ask Said about it", "made by Said's roommate". Written
    small, it would be the word."""
    bare = strip_possessive(word)
    return (bare[:1].isupper() and not is_caps(bare) and given_title(bare)
            and not sentence_start(text, start) and not title_case_line(text, start))


def not_name_edge(word: str, leading: bool, places: frozenset[str] = frozenset(),
                  alone: bool = False) -> bool:
    """A word no name starts (``leading``) or ends with: no capital ("https" of a link), an
    honorific, a month, a sentence word, a place the model reads elsewhere, or a role word.
    Titles come before a name, so after one a role word that is also a family name stays
    ("Noel King", "Hope Bishop"), and so does a capitalised sentence word ("Edward Said",
    "Viktor Ten"): written small, it would be one."""
    bare = fold(strip_possessive(word).strip(".,:;"))
    if not has_capital(word) or bare in places or bare.endswith(("-year-old", "-years-old")):
        return True  # "Eighteen-year-old" opening a sentence is an age, no name
    if bare not in not_name_words():
        return False
    if bare in NEVER_IN_NAMES:
        return True
    if bare in ROLE_WORDS:  # a title before a name; after one, or alone, a name too ("Ha Huy Son")
        return leading or not lexicon().is_name(bare)
    # After a name, a capitalised sentence word is its last part ("Viktor Ten"); alone or
    # before one, it is the sentence's ("The", "On").
    return leading or alone or bare in MONTHS_AND_DAYS or bare in HONORIFICS


def calendar_name(text: str, start: int, word: str, numbers: bool = True) -> bool:
    """A month or a day that is a given name here ("Jan Kubis", "June Almeida"): the lexicon
    knows it as one, no "in", "on", "since" stands before it, and no date follows it (a
    number, unless ``numbers`` is False because a frame has read it as an age, or a time
    of day). Whose family or harm "of" speaks of, or who "who" follows, is a person ("the
    family of Sunday", "Sunday who stood nearby")."""
    bare = fold(word.rstrip("."))
    if bare not in MONTHS_AND_DAYS or not lexicon().is_given(bare) or word.endswith("."):
        return False
    before = re.search(r"([^\W\d_]+)[ \t]+$", text[max(0, start - 20):start])
    after = text[start + len(word):start + len(word) + 4]
    # "produced by Sunday Brown" credits a person; "the murder of Sunday Street" and "My
    # Promised Land by Sunday Long" name one.
    temporal = before and fold(before.group(1)) in TEMPORAL and not _CREDITED_BY.search(
        text, max(0, start - 30), start) and not (
        fold(before.group(1)) in ("of", "by") and _NAME_AFTER.match(text, start + len(word))) and not (
        _OF_A_PERSON.search(text, max(0, start - 40), start) or _WHO_AFTER.match(text, start + len(word)))
    return not temporal and not (numbers and re.match(r"[ \t.,]*\d", after)) and not _TIME_OF_DAY.match(
        text, start + len(word))  # "students Sunday night"


def has_capital(word: str) -> bool:
    """A name word has a capital somewhere: "Nurlanov", "al-Masri", "McKay"; "https" has none.
    A script without case ("陳美玲") has no small letters to tell a name from."""
    return any(char.isupper() or char.isalpha() and char.lower() == char.upper() for char in word)


def sentence_start(text: str, start: int) -> bool:
    """The word at ``start`` opens a sentence, a line or the text (quotes and brackets aside)."""
    before = text[max(0, start - 40):start].rstrip(" \t\"“‘([")
    return not before or before[-1] in ".!?\n\r:"


def title_case_line(text: str, offset: int) -> bool:
    """The line at ``offset`` is a headline in title case ("Families Hold Vigil for Dock
    Workers"): its capitals say nothing about names. Not a paragraph of sentences that are
    mostly names ("Music by Tunde Eze and Ka-ho Ho. Audience strategy by ..."): a headline
    is short and holds a sentence or two ("... in Chauvin Trial. Aired 11-11:30a ET")."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start:end if end >= 0 else len(text)]
    words = regex.findall(r"\p{L}[\p{L}'’-]*", line)
    capitalised = [w for w in words if w[0].isupper()]
    return (len(words) >= 4 and len(capitalised) >= TITLE_CASE_SHARE * len(words)
            and not (len(words) > _HEADLINE_WORDS and _SENTENCE_BREAK.search(line)))
