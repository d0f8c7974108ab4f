"""The rubric's criteria as rows of 1–5 buttons, one of them focused for the keyboard.

The focused row is outlined and its anchors (what each score means) are spelled out
below the rows, so the reviewer reads the scale for the criterion the number keys will
score. Clicking a score again takes it back.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from storage.models import Score
from storage.rubric import SCALE, Criterion, Rubric
from ui.plain import tooltip
from ui.profile.style import label

BLIND_MARK = "◐"
BLIND_TIP = "Scored in blind review, before seeing who the candidate is"


class CriterionRow(QFrame):
    scoreClicked = Signal(str, object)  # key, 1..5 or None (taken back)
    focusRequested = Signal(str)

    def __init__(self, criterion: Criterion, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("criterionRow")
        self.criterion = criterion
        self._score: int | None = None
        self.title = label(criterion.label, "criterionLabel", self)
        self.title.setToolTip(tooltip(criterion.description))
        self.blind_mark = label(BLIND_MARK, "blindMark", self)
        self.blind_mark.setToolTip(BLIND_TIP)
        self.buttons = [self._button(value) for value in SCALE]
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 6, 3)
        row.setSpacing(3)
        row.addWidget(self.title, 1)
        row.addWidget(self.blind_mark)
        for button in self.buttons:
            row.addWidget(button)
        self.set_score(None)

    def _button(self, value: int) -> QToolButton:
        button = QToolButton(self)
        button.setText(str(value))
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the panel, not a button
        button.setObjectName("scoreButton")
        button.setFixedSize(26, 24)
        anchor = self.criterion.anchor(value)
        button.setToolTip(tooltip(f"{value}: {anchor}" if anchor else str(value)))
        button.clicked.connect(lambda _on, v=value: self._clicked(v))
        return button

    def _clicked(self, value: int) -> None:
        self.focusRequested.emit(self.criterion.key)
        self.scoreClicked.emit(self.criterion.key, None if value == self._score else value)
        self.set_score(self._score)  # the library's answer decides what stays checked

    def set_score(self, score: Score | int | None) -> None:
        value = score.value if isinstance(score, Score) else score
        self._score = value
        for button, v in zip(self.buttons, SCALE, strict=True):
            button.setChecked(v == value)
        self.blind_mark.setVisible(isinstance(score, Score) and score.blind)

    def set_focused(self, focused: bool) -> None:
        if bool(self.property("focused")) != focused:
            self.setProperty("focused", focused)
            self.style().unpolish(self)
            self.style().polish(self)

    def mousePressEvent(self, event) -> None:
        self.focusRequested.emit(self.criterion.key)
        super().mousePressEvent(event)


class CriteriaView(QWidget):
    scoreClicked = Signal(str, object)
    focusChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[CriterionRow] = []
        self._scores: Mapping[str, Score] = {}
        self._focus = 0
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(2)
        self.guide = QLabel(self)
        self.guide.setObjectName("anchorGuide")
        self.guide.setTextFormat(Qt.TextFormat.PlainText)  # the reviewer's own rubric text
        self.guide.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._rows_box)
        layout.addWidget(self.guide)

    def set_rubric(self, rubric: Rubric) -> None:
        if [r.criterion for r in self.rows] == list(rubric.criteria):
            return
        for row in self.rows:
            row.hide()  # until Qt deletes it
            row.deleteLater()
        self.rows = []
        for criterion in rubric.criteria:
            row = CriterionRow(criterion, self)
            row.scoreClicked.connect(self.scoreClicked)
            row.focusRequested.connect(self.focus_key)
            self._rows_box.addWidget(row)
            self.rows.append(row)
        self.set_focus(min(self._focus, max(len(self.rows) - 1, 0)))

    def set_scores(self, scores: Mapping[str, Score]) -> None:
        self._scores = scores
        for row in self.rows:
            row.set_score(scores.get(row.criterion.key))
        self._show_guide()

    # ------------------------------------------------------------------ focus

    def focused_key(self) -> str | None:
        return self.rows[self._focus].criterion.key if self.rows else None

    def focus_index(self) -> int:
        return self._focus

    def set_focus(self, index: int) -> None:
        if not self.rows:
            self.guide.clear()
            return
        self._focus = max(0, min(index, len(self.rows) - 1))
        for i, row in enumerate(self.rows):
            row.set_focused(i == self._focus)
        self._show_guide()
        self.focusChanged.emit(self.rows[self._focus].criterion.key)

    def focus_key(self, key: str) -> None:
        keys = [r.criterion.key for r in self.rows]
        if key in keys:
            self.set_focus(keys.index(key))

    def move(self, delta: int) -> bool:
        """Focus the next (+1) or previous (-1) criterion; False at either end."""
        target = self._focus + delta
        if not 0 <= target < len(self.rows):
            return False
        self.set_focus(target)
        return True

    def _show_guide(self) -> None:
        if not self.rows:
            return
        criterion = self.rows[self._focus].criterion
        current = self._scores.get(criterion.key)
        lines = []
        for value in SCALE:
            chosen = current is not None and current.value == value
            lines.append(f"{'▶' if chosen else '  '} {value}  {criterion.anchor(value)}")
        self.guide.setText("\n".join(lines))
