"""The review panel: the selected candidate's status, star, scores, total, tags and notes.

It shows what `ReviewController` reads and hands every gesture back to it; the keys (1–5,
Tab, R, T, N) arrive through `ui/review/keys.py`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from storage.models import STATUSES, Candidate
from storage.scoring import weighted_total
from ui.icons import icon
from ui.models.columns import STATUS_LABELS
from ui.profile.style import ElidedLabel, label
from ui.review.controller import ReviewController
from ui.review.criteria import CriteriaView
from ui.review.notes import NotesEditor
from ui.review.tags import TagBar

NOTHING = "Select a candidate to review them."


class ReviewPanel(QWidget):
    returnFocus = Signal()  # Esc in the tag entry or the notes: back to the list

    def __init__(self, controller: ReviewController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab and 1–5 work with it focused
        self.controller = controller
        self.name_for: Callable[[Candidate], str] = lambda c: c.name or f"Candidate {c.id}"
        self._shown_id: int | None = None
        self._build()
        controller.changed.connect(self.refresh)
        self.refresh()

    def _build(self) -> None:
        self.title = ElidedLabel("reviewTitle", self)
        self.star = QToolButton(self)
        self.star.setCheckable(True)
        self.star.setAutoRaise(True)
        self.star.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.status = QComboBox(self)
        self.status.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        for status in STATUSES:
            self.status.addItem(STATUS_LABELS[status], status)
        self.status.activated.connect(lambda i: self.controller.set_status(self.status.itemData(i)))
        self.total = label("", "reviewTotal", self)
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.criteria = CriteriaView(self)
        self.criteria.scoreClicked.connect(self.controller.score)
        self.tags = TagBar(self)
        self.tags.tagAdded.connect(self.controller.add_tag)
        self.tags.tagRemoved.connect(self.controller.remove_tag)
        self.tags.colourChosen.connect(self.controller.set_tag_colour)
        self.tags.entry.escaped.connect(self.returnFocus)
        # Completion reads every candidate's tags: only when the entry is about to be used.
        self.tags.entry.focused.connect(
            lambda: self.tags.entry.set_choices(self.controller.known_tags())
        )
        self.tags.entry.tagEntered.connect(lambda _tag: self.returnFocus.emit())
        self.notes = NotesEditor(self)
        self.notes.committed.connect(self.controller.set_notes)
        self.notes.escaped.connect(self.returnFocus)
        self.empty = label(NOTHING, "muted", self)
        self._layout()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.star)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status)
        status_row.addStretch(1)
        status_row.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(status_row)
        layout.addWidget(_section("Scores", self))
        layout.addWidget(self.criteria)
        layout.addWidget(_section("Tags", self))
        layout.addWidget(self.tags)
        layout.addWidget(_section("Notes", self))
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.empty)

    def use_star_action(self, action: QAction) -> None:
        """The star does what the window's Shortlist action (S) does."""
        self.star.clicked.connect(lambda _on: action.trigger())

    # ------------------------------------------------------------------ showing

    def refresh(self) -> None:
        candidate = self.controller.candidate()
        rubric = self.controller.rubric()
        self.criteria.set_rubric(rubric)
        shown = candidate is not None
        for widget in (self.star, self.status, self.criteria, self.tags):
            widget.setEnabled(shown)
        self.empty.setVisible(not shown)
        self.notes.load(
            candidate.id if candidate else None, candidate.review.notes if shown else ""
        )
        if candidate is None:
            self._shown_id = None
            self.title.set_full_text("")
            self.total.setText("")
            self.criteria.set_scores({})
            self.tags.set_tags([], {})
            self._show_star(False)
            return
        review = candidate.review
        if candidate.id != self._shown_id:
            # A new candidate starts at their first unscored criterion: J, then 4 3 5 …
            keys = rubric.keys()
            open_ = [i for i, k in enumerate(keys) if k not in review.scores]
            self.criteria.set_focus(open_[0] if open_ else 0)
        self._shown_id = candidate.id
        self.title.set_full_text(self.name_for(candidate))
        self.status.setCurrentIndex(max(self.status.findData(review.status), 0))
        self._show_star(review.shortlisted)
        self.criteria.set_scores(review.scores)
        self.total.setText(_total_text(review.scores, rubric))
        self.tags.set_tags(review.tags, self.controller.tag_colours())

    def _show_star(self, on: bool) -> None:
        self.star.setChecked(on)
        self.star.setIcon(icon("star" if on else "star-outline"))
        self.star.setToolTip("Take off the shortlist (S)" if on else "Shortlist (S)")

    # ------------------------------------------------------------------ keyboard

    def score_focused(self, value: int) -> bool:
        """Score the focused criterion and move to the next one."""
        key = self.criteria.focused_key()
        if key is None or not self.controller.score(key, value):
            return False
        self.criteria.move(1)
        return True

    def move_criterion(self, delta: int) -> bool:
        return self.criteria.move(delta)

    def open_tag_entry(self) -> None:
        if self.controller.candidate() is not None:
            self.tags.open_entry()

    def focus_notes(self) -> None:
        if self.controller.candidate() is not None:
            self.notes.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.notes.moveCursor(self.notes.textCursor().MoveOperation.End)

    def flush_notes(self) -> None:
        self.notes.flush()


def _total_text(scores, rubric) -> str:
    weights = rubric.weights()
    total = weighted_total(scores, weights)
    if total is None:
        return "Not scored"
    done = sum(1 for key in weights if key in scores)
    return f"Total {total:.2f} · {done}/{len(weights)} scored"


def _section(title: str, parent: QWidget) -> QWidget:
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 6, 0, 0)
    row.addWidget(label(title, "sectionTitle", box))
    line = QFrame(box)
    line.setObjectName("sectionLine")
    line.setFrameShape(QFrame.Shape.HLine)
    row.addWidget(line, 1)
    return box
