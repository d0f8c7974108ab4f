"""File > Export…: choose a format, which candidates, which columns, anonymised or not,
and where to write; the export itself is storage.export.export.export.

Wiring (main window): `ExportDialog(library, selected_candidate_ids, window).exec()`.
The export runs on the GUI thread (it owns the library); a report of a few dozen
candidates takes well under a second.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from storage.errors import LibraryError
from storage.export.export import FORMATS, SUFFIXES, ExportError, ExportResult, export
from storage.export.rows import COLUMNS
from storage.library import Library
from ui.report_pdf import render_pdf

TABLE_FORMATS = ("csv", "xlsx")  # the formats whose columns the reviewer picks


class ExportDialog(QDialog):
    def __init__(self, library: Library, selected_ids: list[int], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.setMinimumWidth(560)
        self.library = library
        self.selected_ids = list(selected_ids)
        self.result: ExportResult | None = None
        self.format = QComboBox(self)
        for key, label in FORMATS.items():
            self.format.addItem(label, key)
        self.scope = QButtonGroup(self)
        self.columns = QListWidget(self)
        self.anonymised = QCheckBox("Anonymised: aliases; no names, contacts, links or documents")
        self.title = QLineEdit("Shortlist", self)
        self.output = QLineEdit(str(self._default_path("csv")), self)
        self._build()
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow("Format:", self.format)
        form.addRow("Export:", self._scope_box())
        form.addRow("Columns:", self._columns_box())
        form.addRow("", self.anonymised)
        form.addRow("Title:", self.title)
        form.addRow("Save as:", self._output_row())
        buttons = QDialogButtonBox(self)
        buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.export_now)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _scope_box(self) -> QWidget:
        rows = self.library.candidates()
        listed = sum(r.shortlisted for r in rows)
        box = QWidget(self)
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        choices = (
            ("shortlist", f"Shortlist ({listed})", True),
            ("selection", f"Selection ({len(self.selected_ids)})", bool(self.selected_ids)),
            ("all", f"All ({len(rows)})", True),
        )
        for key, label, enabled in choices:
            button = QRadioButton(label, box)
            button.setProperty("scope", key)
            button.setEnabled(enabled)
            self.scope.addButton(button)
            line.addWidget(button)
        self.scope.buttons()[0].setChecked(True)
        line.addStretch(1)
        return box

    def _columns_box(self) -> QListWidget:
        for column in COLUMNS:
            item = QListWidgetItem(column.label, self.columns)
            item.setData(Qt.ItemDataRole.UserRole, column.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            state = Qt.CheckState.Checked if column.default else Qt.CheckState.Unchecked
            item.setCheckState(state)
        # Columns side by side, so the whole checklist shows without scrolling.
        self.columns.setFlow(QListWidget.Flow.LeftToRight)
        self.columns.setWrapping(True)
        self.columns.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.columns.setGridSize(QSize(165, 22))
        self.columns.setMinimumHeight((len(COLUMNS) + 1) // 2 * 22 + 6)
        return self.columns

    def _output_row(self) -> QWidget:
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        choose = QPushButton("Choose…", row)
        choose.clicked.connect(self._choose_path)
        line.addWidget(self.output, 1)
        line.addWidget(choose)
        return row

    # ------------------------------------------------------------------ state

    def chosen_format(self) -> str:
        return self.format.currentData()

    def chosen_scope(self) -> str:
        checked = self.scope.checkedButton()
        return checked.property("scope") if checked else "shortlist"

    def chosen_columns(self) -> list[str]:
        items = (self.columns.item(i) for i in range(self.columns.count()))
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def _default_path(self, fmt: str) -> Path:
        folder = Path.home() / "Documents"
        folder = folder if folder.is_dir() else Path.home()
        return folder / f"shortlist-{date.today().isoformat()}{SUFFIXES[fmt]}"

    def _format_changed(self) -> None:
        fmt = self.chosen_format()
        self.columns.setEnabled(fmt in TABLE_FORMATS)
        self.title.setEnabled(fmt in ("md", "pdf", "zip"))
        text = self.output.text().strip()
        if text:  # keep the folder and the name, follow the format's suffix
            self.output.setText(str(Path(text).with_suffix(SUFFIXES[fmt])))

    def _choose_path(self) -> None:
        fmt = self.chosen_format()
        path, _ = QFileDialog.getSaveFileName(
            self, "Export to", self.output.text(), f"{FORMATS[fmt]} (*{SUFFIXES[fmt]})"
        )
        if path:  # the file dialog has already asked about replacing an existing file
            self.output.setText(path)

    # ------------------------------------------------------------------ running

    def export_now(self) -> None:
        path = Path(self.output.text().strip()).expanduser()
        if not self.output.text().strip():
            self.report_error("Choose where to save the export.")
            return
        if path.exists() and not self.confirm_replace(path):
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.result = export(
                self.library,
                self.chosen_format(),
                path,
                scope=self.chosen_scope(),  # type: ignore[arg-type]
                ids=self.selected_ids,
                columns=self.chosen_columns(),
                anonymised=self.anonymised.isChecked(),
                force=True,  # asked above
                render_pdf=render_pdf,
                title=self.title.text().strip() or "Shortlist",
            )
        except (ExportError, LibraryError, ValueError) as exc:
            self.result = None
            QGuiApplication.restoreOverrideCursor()
            self.report_error(str(exc))
            return
        QGuiApplication.restoreOverrideCursor()
        self.report_success(self.result)
        self.accept()

    # Separate methods so tests can answer them without a modal box.
    def confirm_replace(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self,
            "Replace file?",
            f"{path.name} already exists in {path.parent}. Replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def report_error(self, message: str) -> None:
        QMessageBox.warning(self, "Export failed", message)

    def report_success(self, result: ExportResult) -> None:
        what = "candidate" if result.candidates == 1 else "candidates"
        box = QMessageBox(self)
        box.setWindowTitle("Export done")
        box.setText(f"Exported {result.candidates} {what} to {result.path.name}.")
        if result.warnings:
            box.setDetailedText("\n".join(result.warnings))
        reveal = box.addButton("Show in Folder", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is reveal:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path.parent)))
