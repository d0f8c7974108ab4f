"""Telling the reviewer that the library cannot be saved (read-only folder, full disk).

Edits never wait for the disk: they land in memory and the library's writer thread saves
them, retrying after a failure. So a failed save shows up only in `Library.save_status()`,
which the window polls; this turns it into a status-bar text, a warning shown once per
cause, and a word when saving works again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from storage.writer import SaveStatus

STATUS_MS = 8000
KEPT = "changes are kept in memory, not saved"
_SUFFIX = " (last saved state kept)"


def cause_of(error: str) -> str:
    """Why alone: "the disk is full: the library was not changed (…)" -> "the disk is full"."""
    for cause in ("the disk is full", "the library folder is read-only"):
        if error.startswith(cause):
            return cause
    return error.removesuffix(_SUFFIX)


def unsaved_text(error: str) -> str:
    """The status bar's words for a failed save: why, and that nothing is lost yet."""
    return f"Not saved: {cause_of(error)}: {KEPT}"


class SaveWarning(QObject):
    """Warns once per cause (a retry every two seconds must not bring the box back) and
    says so in the status bar when a save succeeds again."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self._window = window
        self._warned: set[str] = set()
        self._failing = False
        self.box: QMessageBox | None = None

    def update(self, status: SaveStatus) -> None:
        if status.error:
            self._failing = True
            cause = cause_of(status.error)
            if cause not in self._warned:
                self._warned.add(cause)
                self._warn(cause, status.error)
        elif self._failing and status.saved:
            self._failing = False
            self._window.statusBar().showMessage("Saved again: every change is on disk.", STATUS_MS)

    def _warn(self, cause: str, error: str) -> None:
        # Window-modal and opened, not exec()'d: the poll that found the error returns, the
        # writer keeps retrying, and an offscreen test is never blocked by it.
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Changes are not being saved",
            f"Shortlist cannot save the library: {cause}.",
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(
            "Your changes are kept in memory and saved as soon as the library folder can be "
            "written again. Keep Shortlist open until the status bar says they are saved."
        )
        box.setDetailedText(error)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._closed)
        self.box = box
        box.open()

    def _closed(self) -> None:
        self.box = None
