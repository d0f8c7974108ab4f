"""Where a library lives and how its folder is laid out."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Shortlist"
ENV_VAR = "SHORTLIST_LIBRARY"  # lets tests and scripts point every command elsewhere


def default_library_dir() -> Path:
    """`$SHORTLIST_LIBRARY`, else the platform's data folder (works with no set-up)."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "library"


@dataclass(frozen=True)
class LibraryPaths:
    root: Path

    @property
    def db(self) -> Path:
        return self.root / "library.json"

    @property
    def lock(self) -> Path:
        return self.root / "library.lock"

    @property
    def text_dir(self) -> Path:
        return self.root / "text"

    @property
    def files_dir(self) -> Path:
        return self.root / "files"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    def text_file(self, sha256: str) -> Path:
        return self.text_dir / f"{sha256}.txt"

    def original(self, sha256: str, suffix: str) -> Path:
        return self.files_dir / sha256[:2] / f"{sha256}{suffix.lower()}"

    def ours(self) -> set[str]:
        """Names a library folder may hold (anything else means: not a library folder)."""
        return {"library.json", "library.lock", "text", "files", "backups"}
