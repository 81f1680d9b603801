"""Collections end to end with the real pipeline: detect a folder of mixed formats, apply the
review, resume a stopped run, refuse changed drafts, and get the same review from one
process, a process pool and a local Ray instance.

Every person here is invented. Detection runs once per module on the session's engine;
the pool and Ray tests start two workers each (seconds of spaCy loading apiece)."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest
from docx import Document as new_docx

from redactor.batch import StaleReview, apply_collection, detect_collection
from redactor.cli import main
from redactor.collection import CollectionReview, Entry, load_collection, parse_collection
from redactor.executors import InProcess, ProcessPool, Setup
from redactor.folders import list_collection
from redactor.journal import JOURNAL_NAME

pytestmark = pytest.mark.model

MONDAY = ("ALMATY, Kazakhstan (AP) — Bezshan Nurlanov, a 34-year-old teacher, was detained at "
          "the protest on Saturday. Nurlanov said police beat him.\n\n"
          "Interior Minister Yerlan Tokayev defended the officers.\n")
COURT = ("ALMATY, Kazakhstan (AP) — Bezshan Nurlanov, a 34-year-old teacher, was fined by a "
         "court on Monday. His neighbour Aigerim Sadykova, 29, was fined too.\n\n"
         "\"We did nothing wrong,\" Sadykova said.\n")
APPEAL = ("ASTANA, Kazakhstan (AP) — Lawyers for the teacher Bezshan Nurlanov, 34, said on "
          "Tuesday that they would appeal. Nurlanov spent two nights in custody.")
WITHHELD = ("nurlanov", "sadykova")


def write_drafts(folder: Path) -> Path:
    """One draft in each format a newsroom sends: text, Markdown, Word, HTML and RTF."""
    (folder / "wire").mkdir(parents=True)
    (folder / "monday.txt").write_text(MONDAY, encoding="utf-8")
    (folder / "wire" / "court.md").write_text("# Court\n\n" + COURT, encoding="utf-8")
    (folder / "page.html").write_text(
        "<html><head><title>Fines</title></head><body><p>"
        + COURT.replace("\n\n", "</p><p>") + "</p></body></html>", encoding="utf-8")
    document = new_docx()
    document.add_paragraph(APPEAL)
    document.core_properties.author = ""
    document.save(folder / "wire" / "appeal.docx")
    rtf = MONDAY.replace("—", "\\emdash ").replace("\n", "\\par\n")
    (folder / "wire" / "saturday.rtf").write_text(
        "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 " + rtf + "}", encoding="ascii")
    return folder


def hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def accepted(review: CollectionReview) -> CollectionReview:
    """A copy of ``review`` with every suggestion accepted as it stands."""
    review = parse_collection(review.to_json())
    for shared in review.persons:
        shared.person.reviewed = True
    return review


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> Path:
    return write_drafts(tmp_path_factory.mktemp("collection") / "drafts")


@pytest.fixture(scope="module")
def detected(engine, drafts):
    return detect_collection(list_collection([drafts]), InProcess.using(engine), Setup())


def test_the_same_person_in_three_files_is_one_row(detected):
    rows = [s for s in detected.review.persons if s.person.name == "Bezshan Nurlanov"]
    assert len(rows) == 1
    assert len(rows[0].files) >= 3
    assert rows[0].person.action != "keep"
    assert not detected.failures


def test_the_review_lists_each_file_with_the_hash_of_its_bytes(detected, drafts):
    listed = {e.path: e.sha256 for e in detected.review.documents}
    assert listed == hashes(drafts)


def test_a_collection_of_mixed_formats_round_trips(engine, detected, drafts, tmp_path):
    before = hashes(drafts)
    out = tmp_path / "redacted"
    results = apply_collection(drafts, accepted(detected.review), out, InProcess.using(engine),
                               Setup())
    assert [(r.path, r.copy, r.clean) for r in results] == [
        ("monday.txt", "monday.txt", True), ("page.html", "page.html", True),
        ("wire/appeal.docx", "wire/appeal.docx", True), ("wire/court.md", "wire/court.md", True),
        ("wire/saturday.rtf", "wire/saturday.rtf.txt", True)]
    assert hashes(drafts) == before  # originals untouched
    assert (out / "wire" / "appeal.docx").read_bytes()[:2] == b"PK"
    assert (out / "page.html").read_text(encoding="utf-8").startswith("<html><head>")
    review = detected.review
    for result in results:
        copy = out / result.copy
        assert engine.verify(copy, review.guarded_decisions_for(result.path)) == []
        text = copy.read_bytes().decode("utf-8", "replace").lower()
        if not result.copy.endswith(".docx"):
            assert not any(name in text for name in WITHHELD)
            assert "bezshan" in text  # AP style: the first name stays


def test_a_crash_mid_apply_resumes_where_it_stopped(engine, detected, drafts, tmp_path):
    out, done = tmp_path / "redacted", []

    def crash_after_two(count: int, total: int, path: str) -> None:
        done.append(path)
        if count == 2:
            raise KeyboardInterrupt  # the laptop's lid closes, the process dies

    review = accepted(detected.review)
    with pytest.raises(KeyboardInterrupt):
        apply_collection(drafts, review, out, InProcess.using(engine), Setup(),
                         progress=crash_after_two)
    first = {path: (out / path).stat().st_mtime_ns for path in done}
    assert len((out / JOURNAL_NAME).read_text(encoding="utf-8").splitlines()) == 2
    (out / "wire" / "court.md").write_text("half a copy", encoding="utf-8")  # left by the crash
    again = []
    results = apply_collection(drafts, review, out, InProcess.using(engine), Setup(),
                               progress=lambda count, total, path: again.append(path))
    assert all(r.clean for r in results)
    assert sorted(r.path for r in results if r.skipped) == sorted(done)
    assert sorted(again) == sorted({e.path for e in review.documents} - set(done))
    assert {path: (out / path).stat().st_mtime_ns for path in done} == first
    assert "Nurlanov" not in (out / "wire" / "court.md").read_text(encoding="utf-8")
    assert all(r.skipped for r in apply_collection(drafts, review, out, InProcess.using(engine),
                                                   Setup()))


def test_a_draft_changed_since_detection_is_refused_with_its_name(engine, detected, tmp_path):
    drafts = write_drafts(tmp_path / "drafts")
    with open(drafts / "wire" / "court.md", "a", encoding="utf-8") as stream:
        stream.write("\nA late paragraph naming Marat Yessenov.\n")
    out = tmp_path / "redacted"
    with pytest.raises(StaleReview, match=r"wire/court\.md; detect them again; nothing was written"):
        apply_collection(drafts, accepted(detected.review), out, InProcess.using(engine), Setup())
    assert not out.exists()


def test_a_name_missed_in_one_draft_is_caught_by_the_review_of_another(engine, make_person, tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    found = "Police detained Bezshan Nurlanov, a teacher, on Saturday."
    missed = "The school where the teacher works said Nurlanov had been a colleague for years."
    (folder / "found.txt").write_text(found, encoding="utf-8")
    (folder / "missed.txt").write_text(missed, encoding="utf-8")
    review = _hand_review(folder, {"found.txt": [make_person(found, "Bezshan Nurlanov", "first_name")],
                                   "missed.txt": []})
    results = apply_collection(folder, review, tmp_path / "out", InProcess.using(engine), Setup())
    by_path = {r.path: r for r in results}
    assert by_path["found.txt"].clean
    assert not by_path["missed.txt"].clean and by_path["missed.txt"].copy == "missed.UNFINISHED.txt"
    assert ("nurlanov", "p1") in {(f.token, f.person_id) for f in by_path["missed.txt"].findings}
    assert not (tmp_path / "out" / "missed.txt").exists()


def test_a_draft_whose_file_name_holds_a_withheld_name_gets_no_copy(engine, make_person, tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    text = "Police detained Bezshan Nurlanov, a teacher, on Saturday."
    (folder / "nurlanov_interview.txt").write_text(text, encoding="utf-8")
    review = _hand_review(folder, {"nurlanov_interview.txt": [
        make_person(text, "Bezshan Nurlanov", "first_name")]})
    [result] = apply_collection(folder, review, tmp_path / "out", InProcess.using(engine), Setup())
    assert not result.clean and [f.place for f in result.findings] == ["file name"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [JOURNAL_NAME]


def _hand_review(folder: Path, persons_by_file: dict) -> CollectionReview:
    """A collection review built by hand: one person, mentioned in the files given persons."""
    from redactor.collection import SharedPerson

    entries = [Entry(p, hashlib.sha256((folder / p).read_bytes()).hexdigest()) for p in persons_by_file]
    shared: SharedPerson | None = None
    for path, persons in persons_by_file.items():
        for person in persons:
            if shared is None:
                shared = SharedPerson(person)
            shared.files[path] = person.mentions
    return CollectionReview(entries, [shared])


def test_a_process_pool_gives_the_same_review_as_one_process(detected, drafts):
    pooled = detect_collection(list_collection([drafts]), lambda s: ProcessPool(s, 2), Setup())
    assert pooled.review.dumps() == detected.review.dumps()


def test_ray_local_gives_the_same_review_and_copies_as_one_process(engine, detected, drafts, tmp_path):
    pytest.importorskip("ray")
    from redactor.cluster import ray_executors

    on_ray = detect_collection(list_collection([drafts]), ray_executors("local", 2), Setup())
    assert _sorted_json(on_ray.review) == _sorted_json(detected.review)
    assert on_ray.review.dumps() == detected.review.dumps()  # the same bytes, unsorted too
    review = accepted(on_ray.review)
    apply_collection(drafts, review, tmp_path / "ray", ray_executors("local", 2), Setup())
    apply_collection(drafts, review, tmp_path / "here", InProcess.using(engine), Setup())
    ray_copies, here_copies = hashes(tmp_path / "ray"), hashes(tmp_path / "here")
    ray_copies.pop(JOURNAL_NAME), here_copies.pop(JOURNAL_NAME)
    assert ray_copies == here_copies and len(ray_copies) == 5
    import ray

    assert not ray.is_initialized()  # the executor stopped the instance it started


def _sorted_json(review: CollectionReview) -> str:
    return json.dumps(review.to_json(), sort_keys=True, ensure_ascii=False)


def test_the_command_line_detects_and_applies_a_folder(drafts, tmp_path, capsys):
    review, out = tmp_path / "review.json", tmp_path / "redacted"
    assert main(["detect", str(drafts), "-o", str(review)]) == 0
    assert load_collection(review).documents[0].path == "monday.txt"
    assert main(["apply", str(drafts), "--decisions", str(review), "-o", str(out)]) == 3
    assert "not reviewed yet" in capsys.readouterr().err
    assert main(["apply", str(drafts), "--decisions", str(review), "-o", str(out),
                 "--accept-suggestions"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("wrote ") == 5 and "5 of 5 copies clean" in captured.err
    assert main(["apply", str(drafts), "--decisions", str(review), "-o", str(out),
                 "--accept-suggestions"]) == 0
    assert capsys.readouterr().out.count("(done by an earlier run)") == 5


def test_the_command_line_says_how_to_get_ray_when_it_is_missing(drafts, tmp_path, capsys,
                                                                 monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # as on a laptop without the cluster extra
    code = main(["detect", str(drafts), "--ray", "local", "-o", str(tmp_path / "r.json")])
    assert code == 2
    assert capsys.readouterr().err.strip() == ("redactor: --ray needs Ray, which is not "
                                               "installed: pip install 'redactor[cluster]'")
    assert not (tmp_path / "r.json").exists()


def test_an_output_folder_inside_the_drafts_is_refused(drafts, tmp_path, capsys):
    review = tmp_path / "review.json"
    review.write_text(json.dumps({"format": "redactor-collection/1", "documents": [],
                                  "persons": []}), encoding="utf-8")
    assert main(["apply", str(drafts), "--decisions", str(review), "-o",
                 str(drafts / "redacted")]) == 2
    assert "must be outside the drafts' folder" in capsys.readouterr().err


def test_a_process_pool_detects_and_applies_a_folder_without_network(drafts, tmp_path):
    """The command line's pool workers are spawned processes: each must run blocked too."""
    import os
    import subprocess

    from test_offline import BLOCK_SOURCE, COMMAND, REPO

    site = tmp_path / "site"
    site.mkdir()
    (site / "offline_block.py").write_text(BLOCK_SOURCE, encoding="utf-8")
    (site / "sitecustomize.py").write_text("import offline_block\n\noffline_block.install()\n",
                                           encoding="utf-8")
    log = tmp_path / "network.log"
    env = dict(os.environ, PYTHONIOENCODING="utf-8", REDACTOR_NET_LOG=str(log),
               PYTHONPATH=os.pathsep.join(filter(None, [str(site), str(REPO),
                                                        os.environ.get("PYTHONPATH")])))
    for args in (["detect", str(drafts), "-o", "review.json", "--workers", "2"],
                 ["apply", str(drafts), "--decisions", "review.json", "-o", "redacted",
                  "--accept-suggestions", "--workers", "2"]):
        done = subprocess.run(COMMAND + args, cwd=tmp_path, env=env, stdin=subprocess.DEVNULL,
                              capture_output=True, encoding="utf-8", timeout=300)
        assert done.returncode == 0, done.stderr
    lines = log.read_text(encoding="utf-8").splitlines()
    assert not [line for line in lines if line.startswith("attempt")]
    assert len({line for line in lines if line.startswith("armed")}) >= 6  # 2 runs x 3 processes
    assert len(hashes(tmp_path / "redacted")) == 6  # five copies and the journal
