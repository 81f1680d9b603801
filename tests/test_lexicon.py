"""The name lexicon: rebuilt from its source, it is the file the package ships; it knows
names from many countries and scripts, and what each word can be."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from redactor.lexicon import Lexicon, lexicon

ROOT = Path(__file__).resolve().parents[1]


def test_the_shipped_lexicon_is_what_the_builder_makes_from_its_pinned_source():
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "build_lexicon.py"), "--check"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr


def test_names_from_many_countries_and_scripts_are_known():
    names = lexicon()
    # Latin-script lists, and transliterations of Cyrillic, Georgian, Armenian and Greek lists.
    for given in ("Emeka", "Wanjiru", "Mehmet", "Priya", "Joao", "Yulia", "Yuliya", "Giorgi", "Oleh"):
        assert names.is_given(given), given
    for family in ("Okonkwo", "Yilmaz", "Kovalenko", "Beridze", "Hovhannisyan", "Papadopoulos"):
        assert names.is_family(family), family
    assert names.is_given("Ka-ho") or names.kinds("Ka-ho") == ""  # hyphenated: known by its parts
    assert names.is_place("Kenya") and names.is_place("Georgia") and names.is_given("Georgia")
    assert names.is_han_surname("陳")


def test_russian_names_are_known_as_the_press_spells_them():
    """Дмитрий, Евгений, Елена, Елисеев: "Dmitry", "Yevgeny", "Yelena", "Yeliseyev" and
    "Eliseev" as wire copy writes them, not only "Dmitrii" or "Evgenii"."""
    names = lexicon()
    for given in ("Dmitry", "Dmitriy", "Yevgeny", "Yelena", "Anatoly", "Gennady", "Yury", "Yuriy"):
        assert names.is_given(given), given
    for family in ("Yeliseyev", "Eliseev"):
        assert names.is_family(family), family


def test_a_word_it_does_not_know_is_no_kind_and_folding_is_the_engines():
    names = Lexicon("nurlanov\tf\nzoe\tg\n")
    assert names.kinds("NURLANOV") == "f" and names.is_given("Zoë") and names.kinds("table") == ""


def test_the_shipped_word_list_is_what_the_builder_makes_from_its_pinned_source():
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "build_words.py"), "--check"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr


def test_ordinary_words_are_told_from_names_the_models_vocabulary_also_knows():
    """"Young", "Free", "Said" are everyday words; "Okafor", "Minh", "Nampa", "Sochi" have word
    vectors in the model but are no ordinary words."""
    from redactor.words import is_ordinary

    for word in ("young", "Free", "SAID", "justice", "street", "supreme"):
        assert is_ordinary(word), word
    for name in ("Okafor", "Minh", "Nampa", "Khin", "Tsz-kin", "Nurlanov"):
        assert not is_ordinary(name), name
