"""The "Edit" tab: a form row for every profile field in one scrolling column.

It only shows and collects; every change leaves as a signal for the pane to turn into an
undoable command. Values the parser was unsure of can be visited in turn ("Next to check").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from parsing.models import Profile
from storage.models import FieldInfo
from ui.profile.field_row import FieldRow
from ui.profile.profile_items import FIELD_NAMES, flagged
from ui.profile.style import SPACING, label

READ_ONLY_NOTE = "This document is not assigned to a candidate yet: assign it to edit its profile."


class EditPanel(QWidget):
    applyRequested = Signal(str, object)
    revertRequested = Signal(str)
    acceptRequested = Signal(str)
    keepRequested = Signal(str)
    focusedItem = Signal(str, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("profileEditPanel")
        self.rows: dict[str, FieldRow] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._top_bar())
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidget(self._form())
        layout.addWidget(self._scroll, 1)

    def _top_bar(self) -> QWidget:
        bar = QWidget(self)
        row = QHBoxLayout(bar)
        row.setContentsMargins(SPACING * 2, SPACING, SPACING * 2, SPACING)
        self._count = label("", "muted", bar)
        self._message = label("", "problem", bar)
        self._message.setWordWrap(True)
        self._next = QPushButton("Next to check", bar)
        self._next.setToolTip("Go to the next value parsed with low confidence")
        self._next.clicked.connect(self.next_flagged)
        row.addWidget(self._count)
        row.addWidget(self._message, 1)
        row.addWidget(self._next)
        return bar

    def _form(self) -> QWidget:
        form = QWidget()
        column = QVBoxLayout(form)
        column.setContentsMargins(SPACING * 2, SPACING, SPACING * 2, SPACING * 3)
        column.setSpacing(SPACING * 2)
        self._note = label(READ_ONLY_NOTE, "muted", form)
        self._note.setWordWrap(True)
        column.addWidget(self._note)
        for index, field in enumerate(FIELD_NAMES):
            if index:
                column.addWidget(_separator(form))
            row = FieldRow(field, form)
            row.applyRequested.connect(self.applyRequested)
            row.revertRequested.connect(self.revertRequested)
            row.acceptRequested.connect(self.acceptRequested)
            row.keepRequested.connect(self.keepRequested)
            row.focusedItem.connect(self.focusedItem)
            self.rows[field] = row
            column.addWidget(row)
        column.addStretch(1)
        return form

    # ------------------------------------------------------------------ showing

    def load(
        self,
        profile: Profile,
        infos: Mapping[str, FieldInfo],
        sources: dict[int, str],
        editable: bool,
        drafts: Mapping[str, Any] | None = None,
    ) -> None:
        self._note.setVisible(not editable)
        self.show_message("")
        for field, row in self.rows.items():
            row.load(getattr(profile, field), infos.get(field), sources)
            row.set_editable(editable)
            if drafts and field in drafts:
                row.restore_draft(drafts[field])
        self._count_flags(profile)
        self._scroll.verticalScrollBar().setValue(0)

    def refresh(
        self, profile: Profile, infos: Mapping[str, FieldInfo], sources: dict[int, str]
    ) -> None:
        for field, row in self.rows.items():
            row.refresh(getattr(profile, field), infos.get(field), sources)
        self._count_flags(profile)

    def _count_flags(self, profile: Profile) -> None:
        count = len(flagged(profile))
        self._count.setText(f"{count} to check" if count else "Nothing flagged")
        self._next.setEnabled(count > 0)

    def show_message(self, text: str) -> None:
        self._message.setText(text)

    def take_drafts(self) -> dict[str, Any]:
        """Apply finished edits; return unapplied (invalid) ones by field, to restore later."""
        drafts = {}
        for field, row in self.rows.items():
            state = row.take_draft()
            if state is not None:
                drafts[field] = state
        return drafts

    def commit_all(self) -> list[str]:
        """Apply every finished valid edit; the problems of those that cannot be applied."""
        problems = []
        for row in self.rows.values():
            if row.take_draft() is not None:
                problems.extend(row.editor.problems())
        return problems

    # ------------------------------------------------------------------ moving

    def next_flagged(self) -> None:
        inputs = [w for row in self.rows.values() for w in row.editor.flagged_inputs()]
        if not inputs:
            return
        focus = QApplication.focusWidget()
        after = inputs.index(focus) + 1 if focus in inputs else 0
        target = inputs[after % len(inputs)]
        self._scroll.ensureWidgetVisible(target, SPACING * 4, SPACING * 8)
        target.setFocus()
        if not target.hasFocus():  # an inactive window takes no focus: show evidence anyway
            target.focused.emit()


def _separator(parent: QWidget) -> QFrame:
    line = QFrame(parent)
    line.setObjectName("fieldSeparator")
    line.setFixedHeight(1)
    return line
