"""The engine's heavy entry points, imported on first use.

``redactor.engine``, ``redactor.suggestions`` and ``redactor.redaction`` import Presidio and
spaCy, which takes seconds. The window must appear at once, so ``ui`` imports them here
lazily, and ``prewarm`` imports them in a background thread right after the window shows;
by the time the editor first changes an action they are loaded.
"""

from __future__ import annotations

import threading
from typing import Any

_HEAVY = ("redactor.engine", "redactor.suggestions", "redactor.redaction", "redactor.nlp")


def prewarm() -> threading.Thread:
    """Import the heavy modules in a daemon thread; pure-Python imports let the GUI run."""
    def load() -> None:
        import importlib
        for name in _HEAVY:
            try:
                importlib.import_module(name)
            except Exception:  # reported when the module is really used
                return
    thread = threading.Thread(target=load, name="redactor-prewarm", daemon=True)
    thread.start()
    return thread


def replacement_for(name: str, action: str, number: int = 1, placeholder: str | None = None) -> str:
    from redactor import PLACEHOLDER
    from redactor.replacements import replacement_for as engine_replacement_for
    return engine_replacement_for(name, action, number, placeholder or PLACEHOLDER)


def apply_decisions(text: str, decisions: Any) -> str:
    from redactor.redaction import apply_decisions as engine_apply
    return engine_apply(text, decisions)


def mention_replacement(person: Any, mention: Any) -> str:
    from redactor.redaction import mention_replacement as engine_mention_replacement
    return engine_mention_replacement(person, mention)


def save_redacted(engine: Any, document: Any, decisions: Any, out: Any, force: bool = False,
                  keep_comments: bool | None = None) -> Any:
    """``engine.save`` (the copy is read a second time before it is called clean);
    ``keep_comments`` (Word, OpenDocument, HTML) becomes its ``CleanOptions``, None leaves
    the engine's defaults (plain text has nothing to clean)."""
    if keep_comments is None:
        return engine.save(document, decisions, out, force=force)
    from redactor.formats import CleanOptions
    return engine.save(document, decisions, out, force=force,
                       options=CleanOptions(keep_comments=keep_comments))


def installed_pipelines() -> list[str]:
    from redactor.nlp import installed_pipelines as engine_installed_pipelines
    return engine_installed_pipelines()


def new_engine(model: str, keep: list[str], redact: list[str]) -> Any:
    from redactor.engine import Engine
    return Engine(model, keep=keep, redact=redact)
