"""The text a decision prints in place of a name: first name, initials, placeholder, pseudonym.

Plain Python with no Presidio or spaCy behind it, so the desktop app can show a changed
action's replacement at once, before the engine has loaded.
"""

from __future__ import annotations

from redactor import PLACEHOLDER
from redactor.cues import FAMILY_FIRST
from redactor.names import fold, initials, is_initial, tokens


def replacement_for(name: str, action: str, number: int = 1, placeholder: str = PLACEHOLDER) -> str:
    """The default replacement text for a person under ``action``."""
    return {"keep": name, "first_name": given_name(name), "initials": initials(name),
            "placeholder": placeholder, "pseudonym": f"Source {_letters(number)}",
            "remove": ""}[action]


def given_name(name: str) -> str:
    """The part of a name AP style keeps: the first name, or the given name of a Chinese name.

    "Lam Yik Fei" is family name first: keeping "Lam" would keep the surname, so the given
    name "Yik Fei" is kept instead.
    """
    words = [t for t in tokens(name) if not is_initial(t)] or tokens(name) or [name]
    if len(words) == 3 and fold(words[0]) in FAMILY_FIRST and all(len(w) <= 5 for w in words[1:]):
        return f"{words[1]} {words[2]}"
    return words[0]


def _letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
