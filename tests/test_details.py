"""Contact and identifying details found beside the persons of invented wire-copy drafts, with
the real pipeline: who each belongs to, what it defaults to, and what the copy prints."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from presidio_analyzer import PatternRecognizer

from redactor.cli import main
from redactor.decisions import Decisions
from redactor.documents import read_document
from redactor.recognizers.contacts import MIN_SCORE, StretchRecognizer, contact_recognizers

pytestmark = pytest.mark.model

# One sentence per country's way of writing a mobile number, each beside a private person.
PHONES = [
    ("US", "Dana Whitfield, who joined the march, said she could be reached at (202) 555-0147.",
     "Dana Whitfield", "(202) 555-0147"),
    ("UK", "Protester Oliver Hartley gave his mobile number, 07700 900123, to the lawyers.",
     "Oliver Hartley", "07700 900123"),
    ("Kazakhstan", "Bezshan Nurlanov can be reached at +7 701 234 5678, his brother said.",
     "Bezshan Nurlanov", "+7 701 234 5678"),
    ("Russia", "Activist Irina Volkova, reached at 8 (916) 123-45-67, said police had searched her flat.",
     "Irina Volkova", "8 (916) 123-45-67"),
    ("Germany", "Demonstrator Jonas Keller, whose number is +49 151 23456789, was detained.",
     "Jonas Keller", "+49 151 23456789"),
    ("France", "Student Camille Durand can be reached on 06 12 34 56 78.", "Camille Durand",
     "06 12 34 56 78"),
    ("India", "Farmer Ravi Kumar, reached at +91 98765 43210, said police beat him.", "Ravi Kumar",
     "+91 98765 43210"),
    ("Nigeria", "Protester Chidi Okafor gave his number as 0803 123 4567.", "Chidi Okafor", "0803 123 4567"),
    ("Brazil", "Demonstrator Ana Souza can be reached at +55 11 91234-5678.", "Ana Souza",
     "+55 11 91234-5678"),
    ("Hong Kong", "Student Wong Ka-ho, whose phone is 9123 4567, was arrested.", "Wong Ka-ho", "9123 4567"),
    ("Kenya", "Protester Achieng Otieno can be reached on 0712 345 678.", "Achieng Otieno", "0712 345 678"),
    ("South Africa", "Miner Sipho Dlamini, reached at +27 82 123 4567, said he was beaten.", "Sipho Dlamini",
     "+27 82 123 4567"),
]


@pytest.fixture
def analyze(engine, draft):
    def run(text: str, name: str = "draft.txt") -> Decisions:
        return engine.analyze(read_document(draft(text, name)))
    return run


def details_of(decisions: Decisions, name: str) -> dict[str, tuple[str, str]]:
    """{detail text: (kind, action)} of the persons whose name holds ``name``."""
    return {d.text: (d.kind, d.action) for p in decisions.persons if name in p.name for d in p.details}


@pytest.mark.parametrize(("country", "sentence", "name", "number"), PHONES, ids=[p[0] for p in PHONES])
def test_a_phone_number_of_each_country_is_removed_from_the_person_beside_it(analyze, country,
                                                                           sentence, name, number):
    decisions = analyze(f"Police detain dozens at harbour vigil\n\n{sentence}\n")
    assert details_of(decisions, name)[number] == ("phone", "remove")


def test_mail_handles_an_address_and_an_id_number_are_the_persons_too(analyze):
    text = ("ALMATY, Kazakhstan (AP) - Bezshan Nurlanov, a protester, said police came to his flat "
            "at 12 Abay Street, apartment 4, on Saturday. He can be reached at b.nurlanov@mail.kz, "
            "on Telegram as @bezshan_n or at t.me/bezshan_88. Nurlanov said his passport number, "
            "N12345678, was written down by the officers.\n")
    found = details_of(analyze(text), "urlanov")
    assert found["12 Abay Street, apartment 4"] == ("address", "remove")
    assert found["b.nurlanov@mail.kz"] == ("email", "remove")
    assert found["@bezshan_n"] == ("handle", "remove")
    assert found["t.me/bezshan_88"] == ("handle", "remove")
    assert found["N12345678"] == ("id_number", "remove")


def test_every_national_id_recognizer_can_report_a_number_on_its_own():
    """No context word lifts a score here (the pipeline has no lemmas), so a recognizer whose
    patterns all score under MIN_SCORE, with no checksum to lift a match, would find nothing
    and only cost time; a cued number ("passport number N12345678", above) is found apart."""
    recognizers = contact_recognizers()
    recognizers += [inner for r in recognizers if isinstance(r, StretchRecognizer) for inner in r.recognizers]
    for recognizer in recognizers:
        if type(recognizer).__module__.startswith("presidio_analyzer") and isinstance(recognizer, PatternRecognizer):
            checksum = type(recognizer).validate_result is not PatternRecognizer.validate_result
            assert checksum or max(p.score for p in recognizer.patterns) >= MIN_SCORE, recognizer.name


def test_a_public_officials_number_is_flagged_and_removed_until_the_editor_keeps_it(analyze):
    text = ("Interior Minister Lucas Fenwick said 41 people were detained. His office, reached at "
            "+44 20 7946 0958, did not comment further.\n")
    decisions = analyze(text)
    fenwick = next(p for p in decisions.persons if p.name == "Lucas Fenwick")
    assert (fenwick.role, fenwick.action) == ("public", "keep")
    number, = fenwick.details
    assert (number.text, number.action) == ("+44 20 7946 0958", "remove")
    assert "public" in number.reason and "keeps it" in number.reason


def test_a_lone_number_is_listed_apart_and_its_repeats_follow_the_person(analyze):
    text = ("Bezshan Nurlanov can be reached at +7 701 234 5678, his brother said.\n\n"
            "For the hotline, call +1 202 555 0188. Readers may also text 87012345678.\n")
    decisions = analyze(text)
    assert [(d.text, d.kind, d.action) for d in decisions.details] == [
        ("+1 202 555 0188", "phone", "remove")]
    assert "beside no person" in decisions.details[0].reason
    assert details_of(decisions, "Bezshan")["87012345678"] == ("phone", "remove")


def test_news_sites_and_dates_are_no_details(analyze):
    text = ("The protest began on 2022-01-15 and lasted until 15.01.2022, police said. The full "
            "transcript is at nytimes.com and at https://www.example.org/news/2022/protest.html.\n")
    decisions = analyze(text)
    assert decisions.details == [] and all(p.details == [] for p in decisions.persons)


def test_identifying_details_are_flagged_and_generalised_without_breaking_the_sentence(analyze):
    text = ("A 31-year-old baker from the Medeu district, Bezshan Nurlanov, said riot police beat him. "
            "Nurlanov, who lives in the village of Kyzylsai, said his sister Saule Nurlanova, 27, was "
            "also detained.\n")
    decisions = analyze(text)
    bezshan = next(p for p in decisions.persons if p.name == "Bezshan Nurlanov")
    flagged = {d.text: d for d in bezshan.details}
    assert set(flagged) >= {"A 31-year-old baker from the Medeu district", "in the village of Kyzylsai",
                            "his sister Saule Nurlanova"}
    assert all(d.action == "keep" and d.reason.startswith("may identify this person")
               for d in flagged.values())
    assert flagged["A 31-year-old baker from the Medeu district"].kind == "age+job+place"
    for person in decisions.persons:
        person.reviewed = True
        for detail in person.details:
            detail.action = "generalise"
    from redactor.redaction import apply_decisions
    assert apply_decisions(text, decisions) == (
        "A baker, Bezshan, said riot police beat him. Bezshan, who lives in a village, said "
        "his sister was also detained.\n")


def test_apply_writes_txt_and_docx_copies_without_the_details(tmp_path, engine):
    from docx import Document as new_docx

    sentences = ["Bezshan Nurlanov, a protester, can be reached at +7 701 234 5678.",
                 "His e-mail is b.nurlanov@mail.kz, Nurlanov said."]
    word = new_docx()
    for sentence in sentences:
        word.add_paragraph(sentence)
    word.add_table(rows=1, cols=1).cell(0, 0).text = "Contact: 8 701 234 56 78"
    word.save(tmp_path / "draft.docx")
    (tmp_path / "draft.txt").write_text("\n".join(sentences + ["Contact: 8 701 234 56 78"]) + "\n",
                                        encoding="utf-8")
    for suffix in (".txt", ".docx"):
        review, copy = tmp_path / f"review{suffix}.json", tmp_path / f"copy{suffix}"
        assert main(["detect", str(tmp_path / f"draft{suffix}"), "-o", str(review)]) == 0
        assert main(["apply", str(tmp_path / f"draft{suffix}"), "--decisions", str(review), "-o", str(copy),
                     "--accept-suggestions"]) == 0, suffix
        printed = read_document(copy).text
        assert "[phone number withheld]" in printed and "[e-mail address withheld]" in printed
        assert not re.search(r"2345678|234 56 78|234 5678|b\.nurlanov", printed), printed


def test_a_number_left_in_the_copy_in_another_format_is_caught_and_the_copy_is_unfinished(
        tmp_path, engine, capsys, monkeypatch):
    """A review that misses one writing of a removed number (its detail deleted by hand)."""
    monkeypatch.chdir(tmp_path)
    Path("draft.txt").write_text("Bezshan Nurlanov can be reached at +7 701 234 5678, his brother said. "
                                 "Nurlanov also gave 8-701-234-56-78 as a second line.\n", encoding="utf-8")
    assert main(["detect", "draft.txt", "-o", "review.json"]) == 0
    data = json.loads(Path("review.json").read_text(encoding="utf-8"))
    for person in data["persons"]:
        person["reviewed"] = True
        person["details"] = [d for d in person.get("details", []) if d["text"] != "8-701-234-56-78"]
    Path("review.json").write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["apply", "draft.txt", "--decisions", "review.json", "-o", "copy.txt"]) == 1
    out = capsys.readouterr().out
    assert not Path("copy.txt").exists() and Path("copy.UNFINISHED.txt").exists()
    assert re.search(r"copy\.UNFINISHED\.txt:1:\d+: withheld detail '8-701-234-56-78' \(the withheld "
                     r"phone '\+7 701 234 5678', person p\d\)", out), out


def test_the_detect_table_lists_details_with_their_person(draft, engine, capsys):
    path = draft("Bezshan Nurlanov can be reached at +7 701 234 5678, his brother said.\n"
                 "The hotline is +1 202 555 0188.\n")
    assert main(["detect", str(path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"phone\s+\+7 701 234 5678\s+p1 Bezshan Nurlanov\s+remove", out), out
    assert re.search(r"phone\s+\+1 202 555 0188\s+\(no person\)\s+remove", out), out


def test_a_folder_keeps_each_drafts_details_and_its_copies_go_without_them(tmp_path, engine, capsys):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "monday.txt").write_text("Bezshan Nurlanov can be reached at +7 701 234 5678, his "
                                       "brother said.\n", encoding="utf-8")
    (drafts / "tuesday.txt").write_text("Police questioned Bezshan Nurlanov again. His number, "
                                        "8 (701) 234-56-78, was busy. The hotline is +1 202 555 0188.\n",
                                        encoding="utf-8")
    review = tmp_path / "review.json"
    assert main(["detect", str(drafts), "-o", str(review)]) == 0
    data = json.loads(review.read_text(encoding="utf-8"))
    bezshan = next(p for p in data["persons"] if p["name"] == "Bezshan Nurlanov")
    assert {path: [d["text"] for d in found] for path, found in bezshan["details"].items()} == {
        "monday.txt": ["+7 701 234 5678"], "tuesday.txt": ["8 (701) 234-56-78"]}
    assert [d["text"] for d in data["details"]["tuesday.txt"]] == ["+1 202 555 0188"]
    capsys.readouterr()
    assert main(["apply", str(drafts), "--decisions", str(review), "-o", str(tmp_path / "out"),
                 "--accept-suggestions"]) == 0, capsys.readouterr()
    copies = {name: (tmp_path / "out" / name).read_text(encoding="utf-8")
              for name in ("monday.txt", "tuesday.txt")}
    assert all("[phone number withheld]" in copy and "234" not in copy for copy in copies.values())


def test_numbers_and_mail_only_in_a_pages_links_are_found_and_withheld(tmp_path, engine):
    page = tmp_path / "page.html"
    page.write_text('<html><body><p>Arlen Varkoni, a crane driver, said police beat him. '
                    '<a href="tel:+77012345678">Call him</a> or <a href="mailto:arlen.v@mail.kz">'
                    'write</a>.</p><p>See <a href="https://www.example.org/news">the story</a>.</p>'
                    '</body></html>', encoding="utf-8")
    review, copy = tmp_path / "review.json", tmp_path / "copy.html"
    assert main(["detect", str(page), "-o", str(review)]) == 0
    lone = {d["text"]: d["kind"] for d in json.loads(review.read_text("utf-8"))["details"]}
    assert lone == {"+77012345678": "phone", "arlen.v@mail.kz": "email"}  # a news link is no detail
    assert main(["apply", str(page), "--decisions", str(review), "-o", str(copy),
                 "--accept-suggestions"]) == 0
    written = copy.read_text(encoding="utf-8")
    assert 'href="tel:phone-number-withheld"' in written and "mailto:e-mail-address-withheld" in written
    assert "7012345678" not in written and "arlen.v" not in written
    assert 'href="https://www.example.org/news"' in written


def test_an_opendocument_drafts_copy_goes_without_the_number(tmp_path, engine):
    """A LibreOffice draft (the wire fixture) with a mobile number added to its first paragraph."""
    import zipfile

    source = Path(__file__).parent / "fixtures" / "office" / "lo_wire.odt"
    draft = tmp_path / "draft.odt"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(draft, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "content.xml":
                data = data.replace(b"witnesses said</text:a>.", b"witnesses said</text:a>. Nurlanov "
                                    b"can be reached at +7 701 234 5678.", 1)
                assert b"+7 701" in data
            new.writestr(item, data)
    review, copy = tmp_path / "review.json", tmp_path / "copy.odt"
    assert main(["detect", str(draft), "-o", str(review)]) == 0
    assert main(["apply", str(draft), "--decisions", str(review), "-o", str(copy),
                 "--accept-suggestions"]) == 0
    printed = read_document(copy).text
    assert "reached at [phone number withheld]." in printed and "234 5678" not in printed
