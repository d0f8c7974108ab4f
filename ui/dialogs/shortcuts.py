"""The keyboard shortcut sheet (F1 or ?), built from the action declarations."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from ui.actions import shortcut_sheet


class ShortcutSheet(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(6)
        for row, (what, keys) in enumerate(shortcut_sheet()):
            name = QLabel(what, self)
            shortcut = QLabel(keys, self)
            for label in (name, shortcut):
                label.setTextFormat(Qt.TextFormat.PlainText)
            font = shortcut.font()
            font.setBold(True)
            shortcut.setFont(font)
            grid.addWidget(name, row, 0)
            grid.addWidget(shortcut, row, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(buttons)
