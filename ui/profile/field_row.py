"""One profile field in the forms: its header and marks, its editor, and the apply step.

The apply step is the only way an edit leaves the form: check the editor, show problems
inline and stop, or hand the new value on once. `baseline` is the value last loaded or
applied; a refresh from the library replaces the editor only when the library's value
differs from it, so typing elsewhere is never wiped by an unrelated change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from storage.models import FieldInfo
from ui.profile.forms.registry import editor_for
from ui.profile.pending_bar import PendingBar
from ui.profile.profile_items import describe, heading
from ui.profile.style import SPACING, label

REVERT_TIP = "Forget your change: show the value parsed from the documents again"


class FieldRow(QWidget):
    applyRequested = Signal(str, object)
    revertRequested = Signal(str)
    acceptRequested = Signal(str)
    keepRequested = Signal(str)
    focusedItem = Signal(str, object)

    def __init__(self, field: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        self.baseline: Any = None
        self.editor = editor_for(field)
        self.editor.changed.connect(self.apply)
        self.editor.focusedItem.connect(lambda item: self.focusedItem.emit(field, item))
        self._pending = PendingBar(self)
        self._pending.acceptClicked.connect(lambda: self.acceptRequested.emit(field))
        self._pending.keepClicked.connect(lambda: self.keepRequested.emit(field))
        self._problem = label("", "problem", self)
        self._problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING - 2)
        layout.addLayout(self._header())
        layout.addWidget(self._pending)
        layout.addWidget(self.editor)
        layout.addWidget(self._problem)
        self._show_problems([])

    def _header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        header.setSpacing(SPACING)
        self._title = label(heading(self.field), "fieldTitle", self)
        self._source = label("", "muted", self)
        self._edited = label("Edited", "editedMark", self)
        self._edited.setToolTip("You changed this field; later parses will not overwrite it")
        self._revert = QPushButton("Revert to parsed", self)
        self._revert.setFlat(True)
        self._revert.setToolTip(REVERT_TIP)
        self._revert.clicked.connect(lambda: self.revertRequested.emit(self.field))
        for widget in (self._title, self._edited, self._source):
            header.addWidget(widget)
        header.addStretch(1)
        header.addWidget(self._revert)
        return header

    # ------------------------------------------------------------------ showing

    def load(self, value: Any, info: FieldInfo | None, sources: dict[int, str]) -> None:
        self.baseline = value
        self.editor.load(value)
        self._show_problems([])
        self.show_info(info, sources)

    def refresh(self, value: Any, info: FieldInfo | None, sources: dict[int, str]) -> None:
        if value != self.baseline:
            self.load(value, info, sources)
        else:
            self.show_info(info, sources)

    def show_info(self, info: FieldInfo | None, sources: dict[int, str]) -> None:
        info = info or FieldInfo(source=None)
        decided = info.edited or info.pinned
        self._edited.setVisible(info.edited)
        self._edited.setText("Edited" if info.edited else "")
        self._source.setText(_source_text(info, sources))
        self._revert.setVisible(decided)
        self._pending.setVisible(info.pending is not None)
        if info.pending is not None:
            self._pending.show_offer(
                sources.get(info.pending.document_id, "document"),
                describe(self.field, info.pending.stored),
                describe(self.field, info.pending.new),
            )

    def set_editable(self, editable: bool) -> None:
        self.editor.set_read_only(not editable)
        if not editable:
            self._revert.setVisible(False)
            self._pending.setVisible(False)

    def _show_problems(self, problems: list[str]) -> None:
        self._problem.setText("\n".join(problems))
        self._problem.setVisible(bool(problems))

    # ------------------------------------------------------------------ applying

    def apply(self) -> None:
        problems = self.editor.problems()
        self._show_problems(problems)
        if problems:
            return
        value = self.editor.value()
        if value == self.baseline:
            return
        self.baseline = value
        self.editor.settle()
        self.applyRequested.emit(self.field, value)

    def take_draft(self) -> Any:
        """Apply a finished valid edit now; hand back an invalid one to keep (or None)."""
        if self.editor.problems():
            return self.editor.state()
        self.apply()
        return None

    def restore_draft(self, state: Any) -> None:
        self.editor.restore(state)
        self._show_problems(self.editor.problems())


def _source_text(info: FieldInfo, sources: dict[int, str]) -> str:
    if info.edited:
        return f"· {_when(info.edited_at)}" if info.edited_at else ""
    if info.source is None:
        return "not found in any document"
    where = sources.get(info.source, "document") if isinstance(info.source, int) else "document"
    return f"chosen from {where}" if info.pinned else f"from {where}"


def _when(stamp: str) -> str:
    return stamp[:16].replace("T", " ")
