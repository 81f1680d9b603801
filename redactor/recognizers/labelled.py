"""When a run of capitalised words the model reads as something else is a name all the same.

The model reads unfamiliar names as organisations, places or works ("Zhunusova's brother",
"the case of Aizada Kuanyshbayeva in Almaty", "the bin Salem administration"); a run it
labels so is a name here only on evidence the label cannot explain: a given name opening it,
family names, a particle before it, a possessive, a verb of speaking after it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from redactor.cues import AGENCIES, NAME_UNIT_PREFIXES, PARTICLES, SPEECH_VERBS, alternation
from redactor.lexicon import family_shaped, lexicon
from redactor.names import fold
from redactor.name_words import calendar_name, given_after_role, given_in_list
from redactor.recognizers.base import AFFILIATION

if TYPE_CHECKING:
    from redactor.recognizers.runs import Word

# What the model calls unfamiliar words it cannot place ("Henadz Shutau": ORG, "Aliaksandr
# Kardziukou": FAC, "Kubis": NORP): a guess, not a reading. Places (GPE, LOC) it reads well.
GUESS_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "NORP"})
# A particle written small after no capitalised word but an article ("Rio de Janeiro" is a place,
# "the bin Salem administration" a family's name).
_PARTICLES_BEFORE = regex.compile(rf"(?<!(?!(?:The|A|An|This|That)[ \t])\b\p{{Lu}}[\p{{L}}'’-]*[ \t]+)"
                                  rf"(?<![\p{{L}}'’-])(?:{alternation(PARTICLES)})"
                                  rf"(?:[ \t]+(?:{alternation(PARTICLES)}))?[ \t]+$")


_SMALL_WORD_AFTER = regex.compile(r"[ \t]+\p{Ll}")


def named_all_the_same(text: str, run: list[Word], words: list[Word], labels: set[str],
                        proper_words: frozenset[str]) -> bool:
    """A run the model reads as something else is a name if a given name opens it ("María
    de la Vega" read as an organisation), if its words are all unfamiliar proper nouns the
    model can only guess at ("Zhunusova's brother"), family names, or names nobody knows
    owning something; never a known place ("Kenya")."""
    kinds, first = lexicon(), words[0]
    if labels == {"NORP"} and len(words) == 1 and first.familiar and _SMALL_WORD_AFTER.match(text, run[-1].end):
        return False  # "Georgian police", "Kurdish teacher": a people's adjective, though "Georgian" is a name
    if _opened_by_particle(text, run):
        return True  # "the bin Salem administration": a place's name after a particle is a family's
    if kinds.is_place(first.text):
        return False
    guessed = labels <= GUESS_LABELS and all(
        (w.proper and not w.familiar) or w.text in proper_words if w.label else w.proper or kinds.is_name(w.text)
        for w in words)
    # A name opens it and the rest are names too ("María", "Emeka Adeyemi", "Blessing
    # Precious Bishop" read as an organisation, "King Will Long" as the title of a work,
    # "Lan Nampa" as a town), not "York Times".
    given = (kinds.is_given(first.text) or given_here(text, first) or _unit_opened(words)) and (
        not first.familiar or all(kinds.is_name(w.text) or w.proper and not (w.familiar and w.common)
                                  for w in words[1:]))
    # Proper nouns that are no everyday words, one unknown to the vocabulary, owning
    # something ("Jatupat Nampa's winner", read as an organisation): as likely a person.
    unknown = labels <= GUESS_LABELS and len(words) > 1 and all(w.proper and not w.common for w in words) and (
        not all(w.familiar for w in words)) and text.startswith(("'s", "’s"), run[-1].end)
    return (given or guessed or unknown or _family(words) or _owner_read_as_place(text, run, labels)
            or _family_read_as_organisation(text, words, labels) or speaker(text, words))


def given_here(text: str, word: Word) -> bool:
    """A month, a day, a title or a sentence word that is a given name where it stands: "Jan
    Kubis", "physician Justice Street" (titles do not stack after a role), "Will, Priya,
    Rustam, welcome" (a list of given names)."""
    return (calendar_name(text, word.start, word.text) or given_after_role(text, word.start, word.text)
            or given_in_list(text, word.start, word.text))


def _unit_opened(words: list[Word]) -> bool:
    """A prefix that makes a given name with the name after it ("Abu Zaid", "Umm Kulthum";
    not "Abu Dhabi", whose second word is no name)."""
    return len(words) > 1 and fold(words[0].text) in NAME_UNIT_PREFIXES and lexicon().is_name(words[1].text)


def _family(words: list[Word]) -> bool:
    """Family names only, one at least a word the model's vocabulary does not know, however
    it reads them: "bow to Tulegenov", "García Márquez's trip" (read as places); not
    "Costa Rica" or "Sierra Leone", words it knows. Or proper nouns the vocabulary knows none
    of, closing on a family name: "the case of Aizada Kuanyshbayeva in Almaty" (a place)."""
    if not all(w.proper for w in words) or all(w.familiar for w in words):
        return False
    family = [lexicon().is_family(w.text) or family_shaped(w.text) for w in words]
    return all(family) or family[-1] and not any(w.familiar for w in words)


def _opened_by_particle(text: str, run: list[Word]) -> bool:
    """A particle written small opens the name, no capitalised word before it: "the eve of
    del Valle's trip", "met van der Berg" (read as a place: "Valle" is one too)."""
    return _PARTICLES_BEFORE.search(text, max(0, run[0].start - 30), run[0].start) is not None


def _family_read_as_organisation(text: str, words: list[Word], labels: set[str]) -> bool:
    """One word the lexicon knows as a family name, and as no place and no everyday word,
    that the model guesses is an organisation: "claims Okafor is deportable" (not "the
    House", "Law"). A firm named for a family becomes a possible name too, for the editor
    to dismiss."""
    word, kinds = words[0], lexicon()
    return (len(words) == 1 and labels <= GUESS_LABELS and word.proper and not word.common
            and kinds.is_family(word.text) and not kinds.is_place(word.text) and word.text not in AGENCIES)


def _owner_read_as_place(text: str, run: list[Word], labels: set[str]) -> bool:
    """Family names owning something, read as a place, as the model reads a possessive before
    a place's name ("since Truong's Moscow visit"): not a place the lexicon knows ("Jordan's")."""
    kinds = lexicon()
    return labels <= {"GPE", "LOC"} and text.startswith(("'s", "’s"), run[-1].end) and all(
        w.proper and (kinds.is_family(w.text) or family_shaped(w.text)) and not kinds.is_place(w.text)
        for w in run if not w.particle)


def speaker(text: str, words: list[Word]) -> bool:
    """A given name and a proper noun or two the model guesses are an organisation, before a
    verb of speaking or a person's affiliation: "Minh Nampa says", "Arnon Nampa, of Common
    Defense, shouts". Organisations speak too, but rarely under a given name. Alone, a word
    the lexicon knows as a family name and no ordinary word, before a verb of speaking
    ("Nyokabi told AFP", read as a place)."""
    if not (len(words) <= 3 and all(w.proper for w in words)):
        return False
    after = text[words[-1].end:words[-1].end + 40]
    if len(words) > 1 and regex.match(AFFILIATION, after):
        return True
    verb = regex.match(r"[ \t]+(\p{Ll}+)\b", after)
    if verb is None or verb.group(1) not in SPEECH_VERBS:
        return False
    if len(words) > 1:
        return lexicon().is_given(words[0].text)
    return not words[0].common and lexicon().is_family(words[0].text)  # not "Rule of Law told"
