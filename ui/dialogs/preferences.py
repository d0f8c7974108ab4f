"""Preferences: where the library lives, the theme, how imports use the machine, and the
open library's rubric (its own tab, `preferences_rubric.py`)."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from storage.rubric import Rubric
from ui.dialogs.preferences_rubric import RubricEditor
from ui.theme import THEME_LABELS, THEMES


@dataclass(frozen=True)
class Preferences:
    library_dir: str
    theme: str
    workers: int
    time_limit_s: int
    rubric: Rubric | None = None  # the open library's (None: not edited here)


class PreferencesDialog(QDialog):
    def __init__(self, current: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(520)
        self.library = QLineEdit(current.library_dir, self)
        self.theme = QComboBox(self)
        for theme in THEMES:
            self.theme.addItem(THEME_LABELS[theme], theme)
        self.theme.setCurrentIndex(THEMES.index(current.theme) if current.theme in THEMES else 0)
        self.workers = self._spin(1, max(1, os.cpu_count() or 1) * 2, current.workers, "")
        self.time_limit = self._spin(5, 600, current.time_limit_s, " s")
        self.rubric = RubricEditor(current.rubric, self) if current.rubric is not None else None
        self._build()

    def _spin(self, low: int, high: int, value: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setValue(min(max(value, low), high))
        spin.setSuffix(suffix)
        return spin

    def _build(self) -> None:
        browse = QPushButton("Choose…", self)
        browse.clicked.connect(self._choose_library)
        row = QHBoxLayout()
        row.addWidget(self.library, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow("Library folder:", row)
        form.addRow("Theme:", self.theme)
        form.addRow("Parser processes:", self.workers)
        form.addRow("Time limit per file:", self.time_limit)
        self.workers.setToolTip("More processes import faster and use more memory")
        self.time_limit.setToolTip("A document that takes longer is reported as failed")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if self.rubric is None:
            layout.addLayout(form)
        else:
            general = QWidget(self)
            general.setLayout(form)
            self.tabs = QTabWidget(self)
            self.tabs.addTab(general, "General")
            self.tabs.addTab(self.rubric, "Rubric")
            self.setMinimumWidth(860)  # room for a one-line anchor per score
            layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _choose_library(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Library folder", self.library.text())
        if folder:
            self.library.setText(folder)

    def value(self) -> Preferences:
        chosen = Preferences(
            library_dir=self.library.text().strip(),
            theme=self.theme.currentData(),
            workers=self.workers.value(),
            time_limit_s=self.time_limit.value(),
        )
        return replace(chosen, rubric=self.rubric.value() if self.rubric else None)
