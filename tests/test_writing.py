"""Writing outputs: atomic, never over an existing file without force, never over the
original, owner-only when private, and no temporary file left behind whatever happens."""

from __future__ import annotations

import os
import stat

import pytest

from redactor.decisions import Decisions, Mention, Person
from redactor.documents import read_document
from redactor.engine import save_decisions
from redactor.errors import DecisionsError, OutputExists, RedactorError
from redactor.writing import write_atomic

DATA = "Bezshan, 31, said police took his cousin.\r\n— Žomart\n".encode("utf-8")


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def names_in(folder):
    return sorted(p.name for p in folder.iterdir())


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_writes_the_bytes_exactly(tmp_path, umask_022):
    out = tmp_path / "vigil.redacted.txt"
    write_atomic(out, DATA)
    assert out.read_bytes() == DATA
    assert mode(out) == 0o644  # an ordinary file: 0o666 less the umask
    assert names_in(tmp_path) == ["vigil.redacted.txt"]


def test_private_output_is_readable_by_its_owner_only(tmp_path, umask_022):
    out = tmp_path / "vigil.decisions.json"
    write_atomic(out, DATA, private=True)
    assert mode(out) == 0o600
    assert names_in(tmp_path) == ["vigil.decisions.json"]


def test_an_existing_file_is_refused_without_force_and_left_untouched(tmp_path):
    out = tmp_path / "vigil.redacted.txt"
    out.write_bytes(b"yesterday's copy")
    before = out.stat()
    with pytest.raises(OutputExists, match=r"^vigil\.redacted\.txt: already exists .*--force"):
        write_atomic(out, DATA)
    assert out.read_bytes() == b"yesterday's copy"
    assert out.stat().st_mtime_ns == before.st_mtime_ns and out.stat().st_ino == before.st_ino
    assert names_in(tmp_path) == ["vigil.redacted.txt"]


def test_force_replaces_an_existing_file(tmp_path, umask_022):
    out = tmp_path / "vigil.redacted.txt"
    out.write_bytes(b"yesterday's copy, much longer than the new one " * 10)
    write_atomic(out, DATA, force=True)
    assert out.read_bytes() == DATA
    assert names_in(tmp_path) == ["vigil.redacted.txt"]


def test_force_with_private_tightens_an_open_file(tmp_path):
    out = tmp_path / "vigil.decisions.json"
    out.write_bytes(b"{}")
    out.chmod(0o644)
    write_atomic(out, DATA, force=True, private=True)
    assert mode(out) == 0o600 and out.read_bytes() == DATA


@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink"])
def test_the_original_is_refused_even_with_force(tmp_path, monkeypatch, spelling):
    original = tmp_path / "vigil.txt"
    original.write_bytes(b"Bezshan Nurlanov said.")
    before = original.stat()
    monkeypatch.chdir(tmp_path)
    target = {"same": original, "dotted": tmp_path / "." / "vigil.txt"}.get(spelling)
    if spelling == "symlink":
        target = tmp_path / "copy.txt"
        target.symlink_to(original)
    with pytest.raises(RedactorError, match="refusing to overwrite the original"):
        write_atomic(target, DATA, force=True, protect=original)
    assert original.read_bytes() == b"Bezshan Nurlanov said."
    assert original.stat().st_mtime_ns == before.st_mtime_ns
    assert not [n for n in names_in(tmp_path) if n.endswith(".part")]


def test_a_missing_folder_is_a_one_line_error(tmp_path):
    with pytest.raises(RedactorError, match=r"^out\.txt: cannot write in"):
        write_atomic(tmp_path / "no-such-folder" / "out.txt", DATA)


def test_a_folder_as_output_is_refused(tmp_path):
    (tmp_path / "out.txt").mkdir()
    with pytest.raises(RedactorError, match="is a folder"):
        write_atomic(tmp_path / "out.txt", DATA, force=True)


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failure_midway_leaves_no_temporary_file_and_no_output(tmp_path, monkeypatch, failing):
    import redactor.writing as writing

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writing.os, failing, broken)
    out = tmp_path / "vigil.redacted.txt"
    with pytest.raises((OSError, RedactorError)):  # raw today; a one-line error would do too
        write_atomic(out, DATA, force=(failing == "replace"))
    monkeypatch.undo()
    assert names_in(tmp_path) == []


def test_without_hard_links_the_copy_is_still_written_once(tmp_path, monkeypatch):
    import redactor.writing as writing

    def no_links(*args, **kwargs):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(writing.os, "link", no_links)
    out = tmp_path / "vigil.redacted.txt"
    write_atomic(out, DATA)
    assert out.read_bytes() == DATA
    with pytest.raises(OutputExists):
        write_atomic(out, b"second write")
    assert out.read_bytes() == DATA
    assert names_in(tmp_path) == ["vigil.redacted.txt"]


def test_a_failed_forced_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    import redactor.writing as writing

    out = tmp_path / "vigil.redacted.txt"
    out.write_bytes(b"yesterday's copy")
    monkeypatch.setattr(writing.os, "replace", lambda *a: (_ for _ in ()).throw(OSError(5, "EIO")))
    with pytest.raises((OSError, RedactorError)):  # raw today; a one-line error would do too
        write_atomic(out, DATA, force=True)
    monkeypatch.undo()
    assert out.read_bytes() == b"yesterday's copy"
    assert names_in(tmp_path) == ["vigil.redacted.txt"]


# --- the engine's savers (no model needed: applying uses only the anonymizer) ---------------


def _review_for(document) -> Decisions:
    start = document.text.index("Nurlanov")
    return Decisions(str(document.path), document.sha256, [
        Person("p1", "Bezshan Nurlanov", "private", "first_name", "Bezshan",
               [Mention(start - 8, start + 8, "Bezshan Nurlanov")], True)])


def test_save_writes_a_copy_and_never_the_original(engine, draft, tmp_path):
    path = draft("A dock worker, Bezshan Nurlanov, 31, said.\n", name="vigil.txt")
    original, before = path.read_bytes(), path.stat().st_mtime_ns
    document = read_document(path)
    decisions = _review_for(document)
    saved = engine.save(document, decisions, tmp_path / "vigil.redacted.txt")
    assert saved.path.read_bytes() == b"A dock worker, Bezshan, 31, said.\n"
    assert saved.findings == [] and saved.encoding == "utf-8"
    with pytest.raises(RedactorError, match="refusing to overwrite the original"):
        engine.save(document, decisions, path, force=True)
    assert path.read_bytes() == original and path.stat().st_mtime_ns == before


def test_save_refuses_a_review_of_another_version(engine, draft, tmp_path):
    path = draft("A dock worker, Bezshan Nurlanov, 31, said.\n", name="vigil.txt")
    decisions = _review_for(read_document(path))
    path.write_bytes(b"A dock worker, Bezshan Nurlanov, 31, said today.\n")
    with pytest.raises(DecisionsError, match="sha256 does not match"):
        engine.save(read_document(path), decisions, tmp_path / "out.txt")
    assert names_in(tmp_path) == ["vigil.txt"]


def test_save_decisions_is_private_and_refuses_to_overwrite(tmp_path):
    decisions = Decisions("vigil.txt", "0" * 64, [])
    out = tmp_path / "vigil.json"
    save_decisions(decisions, out)
    assert mode(out) == 0o600
    assert out.read_text(encoding="utf-8") == decisions.dumps()
    with pytest.raises(OutputExists):
        save_decisions(Decisions("other.txt", "1" * 64, []), out)
    assert out.read_text(encoding="utf-8") == decisions.dumps()


@pytest.mark.parametrize("delay", [0.05, 0.3, 0.8])
def test_a_process_killed_mid_write_leaves_the_old_file_or_none_never_part(tmp_path, delay):
    """SIGKILL a real writer at some point of a large write: the destination is the whole old
    file or the whole new one, whichever moment the kill landed in."""
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "copy.txt"
    out.write_bytes(b"old copy\n")
    size = 150 << 20
    writer = subprocess.Popen([sys.executable, "-c", (
        "import sys; from redactor.writing import write_atomic; "
        f"write_atomic(sys.argv[1], b'n' * {size}, force=True)"), str(out)])
    time.sleep(delay)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert out.read_bytes() == b"old copy\n" or out.stat().st_size == size
