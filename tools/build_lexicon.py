"""Distil the name lexicon Redactor ships from Faker's person and address data.

Usage (from the repository root, in the dev environment, which pins Faker)::

    .venv/bin/python tools/build_lexicon.py            # rewrites redactor/data/names.txt
    .venv/bin/python tools/build_lexicon.py --check    # exit 1 if the shipped file is stale

Faker (MIT licence, maintained) keeps lists of common given names and surnames for some
eighty locales, compiled from public statistics and reference works: no personal records.
Names written in Cyrillic, Greek, Georgian or Armenian are transliterated the ways the
English-language press writes them (a few spellings each); scripts without a settled
romanisation (Arabic, Hebrew, the Indic scripts, Thai, Hangul) are left out, and their
Latin-script neighbours (en_PK, fr_DZ, en_IN, ...) stand in. Han-character surnames are
kept as they are, for names written in Chinese characters inside English text. Country
and US state names come from Faker's address data, so a span can stop at "Georgia".

The output is one line per folded word: ``word<TAB>kinds`` where kinds are ``g`` (given
name), ``f`` (family name), ``p`` (place), ``h`` (Han surname). Sorted, so a rebuild
gives the same bytes, and a test checks that it does.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator

from distilled import ROOT, main  # tools/, beside this script

sys.path.insert(0, str(ROOT))

from spacy.lang.en.stop_words import STOP_WORDS  # noqa: E402

from redactor.cues import PARTICLES  # noqa: E402
from redactor.names import fold  # noqa: E402  (the same folding the engine uses to look up)

OUTPUT = ROOT / "redactor" / "data" / "names.txt"
_GIVEN = re.compile(r"^(?:first_names?|first_names_\w+|first_romanized_names\w*|middle_names\w*)$")
_FAMILY = re.compile(r"^(?:last_names?|last_names_\w+|last_romanized_names|\w*_last_names)$")

# Letters to Latin as English-language news copy spells them. Each value lists spellings,
# the first the usual one; a word gets every combination of its letters' spellings, capped.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": ("e", "ye"), "ё": ("yo", "e"),
    "ж": "zh", "з": "z", "и": "i", "й": ("y", "i"), "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": ("kh", "h"),
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": ("shch", "sht"), "ъ": ("", "a"), "ы": "y", "ь": "",
    "э": "e", "ю": ("yu", "iu"), "я": ("ya", "ia"), "є": ("ye", "ie"), "і": "i", "ї": ("yi", "i"),
    "ґ": "g", "ѓ": "gj", "ќ": "kj", "ѕ": "dz", "ј": "j", "љ": "lj", "њ": "nj", "џ": "dzh",
}
_UKRAINIAN_G = {"г": ("h", "g")}  # Ukrainian г is h: Oleh, Hryhoriy
# The press ends Дмитрий, Юрий, Евгений in "y" (Dmitry, Yury, Yevgeny), as well as in "iy" or
# "ii"; and opens Евгений, Елена with "Ye" (a word's first letter is looked up as "^" + letter).
_CYRILLIC_PAIRS = {"ий": ("y", "iy", "ii"), "ый": ("y", "iy"), "^е": ("ye", "e")}
_GREEK = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i",
    "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
    "ς": "s", "τ": "t", "υ": ("y", "i"), "φ": "f", "χ": ("ch", "h"), "ψ": "ps", "ω": "o",
}
_GREEK_PAIRS = {"ου": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "μπ": ("b", "mp"), "ντ": ("nt", "d"),
                "γκ": ("g", "gk"), "γγ": "ng", "αυ": ("av", "af"), "ευ": ("ev", "ef")}
_GEORGIAN = dict(zip("აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
                     ["a", "b", "g", "d", "e", "v", "z", "t", "i", "k", "l", "m", "n", "o", "p",
                      "zh", "r", "s", "t", "u", "p", "k", "gh", "q", "sh", "ch", "ts", "dz", "ts",
                      "ch", "kh", "j", "h"]))
_ARMENIAN = dict(zip("աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցփքօֆ",
                     ["a", "b", "g", "d", "e", "z", "e", "y", "t", "zh", "i", "l", "kh", "ts", "k",
                      "h", "dz", "gh", "ch", "m", "y", "n", "sh", "o", "ch", "p", "j", "r", "s", "v",
                      "t", "r", "ts", "p", "k", "o", "f"]))
_ARMENIAN_PAIRS = {"ու": "u", "և": "yev"}
MAX_SPELLINGS = 4


def _bare(letter: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", letter) if not unicodedata.combining(c))


def _spellings(word: str, table: dict, pairs: dict | None = None) -> list[str]:
    """Every Latin spelling of ``word`` under ``table`` (at most MAX_SPELLINGS), or []."""
    # Accents the table does not spell go ("ά" is "α"); letters it does stay ("й", "ё").
    word = "".join(c if c in table else _bare(c) for c in unicodedata.normalize("NFC", word.lower()))
    pieces: list[tuple[str, ...]] = []
    i = 0
    while i < len(word):
        pair = "^" + word[0] if not i and pairs and "^" + word[0] in pairs else word[i:i + 2]
        if pairs and pair in pairs:
            value, i = pairs[pair], i + len(pair) - pair.count("^")
        elif word[i] in table:
            value, i = table[word[i]], i + 1
        elif word[i] in "-' ":
            value, i = word[i], i + 1
        else:
            return []  # a letter the table does not know: no guess
        pieces.append((value,) if isinstance(value, str) else tuple(value))
    # The usual spelling first, then those with one letter spelt the other way, and so on.
    out = [("", 0)]
    for options in pieces:
        out = sorted(((o + choice, n + (k > 0)) for o, n in out for k, choice in enumerate(options)),
                     key=lambda spelt: spelt[1])[:MAX_SPELLINGS * 4]
    spellings = [o for o, _ in out]
    return sorted(set(spellings), key=spellings.index)[:MAX_SPELLINGS]


def _latin(word: str, locale: str) -> list[str]:
    """``word`` in Latin letters: as it is, or transliterated, or [] if not possible."""
    scripts = {unicodedata.name(c, " ").split()[0] for c in word if c.isalpha()}
    if scripts <= {"LATIN"}:
        return [word]
    if scripts == {"CYRILLIC"}:
        table = {**_CYRILLIC, **_UKRAINIAN_G} if locale.startswith("uk") else _CYRILLIC
        return _spellings(word, table, _CYRILLIC_PAIRS)
    if scripts == {"GREEK"}:
        return _spellings(word, _GREEK, _GREEK_PAIRS)
    if scripts == {"GEORGIAN"}:
        return _spellings(word, _GEORGIAN)
    if scripts == {"ARMENIAN"}:
        return _spellings(word, _ARMENIAN, _ARMENIAN_PAIRS)
    return []


def _values(provider: type, pattern: re.Pattern[str]) -> Iterator[str]:
    for attribute in dir(provider):
        if pattern.match(attribute):
            value = getattr(provider, attribute)
            if isinstance(value, (list, tuple, dict)):
                yield from (v for v in value if isinstance(v, str))


def _words(names: Iterable[str], locale: str) -> Iterator[str]:
    """Folded name words (hyphenated names also by part), particles left out; a name that is
    also an English function word ("Will", "May") comes with a leading "*"."""
    for name in names:
        for word in re.split(r"[\s.]+", name):
            for latin in _latin(word, locale):
                folded = fold(latin).strip("-'")
                if len(folded) < 2 or folded in PARTICLES:
                    continue
                if folded in STOP_WORDS:
                    # As evidence of a name in general, an English word is none; as a given
                    # name it counts only as written ("Will"), not once folded ("Thế").
                    if latin.strip("-'").lower() == folded:
                        yield "*" + folded
                    continue
                yield folded
                if "-" in folded:
                    yield from (p for p in folded.split("-") if len(p) > 1 and p not in PARTICLES)


def _han_surnames(provider: type) -> Iterator[str]:
    for name in _values(provider, re.compile(r"^last_names$")):
        if name and all(unicodedata.name(c, "").startswith("CJK") for c in name):
            yield name


def build() -> str:
    """The lexicon file's text."""
    import faker.providers.address.en_US as us_address
    import faker.providers.person as person

    kinds: dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for kind, pattern in (("g", _GIVEN), ("f", _FAMILY)):
            for word in _words(_values(provider, pattern), module.name):
                if word.startswith("*"):
                    if kind == "g":  # a given name that is a word: "Will Long"
                        kinds.setdefault(word[1:], set()).add("w")
                else:
                    kinds.setdefault(word, set()).add(kind)
        if module.name.startswith("zh"):
            for han in _han_surnames(provider):
                kinds.setdefault(han, set()).add("h")
    for place in list(us_address.Provider.countries) + list(us_address.Provider.states):
        kinds.setdefault(fold(place), set()).add("p")
    return "".join(f"{word}\t{''.join(sorted(k))}\n" for word, k in sorted(kinds.items()))


def _summary(text: str) -> str:
    counts = {k: sum(k in line.split("\t")[1] for line in text.splitlines()) for k in "gfphw"}
    return f"{len(text.splitlines())} words, {counts}"


if __name__ == "__main__":
    sys.exit(main(__doc__.splitlines()[0], OUTPUT, build, _summary))
