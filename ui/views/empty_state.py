"""What an empty library shows: where to drop files, and two ways to start."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.icons import icon

_HINT = (
    "Drag CVs and research statements from your file manager onto this window:\n"
    "one file or whole folders. PDF, Word (DOCX), plain text and Markdown are read,\n"
    "and everything stays on this computer."
)


class EmptyState(QWidget):
    def __init__(self, import_action: QAction, samples_action: QAction, parent=None):
        super().__init__(parent)
        self.setObjectName("emptyState")
        picture = QLabel(self)
        picture.setPixmap(icon("import").pixmap(QSize(72, 72)))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = self._label("Drop CVs here", 1.8, bold=True)
        title.setObjectName("emptyTitle")
        hint = self._label(_HINT, 1.0)
        hint.setEnabled(False)  # the muted colour: the title carries the message
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(picture)
        layout.addSpacing(8)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addSpacing(16)
        layout.addLayout(self._buttons(import_action, samples_action))
        layout.addStretch(3)

    def _label(self, text: str, scale: float, bold: bool = False) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
        return label

    def _buttons(self, import_action: QAction, samples_action: QAction) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        for action, default in ((import_action, True), (samples_action, False)):
            button = QPushButton(action.icon(), action.text().replace("&", ""), self)
            button.setObjectName("importButton" if default else "samplesButton")
            button.setDefault(default)
            button.setMinimumHeight(34)
            button.clicked.connect(action.trigger)
            row.addWidget(button)
        row.addStretch(1)
        return row
