"""The one contract every field editor keeps (after calibre's metadata basic_widgets).

    load(value)      show a stored value (the typed Profile attribute), forgetting edits
    value()          what the form holds now, typed like the Profile attribute;
                     raises validators.Invalid while the form holds a problem
    problems()       check the form, mark bad inputs inline, return the messages
    changed          the reviewer finished a change: the moment to apply
    state()/restore  the raw form (even invalid), so an unapplied edit survives a switch
    settle()         the value just applied is now the loaded one (flags follow it)

FieldRow holds the single apply step around it; editors never touch the library.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class FieldEditor(QWidget):
    changed = Signal()
    focusedItem = Signal(object)  # the loaded item (Value / entry) whose input got focus

    def load(self, value: Any) -> None:
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError

    def problems(self) -> list[str]:
        raise NotImplementedError

    def state(self) -> Any:
        raise NotImplementedError

    def restore(self, state: Any) -> None:
        raise NotImplementedError

    def settle(self) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        raise NotImplementedError

    def flagged_inputs(self) -> list[QWidget]:
        """The first input of each low-confidence item, for "check next flagged"."""
        return []
