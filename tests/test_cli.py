"""The ``redactor`` command end to end, in real subprocesses with the real spaCy pipeline.

Every process loads spaCy (seconds), so the commands run once per module, in parallel
batches, from module-scoped fixtures; the tests then check what each one did:

* ``cli``: commands that never reach the model (help, usage errors, unreadable input);
* ``flow``: detect, then apply and verify with the decisions that detect wrote.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from redactor.decisions import Decisions, parse_decisions
from redactor.documents import read_document
from redactor.redaction import apply_decisions

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]
_SCRIPT = Path(sys.executable).with_name("redactor")
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "redactor"]
DRAFT = FIXTURES / "harbour_vigil.txt"
PNG_HEADER = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x80\x00\x00\x01\xe0\x08\x06"
              b"\x00\x00\x005\xd1\xdc\xe4")


@dataclass(frozen=True)
class Run:
    args: tuple[str, ...]
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


def run_batch(cwd: Path, commands: dict[str, list[str]]) -> dict[str, Run]:
    """Run independent commands concurrently (each loads spaCy); return their results by name."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8",
               PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))

    def run(args: list[str]) -> Run:
        done = subprocess.run(COMMAND + args, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                              capture_output=True, encoding="utf-8", timeout=300)
        return Run(tuple(args), done.returncode, done.stdout, done.stderr)

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = {name: pool.submit(run, args) for name, args in commands.items()}
        return {name: future.result() for name, future in futures.items()}


def assert_one_line_error(run: Run, code: int = 2) -> str:
    """A refusal: the exit code, one 'redactor: ...' line on stderr, nothing on stdout."""
    assert run.code == code, run
    assert "Traceback" not in run.err
    assert len(run.err_lines) == 1 and run.err_lines[0].startswith("redactor: "), run.err
    assert run.out == ""
    return run.err_lines[0]


# --- commands that never load the model -----------------------------------------------------


@pytest.fixture(scope="module")
def cli(tmp_path_factory):
    work = tmp_path_factory.mktemp("cli")
    shutil.copyfile(DRAFT, work / "vigil.txt")
    (work / "photo.txt").write_bytes(PNG_HEADER)
    runs = run_batch(work, {
        "help detect": ["detect", "--help"],
        "help apply": ["apply", "--help"],
        "help verify": ["verify", "--help"],
        "binary": ["detect", "photo.txt", "-o", "photo.decisions.json"],
        "no decisions file": ["apply", "vigil.txt", "--decisions", "nope.json", "-o", "nope.txt"],
        "no output option": ["apply", "vigil.txt", "--decisions", "vigil.decisions.json"],
    })
    return work, runs


@pytest.mark.parametrize(("name", "expected"), [
    ("help detect", ["--json", "--output", "--keep", "--redact", "--model"]),
    ("help apply", ["--decisions", "--output", "--accept-suggestions", "--force"]),
    ("help verify", ["--decisions", "OUT"]),
])
def test_help_on_each_command_exits_0(cli, name, expected):
    run = cli[1][name]
    assert run.code == 0 and run.err == ""
    assert run.out.startswith(f"usage: redactor {name.split()[1]}")
    for option in expected:
        assert option in run.out


@pytest.mark.parametrize(("name", "message", "unwritten"), [
    ("binary", "photo.txt: the file is binary", "photo.decisions.json"),
    ("no decisions file", "nope.json: no such decisions file", "nope.txt"),
])
def test_unreadable_input_is_one_line_and_exit_2_with_nothing_written(cli, name, message,
                                                                      unwritten):
    work, runs = cli
    line = assert_one_line_error(runs[name])
    assert line.startswith(f"redactor: {message}")
    assert not (work / unwritten).exists()
    assert sorted(p.name for p in work.iterdir()) == ["photo.txt", "vigil.txt"]


def test_a_usage_error_exits_2_with_a_one_line_reason(cli):
    work, runs = cli
    run = runs["no output option"]
    assert run.code == 2 and run.out == ""
    assert "Traceback" not in run.err
    errors = [line for line in run.err_lines if "error:" in line]
    assert len(errors) == 1 and errors[0].startswith("redactor apply: error:")
    assert "-o/--output" in errors[0]
    assert sorted(p.name for p in work.iterdir()) == ["photo.txt", "vigil.txt"]


# --- detect, apply, verify with the real pipeline -------------------------------------------


@dataclass
class Flow:
    work: Path
    runs: dict[str, Run]
    original: bytes
    before: dict[str, tuple[bytes, int, int]]  # path -> (bytes, mtime_ns, mode) before apply
    reviewed: Decisions


def _snapshot(path: Path) -> tuple[bytes, int, int]:
    info = path.stat()
    return path.read_bytes(), info.st_mtime_ns, stat.S_IMODE(info.st_mode)


@pytest.fixture(scope="module")
def flow(tmp_path_factory):
    work = tmp_path_factory.mktemp("flow")
    original = DRAFT.read_bytes()
    for folder in ("", "readonly"):
        (work / folder).mkdir(exist_ok=True)
        (work / folder / "vigil.txt").write_bytes(original)
    (work / "readonly" / "vigil.txt").chmod(0o444)
    (work / "edited.txt").write_bytes(original + b"\nEditor's note: updated on Monday.\n")
    (work / "existing.txt").write_bytes(b"yesterday's copy\n")

    runs = run_batch(work, {
        "detect": ["detect", "vigil.txt", "--json", "-o", "vigil.decisions.json"],
        "table": ["detect", "vigil.txt"],
    })
    assert runs["detect"].code == 0, runs["detect"]

    # The editor reviews: every suggestion accepted as it stands.
    data = json.loads((work / "vigil.decisions.json").read_text(encoding="utf-8"))
    for person in data["persons"]:
        person["reviewed"] = True
    (work / "reviewed.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    before = {name: _snapshot(work / name) for name in ("vigil.txt", "readonly/vigil.txt",
                                                         "existing.txt")}
    runs |= run_batch(work, {
        "apply": ["apply", "vigil.txt", "--decisions", "reviewed.json", "-o", "redacted.txt"],
        "accepted": ["apply", "readonly/vigil.txt", "--decisions", "vigil.decisions.json",
                     "--accept-suggestions", "-o", "accepted.txt"],
        "over original": ["apply", "readonly/vigil.txt", "--decisions", "reviewed.json",
                          "-o", "readonly/vigil.txt", "--force"],
        "unreviewed": ["apply", "vigil.txt", "--decisions", "vigil.decisions.json",
                       "-o", "unreviewed.txt"],
        "stale": ["apply", "edited.txt", "--decisions", "reviewed.json", "-o", "stale.txt"],
        "exists": ["apply", "vigil.txt", "--decisions", "reviewed.json", "-o", "existing.txt"],
    })
    runs |= run_batch(work, {
        "verify": ["verify", "redacted.txt", "--decisions", "reviewed.json"],
        "verify original": ["verify", "vigil.txt", "--decisions", "reviewed.json"],
    })
    return Flow(work, runs, original, before, parse_decisions(data))


@pytest.mark.model
def test_detect_json_prints_unreviewed_decisions_for_this_file(flow):
    run = flow.runs["detect"]
    assert run.code == 0 and run.err == ""
    decisions = parse_decisions(json.loads(run.out))
    assert decisions.document_path == "vigil.txt"
    assert decisions.document_sha256 == hashlib.sha256(flow.original).hexdigest()
    assert decisions.persons and all(not p.reviewed for p in decisions.persons)
    text = flow.original.decode("utf-8")
    for person in decisions.persons:
        for mention in person.mentions:
            assert text[mention.start:mention.end] == mention.text
    worker = next(p for p in decisions.persons if p.name == "Bezshan Nurlanov")
    assert (worker.role, worker.action, worker.replacement) == ("private", "first_name", "Bezshan")
    assert [m.text for m in worker.mentions] == ["Bezshan Nurlanov", "Nurlanov", "Nurlanov",
                                                 "NURLANOV"]


@pytest.mark.model
def test_detect_output_writes_the_same_decisions_to_a_private_file(flow):
    path = flow.work / "vigil.decisions.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    written = path.read_text(encoding="utf-8")
    assert written == flow.runs["detect"].out
    assert parse_decisions(json.loads(written)).document_sha256 == \
        hashlib.sha256(flow.original).hexdigest()


@pytest.mark.model
def test_detect_table_lists_every_person(flow):
    run = flow.runs["table"]
    assert run.code == 0 and run.err == ""
    lines = run.out.splitlines()
    assert lines[0].split() == ["id", "name", "role", "action", "replacement", "mentions"]
    assert set(lines[1]) == {"-", " "}
    decisions = parse_decisions(json.loads(flow.runs["detect"].out))
    rows = lines[2:lines.index("")] if "" in lines else lines[2:]  # details follow a blank line
    assert len(rows) == len(decisions.persons)
    for row, person in zip(rows, decisions.persons):
        assert row.startswith(person.id + " ")
        assert person.name in row and person.action in row
        assert row.split()[-1] == str(len(person.mentions))
    assert re.search(r"^p\d+\s+Bezshan Nurlanov\s+private\s+first_name\s+Bezshan\s+4$", run.out,
                     re.MULTILINE)


@pytest.mark.model
def test_apply_refuses_unreviewed_persons(flow):
    line = assert_one_line_error(flow.runs["unreviewed"], code=3)
    assert "not reviewed" in line and "--accept-suggestions" in line
    assert not (flow.work / "unreviewed.txt").exists()


@pytest.mark.model
def test_apply_accept_suggestions_applies_them_as_they_stand(flow):
    run = flow.runs["accepted"]
    assert run.code == 0, run
    assert (flow.work / "accepted.txt").read_bytes() == (flow.work / "redacted.txt").read_bytes()


@pytest.mark.model
def test_apply_refuses_a_review_made_for_another_version(flow):
    line = assert_one_line_error(flow.runs["stale"], code=3)
    assert "sha256 does not match" in line
    assert not (flow.work / "stale.txt").exists()


@pytest.mark.model
def test_apply_refuses_to_overwrite_an_existing_output_without_force(flow):
    line = assert_one_line_error(flow.runs["exists"], code=2)
    assert line == "redactor: existing.txt: already exists (use --force to replace it)"
    assert _snapshot(flow.work / "existing.txt") == flow.before["existing.txt"]


@pytest.mark.model
def test_apply_never_modifies_the_original(flow):
    assert flow.runs["apply"].code == 0, flow.runs["apply"]
    assert flow.runs["accepted"].code == 0, flow.runs["accepted"]  # from the read-only copy
    line = assert_one_line_error(flow.runs["over original"], code=2)
    assert line == "redactor: vigil.txt: refusing to overwrite the original document"
    for name in ("vigil.txt", "readonly/vigil.txt"):
        assert _snapshot(flow.work / name) == flow.before[name]
        assert (flow.work / name).read_bytes() == flow.original
    assert flow.before["readonly/vigil.txt"][2] == 0o444
    leftovers = [p.name for p in flow.work.rglob("*") if p.name.endswith(".part")]
    assert leftovers == []


@pytest.mark.model
def test_round_trip_detect_review_apply_verify(flow):
    apply, verify = flow.runs["apply"], flow.runs["verify"]
    assert apply.code == 0, apply
    assert apply.out.splitlines() == ["wrote redacted.txt", "redacted.txt: clean (no withheld name, no unreviewed name, no name beside a replacement, no withheld detail)"]
    assert verify.code == 0, verify
    assert verify.out == "redacted.txt: clean (no withheld name, no unreviewed name, no name beside a replacement, no withheld detail)\n" and verify.err == ""

    redacted = (flow.work / "redacted.txt").read_bytes()
    document = read_document(flow.work / "vigil.txt")
    assert redacted == document.encode(apply_decisions(document.text, flow.reviewed))[0]
    text = redacted.decode("utf-8")
    assert not re.search("nurlanov", text, re.IGNORECASE)
    assert "A dock worker, Bezshan, 31, said" in text and "Bezshan's wife" in text
    assert "\nBEZSHAN, reached again by phone" in text
    assert "Governor Lucas Fenwick" in text  # public figures are kept


@pytest.mark.model
def test_verify_on_the_original_lists_each_leak_with_line_and_column(flow):
    run = flow.runs["verify original"]
    assert run.code == 1
    assert re.fullmatch(r"vigil\.txt: \d+ finding\(s\); the copy is not clean\n", run.err)
    listed = set(run.out.splitlines())
    text = flow.original.decode("utf-8")
    expected = set()
    for match in re.finditer(r"\bnurlanov\b", text, re.IGNORECASE):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - text.rfind("\n", 0, match.start())
        expected.add(line)
        assert any(entry.startswith(f"vigil.txt:{line}:{column}: withheld name 'nurlanov' ")
                   for entry in listed), (line, column, listed)
    assert len(expected) == 2  # the paragraph and the ALL-CAPS follow-up
    assert not any("'bezshan'" in entry for entry in listed)  # the first name is shown


@pytest.mark.model
def test_detect_refuses_to_write_its_decisions_over_the_draft(engine, draft, monkeypatch, capsys):
    """Once replaced the draft with the JSON review: save_decisions had no ``protect``."""
    from redactor import cli as command

    # In process, with the session's loaded pipeline instead of a fresh one (saves a spaCy load).
    monkeypatch.setattr("redactor.engine.Engine", lambda *args, **kwargs: engine)
    path = draft(DRAFT.read_bytes(), name="vigil.txt")
    code = command.main(["detect", str(path), "-o", str(path), "--force"])
    assert path.read_bytes() == DRAFT.read_bytes()
    assert code == 2 and "original" in capsys.readouterr().err


def _accepted_review(engine, document) -> Decisions:
    decisions = engine.analyze(document)
    for person in decisions.persons:
        person.reviewed = True
    return decisions


@pytest.mark.model
@pytest.mark.parametrize("complete", [True, False], ids=["every-mention", "first-mention-only"])
def test_apply_checks_a_copy_saved_under_any_name(engine, tmp_path, monkeypatch, capsys, complete):
    """Once wrote the copy, then failed with exit 2 ("unsupported file type") before checking it.

    A copy the second reading finds names in never takes the requested name.
    """
    from redactor import cli as command

    monkeypatch.setattr("redactor.engine.Engine", lambda *args, **kwargs: engine)
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(DRAFT, "vigil.txt")
    document = read_document("vigil.txt")
    decisions = _accepted_review(engine, document)
    worker = next(p for p in decisions.persons if p.name == "Bezshan Nurlanov")
    if not complete:  # the later "Nurlanov"s are left out of the review
        worker.mentions = worker.mentions[:1]
    Path("review.json").write_text(decisions.dumps(), encoding="utf-8")

    code = command.main(["apply", "vigil.txt", "--decisions", "review.json",
                         "-o", "vigil.redacted"])
    out = capsys.readouterr().out
    if complete:
        assert code == 0
        assert "A dock worker, Bezshan, 31," in Path("vigil.redacted").read_text(encoding="utf-8")
        assert out.splitlines()[-1] == "vigil.redacted: clean (no withheld name, no unreviewed name, no name beside a replacement, no withheld detail)"
    else:  # the check finds them in the copy, which goes beside the name, marked unfinished
        assert code == 1 and not Path("vigil.redacted").exists()
        assert "A dock worker, Bezshan, 31," in Path("vigil.UNFINISHED.redacted").read_text("utf-8")
        assert re.search(r"^vigil\.UNFINISHED\.redacted:\d+:\d+: withheld name 'nurlanov'", out,
                         re.MULTILINE)


@pytest.mark.model
def test_a_disk_error_while_writing_is_a_one_line_message(engine, tmp_path, monkeypatch, capsys):
    import redactor.writing as writing
    from redactor import cli as command

    monkeypatch.setattr("redactor.engine.Engine", lambda *args, **kwargs: engine)
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(DRAFT, "vigil.txt")
    document = read_document("vigil.txt")
    Path("review.json").write_text(_accepted_review(engine, document).dumps(), encoding="utf-8")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writing.os, "fsync", disk_full)
    code = command.main(["apply", "vigil.txt", "--decisions", "review.json", "-o", "out.txt"])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("redactor: out.txt: ") and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review.json", "vigil.txt"]
