"""Reading drafts: every supported encoding decodes exactly, offsets index the raw text,
encoding back reproduces the original bytes, and anything that is not a text draft is
refused with a one-line message that names the file."""

from __future__ import annotations

import codecs
import hashlib
import random

import pytest

from redactor.documents import read_document
from redactor.errors import RedactorError, UnreadableDocument

WIRE = ("KARAGANDA, Kazakhstan (AP) — A dock worker, Bezshan Nurlanov, 31, said police took "
        "his cousin before dawn. \"They did not say where,\" Nurlanov said.\n\n"
        "Governor Lucas Fenwick declined to comment.\n")

# Realistic paragraphs, so the charset guess has enough text to be sure of the language.
RUSSIAN = (
    "ТАРВИК (AP) — Тысячи людей в субботу прошли по центру столицы, протестуя против нового "
    "закона, который позволит полиции задерживать демонстрантов без предъявления обвинений.\n"
    "Участница акции Марина Соколова, 24 года, сказала, что полицейские задержали её брата "
    "возле центрального вокзала. С тех пор она ничего о нём не слышала. Соколова попросила "
    "не публиковать её фамилию, опасаясь преследования со стороны властей.\n"
    "Министр внутренних дел Йонас Брекке заявил, что сорок один человек был задержан за "
    "организацию незаконных собраний. Он не сказал, будут ли им предъявлены обвинения.\n"
)
FRENCH = (
    "PARIS (AP) - Des milliers de manifestants ont défilé samedi dans les rues de la capitale "
    "pour protester contre la réforme des retraites, malgré la pluie et un important "
    "dispositif policier.\n"
    "Une enseignante de 52 ans, Hélène Garnier, a déclaré que son frère avait été interpellé "
    "près de la gare de l'Est. Elle n'a plus eu de nouvelles depuis vendredi soir.\n"
    "Le ministre de l'Intérieur, Étienne Marchand, a affirmé dans un communiqué que quarante "
    "et une personnes avaient été placées en garde à vue pour des dégradations. Il n'a pas "
    "précisé si des poursuites seraient engagées.\n"
    "Selon les syndicats, la mobilisation était la plus forte depuis le début du mouvement. "
    "« Nous ne lâcherons rien », a lancé un responsable syndical devant la préfecture.\n"
)
GERMAN = (
    "BERLIN (AP) - Tausende Menschen sind am Samstag trotz strömenden Regens durch die "
    "Innenstadt gezogen, um gegen das neue Versammlungsgesetz zu protestieren.\n"
    "Die Lehrerin Jutta Größmann, 52, sagte, ihr Bruder sei in der Nähe des Hauptbahnhofs "
    "festgenommen worden. Seitdem habe sie nichts mehr von ihm gehört.\n"
    "Innenminister Matthias Köhler erklärte, einundvierzig Personen seien wegen "
    "Sachbeschädigung in Gewahrsam genommen worden. Ob Anklage erhoben werde, ließ er offen.\n"
    "Nach Angaben der Gewerkschaften war es die größte Kundgebung seit Beginn der Proteste. "
    "«Wir geben nicht auf», rief eine Rednerin vor dem Rathaus.\n"
)


def assert_round_trip(doc, raw: bytes) -> None:
    """Encoding the unchanged text gives back the file's bytes, in the same encoding."""
    data, encoding = doc.encode(doc.text)
    assert data == raw
    assert encoding == doc.encoding


# --- encodings ------------------------------------------------------------------------------


def test_utf8_without_bom(draft):
    raw = WIRE.encode("utf-8")
    doc = read_document(draft(raw))
    assert doc.text == WIRE
    assert doc.encoding == "utf-8"
    assert doc.bom == b""
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert_round_trip(doc, raw)


def test_utf8_with_bom_keeps_the_bom_out_of_the_text(draft):
    raw = codecs.BOM_UTF8 + WIRE.encode("utf-8")
    doc = read_document(draft(raw))
    assert doc.text == WIRE  # no U+FEFF at offset 0: offsets start at the first character
    assert doc.bom == codecs.BOM_UTF8
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()  # the hash covers the BOM too
    assert_round_trip(doc, raw)


@pytest.mark.parametrize(("bom", "codec"), [(codecs.BOM_UTF16_LE, "utf-16-le"),
                                            (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_utf16_with_bom(draft, bom, codec):
    raw = bom + WIRE.encode(codec)
    doc = read_document(draft(raw))
    assert doc.text == WIRE
    assert doc.bom == bom
    assert codecs.lookup(doc.encoding).name == codec
    assert_round_trip(doc, raw)


def test_cp1251_russian_draft(draft):
    raw = RUSSIAN.encode("cp1251")
    doc = read_document(draft(raw))
    assert doc.text == RUSSIAN
    assert codecs.lookup(doc.encoding).name == "cp1251"
    assert doc.bom == b""
    assert_round_trip(doc, raw)


@pytest.mark.parametrize("text", [FRENCH, GERMAN], ids=["french", "german"])
def test_latin1_draft_decodes_to_the_written_text(draft, text):
    raw = text.encode("latin-1")
    doc = read_document(draft(raw))
    assert doc.text == text
    assert_round_trip(doc, raw)


def test_replacing_a_name_in_a_legacy_encoding_changes_only_those_bytes(draft):
    raw = RUSSIAN.encode("cp1251")
    doc = read_document(draft(raw))
    data, encoding = doc.encode(doc.text.replace("Соколова", "Марина"))
    assert codecs.lookup(encoding).name == "cp1251"
    assert data == raw.replace("Соколова".encode("cp1251"), "Марина".encode("cp1251"))


def test_encode_falls_back_to_utf8_when_a_replacement_does_not_fit(draft):
    doc = read_document(draft(RUSSIAN.encode("cp1251")))
    redacted = doc.text.replace("Марина Соколова", "Žomart")  # Ž is not in cp1251
    data, encoding = doc.encode(redacted)
    assert encoding == "utf-8"
    assert data == redacted.encode("utf-8")


# --- line endings and offsets ---------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_crlf_line_endings_are_kept_and_offsets_count_them(draft, encoding):
    text = WIRE.replace("\n", "\r\n")
    raw = text.encode(encoding)
    doc = read_document(draft(raw))
    assert doc.text == text
    assert doc.text.count("\r\n") == 3
    # "Lucas Fenwick" sits after two CRLFs: its offset counts both \r characters.
    start = doc.text.index("Lucas Fenwick")
    assert start == WIRE.index("Lucas Fenwick") + 2
    assert doc.text[start:start + len("Lucas Fenwick")] == "Lucas Fenwick"
    assert_round_trip(doc, raw)


def test_lone_cr_and_mixed_line_endings_survive_untouched(draft):
    text = "Bezshan Nurlanov said\r\nhe left.\rNurlanov returned.\nThe end.\r\n"
    raw = text.encode("utf-8")
    doc = read_document(draft(raw))
    assert doc.text == text
    assert_round_trip(doc, raw)


def test_markdown_suffix_is_read_like_text(draft):
    text = "# Vigil\n\n**Bezshan Nurlanov** said [more](https://example.org/vigil).\n"
    doc = read_document(draft(text, name="story.MD"))
    assert doc.text == text


# --- refusals -------------------------------------------------------------------------------

_PNG_HEADER = (b"\x89PNG\r\n\x1a\n"  # signature
               b"\x00\x00\x00\rIHDR\x00\x00\x02\x80\x00\x00\x01\xe0\x08\x06\x00\x00\x00"
               b"5\xd1\xdc\xe4\x00\x00\x00\x04gAMA\x00\x00\xb1\x8f\x0b\xfca\x05")


def _random_bytes(size: int, allow_nul: bool) -> bytes:
    data = random.Random(20240518).randbytes(size)
    return data if allow_nul else data.replace(b"\x00", b"")


@pytest.mark.parametrize(("content", "why"), [
    (b"", "empty"),
    (b"   \r\n\t \n  ", "empty"),
    (codecs.BOM_UTF8 + b" \n \n", "empty"),
    (codecs.BOM_UTF16_LE + " \r\n\t ".encode("utf-16-le"), "empty"),
    (b"Bezshan Nurlanov said\x00\x00\x00 he would return.", "binary"),
    (_random_bytes(4096, allow_nul=True), "binary"),
    (_random_bytes(4096, allow_nul=False), ""),
    (_PNG_HEADER, "binary"),
    (bytes(range(1, 32)) * 20 + b"Nurlanov", "binary"),
    (codecs.BOM_UTF8 + b"Nurlanov \xff\xfe\xfd said", "utf-8"),
], ids=["empty", "whitespace", "utf8-bom-whitespace", "utf16-whitespace", "nul-bytes",
        "random-bytes", "random-bytes-without-nul", "png-header", "control-bytes",
        "bom-lies"])
def test_not_a_text_draft_is_refused_naming_the_file(draft, content, why):
    path = draft(content, name="suspect draft.txt")
    with pytest.raises(UnreadableDocument) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith("suspect draft.txt: ")
    assert why in message
    assert "\n" not in message
    assert caught.value.exit_code == 2


def test_a_folder_is_refused(tmp_path):
    folder = tmp_path / "drafts.txt"
    folder.mkdir()
    with pytest.raises(UnreadableDocument, match=r"^drafts\.txt: .*folder"):
        read_document(folder)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(UnreadableDocument, match=r"^missing-draft\.txt: no such file"):
        read_document(tmp_path / "missing-draft.txt")


@pytest.mark.parametrize("name", ["report.pdf", "story.doc", "notes"])
def test_an_unsupported_suffix_is_refused_even_when_the_bytes_are_text(draft, name):
    path = draft(WIRE, name=name)
    with pytest.raises(UnreadableDocument) as caught:
        read_document(path)
    assert str(caught.value).startswith(f"{name}: unsupported file type")
    assert ".txt" in str(caught.value) and ".md" in str(caught.value)
    assert ".docx" in str(caught.value) and ".odt" in str(caught.value)


def test_a_text_file_named_docx_is_refused_as_a_damaged_word_file(draft):
    path = draft(WIRE, name="story.docx")
    with pytest.raises(UnreadableDocument, match=r"^story\.docx: not a valid Word file"):
        read_document(path)


def test_refusals_are_redactor_errors_without_document_text(draft):
    path = draft(b"Bezshan Nurlanov\x00\x00\x00 secret source", name="leak.txt")
    with pytest.raises(RedactorError) as caught:
        read_document(path)
    assert "Nurlanov" not in str(caught.value)  # messages are safe to log


# --- a draft pieced together from several sources -------------------------------------------

@pytest.mark.parametrize(("parts", "expected_encoding"), [
    ([("Bezshan Nurlanov said “no”.\n", "utf-8"), (RUSSIAN.splitlines(True)[1], "cp1251")], "utf-8"),
    ([(FRENCH, "cp1252"), (RUSSIAN.splitlines(True)[1], "cp1251")], "utf-8"),
    ([(RUSSIAN, "cp1251"), ("Søren Brekke, a Danish photographer, agreed.\n", "cp1252")], "utf-8"),
    ([(RUSSIAN, "cp1251")], "cp1251"),  # one encoding throughout stays that encoding
])
def test_lines_in_different_legacy_encodings_each_read_in_their_own(draft, parts, expected_encoding):
    raw = b"".join(text.encode(codec) for text, codec in parts)
    document = read_document(draft(raw))
    assert document.text == "".join(text for text, _ in parts)
    assert document.encoding == expected_encoding
    # a line is read in another encoding only if that gives back exactly its bytes
    assert b"".join(line.encode(codec) for line, codec in parts) == raw


# --- addresses in a plain-text draft ----------------------------------------------------------

def test_web_addresses_and_markdown_targets_are_address_places(draft):
    text = ("Police held Bezshan Nurlanov (https://wire.example/author/bezshan-nurlanov).\n"
            "![Bezshan at the rally](photos/bezshan_nurlanov640.jpg \"rally\")\n"
            "[1]: www.example.org/nurlanov\n")
    document = read_document(draft(text, name="draft.md"))
    spans = [(s.kind, document.text[s.start:s.end]) for s in document.sections]
    assert spans == [("address", "https://wire.example/author/bezshan-nurlanov"),
                     ("address", "photos/bezshan_nurlanov640.jpg"), ("address", "www.example.org/nurlanov")]
    assert all(document.place(s.start) == "" for s in document.sections)  # plain text has no places


def test_a_replacement_in_an_address_stays_one_word_of_it(draft, tmp_path):
    from copies import write_copy
    from redactor.decisions import Decisions, Mention, Person

    text = "See ![Bezshan](photos/bezshan-nurlanov.jpg) and Bezshan Nurlanov here.\n"
    document = read_document(draft(text, name="draft.md"))
    start = text.index("nurlanov.jpg")
    person = Person("p1", "Bezshan Nurlanov", "private", "placeholder", "[name withheld]",
                    [Mention(start, start + 8, "nurlanov"),
                     Mention(text.index("Bezshan Nurlanov"), text.index("Bezshan Nurlanov") + 16,
                             "Bezshan Nurlanov")], reviewed=True)
    write_copy(document, Decisions(str(document.path), document.sha256, [person]), tmp_path / "c.md")
    assert (tmp_path / "c.md").read_text() == (
        "See ![Bezshan](photos/bezshan-name-withheld.jpg) and [name withheld] here.\n")
