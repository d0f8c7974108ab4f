"""The window's side of importing: where paths come from (dialogs, drops, the file
browser, the samples), progress in the status bar, and the report at the end."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog

from parsing.registry import FILE_DIALOG_FILTER
from storage.errors import LibraryError
from storage.library import Library
from storage.models import ImportSummary
from storage.queries import CANDIDATE, UNASSIGNED, RowKey
from ui import settings as S
from ui.dialogs.import_report import ImportReportDialog, headline
from ui.import_service import ImportReport, ImportService
from ui.models.report_model import report_rows

if TYPE_CHECKING:
    from ui.main_window import MainWindow

SAMPLES_DIR = Path(__file__).resolve().parents[1] / "resources" / "samples"
STATUS_MS = 8000
PROGRESS_MS = 250  # the status bar follows the import four times a second, not per file
# New rows reach the list in batches: each update re-sorts and repaints the table (~20 ms
# with the theme's style sheet), too much to do for every file.
ROWS_MS = 400


class ImportFlow(QObject):
    def __init__(self, window: MainWindow, library: Library):
        super().__init__(window)
        self._window = window
        self._dialog: ImportReportDialog | None = None
        self._counts: tuple[int, int] | None = None
        self._progress_timer = QTimer(self, singleShot=True, interval=PROGRESS_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        self._new_rows: list[ImportSummary] = []
        self._rows_timer = QTimer(self, singleShot=True, interval=ROWS_MS)
        self._rows_timer.timeout.connect(self._add_rows)
        self.service = self._make_service(library)

    def _make_service(self, library: Library) -> ImportService:
        settings = self._window.settings
        service = ImportService(
            library, settings.get(S.WORKERS), float(settings.get(S.TIME_LIMIT_S)), self
        )
        service.busyChanged.connect(self._busy_changed)
        service.progress.connect(self._progress)
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
        return self._window.list_controller.facts.source_paths()

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

    # ------------------------------------------------------------------ progress

    def _busy_changed(self, busy: bool) -> None:
        self._counts = (0, 0) if busy else None
        self._progress_timer.stop()
        self._show_progress()

    def _progress(self, done: int, total: int) -> None:
        if self._counts is not None:
            self._counts = (done, total)
            if not self._progress_timer.isActive():
                self._progress_timer.start()

    def _show_progress(self) -> None:
        self._window.status.show_progress(self._counts)

    # ------------------------------------------------------------------ results

    def _stored(self, summary: ImportSummary) -> None:
        self._new_rows.append(summary)
        if not self._rows_timer.isActive():
            self._rows_timer.start()

    def _add_rows(self) -> None:
        # Nothing is selected here: showing a profile and its PDF takes the GUI thread for
        # a while, which would stall the import; `_finished` selects instead.
        self._rows_timer.stop()
        stored, self._new_rows = self._new_rows, []
        if not stored:
            return
        merged = ImportSummary()
        for summary in stored:
            merged.extend(summary)
        self._window.list_controller.add_imported(merged)
        docs = [*merged.new_candidates, *merged.attached, *merged.unassigned]
        self._window.browser.add_known([d.path for d in docs])

    def _finished(self, report: ImportReport) -> None:
        self._add_rows()
        summary = report.summary
        self._window.statusBar().showMessage(f"Import: {headline(report)}", STATUS_MS)
        added = [*summary.new_candidates, *summary.attached]
        if added and self._window.candidate_list.current_key() is None:
            # After the import has finished, not as part of it: the profile pane takes a
            # moment to show a candidate for the first time.
            key = (CANDIDATE, added[0].candidate_id)
            QTimer.singleShot(0, self, lambda: self._window.candidate_list.select_key(key))
        needs_a_look = summary.failed or summary.duplicates or summary.unassigned
        if needs_a_look or report.cancelled or report.found > 1:
            self.show_report(report)

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
