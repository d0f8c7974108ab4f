"""The status bar: which library, how many candidates, whether it is saved, import progress."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from storage.queries import ListRow
from ui.plain import tooltip
from ui.save_warning import unsaved_text


class StatusBar(QStatusBar):
    def __init__(self, cancel_action: QAction, parent: QWidget | None = None):
        super().__init__(parent)
        self.library_label = self._label("library")
        self.counts_label = self._label("counts")
        self.saved_label = self._label("saved")
        self.progress_label = self._label("progress")
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(180)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.cancel = QToolButton(self)
        self.cancel.setDefaultAction(cancel_action)
        self.cancel.setAutoRaise(True)
        self.addWidget(self.library_label)
        self.addWidget(self.counts_label)
        for widget in (self.progress_label, self.progress, self.cancel, self.saved_label):
            self.addPermanentWidget(widget)
        self.show_progress(None)

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def show_library(self, name: str, path: str) -> None:
        self.library_label.setText(f"Library: {name}")
        self.library_label.setToolTip(tooltip(path))

    def show_counts(self, rows: list[ListRow]) -> None:
        candidates = [r for r in rows if not r.is_unassigned]
        shortlisted = sum(r.shortlisted for r in candidates)
        loose = len(rows) - len(candidates)
        parts = [_plural(len(candidates), "candidate")]
        if shortlisted:
            parts.append(f"{shortlisted} shortlisted")
        if loose:
            parts.append(f"{loose} unassigned")
        self.counts_label.setText(" · ".join(parts))

    def show_saved(self, saved: bool, error: str | None) -> None:
        if error:
            self.saved_label.setText(unsaved_text(error))
            self.saved_label.setToolTip(tooltip(error))
        else:
            self.saved_label.setText("All changes saved" if saved else "Saving…")
            self.saved_label.setToolTip("Every change is saved as you make it")

    def show_progress(self, counts: tuple[int, int] | None) -> None:
        """(done, total) while importing; None hides the progress widgets."""
        importing = counts is not None
        for widget in (self.progress_label, self.progress, self.cancel):
            widget.setVisible(importing)
        if counts is None:
            return
        done, total = counts
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_label.setText(
            f"Importing {done} of {total}" if total else "Looking for files…"
        )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
