"""A document's extracted text, read-only, where evidence spans can be selected.

Evidence offsets count Python characters, Qt counts UTF-16 units, so offsets are converted;
a few control characters are shown as spaces or line breaks of the same length so that
every offset still lands on the character it names.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QTextEdit, QWidget

from ui.profile.style import amber

_SAME_LENGTH = str.maketrans({"\r": " ", "\f": "\n", "\v": " ", "\x00": " "})


def display_text(text: str) -> str:
    return text.translate(_SAME_LENGTH)


def utf16_offset(text: str, index: int) -> int:
    prefix = text[: max(0, min(index, len(text)))]
    return len(prefix.encode("utf-16-le")) // 2


class TextViewer(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("documentText")
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDocumentMargin(16)
        self._text = ""

    def show_text(self, text: str) -> None:
        self._text = text
        self.setExtraSelections([])
        self.setPlainText(display_text(text))

    def select_span(self, start: int, end: int) -> None:
        """Select characters start..end (Python offsets), mark them, and scroll to them."""
        first, last = utf16_offset(self._text, start), utf16_offset(self._text, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        mark = QTextEdit.ExtraSelection()
        mark.cursor = cursor
        mark.format = QTextCharFormat()
        color = QColor(amber(self.palette()))
        color.setAlpha(90)
        mark.format.setBackground(color)
        self.setExtraSelections([mark])
        self.centerCursor()
