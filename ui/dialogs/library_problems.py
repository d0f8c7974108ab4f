"""Opening a library, with a clear answer when it cannot be opened.

Damaged file: say what is wrong and offer the newest good backup (the library has already
moved the damaged file aside). Locked: another Shortlist has it open; say so and go on
without it. Anything else (a folder with other files, a newer version): show the library's
own message, which is written to be shown as it is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from storage.errors import LibraryDamagedError, LibraryError, LibraryLockedError
from storage.library import Library
from storage.paths import default_library_dir

_PLAIN = Qt.TextFormat.PlainText


def open_library(parent: QWidget | None, path: str | Path | None) -> Library | None:
    """The opened library, or None when the reviewer has been told why not."""
    folder = Path(path) if path else default_library_dir()
    try:
        return Library.open(folder)
    except LibraryDamagedError as error:
        if error.backups and _offer_backup(parent, error):
            return _restore_and_open(parent, folder, error.backups[0])
        if not error.backups:
            _tell(parent, "The library is damaged", str(error), QMessageBox.Icon.Warning)
        return None
    except LibraryLockedError as error:
        _tell(parent, "Library in use", str(error), QMessageBox.Icon.Information)
        return None
    except LibraryError as error:
        _tell(parent, "Cannot open the library", str(error), QMessageBox.Icon.Warning)
        return None


def _offer_backup(parent: QWidget | None, error: LibraryDamagedError) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("The library is damaged")
    box.setTextFormat(_PLAIN)
    box.setText(str(error))
    box.setInformativeText(f"Restore the newest good backup ({error.backups[0].name})?")
    box.setDetailedText("Good backups, newest first:\n" + "\n".join(str(b) for b in error.backups))
    restore = box.addButton("Restore Backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def _restore_and_open(parent: QWidget | None, folder: Path, backup: Path) -> Library | None:
    try:
        Library.restore_backup(folder, backup)
    except (LibraryError, OSError) as error:
        _tell(parent, "Restore failed", str(error), QMessageBox.Icon.Warning)
        return None
    return open_library(parent, folder)


def _tell(parent: QWidget | None, title: str, text: str, kind: QMessageBox.Icon) -> None:
    box = QMessageBox(kind, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(_PLAIN)
    box.exec()
