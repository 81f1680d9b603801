"""The text a decision prints in place of a name, and the rule that it never prints a withheld one.

Plain Python with no Presidio or spaCy behind it, so the desktop app can show a changed
action's replacement, and mark one that would print a withheld name, before the engine
has loaded.
"""

from __future__ import annotations

from redactor import PLACEHOLDER
from redactor.cues import FAMILY_FIRST, GIVEN_ABBREVIATIONS, NAME_UNIT_PREFIXES, PARTICLES
from redactor.decisions import Decisions, DecisionsError, Person
from redactor.leaks import withheld_tokens
from redactor.lexicon import lexicon
from redactor.names import fold, initials, is_caps, is_initial, tokens


def replacement_for(name: str, action: str, number: int = 1, placeholder: str = PLACEHOLDER) -> str:
    """The default replacement text for a person under ``action``.

    A first name that cannot be told from the family name ("Lam Yik Fei") falls back to
    the placeholder: printing the wrong part would print the surname.
    """
    if action == "first_name":
        return given_name(name) or placeholder
    return {"keep": name, "initials": initials(name), "placeholder": placeholder,
            "pseudonym": f"Source {_letters(number)}", "remove": ""}[action]


def given_name(name: str) -> str:
    """The one word AP style keeps: the first word of a given-name-first name, or "".

    Only its first word, and of a hyphenated given name its first part ("Tsz-kin" gives
    "Tsz"): the rest could be read as a surname. "" where the family name may come first
    (a Chinese family name opening a three-part name, or a first word the lexicon knows
    only as a family name before a last word it knows only as a given name): which word
    is the given name is then not shown, and the caller withholds the whole name.
    """
    every = tokens(name)
    if not every or fold(every[0]) in PARTICLES or every[0].islower() and not name.islower():
        return ""  # "bin Hamdan", "de la Vega", "DA SILVA", "dul Valle": a family name alone
    if is_initial(every[0]):
        return ""  # "T. Mukwena": the given name is an initial, the one word left a surname
    if len(every) > 2 and fold(every[1]) == "y":
        return ""  # "ORTEGA Y GASSET": two family names joined, no given name before them
    if fold(every[0]) in NAME_UNIT_PREFIXES:
        return ""  # "Abd El-Fattah": a name unit, perhaps the family name, not a given name
    words = [t for t in every if not is_initial(t) and fold(t) not in PARTICLES]
    if len(words) > 2 and fold(words[0].rstrip(".")) in GIVEN_ABBREVIATIONS:
        words = words[1:]  # "Md. Rafiqul Islam Shuvo" is called Rafiqul
    if len(words) > 1 and (_family_first([t for t in every if not is_initial(t)], any(map(is_initial, every)))
                           or fold(words[0]) in {fold(w) for w in words[1:]}):
        return ""  # "Poh Poh": the first word is the last one too, which would print the surname
    return words[0].split("-")[0] if "-" in words[0].strip("-") else words[0]


def _family_first(words: list[str], initialled: bool = False) -> bool:
    """The family name may come first: in capitals before a name that is not ("KWOK Ka-ki"),
    a Chinese or Vietnamese family name before a given name ("Lam Yik Fei", "Wong Ka-ho",
    "Yu Wensheng", where the second word is no family name and no initial stands between), or
    a word the lexicon knows only as a family name before one it knows only as a given name."""
    first, last = words[0], words[-1]
    if is_caps(first) and not is_caps(last):
        return True
    kinds = lexicon()
    pinyin = not (kinds.is_family(last) or initialled)  # not "Kim Jones", nor "Nam Y. Huh"
    if fold(first) in FAMILY_FIRST and (len(words) == 3 and all(len(w) <= 5 for w in words[1:])
                                        or len(words) == 2 and ("-" in last or pinyin)):
        return True
    if kinds.is_family(first) and not kinds.is_given(first) and all(kinds.is_family(w) for w in words[1:]):
        return True  # "GARCÍA MÁRQUEZ": family names only, no given name shown
    return (kinds.is_family(first) and not kinds.is_given(first)
            and kinds.is_given(last) and not kinds.is_family(last))


def printed_withheld(decisions: Decisions) -> list[tuple[Person, str]]:
    """Every (person, word) where a replacement the review prints is a name it withholds.

    "S. Zhunusova" typed as one mention's replacement prints the surname the review
    withholds: planning edits refuses such a review, and the app marks the replacement.
    """
    withheld = {token for person in decisions.persons for token in withheld_tokens(person)}
    found = []
    for person in decisions.persons:
        if person.action == "keep":
            continue
        values = {person.replacement} | {m.replacement for m in person.mentions
                                         if m.replacement is not None and m.replacement != m.text}
        words = {fold(t.rstrip(".")) for value in values for t in tokens(value)}
        words |= {part for word in words for part in word.split("-")}
        found += [(person, word) for word in sorted(words & withheld)]
    return found


def check_replacements(decisions: Decisions) -> None:
    """Refuse a review whose replacements print a withheld name (see ``printed_withheld``),
    a generalised detail's replacement included ("his sister Saule" -> "his sister Saule N.")."""
    for person, word in printed_withheld(decisions):
        raise DecisionsError(f"person {person.id}: a replacement prints '{word}', a name the review "
                             "withholds; change that replacement")
    withheld = {token for person in decisions.persons for token in withheld_tokens(person)}
    for _, detail in decisions.all_details():
        words = {fold(t.rstrip(".")) for t in tokens(detail.replacement)}
        if detail.action == "generalise" and words & withheld:
            raise DecisionsError(f"the detail '{detail.text}' is generalised to '{detail.replacement}', "
                                 f"which prints '{sorted(words & withheld)[0]}', a name the review "
                                 "withholds; change that replacement")


def _letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
