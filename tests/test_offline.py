"""Detection, apply and verify work with every network socket blocked, and never try one.

A draft must never cause network traffic (README: "no draft, name or model ever goes over
the network"). These tests replace ``socket.socket.connect``/``connect_ex``/``sendto``,
``socket.create_connection``, ``socket.getaddrinfo`` and ``socket.gethostbyname`` with
functions that record the attempt and raise, then run the engine:

* in this process, through the API the desktop app uses (``Engine.analyze``,
  ``Engine.save``, ``Engine.verify``), with the session's loaded ``engine``;
* in real ``redactor`` subprocesses, where a ``sitecustomize.py`` on ``PYTHONPATH`` installs
  the same block before anything else is imported, so loading spaCy and Presidio is covered.

A blocked call raises, but code that catches the error and carries on (tldextract falls
back to its bundled snapshot, for instance) would still pass on "exit 0" alone, so each
test also asserts that no attempt was recorded at all. Local (AF_UNIX) sockets stay
allowed: they are not network traffic.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from redactor.documents import read_document

REPO = Path(__file__).resolve().parents[1]
_SCRIPT = Path(sys.executable).with_name("redactor")
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "redactor"]

# An invented draft: one person at risk (to be withheld), one public figure (kept).
DRAFT = (
    "Police detain dozens at harbour vigil\n\n"
    "A protester named Marat Bekov told reporters that riot police blocked the bridge. "
    "Bekov asked that his full name not be published.\n\n"
    "Interior Minister Jonas Brekke said 41 people were detained. "
    "Brekke did not say whether any would be charged.\n"
)

# The block, as source: installed in this process by the fixture below and, written out as
# sitecustomize.py, in every subprocess. Attempts are appended to a list and, when
# REDACTOR_NET_LOG names a file, to that file (one line each).
BLOCK_SOURCE = textwrap.dedent('''
    import os
    import socket

    ATTEMPTS = []
    _LOG = os.environ.get("REDACTOR_NET_LOG")


    def _record(what):
        ATTEMPTS.append(what)
        if _LOG:
            with open(_LOG, "a", encoding="utf-8") as log:
                log.write(f"attempt {what} (pid {os.getpid()})\\n")


    def _refuse(what):
        _record(what)
        return OSError(f"network access blocked by the offline test: {what}")


    def _network(sock):
        return getattr(socket, "AF_UNIX", None) is None or sock.family != socket.AF_UNIX


    _connect, _connect_ex, _sendto = socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto


    def connect(self, address):
        if _network(self):
            raise _refuse(f"connect {address!r}")
        return _connect(self, address)


    def connect_ex(self, address):
        if _network(self):
            raise _refuse(f"connect_ex {address!r}")
        return _connect_ex(self, address)


    def sendto(self, *args):
        if _network(self):
            raise _refuse(f"sendto {args[-1]!r}")
        return _sendto(self, *args)


    def create_connection(address, *args, **kwargs):
        raise _refuse(f"create_connection {address!r}")


    def getaddrinfo(host, *args, **kwargs):
        raise _refuse(f"getaddrinfo {host!r}")


    def gethostbyname(host):
        raise _refuse(f"gethostbyname {host!r}")


    PATCHES = {
        (socket.socket, "connect"): connect,
        (socket.socket, "connect_ex"): connect_ex,
        (socket.socket, "sendto"): sendto,
        (socket, "create_connection"): create_connection,
        (socket, "getaddrinfo"): getaddrinfo,
        (socket, "gethostbyname"): gethostbyname,
    }


    def install():
        for (owner, name), replacement in PATCHES.items():
            setattr(owner, name, replacement)
        if _LOG:
            with open(_LOG, "a", encoding="utf-8") as log:
                log.write(f"armed (pid {os.getpid()})\\n")
''')


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Block every network socket in this process for one test; return the attempts list."""
    block: dict = {}
    exec(compile(BLOCK_SOURCE, "offline_block", "exec"), block)
    for (owner, name), replacement in block["PATCHES"].items():
        monkeypatch.setattr(owner, name, replacement)
    return block["ATTEMPTS"]


def test_the_block_refuses_and_records_network_access(no_network: list[str]) -> None:
    with pytest.raises(OSError, match="blocked"):
        socket.create_connection(("example.org", 443), timeout=1)
    with pytest.raises(OSError, match="blocked"):
        socket.getaddrinfo("example.org", 443)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(OSError, match="blocked"):
            sock.connect(("127.0.0.1", 9))
    if sys.platform != "win32":  # local sockets still work (Windows makes pairs over TCP)
        left, right = socket.socketpair()
        with left, right:
            left.sendall(b"ok")
            assert right.recv(2) == b"ok"
    assert len(no_network) == 3


@pytest.mark.model
def test_detect_apply_verify_in_process_without_network(engine, draft, no_network: list[str],
                                                       tmp_path: Path) -> None:
    # The session's engine may have loaded before the block (loading offline is covered by
    # the subprocess test below); everything it does from here on runs blocked.
    from redactor.engine import save_decisions

    path = draft(DRAFT)
    document = read_document(path)
    decisions = engine.analyze(document)

    names = {person.name: person for person in decisions.persons}
    assert "Marat Bekov" in names and "Jonas Brekke" in names
    assert names["Marat Bekov"].action != "keep"
    save_decisions(decisions, tmp_path / "review.json", protect=path)

    saved = engine.save(document, decisions, tmp_path / "out.txt")
    assert saved.findings == []
    redacted = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "Bekov" not in redacted and "Jonas Brekke" in redacted
    assert engine.verify(tmp_path / "out.txt", decisions) == []
    assert no_network == []


@pytest.mark.model
def test_cli_detect_apply_verify_in_subprocesses_without_network(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "offline_block.py").write_text(BLOCK_SOURCE, encoding="utf-8")
    (site / "sitecustomize.py").write_text("import offline_block\n\noffline_block.install()\n",
                                           encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    # an e-mail address is checked against a suffix list: the bundled one, never fetched
    contact = "Bekov can be reached at marat.bekov@example.co.uk or +7 701 234 5678.\n"
    (work / "draft.txt").write_text(DRAFT + contact, encoding="utf-8")
    log = tmp_path / "network.log"
    env = dict(os.environ, PYTHONIOENCODING="utf-8", REDACTOR_NET_LOG=str(log),
               HOME=str(tmp_path / "home"), XDG_CACHE_HOME=str(tmp_path / "cache"),  # no warm cache
               PYTHONPATH=os.pathsep.join(filter(None, [str(site), str(REPO),
                                                        os.environ.get("PYTHONPATH")])))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(COMMAND + list(args), cwd=work, env=env, stdin=subprocess.DEVNULL,
                              capture_output=True, encoding="utf-8", timeout=300)
        assert done.returncode == 0, f"redactor {' '.join(args)}: exit {done.returncode}\n{done.stderr}"
        return done

    run("detect", "draft.txt", "-o", "review.json")
    persons = {p["name"]: p for p in json.loads((work / "review.json").read_text("utf-8"))["persons"]}
    assert persons["Marat Bekov"]["action"] != "keep"
    run("apply", "draft.txt", "--decisions", "review.json", "--accept-suggestions", "-o", "out.txt")
    assert "Bekov" not in (work / "out.txt").read_text(encoding="utf-8")
    assert "[e-mail address withheld]" in (work / "out.txt").read_text(encoding="utf-8")
    verified = run("verify", "out.txt", "--decisions", "review.json")
    assert "clean (no withheld name" in verified.stdout

    lines = log.read_text(encoding="utf-8").splitlines()
    assert sum(line.startswith("armed") for line in lines) >= 3, "the block was not installed"
    assert [line for line in lines if line.startswith("attempt")] == []


def test_bundle_runtime_hook_keeps_tldextract_on_its_snapshot(tmp_path: Path) -> None:
    """packaging/rthooks/rth_offline.py, run first in the frozen app, stops the live fetch.

    Presidio imports tldextract, whose first ``extract`` downloads the Public Suffix List
    (and silently falls back to its snapshot when that fails). Redactor's e-mail recognizer
    asks it for the snapshot only, and the bundle makes sure for any other caller: with the
    hook's settings, extracting needs no network at all.
    """
    site = tmp_path / "site"
    site.mkdir()
    (site / "offline_block.py").write_text(BLOCK_SOURCE, encoding="utf-8")
    hook = REPO / "packaging" / "rthooks" / "rth_offline.py"
    script = textwrap.dedent(f'''
        import runpy, sys
        import offline_block
        offline_block.install()
        runpy.run_path({str(hook)!r})
        import tldextract
        result = tldextract.extract("https://news.example.co.uk/story")
        assert (result.domain, result.suffix) == ("example", "co.uk"), result
        sys.exit(len(offline_block.ATTEMPTS))
    ''')
    env = dict(os.environ, HOME=str(tmp_path / "home"), XDG_CACHE_HOME=str(tmp_path / "cache"),
               PYTHONPATH=os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")])))
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          encoding="utf-8", timeout=120)
    assert done.returncode == 0, f"{done.returncode} network attempt(s)\n{done.stderr}"
    assert not (tmp_path / "cache").exists() and not (tmp_path / "home").exists()
