"""Which files make a collection, and where each one's redacted copy goes.

A collection is a folder (searched with its subfolders) or a list of drafts; its root is
the folder, or the deepest folder that holds every listed draft, and each file is named by
its path relative to the root, with "/" on every system, so a review made on one laptop
applies on another. Hidden files and folders, and the lock files Word leaves beside an
open document ("~$draft.docx"), are not drafts.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from redactor.collection import is_relative_path
from redactor.documents import SUFFIXES
from redactor.errors import RedactorError, UnreadableDocument


@dataclass(frozen=True)
class Listing:
    """The drafts of a collection, relative to ``root``, and the files passed over."""

    root: Path
    files: list[str]
    skipped: list[str] = field(default_factory=list)  # unsupported types, relative to root


def list_collection(paths: Sequence[str | Path]) -> Listing:
    """The drafts in ``paths`` (folders and files), refused with a reason if there are none."""
    found: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            found += _walk(given)
        elif given.is_file():
            found.append(given.resolve())
        else:
            raise UnreadableDocument(f"{given.name}: no such file or folder")
    if not found:
        raise UnreadableDocument(f"{Path(paths[0]).name}: holds no files")
    given_dirs = [Path(p).resolve() for p in paths if Path(p).is_dir()]
    root = given_dirs[0] if len(paths) == 1 and given_dirs else _common_folder(found)
    files, skipped = [], []
    for path in sorted(set(found)):
        relative = path.relative_to(root).as_posix()
        (files if path.suffix.lower() in SUFFIXES else skipped).append(relative)
    if not files:
        raise UnreadableDocument(f"{Path(paths[0]).name}: no drafts found "
                                 f"(supported: {', '.join(SUFFIXES)})")
    return Listing(root, sorted(files), sorted(skipped))


def _walk(folder: Path) -> list[Path]:
    """Every visible file under ``folder``; symbolic links to folders are not followed, so a
    loop of links cannot make the listing endless."""
    found = []
    for here, dirs, names in os.walk(folder.resolve()):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(here, n) for n in names if not n.startswith((".", "~$"))
                  and Path(here, n).is_file()]
    return found


def _common_folder(files: list[Path]) -> Path:
    return Path(os.path.commonpath([str(f.parent) for f in files]))


def copy_name(path: str) -> str:
    """Where a draft's redacted copy goes, relative to the output folder: the same path,
    except an RTF draft, whose copy is plain text (``x.rtf`` -> ``x.rtf.txt``, which no
    other draft's copy can be called)."""
    return f"{path}.txt" if path.lower().endswith(".rtf") else path


def check_output_folder(root: Path, outdir: Path) -> None:
    """Refuse an output folder inside the drafts' folder: the next ``detect`` of the folder
    would take the copies for drafts, and a copy could land on an original."""
    root, out = root.resolve(), outdir.resolve()
    if out == root or root in out.parents:
        raise RedactorError(f"{outdir.name}: the output folder must be outside the drafts' "
                            f"folder {root.name}")


def check_copy_names(paths: Sequence[str]) -> None:
    """Refuse two drafts whose copies would share a name where case does not count
    (Windows, macOS), and any path that leaves the output folder."""
    seen: dict[str, str] = {}
    for path in paths:
        name = copy_name(path)
        if not is_relative_path(name):
            raise RedactorError(f"{path}: not a path inside the collection's folder")
        other = seen.setdefault(name.casefold(), path)
        if other != path:
            raise RedactorError(f"{other} and {path}: their copies would have the same name")
