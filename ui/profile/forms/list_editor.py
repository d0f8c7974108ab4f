"""The editor of a repeating field: simple values (emails, skills …) or entries (degrees …).

Its value is the tuple of typed entries the rows describe, in row order, empty rows left
out. An invalid row makes the whole field invalid: a list is applied whole or not at all.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.profile.entries import EntryList
from ui.profile.forms.base import FieldEditor
from ui.profile.forms.rows import EntryCard, ListRow, ValueRow
from ui.profile.forms.specs import EntrySpec, entry_from_texts, texts_of
from ui.profile.profile_items import is_flagged
from ui.profile.style import SPACING
from ui.profile.validators import Invalid


class ListEditor(FieldEditor):
    def __init__(self, spec: EntrySpec, noun: str, cards: bool, parent=None):
        super().__init__(parent)
        self._spec = spec
        self._noun = noun
        row_class = EntryCard if cards else ValueRow
        self._list = EntryList(
            lambda: row_class(spec, noun), noun, SPACING if cards else SPACING // 2, self
        )
        self._list.changed.connect(self.changed)
        self._list.focusedItem.connect(self.focusedItem)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._list)

    def load(self, value: Any) -> None:
        self._list.load([(item, texts_of(self._spec, item)) for item in value or ()])

    def _built(self) -> list[tuple[ListRow, Any, list]]:
        return [
            (row, *entry_from_texts(self._spec, row.orig, row.texts())) for row in self._list.rows()
        ]

    def value(self) -> tuple[Any, ...]:
        built = self._built()
        if any(problems for _, _, problems in built):
            raise Invalid(self.problems()[0])
        return tuple(entry for _, entry, _ in built if entry is not None)

    def problems(self) -> list[str]:
        messages = []
        for index, (row, _, problems) in enumerate(self._built(), start=1):
            row.mark(problems)
            where = f"{self._noun.capitalize()} {index}"
            labels = {p.attr: p.label for p in self._spec.parts}
            for problem in problems:
                part = f" · {labels[problem.attr]}" if labels.get(problem.attr) else ""
                messages.append(f"{where}{part}: {problem.message}")
        return messages

    def state(self) -> list[tuple[Any, dict[str, str]]]:
        return [(row.orig, row.texts()) for row in self._list.rows()]

    def restore(self, state: list[tuple[Any, dict[str, str]]]) -> None:
        self._list.load(state)

    def settle(self) -> None:
        for row, entry, _ in self._built():
            if entry is not None:
                row.set_orig(entry)

    def set_read_only(self, read_only: bool) -> None:
        self._list.set_read_only(read_only)

    def flagged_inputs(self) -> list[QWidget]:
        rows = self._list.rows()
        return [r.first_input() for r in rows if r.orig is not None and is_flagged(r.orig)]
