"""Writing output files atomically, never over the original and never half-written.

The bytes go to a temporary file in the destination folder, are flushed to disk, then the
temporary file is linked into place (refusing an existing file) or, with ``force``,
renamed over it. A crash leaves the old file or none, never part of one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from redactor.errors import OutputExists, RedactorError


def write_atomic(path: str | Path, data: bytes, force: bool = False, private: bool = False,
                 protect: Path | None = None) -> None:
    """Write ``data`` to ``path``; ``private`` makes it readable by the owner only.

    ``protect`` is the original document: it is refused as a destination even with ``force``.
    """
    path = Path(path)
    if protect is not None and path.exists() and path.resolve() == protect.resolve():
        raise RedactorError(f"{path.name}: refusing to overwrite the original document")
    if path.exists() and not force:
        raise OutputExists(f"{path.name}: already exists (use --force to replace it)")
    if path.is_dir():
        raise RedactorError(f"{path.name}: is a folder")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as error:
        raise RedactorError(f"{path.name}: cannot write in {folder} ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if not private:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        _move_into_place(temporary, path, force)
    except OutputExists:
        raise
    except OSError as error:  # a full disk or an I/O error: a sentence, not a traceback
        raise RedactorError(f"{path.name}: could not be written ({error.strerror})") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _move_into_place(temporary: str, path: Path, force: bool) -> None:
    if force:
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)  # fails if the path appeared meanwhile: no silent overwrite
    except FileExistsError:
        raise OutputExists(f"{path.name}: already exists (use --force to replace it)") from None
    except OSError:  # file systems without hard links
        if path.exists():
            raise OutputExists(f"{path.name}: already exists (use --force to replace it)") from None
        os.replace(temporary, path)
