"""The notes editor: plain text, saved when typing pauses or the editor loses focus.

One pause is one undoable command, never one per keystroke. The notes belong to the
candidate they were typed for: a save that comes after the list moved on still goes to
that candidate (`committed` carries its id).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

SAVE_PAUSE_MS = 1000


class NotesEditor(QPlainTextEdit):
    committed = Signal(int, str)  # candidate id, text
    escaped = Signal()  # Esc: back to the list

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notesEditor")
        self.setPlaceholderText("Notes (N) — plain text, saved as you pause")
        self.setTabChangesFocus(True)
        self._owner: int | None = None
        self._dirty = False
        self._timer = QTimer(self, singleShot=True, interval=SAVE_PAUSE_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._typed)

    def load(self, candidate_id: int | None, text: str) -> None:
        """Show `text` for a candidate (after saving what was typed for the previous)."""
        if candidate_id == self._owner and self._dirty:
            return  # a refresh while typing: the typed text wins until it is saved
        self.flush()
        self._owner = candidate_id
        if self.toPlainText() != text:
            self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(False)
        self.setEnabled(candidate_id is not None)

    def _typed(self) -> None:
        self._dirty = True
        self._timer.start()

    def flush(self) -> None:
        self._timer.stop()
        if self._dirty and self._owner is not None:
            self._dirty = False
            self.committed.emit(self._owner, self.toPlainText())
        self._dirty = False

    def forget(self) -> None:
        """Drop what is shown without saving it (its library has been closed; the window
        saved it before closing)."""
        self._timer.stop()
        self._dirty = False
        self._owner = None
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)

    def has_pending(self) -> bool:
        return self._dirty

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.flush()
            self.escaped.emit()
            return
        super().keyPressEvent(event)
