"""A re-parse offers another value for a field the reviewer decided: show it, let them choose."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.profile.style import SPACING, label


class PendingBar(QFrame):
    acceptClicked = Signal()
    keepClicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pendingBar")
        self._title = label("", "", self)
        self._value = label("", "", self)
        self._value.setWordWrap(True)
        accept = QPushButton("Accept", self)
        accept.setToolTip("Use the newly parsed value instead of yours")
        accept.clicked.connect(self.acceptClicked)
        keep = QPushButton("Keep mine", self)
        keep.setToolTip("Keep your value and dismiss the newly parsed one")
        keep.clicked.connect(self.keepClicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(keep)
        buttons.addWidget(accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        layout.setSpacing(SPACING // 2)
        layout.addWidget(self._title)
        layout.addWidget(self._value)
        layout.addLayout(buttons)

    def show_offer(self, source: str, stored: str, new: str) -> None:
        self._title.setText(f"A newer parse of the {source} reads this differently.")
        self._value.setText(f"Yours: {stored}\nNew: {new}")
