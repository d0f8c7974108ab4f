"""The dock that shows the selected candidate's profile beside the original document.

The pane itself (`ui/profile/pane.py: ProfilePane`) is built by another part of the
project; this adapter gives the window one way to drive it, and a plain notice when the
pane is not installed in this build, so the rest of the window works either way.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QSplitter, QWidget

from storage.library import Library
from storage.queries import CANDIDATE, RowKey


def _make_pane(library: Library, stack: QUndoStack) -> QWidget | None:
    try:
        from ui.profile.pane import ProfilePane
    except ImportError:
        return None
    return ProfilePane(library, stack)


class ProfileDock(QObject):
    candidateChanged = Signal(int)

    def __init__(self, dock: QDockWidget, parent=None):
        super().__init__(parent)
        self.dock = dock
        self.pane: QWidget | None = None

    def attach(self, library: Library, stack: QUndoStack) -> None:
        """(Re)build the pane for `library` (a new pane per library: it holds the library)."""
        old = self.dock.widget()
        self.pane = _make_pane(library, stack)
        if self.pane is not None and hasattr(self.pane, "candidateChanged"):
            self.pane.candidateChanged.connect(self.candidateChanged)
        self.dock.setWidget(self.pane or _missing_notice())
        if old is not None:
            old.deleteLater()

    def commit_edits(self) -> list[str]:
        """Apply what the forms still hold; the edits that cannot be saved, described."""
        commit = getattr(self.pane, "commit_edits", None)
        return commit() if commit else []

    def splitter_state(self) -> QByteArray:
        splitter = self._splitter()
        return splitter.saveState() if splitter else QByteArray()

    def restore_splitter(self, state: QByteArray) -> None:
        splitter = self._splitter()
        if splitter and not state.isEmpty():
            splitter.restoreState(state)

    def _splitter(self) -> QSplitter | None:
        return self.pane.findChild(QSplitter, "profileSplitter") if self.pane else None

    def show_row(self, key: RowKey | None) -> None:
        if self.pane is None:
            return
        if key is None:
            self.pane.show_candidate(None)
        elif key[0] == CANDIDATE:
            self.pane.show_candidate(key[1])
        else:
            self.pane.show_document(key[1])


def _missing_notice() -> QLabel:
    label = QLabel("The profile pane is not part of this build.")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setEnabled(False)
    return label
