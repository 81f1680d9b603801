"""Message boxes and file choosers, each a plain sentence for the editor.

Every modal question the app asks goes through these functions and Qt's static
``QMessageBox``/``QFileDialog`` calls, so tests replace those calls and never block.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMessageBox, QWidget

from ui import file_types

MAX_LISTED_LEAKS = 20


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


def draft_filter() -> str:
    return file_types.draft_filter()


def review_filter() -> str:
    return _tr("Redactor reviews (*.json)")


def title() -> str:
    return _tr("Redactor")


def show_error(parent: QWidget | None, message: str) -> None:
    """An error as one sentence; the engine's messages already name the file and the problem."""
    text = message[:1].upper() + message[1:]
    if not text.endswith((".", "!", "?", ")")):
        text += "."
    QMessageBox.critical(parent, title(), text)


def ask_unsaved(parent: QWidget | None, what: str) -> str:
    """'save', 'discard' or 'cancel' for decisions not saved yet; ``what`` is about to happen."""
    buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
               | QMessageBox.StandardButton.Cancel)
    answer = QMessageBox.question(
        parent, title(), _tr("The review has decisions that are not saved. Save them before {what}?")
        .format(what=what), buttons, QMessageBox.StandardButton.Save)
    return {QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard"}.get(answer, "cancel")


def confirm_accept_all(parent: QWidget | None, count: int) -> bool:
    return _yes(parent, _tr("Accept the suggestions for the {count} person(s) not reviewed yet, "
                            "as they stand? You can undo this.").format(count=count), default=False)


def plain_text_warning() -> str:
    return _tr("This RTF draft will be saved as plain text: its formatting is not kept.")


def ask_keep_comments(parent: QWidget | None, name: str, plain_text: bool = False) -> bool | None:
    """Before a Word/OpenDocument/HTML/RTF copy is written: keep its comments? None if cancelled.

    ``plain_text`` (an RTF draft) says first that the copy is plain text, formatting lost.
    """
    text = _tr("Save the redacted copy as {name}? Besides the names, what could identify a "
               "source (comments, tracked changes, author fields) is cleaned from the copy; the "
               "list follows once it is saved.").format(name=name)
    if plain_text:
        text = plain_text_warning() + "\n\n" + text
    box = QMessageBox(QMessageBox.Icon.Question, title(), text,
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    keep = QCheckBox(_tr("Keep comments (their text is redacted too)"))
    keep.setChecked(False)
    box.setCheckBox(keep)
    answer = box.exec()
    kept = keep.isChecked()
    box.deleteLater()
    return kept if QMessageBox.StandardButton(answer) == QMessageBox.StandardButton.Save else None


def ask_restore(parent: QWidget | None, name: str, folder: str) -> bool:
    """Offer back an autosaved review of the draft being opened."""
    return _yes(parent, _tr("Restore the review you were working on? Redactor kept the decisions "
                            "you made on {name} when it last stopped before you saved or "
                            "discarded them.").format(name=name)
                + "\n\n" + _tr("Autosaves are kept in {folder}, readable only by you. Like saved "
                                "reviews, they contain the original names; each is removed when "
                                "you save or discard its review.").format(folder=folder),
                default=True)


def _yes(parent: QWidget | None, text: str, default: bool) -> bool:
    """A Yes/No question; True when the editor answers Yes."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    return QMessageBox.question(parent, title(), text, yes | no, yes if default else no) == yes


def review_caption() -> str:
    """The Save Review dialog's title: the file it writes holds the names the copy withholds."""
    return _tr("Save Review (it contains the original names: keep it private)")


def _finding_line(finding: Any, names: Mapping[str, str]) -> str:
    place = getattr(finding, "place", "")
    if finding.kind == "unreviewed":
        what = _tr("“{token}”: a name the review does not keep").format(token=finding.token)
    elif finding.kind == "beside":
        what = _tr("“{token}”: a name word beside a replacement").format(token=finding.token)
    else:
        what = _tr("“{token}” ({person})").format(
            token=finding.token, person=names.get(finding.person_id, finding.person_id))
    line = _tr("line {line}, column {column}: {what}").format(
        line=finding.line, column=finding.column, what=what)
    return f"{place}, {line}" if place and place != "Body" else line


def show_saved_copy(parent: QWidget | None, saved: Any, original_encoding: str,
                    names: Mapping[str, str]) -> None:
    """The second reading's result: a plain confirmation, or every finding and where the
    unfinished copy went instead of the requested name.

    For a Word, OpenDocument or HTML copy it also lists what was cleaned besides the names.
    """
    note = ""
    if original_encoding and saved.encoding and saved.encoding != original_encoding:
        note = " " + _tr("A replacement did not fit the draft's {encoding} encoding, so the copy "
                         "is in UTF-8.").format(encoding=original_encoding)
    cleaned = list(getattr(saved, "cleaned", ()) or ())
    if cleaned:
        note += "\n\n" + _tr("Also cleaned from the copy:") + "\n" + "\n".join(
            f"• {line}" for line in cleaned)
    if saved.clean:
        QMessageBox.information(parent, title(), _tr(
            "Saved {name}. Second reading: no withheld name, no name the review does not keep, "
            "no name word beside a replacement.").format(name=saved.path.name) + note)
        return
    findings = saved.findings
    lines = [_finding_line(finding, names) for finding in findings[:MAX_LISTED_LEAKS]]
    if len(findings) > MAX_LISTED_LEAKS:
        lines.append(_tr("and {count} more").format(count=len(findings) - MAX_LISTED_LEAKS))
    QMessageBox.warning(parent, title(), _tr(
        "The copy is not clean, so it was not saved as {requested}. The second reading found "
        "{count} problem(s):").format(requested=saved.requested.name, count=len(findings))
        + "\n\n" + "\n".join(lines) + "\n\n" + _tr(
        "Redact those places (select, Ctrl+R) and save the copy again. The unfinished copy is "
        "in {name}, for checking only.").format(name=saved.path.name) + note)


def choose_save_path(parent: QWidget | None, caption: str, default: str, filters: str) -> str:
    """A path to write, '' if cancelled; the dialog itself confirms replacing a file."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, default, filters)
    return path


def choose_open_path(parent: QWidget | None, caption: str, folder: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, caption, folder, filters)
    return path
