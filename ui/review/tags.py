"""Tags as coloured chips, and the small entry (T) that adds one with completion.

A chip's colour is the library's for that tag (storage/tag_colours.py); right-click a chip
to choose another. The text colour is black or white, whichever reads on the chip.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QPoint, QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from storage.tag_colours import PALETTE, shown_colour
from ui.profile.style import label
from ui.review.flow_layout import FlowLayout

COLOUR_NAMES = (
    "Blue",
    "Green",
    "Amber",
    "Red",
    "Violet",
    "Cyan",
    "Pink",
    "Lime",
    "Orange",
    "Slate",
)


def text_colour(background: str) -> str:
    return "#111111" if QColor(background).lightnessF() > 0.6 else "#ffffff"


class TagChip(QFrame):
    removeClicked = Signal(str)
    colourMenuRequested = Signal(str, QPoint)

    def __init__(self, tag: str, colour: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.tag = tag
        self.colour = colour
        self.setObjectName("tagChip")
        fg = text_colour(colour)
        self.setStyleSheet(
            f"QFrame#tagChip {{ background: {colour}; border-radius: 9px; }}"
            f"QLabel, QToolButton {{ color: {fg}; background: transparent; border: none; }}"
        )
        self.text = label(tag, "tagText", self)
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip(f"Remove the tag {tag}")
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(lambda: self.removeClicked.emit(self.tag))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 1, 2, 1)
        row.setSpacing(0)
        row.addWidget(self.text)
        row.addWidget(close)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(
            lambda pos: self.colourMenuRequested.emit(self.tag, self.mapToGlobal(pos))
        )


class TagEntry(QLineEdit):
    """Type a tag, Enter adds it, Esc goes back; completes from the library's tags."""

    tagEntered = Signal(str)
    escaped = Signal()
    focused = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tagEntry")
        self.setPlaceholderText("Add a tag (T)…")
        self._choices = QStringListModel(self)
        completer = QCompleter(self._choices, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self.returnPressed.connect(self._enter)

    def set_choices(self, tags: Sequence[str]) -> None:
        self._choices.setStringList(list(tags))

    def _enter(self) -> None:
        text = " ".join(self.text().split())
        self.clear()
        if text:
            self.tagEntered.emit(text)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.focused.emit()
        super().focusInEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.completer().popup().isVisible():
            self.clear()
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class TagBar(QWidget):
    tagAdded = Signal(str)
    tagRemoved = Signal(str)
    colourChosen = Signal(str, str)  # tag, "#rrggbb"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.chips: list[TagChip] = []
        self._chips_box = QWidget(self)
        self._flow = FlowLayout(self._chips_box)
        self.entry = TagEntry(self)
        self.entry.tagEntered.connect(self.tagAdded)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self._chips_box)
        layout.addWidget(self.entry)

    def set_tags(self, tags: Sequence[str], colours: Mapping[str, str]) -> None:
        wanted = [(t, shown_colour(t, colours)) for t in tags]
        if [(c.tag, c.colour) for c in self.chips] == wanted:
            return
        for chip in self.chips:
            self._flow.removeWidget(chip)
            chip.hide()  # until Qt deletes it
            chip.deleteLater()
        self.chips = []
        for tag, colour in wanted:
            chip = TagChip(tag, colour, self._chips_box)
            chip.removeClicked.connect(self.tagRemoved)
            chip.colourMenuRequested.connect(self._colour_menu)
            self._flow.addWidget(chip)
            self.chips.append(chip)
        self._chips_box.setVisible(bool(self.chips))
        self._flow.invalidate()

    def _colour_menu(self, tag: str, where: QPoint) -> None:
        menu = QMenu(self)
        for colour, name in zip(PALETTE, COLOUR_NAMES, strict=True):
            action = menu.addAction(f"● {name}")
            action.triggered.connect(lambda _c=False, c=colour: self.colourChosen.emit(tag, c))
        menu.exec(where)

    def open_entry(self) -> None:
        self.entry.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.entry.selectAll()
