"""The name: one line, with the same contract as the lists."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QWidget

from parsing.models import Value
from ui.profile.forms.base import FieldEditor
from ui.profile.forms.inputs import LineInput
from ui.profile.forms.rows import flag_slot
from ui.profile.profile_items import LOW_CONFIDENCE_TIP, is_flagged
from ui.profile.style import SPACING, set_invalid
from ui.profile.validators import clean_text


class NameEditor(FieldEditor):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._orig: Value | None = None
        self._flag = flag_slot(self)
        self._input = LineInput(self)
        self._input.setAccessibleName("Name")
        self._input.setPlaceholderText("Full name as the candidate writes it")
        self._input.committed.connect(self.changed)
        self._input.focused.connect(lambda: self.focusedItem.emit(self._orig))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING // 2)
        layout.addWidget(self._flag)
        layout.addWidget(self._input, 1)
        self._show_flag()

    def load(self, value: Any) -> None:
        self._orig = value
        self._input.setText(value.text if value else "")
        set_invalid(self._input, False)
        self._show_flag()

    def _show_flag(self) -> None:
        flagged = self._orig is not None and is_flagged(self._orig)
        self._flag.setText("●" if flagged else "")
        self._flag.setToolTip(LOW_CONFIDENCE_TIP if flagged else "")

    def value(self) -> Value | None:
        text = clean_text(self._input.text())
        if text is None:
            return None
        if self._orig is not None and self._orig.text == text:
            return self._orig
        if self._orig is not None:
            return replace(self._orig, text=text, confidence=1.0)
        return Value(text=text)

    def problems(self) -> list[str]:
        return []  # any text is a name; an empty one means "no name found"

    def state(self) -> tuple[Value | None, str]:
        return self._orig, self._input.text()

    def restore(self, state: tuple[Value | None, str]) -> None:
        self.load(state[0])
        self._input.setText(state[1])

    def settle(self) -> None:
        self._orig = self.value()
        self._show_flag()

    def set_read_only(self, read_only: bool) -> None:
        self._input.setReadOnly(read_only)

    def flagged_inputs(self) -> list[QWidget]:
        return [self._input] if self._orig is not None and is_flagged(self._orig) else []
