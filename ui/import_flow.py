"""The window's side of importing: where paths come from (dialogs, drops, the file
browser, the samples), progress in the status bar, and the report at the end."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from parsing.registry import FILE_DIALOG_FILTER
from storage.errors import LibraryError
from storage.library import Library
from storage.models import ImportSummary
from storage.queries import CANDIDATE, UNASSIGNED, RowKey, known_source_paths
from ui import settings as S
from ui.dialogs.import_report import ImportReportDialog, headline
from ui.import_service import ImportReport, ImportService
from ui.models.report_model import report_rows

if TYPE_CHECKING:
    from ui.main_window import MainWindow

SAMPLES_DIR = Path(__file__).resolve().parents[1] / "resources" / "samples"
STATUS_MS = 8000


class ImportFlow(QObject):
    def __init__(self, window: MainWindow, library: Library):
        super().__init__(window)
        self._window = window
        self._dialog: ImportReportDialog | None = None
        self.service = self._make_service(library)

    def _make_service(self, library: Library) -> ImportService:
        settings = self._window.settings
        service = ImportService(
            library, settings.get(S.WORKERS), float(settings.get(S.TIME_LIMIT_S)), self
        )
        status = self._window.status
        service.busyChanged.connect(lambda busy: status.show_progress((0, 0) if busy else None))
        service.progress.connect(lambda done, total: status.show_progress((done, total)))
        service.batchStored.connect(self._stored)
        service.finished.connect(self._finished)
        return service

    def use_library(self, library: Library) -> None:
        self.service.close()
        self.service.deleteLater()
        self.service = self._make_service(library)

    def close(self) -> None:
        self.service.close()

    def known_paths(self) -> set[str]:
        return known_source_paths(self._window.library)

    # ------------------------------------------------------------------ sources

    def start(self, paths: list[str]) -> None:
        self.service.import_paths(paths)

    def start_dropped(self, paths: list[str]) -> None:
        if paths:
            self.start(paths)
        else:
            self._window.statusBar().showMessage(
                "Nothing to import: Shortlist reads PDF, DOCX, text and Markdown files.",
                STATUS_MS,
            )

    def choose_files(self) -> None:
        settings = self._window.settings
        files, _ = QFileDialog.getOpenFileNames(
            self._window, "Import Documents", settings.get(S.IMPORT_DIR), FILE_DIALOG_FILTER
        )
        if files:
            settings.set(S.IMPORT_DIR, str(Path(files[0]).parent))
            self.start(files)

    def choose_folder(self) -> None:
        settings = self._window.settings
        folder = QFileDialog.getExistingDirectory(
            self._window, "Import Folder", settings.get(S.IMPORT_DIR)
        )
        if folder:
            settings.set(S.IMPORT_DIR, folder)
            self.start([folder])

    def open_samples(self) -> None:
        self.start([str(SAMPLES_DIR)])

    def cancel(self) -> None:
        self.service.cancel()

    # ------------------------------------------------------------------ results

    def _stored(self, summary: ImportSummary) -> None:
        window = self._window
        had_rows = window.model.total() > 0
        window.list_controller.add_imported(summary)
        docs = [*summary.new_candidates, *summary.attached, *summary.unassigned]
        window.browser.add_known([d.path for d in docs])
        if not had_rows and window.candidate_list.current_key() is None:
            window.candidate_list.select_row(0)

    def _finished(self, report: ImportReport) -> None:
        summary = report.summary
        self._window.statusBar().showMessage(f"Import: {headline(report)}", STATUS_MS)
        needs_a_look = summary.failed or summary.duplicates or summary.unassigned
        if needs_a_look or report.cancelled or report.found > 1:
            self.show_report(report)
        elif summary.added:
            first = [*summary.new_candidates, *summary.attached][0]
            self._window.candidate_list.select_key(("candidate", first.candidate_id))

    def show_report(self, report: ImportReport | None = None) -> None:
        report = report or self.service.last_report
        if report is None:
            self._window.statusBar().showMessage("No import yet in this session.", STATUS_MS)
            return
        if self._dialog is not None:
            self._dialog.close()
        rows = report_rows(report.summary, self._window.model.display_name, self._owner_of)
        self._dialog = ImportReportDialog(report, rows, self._window)
        self._dialog.openRow.connect(self._window.candidate_list.select_key)
        self._dialog.revealFile.connect(self._reveal)
        self._dialog.show()

    def _owner_of(self, document_id: int) -> RowKey | None:
        try:
            candidate_id = self._window.library.document(document_id).candidate_id
        except LibraryError:
            return None
        return (CANDIDATE, candidate_id) if candidate_id is not None else (UNASSIGNED, document_id)

    def report_dialog(self) -> ImportReportDialog | None:
        return self._dialog

    def _reveal(self, path: str) -> None:
        self._window.browser_dock.show()
        self._window.browser.reveal(path)
