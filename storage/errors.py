"""What can go wrong with a library, each with a message a reviewer can act on."""

from __future__ import annotations

from pathlib import Path


class LibraryError(Exception):
    """Base of every library error; `str(error)` is meant to be shown as it is."""


class LibraryWriteError(LibraryError):
    """A save failed; the last good file on disk is untouched and the edits stay in memory."""


class LibraryLockedError(LibraryError):
    """Another Shortlist (or another window) has this library open."""


class LibraryVersionError(LibraryError):
    """The library was written by a newer Shortlist than this one."""


class NotALibraryError(LibraryError):
    """The folder holds other files and no library: refuse to scatter ours among them."""


class UnknownIdError(LibraryError, KeyError):
    """No candidate or document with that id."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class LibraryDamagedError(LibraryError):
    """The library file cannot be read. It was moved aside; good backups are offered."""

    def __init__(self, reason: str, moved_to: Path | None, backups: list[Path]):
        self.reason = reason
        self.moved_to = moved_to
        self.backups = backups
        kept = f" The damaged file was kept as {moved_to.name}." if moved_to else ""
        offer = (
            f" The newest good backup is {backups[0].name} ({len(backups)} good backups in all)."
            if backups
            else " No good backup was found: move the damaged file out of the folder to start"
            " a new library there."
        )
        super().__init__(f"The library file is damaged: {reason}.{kept}{offer}")
