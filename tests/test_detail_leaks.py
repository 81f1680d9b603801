"""The leak check on withheld contact details: a removed number is found in the copy however
it is written again, an address or a handle in any case; a kept detail is no finding."""

from __future__ import annotations

import pytest

from redactor.check import leak_findings
from redactor.decisions import Detail
from redactor.detail_search import DetailLeaks, Prepared, ValueSearch
from redactor.documents import parse_document
from redactor.leaks import DETAIL


def withheld(text: str, kind: str, action: str = "remove") -> Detail:
    return Detail(0, len(text), text, kind, action, "")


def found(value: str, kind: str, copy: str) -> list[str]:
    return [match.written for match in ValueSearch(withheld(value, kind)).find(Prepared(copy))]


@pytest.mark.parametrize("written", [
    "+7 701 234 5678", "87012345678", "8 (701) 234-56-78", "701-234-56-78", "+7.701.234.56.78",
    "7012345678", "+7 701 234 56 78", "＋７ ７０１ ２３４ ５６７８", "٨٧٠١٢٣٤٥٦٧٨",
    "+7\u00a0701\u00a0234\u00a05678",
    "+7&#32;701&#32;234&#32;5678"])
def test_a_removed_phone_number_is_found_in_any_formatting(written):
    assert found("+7 701 234 5678", "phone", f"Call him on {written} after six.") != []


@pytest.mark.parametrize("other", ["+7 701 234 5679", "+7 701 765 4321", "2,345,678 people",
                                   "in 2019, 234 people; 5678 more"])
def test_another_number_is_no_finding(other):
    assert found("+7 701 234 5678", "phone", f"Call {other} instead.") == []


def test_a_longer_number_holding_the_removed_one_is_a_finding():
    assert found("56 78", "phone", "case 9923456781") == []  # too few digits to be compared
    assert found("+44 20 7946 0958", "phone", "ref 442079460958001") == ["442079460958001"]


@pytest.mark.parametrize(("value", "kind", "copy"), [
    ("b.nurlanov@mail.kz", "email", "Write to B.Nurlanov@Mail.KZ or mailto:b.nurlanov@mail.kz"),
    ("@bezshan_88", "handle", "see t.me/Bezshan_88 and BEZSHAN_88"),
    ("12 Abay Street", "address", "She lives at 12 abay  street, flat 4."),
    ("N12345678", "id_number", "passport N 1234-5678"),
    ("KZ86125KZT5004100100", "iban", "account kz86 125k zt50 0410 0100"),
    ("4111 1111 1111 1111", "card", "card 4111-1111-1111-1111"),
    ("123 ABC 02", "plate", "plates 123ABC02"),
])
def test_other_kinds_are_found_with_other_separators_and_case(value, kind, copy):
    assert found(value, kind, copy) != []


def test_a_handle_of_letters_alone_is_found_as_a_handle_not_as_the_first_name_printed():
    copy = "Bezshan said he posts as @bezshan on Telegram (t.me/bezshan)."
    assert found("@bezshan", "handle", copy) == ["bezshan", "bezshan"]
    assert all(copy[copy.index(w) - 1] in "@/" for w in found("@bezshan", "handle", copy))


def test_findings_name_the_detail_and_its_person(make_person, make_decisions):
    text = "Bezshan Nurlanov can be reached at +7 701 234 5678."
    person = make_person(text, "Bezshan Nurlanov", "first_name")
    start = text.index("+7")
    person.details = [Detail(start, start + 15, "+7 701 234 5678", "phone", "remove", "")]
    decisions = make_decisions(person)
    finding, = DetailLeaks(decisions).find("Bezshan (87012345678) said so.")
    assert (finding.kind, finding.token, finding.person_id, finding.column) == (
        DETAIL, "87012345678", "p1", 10)
    person.details[0].action = "keep"
    assert DetailLeaks(decisions).find("Bezshan (87012345678) said so.") == []


def test_the_leak_check_reads_details_in_every_string_of_a_word_copy(make_person, make_decisions):
    import io
    from pathlib import Path

    from docx import Document as new_docx

    text = "Bezshan Nurlanov said police came."
    person = make_person(text, "Bezshan Nurlanov", "first_name")
    decisions = make_decisions(person)
    decisions.details = [Detail(0, 15, "+7 701 234 5678", "phone", "remove", "")]
    word = new_docx()
    word.add_paragraph("Bezshan said police came.")
    word.core_properties.comments = "call 8-701-234-56-78"
    buffer = io.BytesIO()
    word.save(buffer)
    copy = parse_document(Path("copy.docx"), buffer.getvalue())
    findings = [f for f in leak_findings(copy, buffer.getvalue(), decisions) if f.kind == DETAIL]
    assert {f.token for f in findings} == {"8-701-234-56-78"}
    assert any("docProps/core.xml" in f.place for f in findings), [f.place for f in findings]
