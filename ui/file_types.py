"""Which files the app opens, by kind, and the file dialogs' filters built from that list.

The list is the engine's ``redactor.documents.SUFFIXES``: a format the engine learns to
read appears in the Open dialog and is accepted by drag and drop without a change here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from redactor.documents import SUFFIXES

REVIEW_SUFFIX = ".json"


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileTypes", text)


def kind_labels() -> dict[str, str]:
    return {"text": _tr("Plain text"), "docx": _tr("Word documents"),
            "odt": _tr("OpenDocument text"), "html": _tr("Web pages"),
            "rtf": _tr("RTF documents")}


def copy_kind(kind: str) -> str:
    """The kind of a draft's redacted copy: its own, or "text" for a format whose copy is
    plain text (an RTF draft: its format says so with a ``copy_suffix``)."""
    from redactor.formats import format_for_kind

    if kind == "text":
        return kind
    return "text" if getattr(format_for_kind(kind), "copy_suffix", None) else kind


def kind_of(suffix: str) -> str | None:
    """The document kind a suffix opens as ("text", "docx", ...), None if it is not a draft."""
    suffix = suffix.lower()
    if suffix not in SUFFIXES:
        return None
    from redactor.formats import format_for_suffix

    fmt = format_for_suffix(suffix)
    return fmt.kind if fmt is not None else "text"


def suffixes_by_kind() -> dict[str, list[str]]:
    """Every supported suffix under its kind, kinds in the engine's order."""
    kinds: dict[str, list[str]] = {}
    for suffix in SUFFIXES:
        kind = kind_of(suffix)
        if kind is not None:
            kinds.setdefault(kind, []).append(suffix)
    return kinds


def _filter(label: str, suffixes: list[str]) -> str:
    return "{label} ({patterns})".format(label=label, patterns=" ".join(f"*{s}" for s in suffixes))


def kind_filter(kind: str) -> str:
    """One kind's filter, "Word documents (*.docx)": for saving a copy in the draft's format."""
    suffixes = suffixes_by_kind().get(kind, [])
    label = kind_labels().get(kind, _tr("{kind} files").format(kind=kind.upper()))
    return _filter(label, suffixes)


def draft_filter() -> str:
    """"Drafts (every suffix)" first, then one filter per kind."""
    kinds = suffixes_by_kind()
    return ";;".join([_filter(_tr("Drafts"), list(SUFFIXES))] + [kind_filter(k) for k in kinds])


def is_draft(path: str | Path) -> bool:
    return kind_of(Path(path).suffix) is not None


def is_review(path: str | Path) -> bool:
    return Path(path).suffix.lower() == REVIEW_SUFFIX
