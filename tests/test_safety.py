"""Fail safe: an editor who accepts every suggestion never gets a copy called clean that
still prints the surname of a person at risk, and a mention detection misses is caught by
the second reading.

Each case is a short piece of wire copy written for this test: a person at risk named in
one of the frames news stories use (an age, a first-name frame, a detention, a role that
could go either way, a list, a caption, capitals, a hard-wrapped line...), with a name
from one of many naming traditions, beside a public official who should be kept. The
names are invented; the frames are the ones the issue lists as failures, and more.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from redactor.cues import PARTICLES
from redactor.decisions import Decisions
from redactor.documents import read_document
from redactor.engine import Engine
from redactor.leaks import BESIDE, UNREVIEWED, WITHHELD
from redactor.names import fold

pytestmark = pytest.mark.model

OFFICIAL = "Interior Minister Arvid Hollstrom said order had been restored."

# (given, family) from many naming traditions, invented for these tests.
NAMES = [
    ("Aigerim", "Tulegenova"), ("Kairat", "Omarbekov"), ("Saule", "Zhunusova"),
    ("Bakyt", "Sadyrbekov"), ("Siarhei", "Kavalenka"), ("Levan", "Kapanadze"),
    ("Anahit", "Grigoryan"), ("Parisa", "Rezaeian"), ("Mahmoud", "al-Rashidi"),
    ("Salem", "bin Hamdan"), ("Elif", "Karakaya"), ("Kyaw Zin", "Htet"),
    ("Wanjiru", "Kamau"), ("Chinedu", "Okafor"), ("Oluwaseun", "Adebayo"),
    ("María", "de la Vega"), ("Pieter", "van der Berg"), ("Hope", "Bishop"),
    ("Grant", "Young"), ("Łukasz", "Wróbel"), ("Jean-Luc", "Moreau"),
    ("Thandiwe", "Mthembu"), ("Rakibul", "Hossain"), ("Gogi", "Beridze"),
]


@dataclass(frozen=True)
class Case:
    frame: str
    given: str
    family: str

    def text(self) -> str:
        up = {"G_UP": self.given.upper(), "F_UP": self.family.upper()}
        return (self.frame.format(G=self.given, F=self.family, **up) + "\n\n" + OFFICIAL + "\n")

    def withheld_words(self) -> list[str]:
        """The words of the family name a copy may not print (particles are ordinary words)."""
        return [w for w in re.split(r"[\s-]+", self.family) if w.lower() not in PARTICLES]


# Wire-copy frames: {G} given name, {F} family name; a later "{F}" is the surname alone.
FRAMES = [
    "{G} {F}, 24, was detained outside the city hall on Tuesday, witnesses said. {F}'s lawyer "
    "said no charge had been filed.",
    "A protester, {G} {F}, said she had been beaten in custody. \"They kicked me,\" {F} said.",
    "{G} {F} told The Associated Press that police fired tear gas. {F} was released on Friday.",
    "Police detained {G} {F} after the rally in the capital. {F} denies the charges.",
    "Protest coordinator {G} {F} said the march would go ahead. Hours later {F} was arrested.",
    "A young activist, {G} {F}, said she had been followed for weeks. {F} now sleeps at a "
    "friend's flat.",
    "Union member {G} {F} said he feared arrest. {F} has not been seen since Sunday.",
    "By Sunday evening, {G} {F}, 24, a student, had been detained. Friends said {F} had only "
    "been filming.",
    "From the balcony, a protester named {G} {F} shouted slogans until police broke down "
    "the door. {F} was taken away.",
    "\"We were not armed,\" said {G} {F}, a 25-year-old social worker. {F} spent two nights "
    "in a cell.",
    "The trial of {G} {F} opened on Wednesday. Prosecutors say {F} organised the strike.",
    "Her brother, {G} {F}, was among those sentenced on Monday. {F}, 31, was given five years.",
    "The protesters told The Associated Press they would return. {F}'s brother said {G} had "
    "been taken away at night.",
    "Relatives of the detained gathered outside the court, where {G} {F} was due to appear "
    "in the\nafternoon. Supporters of {F} chanted outside.",
    "DETAINED: {G_UP} {F_UP}\n\nThe student was held overnight, her lawyer said. {F} was "
    "released on bail.",
    "{G} {F} holds a banner outside the court in the capital on Monday. (AP Photo/Marek "
    "Dunmoor)\n\n{F} was later detained.",
    "Among those held were a teacher and {G} {F}, a driver who had joined the strike. "
    "{F}'s wife said he was beaten.",
]

# Six names per frame, every (frame, name) pair different: 7 is prime to the number of names.
CASES = [Case(FRAMES[i % len(FRAMES)], *NAMES[7 * i % len(NAMES)]) for i in range(6 * len(FRAMES))]


@pytest.fixture(scope="module")
def outcomes(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> dict[Case, tuple]:
    """Every case detected, every suggestion accepted, saved: (review, saved copy)."""
    folder = tmp_path_factory.mktemp("safety")
    found = {}
    for number, case in enumerate(CASES):
        draft = folder / f"draft{number}.txt"
        draft.write_text(case.text(), encoding="utf-8")
        document = read_document(draft)
        decisions = engine.analyze(document)
        for person in decisions.persons:
            person.reviewed = True
        found[case] = (document, decisions, engine.save(document, decisions, folder / f"copy{number}.txt"))
    return found


def _prints(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


@pytest.mark.parametrize("case", CASES, ids=[f"{c.given}-{c.family}-{i % len(FRAMES)}" for i, c in enumerate(CASES)])
def test_accepting_every_suggestion_never_gives_a_clean_copy_with_a_surname(outcomes, case):
    document, decisions, saved = outcomes[case]
    assert len(set(CASES)) == len(CASES) >= 80
    copy = saved.path.read_text(encoding="utf-8")
    left = [word for word in case.withheld_words() if _prints(copy, word)]
    assert not (saved.clean and left), f"called clean with {left} in: {copy!r}"
    if left:  # not clean: the finding says what is left
        assert {f.token.lower() for f in saved.findings} & {w.lower() for w in left} or any(
            f.kind in (BESIDE, UNREVIEWED) for f in saved.findings), saved.findings


def test_most_copies_are_clean_when_the_suggestions_are_right(outcomes):
    """Failing safe must not mean failing always: the tool is of use only if it can call
    a correct copy clean."""
    clean = [case for case, (_, _, saved) in outcomes.items() if saved.clean]
    assert len(clean) >= 0.85 * len(CASES), [
        (c.given, c.family, [(f.kind, f.token) for f in outcomes[c][2].findings][:3])
        for c in CASES if c not in clean][:10]


def test_the_official_beside_them_is_kept(outcomes):
    lost = [(case.given, case.family, [(p.name, p.action) for p in decisions.persons])
            for case, (_, decisions, _) in outcomes.items()
            if not any(p.name.endswith("Hollstrom") and p.action == "keep" for p in decisions.persons)]
    assert lost == []


@pytest.mark.parametrize("case", CASES[::4], ids=[f"{c.given}-{c.family}" for c in CASES[::4]])
def test_a_person_detection_missed_entirely_is_caught_by_the_second_reading(engine, outcomes, case,
                                                                           tmp_path: Path):
    """Take the person at risk out of the review, as if detection had never seen them: the
    copy then prints their name, and the second reading must say so."""
    document, decisions, _ = outcomes[case]
    words = {w.lower() for w in case.withheld_words()}
    persons = [p for p in decisions.persons
               if not any(set(re.split(r"[\s-]+", m.text.lower())) & words for m in p.mentions)]
    missed = Decisions(decisions.document_path, decisions.document_sha256, persons)
    saved = engine.save(document, missed, tmp_path / "copy.txt")
    assert not saved.clean and not (tmp_path / "copy.txt").exists()
    assert any(f.kind == UNREVIEWED and set(re.split(r"[\s-]+", f.token.lower())) & words
               for f in saved.findings), saved.findings


@pytest.mark.parametrize("case", CASES[1::4], ids=[f"{c.given}-{c.family}" for c in CASES[1::4]])
def test_a_mention_detection_missed_is_caught_by_the_second_reading(engine, outcomes, case,
                                                                   tmp_path: Path):
    """Drop the person's last mention from the review: the surname printed there is found."""
    document, decisions, _ = outcomes[case]
    decisions = copy.deepcopy(decisions)
    words = {fold(w) for w in case.withheld_words()}
    mentions = [(p, m) for p in decisions.persons if p.action != "keep" for m in p.mentions
                if set(re.split(r"[\s'’-]+", fold(m.text))) & words]
    if len(mentions) < 2:
        pytest.skip("the person has one mention only here")
    person, last = mentions[-1]
    person.mentions = [m for m in person.mentions if m is not last]
    saved = engine.save(document, decisions, tmp_path / "copy.txt")
    assert not saved.clean
    assert any(f.kind == WITHHELD and f.token in words for f in saved.findings), saved.findings


def test_a_given_name_left_before_a_printed_first_name_is_found_even_if_it_is_also_a_word(
        engine, complete, tmp_path: Path):
    """Detection found the name without its first word, and suggested its second word as
    the first name: "Aye Thida Khaing" printed as "Aye Thida". "Aye" is a word the model's
    vocabulary knows, but the tagger reads it as a proper noun there: a name word beside
    the replacement, so the copy is not called clean."""
    from redactor.decisions import Mention, Person

    text = ("Poetry is read on the roofs of cars. Aye Thida Khaing, a DJ, looks around in "
            "wonder.\n\nThe square was quiet by midnight.\n")
    path = tmp_path / "square.txt"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    start = text.index("Thida")
    partial = Person("p1", "Thida Khaing", "private", "first_name", "Thida",
                     [Mention(start, start + len("Thida Khaing"), "Thida Khaing")], reviewed=True)
    decisions = complete(document, Decisions(str(path), document.sha256, [partial]))
    saved = engine.save(document, decisions, tmp_path / "copy.txt")
    assert not saved.clean
    assert ("Aye", BESIDE) in {(f.token, f.kind) for f in saved.findings}


def test_a_private_frame_beats_a_title_like_first_name(engine, tmp_path: Path):
    """"One of the striking workers, Justice Street": "Justice" reads as a judge's title, but
    the frame says a worker speaks; the surname must not be kept."""
    text = ("Oil workers went on strike in the western region.\n\nOne of the striking workers, "
            "Justice Okoro, told reporters on Friday that the wells had stopped.\n\n"
            '"I hope more workers will join," Okoro said.\n')
    path = tmp_path / "strike.txt"
    path.write_text(text, encoding="utf-8")
    decisions = engine.analyze(read_document(path))
    okoro = [p for p in decisions.persons if any(m.text.endswith("Okoro") for m in p.mentions)]
    assert okoro and all(p.role == "private" and p.action != "keep" for p in okoro)


def _analyzed(engine, tmp_path: Path, text: str) -> Decisions:
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    return engine.analyze(read_document(path))


def test_another_persons_surname_before_a_comma_is_no_title(engine, tmp_path: Path):
    """"statements made by Frank Bishop, al-Harbi's former roommate": "Bishop" is a name,
    not an office that would make al-Harbi a public figure."""
    decisions = _analyzed(engine, tmp_path, (
        "1:24 p.m.: Court is back in session. al-Harbi remains on the stand.\n\n"
        "The prosecutor asks about statements made by Frank Bishop, al-Harbi's former roommate.\n"))
    harbi = [p for p in decisions.persons if any("al-Harbi" in m.text for m in p.mentions)]
    assert harbi and all(p.action != "keep" for p in harbi), [(p.name, p.reason) for p in harbi]


def test_an_arabic_name_unit_is_no_first_name(engine, tmp_path: Path):
    """"identified as Abd ul-Rahim (21)": "Abd" is no given name; the whole unit is withheld."""
    decisions = _analyzed(engine, tmp_path, (
        "Police said one of the victims, identified as Abd ul-Rahim (21), a student, had a "
        "gunshot wound.\n"))
    person = next(p for p in decisions.persons if "Rahim" in p.name)
    assert person.action != "first_name" and "Abd" not in person.replacement


def test_a_name_never_runs_across_a_labels_colon(engine, tmp_path: Path):
    decisions = _analyzed(engine, tmp_path, (
        "NWOSU: Still answer that question?\n\nHO: Repeat that question.\n\nNWOSU: Sure.\n\n"
        "HO: Not at all.\n"))
    assert not any(":" in m.text for p in decisions.persons for m in p.mentions)
    ho = [p for p in decisions.persons if p.name.upper() == "HO"]
    assert ho and ho[0].replacement.upper() != "HO"


def test_an_activist_whose_given_name_reads_as_a_title_is_not_kept(engine, tmp_path: Path):
    """"Student activist Justice Okafor says": "Justice" may be her given name; the role
    before it says she is an activist, so her surname is withheld, not kept."""
    decisions = _analyzed(engine, tmp_path, (
        "Thousands marched again. Student activist Justice Okafor says they are part of an "
        "opposition camp.\n\nJUSTICE OKAFOR: (Speaking Spanish).\n"))
    okafor = [p for p in decisions.persons if any("OKAFOR" in m.text.upper() for m in p.mentions)]
    assert okafor and all(p.action != "keep" for p in okafor), [(p.name, p.reason) for p in okafor]


def test_a_two_surname_label_is_withheld_whole(engine, tmp_path: Path):
    """"GARCÍA MÁRQUEZ:" names two family names; printing the first as a given name would
    print a surname."""
    decisions = _analyzed(engine, tmp_path, (
        "NWOSU: Where were you?\n\nGARCÍA MÁRQUEZ: At the corner.\n\nNWOSU: And then?\n\n"
        "GARCÍA MÁRQUEZ: I went home.\n"))
    person = next(p for p in decisions.persons if "rquez" in p.name.lower())
    assert "GARC" not in person.replacement.upper()


def test_a_name_after_a_job_is_proposed_even_when_read_as_an_organisation(engine, tmp_path: Path):
    decisions = _analyzed(engine, tmp_path, (
        "The trial of journalist Bakyt Tashkentova and physician Dmitry Tsikhanouskaya, which had "
        "been declared open, was closed.\n"))
    assert any(m.text == "Dmitry Tsikhanouskaya" for p in decisions.persons for m in p.mentions)


def test_a_surname_with_a_particle_in_capitals_is_no_first_name():
    """"DA SILVA:" as a speaker label: with the particle left out, "SILVA" is the surname."""
    from redactor.replacements import given_name

    assert given_name("DA SILVA") == "" and given_name("da Silva") == ""
    assert given_name("Maria da Silva") == "Maria"


def _accepted(engine, tmp_path: Path, text: str):
    """The draft analysed, every suggestion accepted and saved: (review, saved copy)."""
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    decisions = engine.analyze(document)
    for person in decisions.persons:
        person.reviewed = True
    return decisions, engine.save(document, decisions, tmp_path / "copy.txt")


def test_a_witness_named_only_by_a_label_that_is_a_sentence_word_is_withheld(engine, tmp_path: Path):
    """A transcript whose witness speaks only as "SAID:": the label opens lines before a
    colon, so it is a name, not the verb; a copy that still prints it is never called clean."""
    _, saved = _accepted(engine, tmp_path, (
        "OKONJO: So you saw nothing at all?\n\nSAID: Nothing at all.\n\nOKONJO: And the "
        "ambulance?\n\nSAID: Only what I saw.\n\nOKONJO: Nothing further.\n"))
    assert saved.clean and "SAID" not in saved.path.read_text(encoding="utf-8")


def test_a_middle_name_written_small_after_a_title_like_given_name_is_withheld(engine, tmp_path: Path):
    """"Justice rose Okereke, a DJ": "rose" is her middle name written small, after a given
    name that reads as a title; withheld with the surname, not left as a verb."""
    _, saved = _accepted(engine, tmp_path, (
        "Graffiti lines the walls. Justice rose Okereke, a DJ in Khartoum, looks around in "
        "wonder.\n\nJUSTICE ROSE OKEREKE: This revolution is beautiful.\n\nMANDLA: Thank you."
        "\n\nMANDLA: Back to you.\n"))
    copy = saved.path.read_text(encoding="utf-8")
    assert not saved.clean or not re.search(r"(?i)\brose\b|okereke", copy), copy


def test_a_name_opening_with_a_particle_after_a_full_stop_is_its_own(engine, tmp_path: Path):
    """"downtown Santiago. de la Fuente is a psychologist": the city ends a sentence; joined to
    the name, its replacement would print "Santiago", and the copy could not be saved."""
    decisions, saved = _accepted(engine, tmp_path, (
        "MENSAH: We're at a huge demonstration in downtown Santiago. de la Fuente is a "
        "psychologist. Like everyone here, she has come to protest.\n\nMENSAH: Thank you.\n"))
    assert not any(". de" in m.text for p in decisions.persons for m in p.mentions)
    assert "Fuente" not in saved.path.read_text(encoding="utf-8")


def test_a_title_inside_a_clause_after_a_name_is_another_persons(engine, tmp_path: Path):
    """"Nadia Haddad, who was with Justice Okoro when he was shot, testified": the title
    belongs to the name after it, and says nothing of Haddad, a witness at risk."""
    decisions = _analyzed(engine, tmp_path, (
        "Nadia Haddad, who was with Justice Okoro when he was shot in the head in August, "
        "testified on Monday.\n"))
    haddad = [p for p in decisions.persons if any("Haddad" in m.text for m in p.mentions)]
    assert haddad and all(p.action != "keep" for p in haddad), [(p.name, p.reason) for p in haddad]


def test_a_full_name_first_seen_after_a_public_figure_of_the_same_surname_is_not_kept(engine, tmp_path: Path):
    """"The Okonjo administration ... Okonjo's mandate" and, further down, "Tunde Okonjo's
    goal lifts Rivers United": a man who shares the president's surname, never described as
    one holding office, is weighed on his own, not kept with the president; and the copy
    that keeps the president's name is not called clean while it prints the surname
    withheld for him."""
    decisions, saved = _accepted(engine, tmp_path, (
        "The Okonjo administration has approved a third solar project in the north.\n\n"
        "Judges allowed Okonjo's requirement that health workers be vaccinated.\n\n"
        "Tunde Okonjo's late goal lifts Rivers United past Enyimba in the cup.\n"))
    tunde = [p for p in decisions.persons if any(m.text.startswith("Tunde") for m in p.mentions)]
    assert tunde and all(p.action != "keep" for p in tunde), [(p.name, p.action, p.reason) for p in tunde]
    president = [p for p in decisions.persons if any(m.text == "Okonjo" for m in p.mentions)]
    assert president and president[0].action == "keep"
    assert "Okonjo" in saved.path.read_text(encoding="utf-8") and not saved.clean


def test_a_lone_surname_two_persons_share_is_kept_only_where_it_shows_the_office(engine, tmp_path: Path):
    """President Okoro and a marcher, Tade Okoro, both in a transcript: the label "OKORO:"
    after the marcher speaks may be his, so it is not kept with the president's title."""
    decisions = _analyzed(engine, tmp_path, (
        "Marchers Demand The Exit Of President Okoro\n\n"
        "HOST: This month, Felix Okoro began a third term as president.\n\n"
        "Among the marchers is a man of 80 called Tade Okoro.\n\n"
        "TADE OKORO: I came because our children have left.\n\n"
        "HOST: How many of your family have gone?\n\n"
        "OKORO: Almost everyone.\n"))
    label = next(p for p in decisions.persons for m in p.mentions if m.text == "OKORO")
    assert label.action != "keep", (label.name, label.reason)
    title = next(p for p in decisions.persons for m in p.mentions if m.text == "Okoro" and p.action == "keep")
    assert "Okoro" in title.name


def test_a_modal_written_small_inside_a_name_after_a_day_that_is_a_given_name(engine, tmp_path: Path):
    """"Sunday will Okafor, a DJ in Khartoum": his middle name, written small, is a modal, and
    his given name a day; the three words are one name, in prose and in his speaker's label,
    and the headline's "They Will Not Leave" is no mention of him."""
    headline = "Protesters Say They Will Not Leave Until The Army Hands Over Power\n\n"
    decisions = _analyzed(engine, tmp_path, (
        headline +
        "REPORTER: For months, protesters have kept up a sit-in outside the army's headquarters.\n\n"
        "REPORTER: Women recite poetry on top of cars. Sunday will Okafor, a DJ in Khartoum, "
        "looks around in wonder.\n\n"
        "SUNDAY WILL OKAFOR: This revolution is beautiful.\n\n"
        "REPORTER: Thank you.\n"))
    texts = {m.text: p for p in decisions.persons for m in p.mentions}
    assert {"Sunday will Okafor", "SUNDAY WILL OKAFOR"} <= set(texts), sorted(texts)
    assert texts["Sunday will Okafor"].action != "keep"
    will = headline.index("Will")
    assert not any(m.start <= will < m.end for p in decisions.persons for m in p.mentions)


def test_a_kyrgyz_name_closing_on_whose_daughter_she_is_is_withheld_whole(engine, tmp_path: Path):
    """"Aiperi Bolot kyzy" ("daughter of Bolot") and later "Bolot kyzy said": the father's
    name is her family name; the copy names her "Aiperi", with no "Bolot" and no stray
    "kyzy", and another woman's "kyzy" is no leak of hers."""
    _, saved = _accepted(engine, tmp_path, (
        "OSH, Kyrgyzstan (AP) — Two women were detained after the rally.\n\n"
        "Aiperi Bolot kyzy, an activist, was released late Sunday. Bolot kyzy said she was "
        "questioned for nine hours. Nazira Asan kyzy, a teacher, is still held.\n"))
    copy = saved.path.read_text(encoding="utf-8")
    assert saved.clean and "Aiperi, an activist" in copy and "Aiperi said" in copy, copy
    assert "Bolot" not in copy and "kyzy" not in copy, copy
