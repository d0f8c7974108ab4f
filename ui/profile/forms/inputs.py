"""Inputs that share one small interface: text(), setText(), `committed` when the reviewer
finished a change (Enter, leaving the input, picking a choice) and `focused`.

Applying on `committed` rather than on every keystroke is what makes one edit one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ui.profile.forms.specs import STATUSES, Part


class LineInput(QLineEdit):
    committed = Signal()
    focused = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.editingFinished.connect(self.committed)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setCursorPosition(0)  # a long title shows its beginning, not its end

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()


class NoteInput(QPlainTextEdit):
    """A few lines of free text; there is no Enter to finish, so leaving it commits."""

    committed = Signal()
    focused = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.committed.emit()


class ChoiceInput(QComboBox):
    committed = Signal()
    focused = Signal()

    def __init__(self, choices: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.addItems(list(choices))
        self.activated.connect(lambda _index: self.committed.emit())

    def text(self) -> str:
        return self.currentText()

    def setText(self, text: str) -> None:
        self.setCurrentIndex(max(0, self.findText(text)))

    def setReadOnly(self, read_only: bool) -> None:
        self.setEnabled(not read_only)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()


Input = LineInput | NoteInput | ChoiceInput


def make_input(part: Part, parent: QWidget | None = None) -> Input:
    if part.kind == "note":
        widget: Input = NoteInput(parent)
    elif part.kind == "status":
        widget = ChoiceInput(STATUSES, parent)
    else:
        widget = LineInput(parent)
        widget.setPlaceholderText(part.placeholder)
        widget.setClearButtonEnabled(False)
    widget.setAccessibleName(part.label or part.kind)
    return widget
