"""Every remembered setting, declared once with its type and default.

Preferences (what the reviewer chooses in the Preferences dialog) live under
"preferences/"; window state (geometry, docks, columns, last folders) under "window/", so a
"reset layout" never touches a choice the reviewer made. Read and write through `Settings`
only: `settings.get(THEME)`, `settings.set(THEME, "dark")`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Setting[T]:
    key: str
    kind: type
    default: T


# --------------------------------------------------------------------------- preferences
LIBRARY_DIR = Setting[str]("preferences/library_dir", str, "")
THEME = Setting[str]("preferences/theme", str, "system")  # light | dark | system
WORKERS = Setting[int]("preferences/parser_workers", int, 2)
TIME_LIMIT_S = Setting[int]("preferences/time_limit_s", int, 30)
RECENT_LIBRARIES = Setting[list]("preferences/recent_libraries", list, [])
# Remembered: a reviewer who works blind must not see names at the next start.
BLIND_REVIEW = Setting[bool]("preferences/blind_review", bool, False)

# --------------------------------------------------------------------------- window state
GEOMETRY = Setting[QByteArray]("window/geometry", QByteArray, QByteArray())
DOCK_STATE = Setting[QByteArray]("window/dock_state", QByteArray, QByteArray())
COLUMNS = Setting[QByteArray]("window/candidate_columns", QByteArray, QByteArray())
PROFILE_SPLITTER = Setting[QByteArray]("window/profile_splitter", QByteArray, QByteArray())
BROWSER_ROOT = Setting[str]("window/file_browser_root", str, "")
IMPORT_DIR = Setting[str]("window/last_import_dir", str, "")

MAX_RECENT = 8


class Settings:
    """Typed access to a QSettings store (the caller chooses which: tests use a temp one)."""

    def __init__(self, store: QSettings):
        self._store = store

    def get(self, setting: Setting[T]) -> T:
        if not self._store.contains(setting.key):
            return _copy(setting.default)
        value: Any = self._store.value(setting.key)
        return _coerce(value, setting)

    def set(self, setting: Setting[T], value: T) -> None:
        self._store.setValue(setting.key, value)

    def sync(self) -> None:
        self._store.sync()

    def remember_library(self, path: str) -> None:
        recent = [p for p in self.get(RECENT_LIBRARIES) if p != path]
        self.set(RECENT_LIBRARIES, [path, *recent][:MAX_RECENT])
        self.set(LIBRARY_DIR, path)


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def _coerce(value: Any, setting: Setting[Any]) -> Any:
    """INI files give strings back (and a one-item list as a bare string)."""
    try:
        if setting.kind is list:
            if value is None or value == "":
                return []
            return [str(v) for v in value] if isinstance(value, list) else [str(value)]
        if setting.kind is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray()
        if setting.kind is bool and isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        return setting.kind(value)
    except (TypeError, ValueError):
        return _copy(setting.default)
