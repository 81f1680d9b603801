"""An RTF draft in the window: its redacted copy is plain text, and the editor is told so first.

The session's real engine analyses a small wire story about invented people: a detained
protester (Bezshan Nurlanov) in the body, the reporter (Asel Dzhumabaeva) in the header, and
a source (Dilnaz Temirova) named in a comment by Ruslan Bekov.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from .gui_helpers import names, person_named

from redactor.documents import read_document
from ui import file_types

DRAFT = rb"""{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss\fcharset0 Arial;}}
{\info{\title Rally}{\author Desk}}
{\header \pard\plain Almaty bureau. Filed by Asel Dzhumabaeva\par}
\pard\plain ALMATY (Wire) \emdash  Police detained {\b Bez}shan Nurlanov, 24, outside the city hall on Tuesday, witnesses said.\par
{\*\atnauthor Ruslan Bekov}\chatn{\*\annotation\pard Check with Dilnaz Temirova before naming him.}
His sister said Bezshan Nurlanov only held a sign.\par
}
"""
WARNING = "This RTF draft will be saved as plain text: its formatting is not kept."


@pytest.fixture
def rtf_window(qtbot, make_window, tmp_path: Path):
    path = tmp_path / "rally.rtf"
    path.write_bytes(DRAFT)
    window = make_window()
    with qtbot.waitSignal(window.reviewReady, timeout=60_000):
        window.open_draft(path)
    assert window.document.kind == "rtf"
    assert {"Bezshan Nurlanov", "Asel Dzhumabaeva", "Dilnaz Temirova"} <= set(names(window))
    for name in ("Bezshan Nurlanov", "Dilnaz Temirova"):
        window.review.set_action(person_named(window, name).id, "placeholder")
    window.review.accept_all()
    return window


def _export(qtbot, window, dialogs, out: Path, keep_comments=False) -> None:
    dialogs.save_paths.append(str(out))
    dialogs.keep_comments.append(keep_comments)
    with qtbot.waitSignal(window.exportFinished, timeout=30_000):
        window.export()


@pytest.mark.model
def test_the_editor_is_told_before_saving_that_the_copy_is_plain_text(qtbot, rtf_window, dialogs):
    window = rtf_window
    draft = window.document.path
    out = draft.with_name("rally.redacted.txt")
    _export(qtbot, window, dialogs, out)
    assert dialogs.save_defaults == [str(out)]  # <stem>.redacted.txt, not .rtf
    offered = dialogs.save_filters[-1]
    assert offered.startswith("Plain text (") and "*.txt" in offered
    assert "Plain Text" in dialogs.save_captions[-1]
    kinds = dialogs.kinds()
    assert kinds[0] == "options" and kinds[-1] == "information"  # told first, then saved
    assert dialogs.last("options").startswith(WARNING)
    result = dialogs.last("information")
    assert "Second reading: no withheld name" in result
    assert "Also cleaned from the copy:" in result
    assert "Saved as plain text: the RTF formatting is not kept" in result
    assert "Dropped 1 comment" in result and "Dropped document properties" in result
    written = out.read_text(encoding="utf-8")
    assert "Police detained [name withheld], 24," in written
    assert "Nurlanov" not in written and "Dilnaz" not in written and "Ruslan" not in written
    assert "{\\rtf" not in written and "\\par" not in written
    assert written.startswith("[Header]\nAlmaty bureau. Filed by Asel Dzhumabaeva\n\n")
    assert read_document(draft).text == window.document.text  # the original is untouched


@pytest.mark.model
def test_cancelling_or_an_rtf_name_writes_nothing(qtbot, rtf_window, dialogs):
    window = rtf_window
    folder = window.document.path.parent
    dialogs.save_paths.append(str(folder / "cancelled.txt"))
    dialogs.keep_comments.append(None)  # the editor cancels after reading the warning
    window.export()
    assert dialogs.last("options").startswith(WARNING)
    assert not (folder / "cancelled.txt").exists()

    _export(qtbot, window, dialogs, folder / "rally.redacted.rtf")
    assert "use a .txt name" in dialogs.last("critical")
    assert not (folder / "rally.redacted.rtf").exists()
    assert window.actions.export.isEnabled()


def test_rtf_drafts_are_offered_when_opening():
    assert file_types.is_draft("rally.RTF") and file_types.kind_of(".rtf") == "rtf"
    assert "RTF documents (*.rtf)" in file_types.draft_filter().split(";;")
    assert "*.rtf" in file_types.draft_filter().split(";;")[0]
    assert file_types.copy_kind("rtf") == "text" and file_types.copy_kind("docx") == "docx"
