"""Applying a review: each mention becomes exactly its decided replacement, in capitals where
the mention was in capitals, and every character outside the mentions is left as it was."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from redactor.decisions import Decisions, Mention, Person
from redactor.documents import read_document
from redactor.errors import DecisionsError
from redactor.redaction import apply_decisions

FIXTURES = Path(__file__).parent / "fixtures"
STORY = ('A dock worker, Bezshan Nurlanov, 31, said police took his cousin. '
         '"They did not say where," Nurlanov said. Nurlanov\'s wife stood beside him.\n'
         'NURLANOV, reached again on Monday, said his cousin was freed.\n'
         'Governor Lucas Fenwick urged calm. Fenwick did not take questions.\n')
WORKER_FORMS = ("Bezshan Nurlanov", "Nurlanov", "NURLANOV")


def worker(make_person, action, **kwargs):
    return make_person(STORY, "Bezshan Nurlanov", action, *WORKER_FORMS, **kwargs)


def governor(make_person, action="keep"):
    return make_person(STORY, "Lucas Fenwick", action, "Lucas Fenwick", "Fenwick",
                       role="public", id="p2")


def test_first_name_replaces_full_name_surname_possessive_and_capitals(make_person, make_decisions):
    out = apply_decisions(STORY, make_decisions(worker(make_person, "first_name"),
                                                governor(make_person)))
    assert out == ('A dock worker, Bezshan, 31, said police took his cousin. '
                   '"They did not say where," Bezshan said. Bezshan\'s wife stood beside him.\n'
                   'BEZSHAN, reached again on Monday, said his cousin was freed.\n'
                   'Governor Lucas Fenwick urged calm. Fenwick did not take questions.\n')


def test_a_possessive_outside_the_mention_is_kept(make_person, make_decisions):
    text = "Nurlanov’s brother and Nurlanov's cousin met Nurlanovs' lawyer."
    person = make_person(text, "Bezshan Nurlanov", "placeholder", "Nurlanov")
    assert [m.text for m in person.mentions] == ["Nurlanov", "Nurlanov"]
    assert apply_decisions(text, make_decisions(person)) == (
        "[name withheld]’s brother and [name withheld]'s cousin met Nurlanovs' lawyer.")


@pytest.mark.parametrize(("action", "replacement", "caps"), [
    ("first_name", "Bezshan", "BEZSHAN"),
    ("placeholder", "[name withheld]", "[NAME WITHHELD]"),
    ("pseudonym", "Source A", "SOURCE A"),
    ("initials", "B.N.", "B.N."),
])
def test_each_action_writes_its_replacement_in_the_mentions_case(make_person, make_decisions,
                                                                action, replacement, caps):
    out = apply_decisions(STORY, make_decisions(worker(make_person, action)))
    assert out == (f'A dock worker, {replacement}, 31, said police took his cousin. '
                   f'"They did not say where," {replacement} said. {replacement}\'s wife stood '
                   f'beside him.\n{caps}, reached again on Monday, said his cousin was freed.\n'
                   'Governor Lucas Fenwick urged calm. Fenwick did not take questions.\n')


def test_a_mention_override_beats_the_persons_replacement(make_person, make_decisions):
    person = worker(make_person, "first_name")
    person.mentions[1].replacement = "the worker"   # "Nurlanov said" -> "the worker said"
    person.mentions[3].replacement = "the dock worker"  # capitals still follow the mention
    out = apply_decisions(STORY, make_decisions(person))
    assert '"They did not say where," the worker said. Bezshan\'s wife' in out
    assert "\nTHE DOCK WORKER, reached again" in out
    assert "A dock worker, Bezshan, 31," in out


def test_a_mention_override_applies_even_when_the_person_is_kept(make_person, make_decisions):
    person = governor(make_person)
    person.mentions[1].replacement = "The governor"
    out = apply_decisions(STORY, make_decisions(person))
    assert out == STORY.replace("Fenwick did not", "The governor did not")


def test_keep_leaves_the_text_byte_identical(make_person, make_decisions):
    decisions = make_decisions(worker(make_person, "keep", replacement="Bezshan Nurlanov"),
                               governor(make_person))
    assert apply_decisions(STORY, decisions) == STORY
    assert apply_decisions(STORY, make_decisions()) == STORY


@pytest.mark.parametrize(("text", "expected"), [
    ("Police took Nurlanov on Monday.", "Police took on Monday."),
    ("Police took Nurlanov.", None),
    ("Police took Nurlanov", "Police took"),
    ("Police took Bezshan Nurlanov and NURLANOV away.", "Police took and away."),
    ("He said.\nNurlanov said so.", None),
    ("Nurlanov said so.", None),
    ("Police took Nurlanov, a dock worker, away.", None),
    ('"Nurlanov" said so.', '"" said so.'),
])
def test_remove_leaves_no_double_space(make_person, make_decisions, text, expected):
    person = make_person(text, "Bezshan Nurlanov", "remove", *WORKER_FORMS)
    out = apply_decisions(text, make_decisions(person))
    assert "  " not in out
    assert not re.search(r"nurlanov|bezshan", out, re.IGNORECASE)
    if expected is not None:
        assert out == expected


def test_everything_outside_the_mentions_is_unchanged(make_person, make_decisions):
    text = ("Families hold vigil in Port Selm\r\n\r\nBy RANA OKAFOR\r\n\r\n"
            "PORT SELM (AP) — A dock worker, Bezshan Nurlanov, 31, said…\t«Nurlanov» wept.\r\n"
            "Žomart Abenov and NURLANOV left.   Trailing   spaces   stay.\r\n")
    person = make_person(text, "Bezshan Nurlanov", "pseudonym", *WORKER_FORMS)
    out = apply_decisions(text, make_decisions(person))
    spans = [(m.start, m.end) for m in person.mentions]
    assert len(spans) == 3
    # The text between mentions appears unchanged and in order, with only the replacements
    # between the pieces.
    pieces = [text[:spans[0][0]]] + [text[a[1]:b[0]] for a, b in zip(spans, spans[1:])] \
        + [text[spans[-1][1]:]]
    match = re.fullmatch("(.*?)".join(re.escape(p) for p in pieces), out, re.DOTALL)
    assert match is not None
    assert match.groups() == ("Source A", "Source A", "SOURCE A")
    assert out.startswith(pieces[0]) and out.endswith(pieces[-1])


@pytest.mark.parametrize(("action", "expected"), [
    ("first_name", "# BEZSHAN SPEAKS\n\n**Bezshan** said [Bezshan](https://example.org/profile) "
                   "and _Bezshan_ agreed.\n> Bezshan: \"No.\"\n"),
    ("remove", "# SPEAKS\n\n**** said [](https://example.org/profile) and __ agreed.\n"
               "> : \"No.\"\n"),
])
def test_markdown_around_a_name_is_preserved(make_person, make_decisions, action, expected):
    text = ("# NURLANOV SPEAKS\n\n**Bezshan Nurlanov** said "
            "[Nurlanov](https://example.org/profile) and _Nurlanov_ agreed.\n> Nurlanov: \"No.\"\n")
    person = make_person(text, "Bezshan Nurlanov", action, *WORKER_FORMS)
    assert apply_decisions(text, make_decisions(person)) == expected


@pytest.mark.parametrize("mention", [
    Mention(15, 31, "Bezshan Nurlanox"),      # text differs from the document
    Mention(16, 32, "Bezshan Nurlanov"),      # offsets shifted by one
    Mention(len(STORY), len(STORY) + 8, "Nurlanov"),  # past the end of the text
], ids=["other-text", "shifted", "past-the-end"])
def test_a_mention_that_does_not_match_the_document_is_refused(mention):
    decisions = Decisions("d.txt", "0" * 64, [Person("p1", "Bezshan Nurlanov", "private",
                                                     "first_name", "Bezshan", [mention], True)])
    with pytest.raises(DecisionsError, match="p1: a mention at .* does not match"):
        apply_decisions(STORY, decisions)


# Without "@" and ":", no filler makes a mention part of an address ("…@", "https://…"), where
# the replacement is made link-safe on purpose (test_a_name_inside_a_link_…).
_filler = st.text(st.characters(codec="utf-8", exclude_characters="\x00@:"), max_size=25)


@settings(max_examples=80, deadline=None)
@example(fillers=["", "", "", "."], forms=["Bezshan Nurlanov"] * 3, action="initials")  # "B.N." + "."
@given(fillers=st.lists(_filler, min_size=4, max_size=4),
       forms=st.lists(st.sampled_from(WORKER_FORMS), min_size=3, max_size=3),
       action=st.sampled_from(["first_name", "initials", "placeholder", "pseudonym"]))
def test_only_the_mentions_change_whatever_surrounds_them(fillers, forms, action):
    replacement = {"first_name": "Bezshan", "initials": "B.N.", "placeholder": "[name withheld]",
                   "pseudonym": "Source A"}[action]
    text, mentions, expected = fillers[0], [], fillers[0]
    for form, filler in zip(forms, fillers[1:]):
        mentions.append(Mention(len(text), len(text) + len(form), form))
        text += form + filler
        value = replacement.upper() if form.isupper() else replacement
        if value.endswith(".") and filler.startswith("."):
            value = value[:-1]  # "B.N." before a full stop: one full stop, not two
        expected += value + filler
    decisions = Decisions("d.txt", "0" * 64,
                          [Person("p1", "Bezshan Nurlanov", "private", action, replacement,
                                  mentions, True)])
    assert apply_decisions(text, decisions) == expected


# --- through the engine, with the real pipeline ---------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("encoding", "bom"), [("utf-8", b""), ("utf-16-le", codecs.BOM_UTF16_LE)],
                         ids=["utf-8", "utf-16-le-bom"])
def test_accepting_every_suggestion_redacts_a_crlf_draft_without_leaks(engine, draft, tmp_path,
                                                                     encoding, bom):
    text = (FIXTURES / "harbour_vigil.txt").read_text(encoding="utf-8").replace("\n", "\r\n")
    original = bom + text.encode(encoding)
    path = draft(original, name="vigil.txt")
    document = read_document(path)
    decisions = engine.analyze(document)

    worker = next(p for p in decisions.persons if p.name == "Bezshan Nurlanov")
    assert worker.action == "first_name" and worker.replacement == "Bezshan"
    assert {"Bezshan Nurlanov", "Nurlanov", "NURLANOV"} <= {m.text for m in worker.mentions}
    for mention in worker.mentions:  # offsets index the text with its \r\n
        assert document.text[mention.start:mention.end] == mention.text

    for person in decisions.persons:
        person.reviewed = True
    saved = engine.save(document, decisions, tmp_path / "vigil.redacted.txt")
    assert saved.findings == []
    assert saved.encoding == document.encoding
    assert engine.verify(saved.path, decisions) == []
    assert path.read_bytes() == original

    written = saved.path.read_bytes()
    assert written.startswith(bom) if bom else not written.startswith(codecs.BOM_UTF8)
    redacted = written[len(bom):].decode(encoding)
    assert redacted.count("\r\n") == text.count("\r\n")
    assert "\n" not in redacted.replace("\r\n", "")
    assert not re.search("nurlanov", redacted, re.IGNORECASE)
    assert "A dock worker, Bezshan, 31, said" in redacted
    assert "Bezshan's wife" in redacted and "\r\nBEZSHAN, reached again" in redacted


def test_removed_name_before_punctuation_leaves_no_space(make_person, make_decisions):
    from redactor.redaction import apply_decisions

    text = "Police took Nurlanov. Later they freed Nurlanov, his lawyer said."
    person = make_person(text, "Nurlanov", "remove", "Nurlanov")
    assert apply_decisions(text, make_decisions(person)) == "Police took. Later they freed, his lawyer said."


def test_initials_at_the_end_of_a_sentence_keep_one_full_stop(make_person, make_decisions):
    from redactor.redaction import apply_decisions

    text = "The crowd cheered Bezshan Nurlanov. Then it rained."
    person = make_person(text, "Bezshan Nurlanov", "initials")
    assert apply_decisions(text, make_decisions(person)) == "The crowd cheered B.N. Then it rained."


@pytest.mark.parametrize("text, expected", [
    ("Her page https://example.org/profiles/Kairat-Abenov was deleted.",
     "Her page https://example.org/profiles/name-withheld was deleted."),
    ("Write to <mailto:Kairat.Abenov@example.org> now.", "Write to <mailto:name-withheld@example.org> now."),
    ("Kairat-Abenov spoke.", "[name withheld] spoke."),
])
def test_a_name_inside_a_link_is_replaced_by_a_link_safe_word(make_person, make_decisions, text,
                                                                expected):
    form = "Kairat.Abenov" if "Kairat.Abenov" in text else "Kairat-Abenov"
    person = make_person(text, "Kairat Abenov", "placeholder", form)
    assert apply_decisions(text, make_decisions(person)) == expected
