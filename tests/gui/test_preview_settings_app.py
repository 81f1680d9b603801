"""The preview toggle, the settings, the command line and the analysis child process."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from .gui_helpers import person_named
from redactor.redaction import apply_decisions
from ui.app import main
from ui.engine_process import EngineProcess
from ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.model


def test_preview_shows_the_redacted_text_with_replacements_marked(qtbot, opened):
    original = opened.view.toPlainText()
    opened.review.set_action(person_named(opened, "Ysolde").id, "remove")
    with qtbot.waitSignal(opened.previewReady, timeout=30_000):
        opened.actions.preview.trigger()
    shown = opened.view.toPlainText()
    assert shown == apply_decisions(original, opened.review.snapshot())
    assert "Gransson" not in shown and "volunteer named told" in shown
    marked = {shown[s.start:s.end] for s in opened.view.spans()}
    assert "Bertil" in marked and "CORA ABERNATHY" not in marked  # kept names are not replaced
    assert not opened.actions.redact_selection.isEnabled()
    with qtbot.waitSignal(opened.previewReady, timeout=30_000):
        opened.review.set_action(person_named(opened, "Bertil Gransson").id, "initials")
    assert "B.G., 61" in opened.view.toPlainText()
    opened.actions.preview.trigger()
    assert opened.view.toPlainText() == original
    assert len(opened.view.spans()) == sum(len(p.mentions) for p in opened.review.persons)


def test_settings_shape_the_next_analysis(qtbot, make_window, settings, flood: Path):
    window = make_window()
    dialog = SettingsDialog(settings, ["en_core_web_md"], window)
    dialog.action_box.setCurrentIndex(dialog.action_box.findData("initials"))
    dialog.placeholder_edit.setText("[withheld]")
    dialog.keep_edit.setPlainText("Ysolde\n")
    dialog.redact_edit.setPlainText("Desmond Pell")
    dialog.accept()
    assert (settings.private_action, settings.placeholder) == ("initials", "[withheld]")
    assert settings.keep_names == ["Ysolde"] and settings.redact_names == ["Desmond Pell"]
    with qtbot.waitSignal(window.reviewReady, timeout=60_000):
        window.open_draft(flood)
    bertil = person_named(window, "Bertil Gransson")
    assert (bertil.action, bertil.replacement) == ("initials", "B.G.")
    assert person_named(window, "Ysolde").action == "keep"
    assert person_named(window, "Desmond Pell").role == "private"
    assert window.review.new_person_action == "initials"


def test_screenshot_mode_renders_the_window_and_exits_0(qtbot, gui_engine, flood: Path,
                                                       tmp_path: Path):
    out = tmp_path / "shot" / "window.png"
    assert main([str(flood), "--screenshot", str(out)], engine=gui_engine) == 0
    image = QImage(str(out))
    assert image.width() >= 800 and image.height() >= 500


def test_screenshot_of_an_unreadable_file_exits_1(qtbot, gui_engine, tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    assert main([str(empty), "--screenshot", str(tmp_path / "x.png")], engine=gui_engine) == 1
    assert not (tmp_path / "x.png").exists()


def test_child_process_engine_matches_the_in_process_one(gui_engine, flood: Path):
    from redactor.documents import read_document

    document = read_document(flood)
    child = EngineProcess(gui_engine.model, keep=["Ysolde"])
    try:
        progress: list[float] = []
        decisions = child.analyze(document, progress.append)
        gui_engine.keep = ["Ysolde"]
        try:
            expected = gui_engine.analyze(document)
        finally:
            gui_engine.keep = []
        assert decisions.dumps() == expected.dumps()
        assert progress[-1] == pytest.approx(1.0)
        from redactor.errors import Cancelled
        with pytest.raises(Cancelled):
            child.analyze(document, cancelled=lambda: True)
        assert child.analyze(document).dumps() == expected.dumps()  # still serving
    finally:
        child.close()


def test_gui_version_flag(capsys):
    import pytest

    from redactor import __version__
    from ui.app import build_parser

    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["--version"])
    assert stop.value.code == 0 and __version__ in capsys.readouterr().out
