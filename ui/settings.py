"""The editor's preferences, kept with QSettings under "Redactor"/"Redactor".

Lists are stored as one newline-separated string: QSettings' INI backend returns a plain
string for a one-element list, and a name never contains a newline.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from redactor import DEFAULT_MODEL, PLACEHOLDER

ORGANIZATION = "Redactor"
APPLICATION = "Redactor"
# "keep" is not offered: a default that publishes private people's names defeats the tool.
PRIVATE_ACTIONS = ("first_name", "initials", "placeholder", "pseudonym", "remove")
DEFAULT_PRIVATE_ACTION = "first_name"


class Settings:
    """Typed access to the stored preferences, with safe defaults for missing or bad values."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings(ORGANIZATION, APPLICATION)

    def _text(self, key: str, default: str) -> str:
        value = self._store.value(key, default)
        return value if isinstance(value, str) else default

    def _names(self, key: str) -> list[str]:
        return [line.strip() for line in self._text(key, "").splitlines() if line.strip()]

    @property
    def private_action(self) -> str:
        value = self._text("review/private_action", DEFAULT_PRIVATE_ACTION)
        return value if value in PRIVATE_ACTIONS else DEFAULT_PRIVATE_ACTION

    @private_action.setter
    def private_action(self, value: str) -> None:
        self._store.setValue("review/private_action", value)

    @property
    def placeholder(self) -> str:
        return self._text("review/placeholder", PLACEHOLDER) or PLACEHOLDER

    @placeholder.setter
    def placeholder(self, value: str) -> None:
        self._store.setValue("review/placeholder", value)

    @property
    def keep_names(self) -> list[str]:
        return self._names("names/always_keep")

    @keep_names.setter
    def keep_names(self, names: list[str]) -> None:
        self._store.setValue("names/always_keep", "\n".join(n.strip() for n in names if n.strip()))

    @property
    def redact_names(self) -> list[str]:
        return self._names("names/always_redact")

    @redact_names.setter
    def redact_names(self, names: list[str]) -> None:
        self._store.setValue("names/always_redact", "\n".join(n.strip() for n in names if n.strip()))

    @property
    def model(self) -> str:
        """The spaCy pipeline; the engine reports one that is not installed in a clear error."""
        return self._text("engine/model", DEFAULT_MODEL) or DEFAULT_MODEL

    @model.setter
    def model(self, value: str) -> None:
        self._store.setValue("engine/model", value)

    def sync(self) -> None:
        self._store.sync()
