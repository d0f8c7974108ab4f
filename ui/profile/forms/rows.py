"""One entry of a repeating field: a compact row for a simple value, a card for an entry.

Both keep the same small interface so entries.EntryList can add, remove and move them
without knowing which: texts()/set_texts(), `orig` (the loaded item, for its evidence and
confidence), the move/remove requests, and `committed`/`focused` from their inputs.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ui.profile.forms.inputs import Input, make_input
from ui.profile.forms.specs import EntrySpec, Problem
from ui.profile.profile_items import LOW_CONFIDENCE_TIP, is_flagged
from ui.profile.style import SPACING, label, set_invalid


class ListRow(QFrame):
    moveRequested = Signal(int)  # -1 up, +1 down
    removeRequested = Signal()
    committed = Signal()
    focused = Signal()

    def __init__(self, spec: EntrySpec, noun: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.noun = noun
        self.orig: Any = None
        self.inputs: dict[str, Input] = {}
        self._buttons = [
            self._button("↑", f"Move this {noun} up", lambda: self.moveRequested.emit(-1)),
            self._button("↓", f"Move this {noun} down", lambda: self.moveRequested.emit(1)),
            self._button("✕", f"Remove this {noun}", self.removeRequested.emit),
        ]

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def _input(self, part) -> Input:
        widget = make_input(part, self)
        widget.committed.connect(self.committed)
        widget.focused.connect(self.focused)
        self.inputs[part.attr] = widget
        return widget

    def texts(self) -> dict[str, str]:
        return {attr: widget.text() for attr, widget in self.inputs.items()}

    def set_texts(self, texts: dict[str, str]) -> None:
        for attr, widget in self.inputs.items():
            widget.setText(texts.get(attr, ""))

    def set_orig(self, orig: Any) -> None:
        self.orig = orig
        self.set_flagged(orig is not None and is_flagged(orig))

    def set_flagged(self, flagged: bool) -> None:
        raise NotImplementedError

    def set_position(self, index: int, count: int) -> None:
        self._buttons[0].setEnabled(index > 0)
        self._buttons[1].setEnabled(index < count - 1)

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.inputs.values():
            widget.setReadOnly(read_only)
        for button in self._buttons:
            button.setVisible(not read_only)

    def mark(self, problems: list[Problem]) -> None:
        bad = {p.attr for p in problems}
        for attr, widget in self.inputs.items():
            set_invalid(widget, attr in bad)

    def first_input(self) -> QWidget:
        return next(iter(self.inputs.values()))


def flag_slot(parent: QWidget) -> QLabel:
    """Room for the amber dot before a one-line value, kept when empty so rows line up."""
    dot = label("●", "flagMark", parent)
    dot.setFixedWidth(dot.sizeHint().width() + 2)
    dot.setText("")
    return dot


class ValueRow(ListRow):
    """[flag] [input ...........] ↑ ↓ ✕"""

    def __init__(self, spec: EntrySpec, noun: str, parent: QWidget | None = None):
        super().__init__(spec, noun, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING // 2)
        self._flag = flag_slot(self)
        layout.addWidget(self._flag)
        layout.addWidget(self._input(spec.parts[0]), 1)
        for button in self._buttons:
            layout.addWidget(button)
        self.set_flagged(False)

    def set_flagged(self, flagged: bool) -> None:
        # Keep the dot's room when hidden, so flagged and plain rows line up.
        self._flag.setText("●" if flagged else "")
        self._flag.setToolTip(LOW_CONFIDENCE_TIP if flagged else "")


class EntryCard(ListRow):
    """A bordered card: a header (Degree 2 · check · ↑ ↓ ✕) over the spec's rows of parts."""

    def __init__(self, spec: EntrySpec, noun: str, parent: QWidget | None = None):
        super().__init__(spec, noun, parent)
        self.setObjectName("entryCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING + 2, SPACING // 2, SPACING // 2, SPACING + 2)
        layout.setSpacing(SPACING - 2)
        layout.addLayout(self._header())
        width = max(self.fontMetrics().horizontalAdvance(p[0].label) for p in spec.layout) + 4
        for parts in spec.layout:
            layout.addLayout(self._row(parts, width))

    def _header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        header.setSpacing(SPACING // 2)
        self._title = label("", "entryTitle", self)
        self._flag = label("● check this", "flagMark", self)
        self._flag.setToolTip(LOW_CONFIDENCE_TIP)
        header.addWidget(self._title)
        header.addWidget(self._flag)
        header.addStretch(1)
        for button in self._buttons:
            header.addWidget(button)
        return header

    def _row(self, parts, first_width: int) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        for index, part in enumerate(parts):
            caption = label(part.label, "muted", self)
            if index == 0:
                caption.setFixedWidth(first_width)
            widget = self._input(part)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget, part.stretch)
        return row

    def set_flagged(self, flagged: bool) -> None:
        self._flag.setVisible(flagged)
        if bool(self.property("flagged")) != flagged:
            self.setProperty("flagged", flagged)
            self.style().unpolish(self)
            self.style().polish(self)

    def set_position(self, index: int, count: int) -> None:
        super().set_position(index, count)
        self._title.setText(f"{self.noun.capitalize()} {index + 1}")
