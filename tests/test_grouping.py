"""Grouping detected spans into persons: pure logic, no model needed."""

from __future__ import annotations

from redactor.detection import Hit
from redactor.grouping import group
from redactor.facts import TextFacts
from redactor.variants import VariantIndex


def hits_for(text: str, *surfaces: str, hint: str = "") -> list[Hit]:
    """A hit on the first occurrence of each surface, as a recognizer would report it."""
    hits = []
    for surface in surfaces:
        start = text.index(surface)
        hits.append(Hit(start, start + len(surface), 0.85, "SpacyRecognizer", hint))
    return hits


def texts(person) -> list[str]:
    return [m.text for m in person.mentions]


def test_later_mentions_of_surname_and_first_name_join_the_person():
    text = ("Bezshan Nurlanov, 31, joined the march. Police held Nurlanov for a day. "
            "Bezshan said he was beaten. NURLANOV'S lawyer declined to comment.")
    [person] = group(text, hits_for(text, "Bezshan Nurlanov"))
    assert texts(person) == ["Bezshan Nurlanov", "Nurlanov", "Bezshan", "NURLANOV"]


def test_possessive_stays_outside_the_mention():
    text = "Marat Yessenov spoke. Yessenov's brother was arrested; Yessenov’s car was seized."
    [person] = group(text, hits_for(text, "Marat Yessenov", "Yessenov's"))
    assert texts(person) == ["Marat Yessenov", "Yessenov", "Yessenov"]
    assert all(text[m.end] in "'’" for m in person.mentions[1:])


def test_case_variants_are_one_person():
    text = "MARAT YESSENOV\n\nMarat Yessenov, a driver, said the crowd was calm."
    people = group(text, hits_for(text, "MARAT YESSENOV", "Marat Yessenov"))
    assert len(people) == 1
    assert people[0].name == "Marat Yessenov"


def test_shared_first_name_is_not_given_to_either_person():
    text = ("Alexander Dubrov and Alexander Petrenko were detained. "
            "Dubrov was released. Alexander said nothing.")
    people = group(text, hits_for(text, "Alexander Dubrov", "Alexander Petrenko"))
    lone = [p for p in people if p.name == "Alexander"]
    assert len(lone) == 1 and "could be" in lone[0].note
    dubrov = next(p for p in people if p.name == "Alexander Dubrov")
    assert texts(dubrov) == ["Alexander Dubrov", "Dubrov"]


def test_spelling_variant_is_grouped_and_marked():
    text = "Vikram Ruzakhunov was arrested. Ruzakhnunov later said he had been beaten."
    [person] = group(text, hits_for(text, "Vikram Ruzakhunov"))
    variant = person.mentions[-1]
    assert variant.text == "Ruzakhnunov" and variant.variant


def test_a_full_name_respelt_one_letter_a_word_is_one_person_and_sisters_are_two():
    """"identified as Saleh Omir (21)" and later "the passing of Salah Omar": the reporter's
    typos of one name. "Dana Haddad, 19, and her sister Dina Haddad" share a surname: two."""
    text = ("One victim, identified as Saleh Omir (21), was a student. The minister mourned "
            "the passing of Salah Omar and of Kemal Arslan.")
    people = group(text, hits_for(text, "Saleh Omir", "Salah Omar", "Kemal Arslan"))
    assert [texts(p) for p in people] == [["Saleh Omir", "Salah Omar"], ["Kemal Arslan"]]
    assert people[0].mentions[1].variant
    text = "Dana Haddad, 19, and her sister Dina Haddad, 22, were held."
    assert len(group(text, hits_for(text, "Dana Haddad", "Dina Haddad"))) == 2


def test_the_first_family_name_of_a_spanish_name_alone_is_that_person():
    """"María José Fuentealba Quispe, 19 ... Fuentealba's lawyer": Spanish names use the
    first of two family names alone; a middle given name alone is not the person's here
    ("Quang" of "Tran Quang Minh" may be anyone's given name)."""
    text = "Police blinded María José Fuentealba Quispe, 19. Fuentealba's lawyer will appeal."
    alone = text.rindex("Fuentealba")
    hits = hits_for(text, "María José Fuentealba Quispe") + [Hit(alone, alone + 10, 0.85, "SpacyRecognizer", "")]
    [person] = group(text, hits)
    assert texts(person) == ["María José Fuentealba Quispe", "Fuentealba"]
    text = "Police held Tran Quang Minh, 19. Quang said he was beaten."
    quang = text.rindex("Quang")
    hits = hits_for(text, "Tran Quang Minh") + [Hit(quang, quang + 5, 0.85, "SpacyRecognizer", "")]
    assert len(group(text, hits)) == 2


def test_a_span_over_two_names_of_a_list_is_two_names():
    """The model read "the passing of Okorie and Min Thant" as one person, whose first name
    would then print "Okorie": no name holds "and" or a comma between two others."""
    text = "My condolences on the passing of Okorie and Min Thant, and of Ngozi, Chiamaka too."
    people = group(text, hits_for(text, "Okorie and Min Thant", "Ngozi, Chiamaka"))
    assert sorted(p.name for p in people) == ["Chiamaka", "Min Thant", "Ngozi", "Okorie"]


def test_variant_index_needs_same_start_and_close_spelling():
    index = VariantIndex(["akhmetov", "alzhayev"])
    assert index.lookup("akhmetuv") == "akhmetov"
    assert index.lookup("alzhanov") == "alzhayev"
    assert index.lookup("bkhmetov") is None
    assert index.lookup("akhm") is None


def test_hyphenated_and_diacritic_names_group():
    text = "Kasym-Žomart Tokaev spoke. Tokaev's office said KASYM-ŽOMART TOKAEV would not resign."
    [person] = group(text, hits_for(text, "Kasym-Žomart Tokaev"))
    assert texts(person) == ["Kasym-Žomart Tokaev", "Tokaev", "KASYM-ŽOMART TOKAEV"]


def test_inner_run_of_a_long_name_joins_it():
    text = "A portrait of Mya Thwate Thwate Khaing was raised. Thwate Khaing was 20."
    people = group(text, hits_for(text, "Mya Thwate Thwate Khaing", "Thwate Khaing was"[:13]))
    assert len(people) == 1 and len(people[0].mentions) == 2


def test_place_words_proposed_by_the_model_alone_are_dropped():
    text = "Workers in Zhanaozen struck. Milton police said a Kalashnikov-type rifle was found."
    people = group(text, hits_for(text, "Zhanaozen", "Milton", "Kalashnikov"))
    assert people == []


def test_hinted_hit_is_kept_even_where_a_place_word_precedes():
    text = "The march in Tarvik was led by a protester named Ilyas."
    hits = [Hit(text.index("Ilyas"), text.index("Ilyas") + 5, 0.9, "ReportingFrameRecognizer", "private")]
    [person] = group(text, hits)
    assert person.hints == {"private"}


def test_initials_as_speaker_labels_join_the_person():
    text = "Hedda Lund: I was there.\nHL: We ran.\nHL: Then it stopped."
    starts = [i for i in range(len(text)) if text.startswith("HL:", i)]
    hits = hits_for(text, "Hedda Lund") + [Hit(s, s + 2, 0.9, "SpeakerLabelRecognizer") for s in starts]
    [person] = group(text, hits)
    assert texts(person) == ["Hedda Lund", "HL", "HL"]


def test_dateline_country_is_not_a_person():
    text = "PORT SELM, Morvania (AP) — Hundreds gathered outside the station."
    assert group(text, hits_for(text, "Morvania")) == []


def test_a_name_that_may_put_the_family_name_first_keeps_no_first_name():
    """Which of "Lam Yik Fei" is the given name is not shown: keeping "Lam" would keep the
    surname, so the whole name is withheld; given-name-first names keep their first word."""
    from redactor import PLACEHOLDER
    from redactor.replacements import given_name, replacement_for

    assert given_name("Lam Yik Fei") == "" and replacement_for("Lam Yik Fei", "first_name") == PLACEHOLDER
    assert given_name("Kelly Chan") == "Kelly"
    assert given_name("Nam Y. Huh") == "Nam"
    assert given_name("Tsz-kin Lau") == "Tsz"  # only the first part: "kin" could be read as a surname
    assert given_name("Maria de la Cruz") == "Maria"
    assert given_name("dul Valle") == ""  # a word written small before a capital: a particle, misspelt
    assert given_name("Ortega Y Gasset") == "" and given_name("José Ortega y Gasset") == "José"
    assert given_name("Md. Shafiqul Alam Ratul") == "Shafiqul"  # "Md.": Mohammad, cut short
    # Mainland and Vietnamese family names first: "Yu Wensheng", "Ha Huy Son"; not "Kim Jones".
    assert given_name("Yu Wensheng") == "" and given_name("Ha Huy Son") == ""
    assert given_name("Kim Jones") == "Kim"


def test_a_particle_misspelt_by_one_letter_joins_the_name():
    """"identified as dul Valle (21)", "the passing of dil Valle": the reporter's misspelling
    of "del" is still the particle of the name; a word the vocabulary knows is not."""
    from redactor.growth import extend

    text = "identified as dul Valle (21), and later at Valle."
    facts = TextFacts.of(text, proper=_spans_of(text, "Valle"), common_words={"identified", "as", "at", "and"})
    start = text.index("Valle")
    assert text[slice(*extend(text, start, start + 5, facts))] == "dul Valle"
    second = text.rindex("Valle")
    assert extend(text, second, second + 5, facts) == (second, second + 5)  # "at" is a word


def test_a_link_the_model_reads_as_a_name_is_trimmed_to_the_name():
    text = "Profile: https://example.org/profiles/Kairat-Abenov\nMore later."
    [person] = group(text, hits_for(text, "https://example.org/profiles/Kairat-Abenov"))
    assert texts(person) == ["Kairat-Abenov"]


def test_a_capitalised_city_opening_a_dateline_is_not_a_person():
    text = "ALMATY, Kazakhstan (AP) — Hundreds marched through the city centre."
    assert group(text, hits_for(text, "ALMATY")) == []


def test_an_address_hit_is_kept_as_written():
    text = "Write to mailto:ilyas.tokayev@example.org today."
    [person] = group(text, hits_for(text, "ilyas.tokayev", hint="address"))
    assert texts(person) == ["ilyas.tokayev"]


def test_a_name_wrapped_over_two_lines_is_one_person():
    text = "said protester Bezshan\n      Nurlanov, 24. Later Nurlanov left."
    [person] = group(text, hits_for(text, "Bezshan", "Nurlanov"))
    assert person.name == "Bezshan Nurlanov"
    assert texts(person) == ["Bezshan\n      Nurlanov", "Nurlanov"]


def test_two_full_names_on_consecutive_lines_stay_two_persons():
    text = "Detained:\nAigerim Nurlanova\nDana Sarsenova\n"
    people = group(text, hits_for(text, "Aigerim Nurlanova", "Dana Sarsenova"))
    assert [p.name for p in people] == ["Aigerim Nurlanova", "Dana Sarsenova"]


def test_a_name_alone_on_its_line_does_not_join_the_next_line():
    text = "Madina Orynbay\nWrite to the organisers."
    people = group(text, hits_for(text, "Madina Orynbay", "Write"))
    assert [p.name for p in people] == ["Madina Orynbay", "Write"]


def test_a_lone_name_word_is_not_added_where_the_model_saw_a_place():
    text = "Nurlanov Almaty\nThe rally in Almaty ended. Nurlanov left."
    start = text.index("Almaty", 20)
    [person] = group(text, hits_for(text, "Nurlanov Almaty"), TextFacts.of(text, places=[(start, start + 6)]))
    assert texts(person) == ["Nurlanov Almaty", "Nurlanov"]


def test_one_place_label_on_a_lone_name_is_not_enough_to_skip_it():
    """The model reads many unfamiliar names as places: once, at a sentence start, is a guess."""
    text = "A volunteer named Ysolde said the shelters were full.\n\nYsolde left."
    start = text.index("Ysolde left")
    [person] = group(text, hits_for(text, "Ysolde"), TextFacts.of(text, places=[(start, start + 6)]))
    assert texts(person) == ["Ysolde", "Ysolde"]


def test_a_wrapped_join_never_takes_a_role_word():
    text = "Embargoed: ask Madina Alieva\nProtester detained after the rally"
    people = group(text, hits_for(text, "Madina Alieva", "Protester"))
    assert "Madina Alieva" in [p.name for p in people]
    assert all("Protester" not in m.text for p in people if p.name == "Madina Alieva" for m in p.mentions)


def test_a_surname_found_after_its_hyphened_particle_takes_the_particle():
    """"el-Shozly (21)" framed as "Shozly": the copy must not print "el-" before the
    replacement, and the later "el-Shozly" is the same person."""
    text = ("One of the victims, identified as el-Qudsi (21), was a student. Relatives of "
            "el-Qudsi and of Dana Orazbayeva gathered at a pro-Orazbayeva rally.")
    start = text.index("Qudsi")
    people = group(text, [Hit(start, start + 5, 0.9, "ReportingFrameRecognizer", "private")])
    assert [texts(p) for p in people] == [["el-Qudsi", "el-Qudsi"]]
    rally = text.index("pro-") + 4
    [person] = group(text, [Hit(rally, rally + 10, 0.85, "SpacyRecognizer")])
    assert "Orazbayeva" in texts(person) and not any("pro" in t for t in texts(person))  # no particle


def test_a_misspelt_second_particle_is_part_of_the_name():
    """"de lo Cruz" (for "de la"): left standing, "lo" would print a piece of the name."""
    text = "Condolences on the passing of de lo Cruz, he said. A police van at Cruz Street waited."
    cruz = text.index("Cruz")
    people = group(text, [Hit(cruz, cruz + 4, 0.9, "ReportingFrameRecognizer", "private")])
    assert texts(people[0])[0] == "de lo Cruz"
    assert not any("van" in t for p in people for t in texts(p))


def test_a_repeat_of_the_full_name_takes_the_place_of_a_shorter_mention_inside_it():
    """"in Wanjiru Kamau Trial", where the model reads "Wanjiru" as a place after "in" and
    the span is cut to "Kamau": the full name the draft gives elsewhere is found there too,
    and the first name is withheld with the rest."""
    text = ("Testimony Resumes in Wanjiru Kamau Trial\n\n"
            "DANA OKORO, DEFENSE ATTORNEY FOR WANJIRU KAMAU: So you had no idea?\n")
    start = text.index("Kamau")
    place = (text.index("Wanjiru"), text.index("Wanjiru") + 7)
    hits = [Hit(start, start + 5, 0.4, "ProperNounRecognizer")] + hits_for(text, "WANJIRU KAMAU")
    people = group(text, hits, TextFacts.of(text, places=[place]))
    kamau = next(p for p in people if "Kamau" in p.name or "KAMAU" in p.name)
    assert texts(kamau) == ["Wanjiru Kamau", "WANJIRU KAMAU"]


def test_a_repeat_of_a_full_name_does_not_cut_a_mention_crossing_its_edge():
    """"Wanjiru Kamau Njoroge" read as "Kamau Njoroge": the repeat of "Wanjiru Kamau" would
    cut that mention in two, so it gives way; no two mentions overlap."""
    text = "Wanjiru Kamau spoke first. Later came Wanjiru Kamau Njoroge, a cousin."
    second = text.index("Kamau Njoroge")
    hits = hits_for(text, "Wanjiru Kamau") + [Hit(second, second + 13, 0.85, "SpacyRecognizer")]
    spans = sorted((m.start, m.end) for p in group(text, hits) for m in p.mentions)
    assert all(end <= start for (_, end), (start, _) in zip(spans, spans[1:]))
    assert any(start <= second and second + 13 <= end for start, end in spans)


def _spans_of(text: str, *words: str) -> list[tuple[int, int]]:
    return [(text.index(word), text.index(word) + len(word)) for word in words]


def test_a_span_grows_over_a_family_name_the_tagger_reads_as_a_verb():
    """"Grand Mufti Aidos Tulegenov spray-painted": the tagger calls the unfamiliar surname a
    verb; shaped like a family name and unknown to the vocabulary, it is the name's."""
    from redactor.growth import extend

    text = "A poster of Grand Mufti Aidos Tulegenov spray-painted on the wall angered many."
    facts = TextFacts.of(text, proper=_spans_of(text, "Grand", "Mufti", "Aidos"),
                         common_words={"a", "poster", "of", "grand", "mufti", "spray", "painted", "on"})
    start = text.index("Aidos")
    assert text[slice(*extend(text, start, start + 5, facts))] == "Aidos Tulegenov"
    common = TextFacts.of(text, proper=_spans_of(text, "Aidos"), common_words={"tulegenov"})
    assert text[slice(*extend(text, start, start + 5, common))] == "Aidos"  # a word it knows: no


def test_a_span_grows_over_a_given_name_the_model_alone_reads_as_an_organisation():
    """"Diego Lucia Rodríguez", the model reading "Diego" as an organisation of its own."""
    from redactor.growth import extend

    text = "Police took Diego Lucia Rodríguez of Hosea into custody."
    facts = TextFacts.of(text, proper=_spans_of(text, "Diego", "Lucia", "Rodríguez", "Hosea"),
                         others=_spans_of(text, "Diego"), common_words={"police", "took", "of", "into", "custody"})
    start = text.index("Lucia")
    assert text[slice(*extend(text, start, start + 15, facts))] == "Diego Lucia Rodríguez"


def test_a_particle_the_draft_writes_is_found_again_misspelt_as_a_word():
    """"identified as ven Essen (21)" ... "the passing of vin Essen": "vin" is a word, but one
    letter from the particle this draft writes in a name, before that name it is the particle
    misspelt, and withheld with it; a word that is no particle's spelling stays out."""
    text = "One victim, identified as ven Essen (21), died. We mourn the passing of vin Essen. " \
           "Crowds met Essen there."
    common = {"one", "victim", "identified", "as", "died", "we", "mourn", "the", "passing", "of", "vin",
              "crowds", "met", "there"}
    people = group(text, hits_for(text, "ven Essen"), TextFacts.of(text, common_words=common))
    assert sorted(m.text for p in people for m in p.mentions) == ["Essen", "ven Essen", "vin Essen"]


def test_a_surname_that_is_a_word_opening_a_sentence_is_a_mention_where_it_speaks():
    """"Price has said authorities...": at a sentence's start an everyday word is a mention
    of the person named by it only where it speaks; "Price increases" stays a word."""
    text = ("President Will Price blamed the unrest on the price of fuel. Price has said force was not "
            "used.\n\nPrice increases followed. Price told reporters nothing.")
    common = {"price", "of", "fuel", "president", "blamed", "the", "unrest", "on", "terrorists", "has", "said", "force",
              "was", "not", "used", "increases", "followed", "told", "reporters", "nothing"}
    facts = TextFacts.of(text, proper=_spans_of(text, "Will", "Price"), common_words=common)
    [person] = group(text, hits_for(text, "Will Price"), facts)
    starts = [m.start for m in person.mentions]
    assert text.index("Price has") in starts and text.index("Price told") in starts
    assert text.index("Price increases") not in starts
