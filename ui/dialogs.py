"""Message boxes and file choosers, each a plain sentence for the editor.

Every modal question the app asks goes through these functions and Qt's static
``QMessageBox``/``QFileDialog`` calls, so tests replace those calls and never block.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMessageBox, QWidget

from ui import file_types

def _tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


def draft_filter() -> str:
    return file_types.draft_filter()


def review_filter() -> str:
    return _tr("Redactor reviews (*.json)")


def title() -> str:
    return _tr("Redactor")


def show_error(parent: QWidget | None, message: str) -> None:
    """An error as one sentence; the engine's messages already name the file and the problem.

    The message is shown as written: it often starts with a file name, whose case matters.
    """
    text = message
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


def confirm_dismiss_possible(parent: QWidget | None, names: list[str], held: int) -> bool:
    """Before the possible names left are dismissed: how many, which, and what it means for
    the copy (they are printed as written); ``held`` are left for review, with why."""
    shown = ", ".join(names[:8]) + (_tr(" and {more} more").format(more=len(names) - 8)
                                    if len(names) > 8 else "")
    text = _tr("Dismiss the {count} possible name(s) not reviewed yet ({names})? Each is marked "
               "as not the name of a person and is printed in the copy exactly as written. "
               "You can undo this (Ctrl+Z).").format(count=len(names), names=shown)
    if held:
        text += "\n\n" + _tr("{held} other possible name(s) share a word withheld for someone "
                              "else and stay to review.").format(held=held)
    return _yes(parent, text, default=False)


def plain_text_warning() -> str:
    return _tr("This RTF draft will be saved as plain text: its formatting is not kept.")


def ask_keep_comments(parent: QWidget | None, name: str, plain_text: bool = False,
                      folder: bool = False) -> bool | None:
    """Before a Word/OpenDocument/HTML/RTF copy is written: keep its comments? None if cancelled.

    ``plain_text`` (an RTF draft) says first that the copy is plain text, formatting lost;
    ``folder``: the copies of a folder's drafts go in the folder ``name``.
    """
    if folder:
        text = _tr("Save the redacted copies in {name}? Besides the names, what could identify "
                   "a source (comments, tracked changes, author fields) is cleaned from the "
                   "Word, OpenDocument and HTML copies.").format(name=name)
    else:
        text = _tr("Save the redacted copy as {name}? Besides the names, what could identify a "
                   "source (comments, tracked changes, author fields) is cleaned from the copy; "
                   "the list follows once it is saved.").format(name=name)
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


def ask_carry_over(parent: QWidget | None, name: str) -> bool:
    """A review made for an earlier version of its draft: carry it over to this version?"""
    return _yes(parent, _tr("This review was made for an earlier version of {name}. Carry its "
                            "decisions over to the draft as it is now? The draft is analysed "
                            "again; persons and mentions that are new are listed for review.")
                .format(name=name), default=True)


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


def show_saved_copy(parent: QWidget | None, saved: Any, original_encoding: str) -> None:
    """The second reading's result in a sentence: the copy is clean and saved, or it is not
    clean and went beside the requested name; the findings themselves are in the panel.

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
    QMessageBox.warning(parent, title(), _tr(
        "The copy is not clean, so it was not saved as {requested}. The second reading found "
        "{count} problem(s), listed in the Findings panel: select one to see it in the draft, "
        "redact it (Ctrl+R) and save the copy again. The unfinished copy is in {name}, for "
        "checking only.").format(requested=saved.requested.name, count=len(saved.findings),
                                 name=saved.path.name) + note)


def choose_save_path(parent: QWidget | None, caption: str, default: str, filters: str) -> str:
    """A path to write, '' if cancelled; the dialog itself confirms replacing a file."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, default, filters)
    return path


def choose_open_path(parent: QWidget | None, caption: str, folder: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, caption, folder, filters)
    return path


def choose_folder(parent: QWidget | None, caption: str, folder: str) -> str:
    """A folder chosen by the editor, '' if cancelled."""
    return QFileDialog.getExistingDirectory(parent, caption, folder)


def show_left_out(parent: QWidget | None, lines: list[str]) -> None:
    """Files of a folder that are not in its review: they get no copy."""
    QMessageBox.warning(parent, title(), _tr("These files are not in the review and get no "
                                             "redacted copy:") + "\n" + "\n".join(
        f"• {line}" for line in lines))


def show_copies(parent: QWidget | None, outdir: str, clean: list[str], unclean: list[str],
                failed: list[str]) -> None:
    """What writing a folder's copies did: every copy clean, or which are not (their
    findings are in the panel) and which drafts got no copy."""
    text = _tr("Wrote the copies of {count} draft(s) to {folder}; each was read a second "
               "time.").format(count=len(clean) + len(unclean), folder=outdir)
    if unclean:
        text += "\n\n" + _tr("Not clean, saved under an UNFINISHED name for checking only "
                              "(the findings are in the Findings panel):") + "\n" + \
            "\n".join(f"• {line}" for line in unclean)
    if failed:
        text += "\n\n" + _tr("No copy:") + "\n" + "\n".join(f"• {line}" for line in failed)
    if unclean or failed:
        QMessageBox.warning(parent, title(), text)
    else:
        QMessageBox.information(parent, title(), text + " " + _tr("Every copy is clean."))
