"""The collection review without a model: joining persons across files, the review format,
splitting and joining rows, which files make a collection, and the apply journal."""

from __future__ import annotations

import json

import pytest

from redactor.collection import Entry, gather, load_collection, parse_collection, save_collection
from redactor.decisions import Decisions, parse_decisions
from redactor.errors import DecisionsError, RedactorError, UnreadableDocument
from redactor.folders import check_copy_names, check_output_folder, copy_name, list_collection
from redactor.journal import JOURNAL_NAME, Done, Journal
from redactor.leaks import find_leaks

MONDAY = "Bezshan Nurlanov, 34, was detained. Nurlanov said police beat him."
TUESDAY = "A court fined Bezshan Nurlanov on Tuesday. Minister Yerlan Tokayev spoke."
WEDNESDAY = "Lawyers for BEZSHAN NURLANOV will appeal, said Dina Karimova."
THURSDAY = "Nurlanov, a relative, declined to comment."


@pytest.fixture
def reviews(make_person, make_decisions):
    """Single-file reviews of four drafts, as detection would give them."""

    def review(path, text, *persons):
        return Entry(path, f"{path}-hash"), make_decisions(*persons, path=path, sha256=f"{path}-hash")

    return [
        review("b/tuesday.txt", TUESDAY,
               make_person(TUESDAY, "Bezshan Nurlanov", "first_name", id="p1", reviewed=False),
               make_person(TUESDAY, "Yerlan Tokayev", "keep", role="public", id="p2", reviewed=False)),
        review("a/monday.txt", MONDAY,
               make_person(MONDAY, "Bezshan Nurlanov", "first_name", "Bezshan Nurlanov", "Nurlanov",
                           id="p1", reviewed=False)),
        review("c/wednesday.txt", WEDNESDAY,
               make_person(WEDNESDAY, "Bezshan Nurlanov", "placeholder", "BEZSHAN NURLANOV",
                           id="p1", reviewed=False),
               make_person(WEDNESDAY, "Dina Karimova", "pseudonym", id="p2", reviewed=False)),
        review("d/thursday.txt", THURSDAY,
               make_person(THURSDAY, "Nurlanov", "pseudonym", id="p1", reviewed=False)),
    ]


def test_the_same_person_in_three_files_is_one_row_with_each_files_mentions(reviews):
    review = gather(reviews)
    nurlanov = review.person("p1")
    assert nurlanov.person.name == "Bezshan Nurlanov"
    assert list(nurlanov.files) == ["a/monday.txt", "b/tuesday.txt", "c/wednesday.txt"]
    assert [m.text for m in nurlanov.files["a/monday.txt"]] == ["Bezshan Nurlanov", "Nurlanov"]
    assert [m.text for m in nurlanov.files["c/wednesday.txt"]] == ["BEZSHAN NURLANOV"]
    assert nurlanov.mention_count() == 4
    assert [s.person.name for s in review.persons] == [
        "Bezshan Nurlanov", "Yerlan Tokayev", "Dina Karimova", "Nurlanov"]
    assert [e.path for e in review.documents] == sorted(e.path for e, _ in reviews)


def test_a_surname_alone_in_another_file_stays_a_row_of_its_own(reviews):
    lone = gather(reviews).persons[-1]
    assert lone.person.name == "Nurlanov" and list(lone.files) == ["d/thursday.txt"]


def test_where_files_suggest_differently_the_most_withholding_suggestion_is_shown(reviews):
    nurlanov = gather(reviews).person("p1").person
    assert (nurlanov.action, nurlanov.replacement) == ("placeholder", "[name withheld]")
    assert "suggested first_name or placeholder in different files" in nurlanov.reason
    assert not nurlanov.reviewed


def test_pseudonyms_are_numbered_across_the_collection(reviews):
    review = gather(reviews)
    pseudonyms = [s.person.replacement for s in review.persons if s.person.action == "pseudonym"]
    assert pseudonyms == ["Source A", "Source B"]  # each file had its own "Source A"


def test_gathering_is_the_same_whatever_order_the_files_finished_in(reviews):
    assert gather(reviews).dumps() == gather(list(reversed(reviews))).dumps()


def test_the_review_round_trips_through_its_file(reviews, tmp_path):
    review = gather(reviews)
    path = tmp_path / "review.json"
    save_collection(review, path)
    assert (path.stat().st_mode & 0o077) == 0  # it holds the original names
    assert load_collection(path).dumps() == review.dumps()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "redactor-collection/1"
    assert data["documents"][0] == {"path": "a/monday.txt", "sha256": "a/monday.txt-hash"}
    assert set(data["persons"][0]["mentions"]) == {"a/monday.txt", "b/tuesday.txt", "c/wednesday.txt"}


def test_a_files_decisions_are_the_single_file_format(reviews):
    review = gather(reviews)
    decisions = review.decisions_for("b/tuesday.txt")
    assert parse_decisions(decisions.to_json()).to_json() == decisions.to_json()
    assert decisions.document_sha256 == "b/tuesday.txt-hash"
    assert [(p.id, p.action, [m.text for m in p.mentions]) for p in decisions.persons] == [
        ("p1", "placeholder", ["Bezshan Nurlanov"]), ("p2", "keep", ["Yerlan Tokayev"])]


def test_a_name_withheld_in_one_file_is_searched_in_every_copy(reviews):
    review = gather(reviews)
    guarded = review.guarded_decisions_for("d/thursday.txt")  # names only "Nurlanov" itself
    tokens = {f.token for f in find_leaks("Bezshan and KARIMOVA and Tokayev", guarded)}
    assert tokens == {"bezshan", "karimova"}  # the kept minister is not a leak


@pytest.mark.parametrize("change", [
    lambda d: d["documents"].append({"path": "../outside.txt", "sha256": "x"}),
    lambda d: d["documents"].append({"path": "/etc/passwd", "sha256": "x"}),
    lambda d: d["documents"].append({"path": "C:/drafts/a.txt", "sha256": "x"}),
    lambda d: d["documents"].append(dict(d["documents"][0])),
    lambda d: d["persons"][0]["mentions"].update({"elsewhere.txt": []}),
    lambda d: d["persons"][0]["mentions"]["a/monday.txt"][1].update(start=0),
    lambda d: d["persons"][1].update(action="blur"),
    lambda d: d["persons"][1].update(id="p1"),
    lambda d: d.update(format="redactor-decisions/1"),
])
def test_a_malformed_review_is_refused_with_a_reason(reviews, change):
    data = gather(reviews).to_json()
    change(data)
    with pytest.raises(DecisionsError):
        parse_collection(data)


def test_the_editor_can_split_a_person_file_by_file(reviews):
    review = gather(reviews)
    new = review.split("p1", ["c/wednesday.txt"])
    assert list(review.person("p1").files) == ["a/monday.txt", "b/tuesday.txt"]
    assert list(new.files) == ["c/wednesday.txt"] and new.person.name == "Bezshan Nurlanov"
    assert new.id not in {"p1", "p2", "p3", "p4"} and not new.person.reviewed
    assert parse_collection(review.to_json()).dumps() == review.dumps()
    with pytest.raises(DecisionsError):
        review.split("p1", ["a/monday.txt", "b/tuesday.txt"])  # that would leave p1 empty


def test_the_editor_can_join_two_rows(reviews):
    review = gather(reviews)
    review.person("p1").person.reviewed = True
    joined = review.join("p1", "p4")  # "Nurlanov" in Thursday's draft is Bezshan after all
    assert "d/thursday.txt" in joined.files and len(review.persons) == 3
    assert joined.person.name == "Bezshan Nurlanov" and not joined.person.reviewed
    assert joined.person.action == "placeholder"


def test_a_folder_lists_its_drafts_and_passes_over_hidden_and_unsupported_files(tmp_path):
    folder = tmp_path / "drafts"
    for name in ["a.txt", "sub/b.docx", "sub/deep/c.md", ".hidden.txt", "~$b.docx",
                 ".git/config.txt", "photo.jpg"]:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("x", encoding="utf-8")
    listing = list_collection([folder])
    assert listing.root == folder.resolve()
    assert listing.files == ["a.txt", "sub/b.docx", "sub/deep/c.md"]
    assert listing.skipped == ["photo.jpg"]
    several = list_collection([folder / "sub" / "b.docx", folder / "sub" / "deep" / "c.md"])
    assert several.root == (folder / "sub").resolve()
    assert several.files == ["b.docx", "deep/c.md"]
    (folder / "pictures").mkdir()
    (folder / "pictures" / "protest.png").write_bytes(b"\x89PNG")
    with pytest.raises(UnreadableDocument, match="^pictures: no drafts found"):
        list_collection([folder / "pictures"])


def test_copies_stay_in_the_output_folder_and_never_share_a_name(tmp_path):
    assert copy_name("wire/a.rtf") == "wire/a.rtf.txt"  # an RTF copy is plain text
    assert copy_name("a.docx") == "a.docx"
    with pytest.raises(RedactorError, match="same name"):
        check_copy_names(["Draft.txt", "draft.TXT"])
    with pytest.raises(RedactorError, match="outside"):
        check_output_folder(tmp_path, tmp_path / "redacted")
    check_output_folder(tmp_path / "drafts", tmp_path / "redacted")


def test_the_journal_ignores_a_line_cut_short_by_a_crash(tmp_path):
    journal = Journal(tmp_path)
    journal.start()
    (tmp_path / "a.txt").write_bytes(b"copy")
    import hashlib
    digest = hashlib.sha256(b"copy").hexdigest()
    journal.record(Done("a.txt", "k1", "a.txt", digest, True))
    with open(tmp_path / JOURNAL_NAME, "a", encoding="utf-8") as stream:
        stream.write('{"path": "b.txt", "key": "k1", "co')  # the crash
    again = Journal(tmp_path)
    assert again.finished("a.txt", "k1") is not None
    assert again.finished("a.txt", "k2") is None  # the review changed since
    assert again.finished("b.txt", "k1") is None
    (tmp_path / "a.txt").write_bytes(b"edited")
    assert again.finished("a.txt", "k1") is None  # the copy changed since


def test_the_journal_holds_no_name_and_no_hash_of_an_original(tmp_path):
    journal = Journal(tmp_path)
    journal.start()
    (tmp_path / "a.txt").write_bytes(b"copy")
    journal.record(Done("a.txt", "k", "a.txt", "d", True))
    text = (tmp_path / JOURNAL_NAME).read_text(encoding="utf-8")
    assert set(json.loads(text.splitlines()[0])) == {"path", "key", "copy", "sha256", "clean"}


def test_decisions_for_a_file_not_in_the_review_is_refused(reviews):
    with pytest.raises(KeyError):
        gather(reviews).decisions_for("nope.txt")
    assert isinstance(gather(reviews).decisions_for("a/monday.txt"), Decisions)


def test_a_copy_is_not_stopped_by_words_its_own_review_keeps_or_prints(make_person, make_decisions):
    from redactor.batch import narrowed_guards

    text = "Minister Odile Wendrick met Tobin Strahlberg."
    own = make_decisions(make_person(text, "Odile Wendrick", "keep", role="public", id="p1"),
                         make_person(text, "Tobin Strahlberg", "first_name", id="p2"))
    elsewhere = "Anouk Wendrick and Tobin Quillon marched. Odile Wendrick spoke."
    review = gather([(Entry("other.txt", "h"), make_decisions(
        make_person(elsewhere, "Anouk Wendrick", "placeholder", id="p1"),
        make_person(elsewhere, "Tobin Quillon", "initials", id="p2"),
        make_person(elsewhere, "Odile Wendrick", "first_name", id="p3")))])
    guards = review.guards()
    assert [(g.id, g.name, g.action, g.replacement) for g in guards] == [
        ("p1", "anouk wendrick", "remove", ""), ("p2", "quillon tobin", "remove", ""),
        ("p3", "wendrick", "remove", "")]
    narrowed = narrowed_guards(guards, own)
    assert [(g.id, g.name) for g in narrowed] == [("p1", "anouk"), ("p2", "quillon")]
    leaks = find_leaks(text + " Anouk Quillon", Decisions("", "", own.persons + narrowed))
    assert {f.token for f in leaks} == {"anouk", "quillon", "strahlberg"}
