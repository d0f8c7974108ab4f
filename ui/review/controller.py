"""What the review panel's gestures do to the library: each is one undoable command.

The panel only shows and emits; this turns "4 on research fit" into a `set_review` with
the blind flag, moves a new candidate to "reviewing" on its first score (in the same
command, so one undo takes both back), and gives new tags their colour.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from storage.errors import LibraryError, UnknownIdError
from storage.library import Library
from storage.models import Candidate, Score
from storage.rubric import Rubric, rubric_of
from storage.tag_colours import all_tags, set_tag_colours, tag_colours, with_new_tags
from ui import commands


class ReviewController(QObject):
    changed = Signal()  # the shown candidate's review (or the rubric, or a colour) changed

    def __init__(self, library: Library, stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self._stack = weakref.ref(stack)  # the window owns it (see ProfilePane)
        self._parent = parent
        self.candidate_id: int | None = None
        self.blind = False
        stack.indexChanged.connect(self._stack_moved)

    # ------------------------------------------------------------------ reading

    def candidate(self) -> Candidate | None:
        if self.candidate_id is None:
            return None
        try:
            return self.library.candidate(self.candidate_id)
        except UnknownIdError:
            return None

    def rubric(self) -> Rubric:
        return rubric_of(self.library)

    def tag_colours(self) -> dict[str, str]:
        return tag_colours(self.library)

    def known_tags(self) -> list[str]:
        return all_tags(self.library)

    def show(self, candidate_id: int | None) -> None:
        self.candidate_id = candidate_id
        self.changed.emit()

    def _stack_moved(self, _index: int) -> None:
        self.changed.emit()

    # ------------------------------------------------------------------ changing

    def score(self, criterion: str, value: int | None) -> bool:
        """Give `value` (1–5) on `criterion`, or take the score back (None)."""
        candidate = self.candidate()
        if candidate is None:
            return False
        scores = dict(candidate.review.scores)
        if value is None:
            if scores.pop(criterion, None) is None:
                return False
        else:
            scores[criterion] = Score(value, blind=self.blind)
        changes: dict = {"scores": scores}
        if value is not None and candidate.review.status == "new":
            changes["status"] = "reviewing"
        label = self.rubric().label(criterion)
        text = f"Score {label}: {value}" if value is not None else f"Clear {label} score"
        return self._review(candidate.id, text, **changes)

    def set_status(self, status: str) -> bool:
        candidate = self.candidate()
        if candidate is None or candidate.review.status == status:
            return False
        return self._review(candidate.id, f"Status: {status}", status=status)

    def toggle_shortlist(self) -> bool:
        candidate = self.candidate()
        if candidate is None:
            return False
        on = not candidate.review.shortlisted
        return self._review(
            candidate.id, "Shortlist" if on else "Take off shortlist", shortlisted=on
        )

    def add_tag(self, tag: str) -> bool:
        candidate, tag = self.candidate(), " ".join(tag.split())
        if candidate is None or not tag or tag in candidate.review.tags:
            return False
        known = self.tag_colours()
        if tag not in known:
            # Colours are library settings, outside undo: undoing the tag leaves its colour
            # ready for the next time it is used, which is what "chosen once" means.
            set_tag_colours(self.library, with_new_tags(known, [tag]))
        tags = (*candidate.review.tags, tag)
        return self._review(candidate.id, f"Tag {tag}", tags=tags)

    def remove_tag(self, tag: str) -> bool:
        candidate = self.candidate()
        if candidate is None or tag not in candidate.review.tags:
            return False
        tags = tuple(t for t in candidate.review.tags if t != tag)
        return self._review(candidate.id, f"Remove tag {tag}", tags=tags)

    def set_notes(self, candidate_id: int, text: str) -> bool:
        """Save notes typed for `candidate_id` (not necessarily the one shown any more)."""
        try:
            stored = self.library.candidate(candidate_id).review.notes
        except UnknownIdError:
            return False
        if stored == text:
            return False
        return self._review(candidate_id, "Edit notes", notes=text)

    def set_tag_colour(self, tag: str, colour: str) -> bool:
        colours = {**self.tag_colours(), tag: colour}
        return self._push(commands.set_tag_colours(self.library, colours))

    def set_rubric(self, rubric: Rubric | None) -> bool:
        ids = [s.id for s in self.library.candidates()]
        return self._push(commands.set_rubric(self.library, rubric, ids))

    def _review(self, candidate_id: int, text: str, **changes) -> bool:
        return self._push(commands.set_review(self.library, candidate_id, text, None, **changes))

    def _push(self, command: commands.LibraryCommand) -> bool:
        stack = self._stack()
        if stack is None:
            return False
        try:
            stack.push(command)
        except (LibraryError, ValueError) as error:
            box = QMessageBox(QMessageBox.Icon.Warning, command.text(), str(command.error or error))
            box.setParent(self._parent, box.windowFlags())
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.exec()
            return False
        return True
