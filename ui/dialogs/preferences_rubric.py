"""The rubric editor (Preferences > Rubric): criteria in order, each with a label, a
weight, a one-line description and what each score 1–5 means.

It edits a copy; the dialog's OK hands `value()` to one undoable command. A criterion
keeps its key when renamed, so its scores follow it; a removed one keeps its scores in the
reviews (they come back if a criterion with that key returns).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storage.rubric import MAX_WEIGHT, SCALE, Criterion, Rubric, default_rubric, with_criterion

NEW_LABEL = "New criterion"


class CriterionForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLineEdit(self)
        self.weight = QDoubleSpinBox(self)
        self.weight.setRange(0.0, MAX_WEIGHT)
        self.weight.setSingleStep(0.5)
        self.weight.setDecimals(1)
        self.weight.setToolTip("How much this criterion counts in the total (0: not at all)")
        self.description = QLineEdit(self)
        self.anchors = [QLineEdit(self) for _ in SCALE]
        form = QFormLayout(self)
        form.addRow("Label:", self.label)
        form.addRow("Weight:", self.weight)
        form.addRow("Description:", self.description)
        for value, edit in zip(SCALE, self.anchors, strict=True):
            edit.setPlaceholderText(f"What a {value} means")
            form.addRow(f"{value}:", edit)
        for edit in (self.label, self.description, *self.anchors):
            edit.textEdited.connect(lambda _t: self.changed.emit())
        self.weight.valueChanged.connect(lambda _v: self.changed.emit())

    def load(self, criterion: Criterion) -> None:
        for widget in (self, self.weight):
            widget.blockSignals(True)
        self.label.setText(criterion.label)
        self.weight.setValue(criterion.weight)
        self.description.setText(criterion.description)
        for edit, anchor in zip(self.anchors, criterion.anchors, strict=True):
            edit.setText(anchor)
        for edit in (self.label, self.description, *self.anchors):
            edit.setCursorPosition(0)  # a long anchor reads from its start
        for widget in (self, self.weight):
            widget.blockSignals(False)

    def apply_to(self, criterion: Criterion) -> Criterion:
        return replace(
            criterion,
            label=self.label.text().strip() or criterion.label,
            weight=self.weight.value(),
            description=self.description.text().strip(),
            anchors=tuple(e.text().strip() for e in self.anchors),
        )


class RubricEditor(QWidget):
    def __init__(self, rubric: Rubric, parent: QWidget | None = None):
        super().__init__(parent)
        self._rubric = rubric
        self.list = QListWidget(self)
        self.list.setMaximumWidth(260)
        self.list.currentRowChanged.connect(self._show)
        self.form = CriterionForm(self)
        self.form.changed.connect(self._edited)
        self.note = QLabel("This library's rubric: scores on a removed criterion are kept.", self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in (
            ("Add", self.add),
            ("Remove", self.remove),
            ("Up", lambda: self.move(-1)),
            ("Down", lambda: self.move(1)),
            ("Default", self.reset),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        row = QHBoxLayout()
        row.addLayout(left)
        row.addWidget(self.form, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.note)
        self._fill(0)

    def value(self) -> Rubric:
        return self._rubric

    # ------------------------------------------------------------------ editing

    def _fill(self, current: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for c in self._rubric.criteria:
            self.list.addItem(_item_text(c))
        self.list.blockSignals(False)
        count = len(self._rubric.criteria)
        self.form.setEnabled(count > 0)
        if count:
            self.list.setCurrentRow(max(0, min(current, count - 1)))
            self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        if 0 <= row < len(self._rubric.criteria):
            self.form.load(self._rubric.criteria[row])

    def _edited(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._rubric.criteria):
            return
        criteria = list(self._rubric.criteria)
        criteria[row] = self.form.apply_to(criteria[row])
        self._rubric = replace(self._rubric, criteria=tuple(criteria))
        self.list.item(row).setText(_item_text(criteria[row]))

    def add(self) -> None:
        self._rubric = with_criterion(self._rubric, NEW_LABEL)
        self._fill(len(self._rubric.criteria) - 1)
        self.form.label.setFocus()
        self.form.label.selectAll()

    def remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._rubric.criteria):
            criteria = self._rubric.criteria[:row] + self._rubric.criteria[row + 1 :]
            self._rubric = replace(self._rubric, criteria=criteria)
            self._fill(row)

    def move(self, step: int) -> None:
        row, criteria = self.list.currentRow(), list(self._rubric.criteria)
        target = row + step
        if 0 <= row < len(criteria) and 0 <= target < len(criteria):
            criteria[row], criteria[target] = criteria[target], criteria[row]
            self._rubric = replace(self._rubric, criteria=tuple(criteria))
            self._fill(target)

    def reset(self) -> None:
        self._rubric = default_rubric()
        self._fill(0)


def _item_text(criterion: Criterion) -> str:
    return f"{criterion.label}  ×{criterion.weight:g}"
