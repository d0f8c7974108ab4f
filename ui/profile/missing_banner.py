"""Says that a document's original cannot be shown, and offers to locate it again."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.profile.style import SPACING, label


class MissingBanner(QFrame):
    locateClicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pendingBar")  # the same amber frame as other "look here" notes
        self._title = label("", "fieldTitle", self)
        self._detail = label("", "muted", self)
        self._detail.setWordWrap(True)
        self._problem = label("", "problem", self)
        self._problem.setWordWrap(True)
        self._locate = QPushButton("Locate…", self)
        self._locate.setToolTip("Pick the file again; it must be the same document")
        self._locate.clicked.connect(self.locateClicked)
        text = QVBoxLayout()
        text.setSpacing(2)
        for widget in (self._title, self._detail, self._problem):
            text.addWidget(widget)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(SPACING + 4, SPACING, SPACING + 4, SPACING)
        layout.addLayout(text, 1)
        layout.addWidget(self._locate)

    def show_missing(self, file_name: str, where: str) -> None:
        self._title.setText("The original file is missing")
        self._detail.setText(
            f"{file_name} was moved or deleted from the library folder outside Shortlist. "
            "Showing the text read from it; the profile and your edits are safe."
        )
        self._detail.setToolTip(f"Expected at {where}")
        self._locate.setVisible(True)
        self.show_problem("")
        self.setVisible(True)

    def show_unreadable(self, file_name: str) -> None:
        self._title.setText("This PDF cannot be displayed")
        self._detail.setText(f"Showing the text read from {file_name} instead.")
        self._detail.setToolTip("")
        self._locate.setVisible(False)
        self.show_problem("")
        self.setVisible(True)

    def show_problem(self, text: str) -> None:
        self._problem.setText(text)
        self._problem.setVisible(bool(text))

    @property
    def message(self) -> str:
        return f"{self._title.text()} {self._detail.text()} {self._problem.text()}".strip()
