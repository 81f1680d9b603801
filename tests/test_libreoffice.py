"""A redacted copy must still open in a real office suite, without the withheld name.

LibreOffice (``soffice``, headless, with a private throwaway profile) converts each redacted
copy to plain text: it must succeed, the name must be gone and the text around it kept.
Copies are made the way the engine makes them: ``read_document`` for the text, then the
format's ``rebuild`` with edits on that text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from redactor.documents import read_document
from redactor.formats import CleanOptions, format_for_suffix
from redactor.formats.containers import parse_xml
from redactor.formats.textmap import Edit

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None,
                                reason="LibreOffice (soffice) is not installed on this machine")

OFFICE = Path(__file__).parent / "fixtures" / "office"
WITHHELD = "[name withheld]"


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LibreOffice user profile of our own, so no user's settings or running instance matter."""
    return tmp_path_factory.mktemp("soffice-profile")


def redact(source: Path, target: Path, name: str, options: CleanOptions) -> Path:
    document = read_document(source)
    edits = [Edit(m.start(), m.end(), WITHHELD)
             for m in re.finditer(re.escape(name), document.text)]
    assert edits, f"{name} is not in {source.name}"
    fmt = format_for_suffix(source.suffix)
    assert fmt is not None
    target.write_bytes(fmt.rebuild(source.read_bytes(), edits, options).data)
    return target


def convert(path: Path, to: str, profile: Path) -> str:
    """The document as LibreOffice saves it in the format ``to``; fails if it cannot open it."""
    outdir = path.parent / "converted"
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", to, "--outdir", str(outdir), str(path)],
        capture_output=True, text=True, timeout=120, check=False)
    exported = outdir / f"{path.stem}.{to.split(':')[0]}"
    assert done.returncode == 0, done.stderr
    assert exported.exists(), f"LibreOffice produced nothing: {done.stdout} {done.stderr}"
    return exported.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("fixture", ["lo_full.odt", "lo_wire.odt", "lo_full.docx", "lo_wire.docx"])
@pytest.mark.parametrize("keep_comments", [False, True])
def test_redacted_copy_opens_without_the_name(fixture: str, keep_comments: bool,
                                              tmp_path: Path, profile: Path) -> None:
    source = OFFICE / fixture
    copy = redact(source, tmp_path / f"redacted{source.suffix}", "Bezshan Nurlanov",
                  CleanOptions(keep_comments=keep_comments))
    text = convert(copy, "txt:Text (encoded):UTF8", profile)
    assert "Bezshan" not in text and "Nurlanov," not in text
    assert f"{WITHHELD}, 24, was detained" in text
    assert "Dilnaz Temirova" in text and "police spokeswoman" in text


@pytest.mark.parametrize("fixture", ["lo_full.odt", "lo_full.docx"])
@pytest.mark.parametrize(("name", "context"), [
    ("Yerlan Sadykov", "His lawyer, {}, declined to comment."),  # footnote
    ("Asel Dzhumabaeva", "Almaty bureau. Filed by {}"),  # header
    ("Gulnara Ismailova", "Witness {} said the police came at noon."),  # text box
])
def test_names_outside_the_body_are_gone_from_everything_libreoffice_reads(
        fixture: str, name: str, context: str, tmp_path: Path, profile: Path) -> None:
    """Re-saved by LibreOffice as flat XML, the copy holds all it read: notes, headers, boxes."""
    source = OFFICE / fixture
    copy = redact(source, tmp_path / f"redacted{source.suffix}", name, CleanOptions())
    flat = convert(copy, "fodt", profile)
    assert name.split()[-1] not in flat  # not in the text, attributes or metadata
    assert context.format(WITHHELD) in "".join(parse_xml(flat.encode(), "fodt").itertext())
