"""Imports that keep the window responsive: every drop, menu import and sample import.

    paths ─► scan_and_hash (thread) ─► skip known sha256 ─► ParsePool (processes)
          ─► store_files (thread) ─► Library.add_parse_results (GUI thread, batched)

The GUI thread only does cheap steps, and the last one under a time budget per timer tick
(picard's `_process_in_batches`): at most `BUDGET_S` of library work per 50 ms tick, so the
event loop never stalls while hundreds of files arrive. `batchStored` carries each batch's
`ImportSummary` so the candidate list can insert its rows; `finished` carries the report.
"""

from __future__ import annotations

import importlib
import os
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from parsing.pool import ParseOutcome, ParsePool
from storage.errors import LibraryError, LibraryWriteError
from storage.library import Library
from storage.models import ImportItem, ImportSummary
from ui.import_steps import Hashed, parse_below_the_window, scan_and_hash, store_files
from ui.tasks import run_task

# Loaded by the first worker start otherwise, on the GUI thread, in the middle of an import.
for _module in ("multiprocessing.spawn", "multiprocessing.resource_tracker", "runpy"):
    importlib.import_module(_module)
if os.name == "posix":
    importlib.import_module("multiprocessing.popen_spawn_posix")

TICK_MS = 50
BUDGET_S = 0.010  # of library work per tick; the list and progress updates come on top
BATCH_ITEMS = 2


@dataclass
class ImportReport:
    summary: ImportSummary = field(default_factory=ImportSummary)
    found: int = 0  # files the scan turned up so far
    cancelled: bool = False
    not_done: int = 0  # left unprocessed by a cancel
    started: float = field(default_factory=time.monotonic)
    seconds: float = 0.0

    @property
    def done(self) -> int:
        s = self.summary
        return s.added + len(s.duplicates) + len(s.failed)


class ImportService(QObject):
    progress = Signal(int, int)  # done, total
    batchStored = Signal(object)  # ImportSummary of one batch
    finished = Signal(object)  # ImportReport
    busyChanged = Signal(bool)

    def __init__(
        self,
        library: Library,
        workers: int = 2,
        time_limit_s: float = 30.0,
        parent=None,
        pool_factory: Callable[[int, float], ParsePool] | None = None,
    ):
        super().__init__(parent)
        self._library = library
        self._workers, self._time_limit = workers, time_limit_s
        self._pool_factory = pool_factory or _low_priority_pool  # tests hand in stand-ins
        self._pool: ParsePool | None = None
        self._threads = QThreadPool(self)
        self._threads.setMaxThreadCount(2)
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._run = 0  # callbacks of a cancelled run carry an old number and are ignored
        self._reset()
        self.last_report: ImportReport | None = None

    def _reset(self) -> None:
        self._run += 1
        self._report = ImportReport()
        self._cancel = threading.Event()
        self._scans = 0  # scan tasks still running
        self._storing = 0  # store_files tasks still running
        self._in_pool: dict[str, str] = {}  # path -> sha256 of files submitted to the pool
        self._seen: dict[str, str] = {}  # sha256 -> first path in this import
        self._same_twice: list[tuple[str, str]] = []
        self._ready: deque[ImportItem] = deque()

    # ------------------------------------------------------------------ public

    def is_busy(self) -> bool:
        return self._timer.isActive()

    def report(self) -> ImportReport:
        return self._report

    def set_pool_options(self, workers: int, time_limit_s: float) -> None:
        """Takes effect with the next import (the running one keeps its workers)."""
        self._workers, self._time_limit = workers, time_limit_s
        if not self.is_busy():
            self._close_pool()

    def import_paths(self, paths: list[str]) -> None:
        """Start importing (or add to the running import); returns at once."""
        if not paths:
            return
        if not self.is_busy():
            self._reset()
            self._timer.start()
            self.busyChanged.emit(True)
        self._scans += 1
        run = self._run
        run_task(
            self._threads,
            scan_and_hash,
            list(paths),
            self._cancel,
            on_partial=lambda chunk: self._on_hashed(run, chunk),
            on_done=lambda _count: self._scan_ended(run),
            on_failed=lambda _why: self._scan_ended(run),
            parent=self,
        )

    def cancel(self) -> None:
        if not self.is_busy():
            return
        self._cancel.set()
        self._report.cancelled = True
        self._report.not_done = len(self._in_pool) + len(self._ready) + self._storing
        if self._pool is not None:
            self._pool.cancel()
        self._in_pool.clear()
        self._ready.clear()
        self._finish()

    def close(self) -> None:
        """Stop everything (the window is closing): no more results will be stored."""
        self._cancel.set()
        self._timer.stop()
        self._threads.waitForDone(3000)
        self._close_pool()

    # ------------------------------------------------------------------ steps

    def _on_hashed(self, run: int, chunk: list[Hashed]) -> None:
        if run != self._run or self._cancel.is_set():
            return
        self._report.found += len(chunk)
        submit: list[str] = []
        for item in chunk:
            self._triage(item, submit)
        if submit:
            self._parse_pool().submit(submit)
        self._emit_progress()

    def _triage(self, item: Hashed, submit: list[str]) -> None:
        summary = self._report.summary
        if item.sha256 is None:
            summary.failed.append((item.path, item.error or "cannot read the file"))
        elif (existing := self._library.find_document(item.sha256)) is not None:
            summary.duplicates.append((item.path, existing))
        elif item.sha256 in self._seen:
            self._same_twice.append((item.path, item.sha256))
        else:
            self._seen[item.sha256] = item.path
            self._in_pool[item.path] = item.sha256
            submit.append(item.path)

    def _scan_ended(self, run: int) -> None:
        if run == self._run:
            self._scans -= 1

    def _tick(self) -> None:
        began = time.monotonic()
        if self._pool is not None and self._in_pool:
            for outcome in self._pool.poll(0):
                self._on_parsed(outcome)
        self._store_ready(began)
        self._emit_progress()
        if self._all_done():
            self._finish()

    def _on_parsed(self, outcome: ParseOutcome) -> None:
        sha = self._in_pool.pop(outcome.path, None)
        if sha is None:  # cancelled meanwhile
            return
        if outcome.result is None:
            reason = outcome.error or outcome.error_code or "could not be read"
            self._report.summary.failed.append((outcome.path, reason))
            return
        item = ImportItem(outcome.result, sha, outcome.path)
        self._storing += 1
        run, path = self._run, outcome.path
        run_task(
            self._threads,
            store_files,
            self._library.paths,
            item,
            on_done=lambda stored: self._on_files_stored(run, stored),
            on_failed=lambda why: self._on_store_failed(run, path, why),
            parent=self,
        )

    def _on_files_stored(self, run: int, item: ImportItem) -> None:
        if run == self._run and not self._cancel.is_set():
            self._storing -= 1
            self._ready.append(item)

    def _on_store_failed(self, run: int, path: str, why: str) -> None:
        if run == self._run and not self._cancel.is_set():
            self._storing -= 1
            # The task reports "LibraryWriteError: the disk is full: …": the reviewer needs
            # the reason, not the exception's class.
            reason = why.removeprefix(f"{LibraryWriteError.__name__}: ")
            self._report.summary.failed.append((path, f"could not be stored: {reason}"))

    def _store_ready(self, began: float) -> None:
        """Hand parsed documents to the library in small batches until the tick's budget
        is spent; the rest waits for the next tick."""
        while self._ready and time.monotonic() - began < BUDGET_S:
            batch = [self._ready.popleft() for _ in range(min(BATCH_ITEMS, len(self._ready)))]
            try:
                stored = self._library.add_parse_results(batch)
            except LibraryError as exc:
                self._report.summary.failed.extend((i.source_path or "", str(exc)) for i in batch)
                continue
            self._report.summary.extend(stored)
            self.batchStored.emit(stored)

    def _all_done(self) -> bool:
        return not (self._scans or self._in_pool or self._storing or self._ready)

    def _finish(self) -> None:
        self._timer.stop()
        self._report_same_twice()
        self._report.seconds = time.monotonic() - self._report.started
        self.last_report = self._report
        self._emit_progress()
        self.busyChanged.emit(False)
        self.finished.emit(self._report)

    def _report_same_twice(self) -> None:
        """The same content twice in one import: a duplicate of what the first copy became,
        or, when the first copy was not stored, not imported for the same reason (it is
        not "already in the library")."""
        summary = self._report.summary
        failed = dict(summary.failed)
        for path, sha in self._same_twice:
            existing = self._library.find_document(sha)
            if existing is not None:
                summary.duplicates.append((path, existing))
                continue
            first = self._seen.get(sha, "")
            why = failed.get(first, "it was not imported")
            summary.failed.append((path, f"same content as {os.path.basename(first)}: {why}"))
        self._same_twice.clear()

    def _emit_progress(self) -> None:
        self.progress.emit(self._report.done, self._report.found)

    # ------------------------------------------------------------------ the parse pool

    def _parse_pool(self) -> ParsePool:
        if self._pool is None:
            # Kept between imports: starting a worker and importing the parser costs ~1 s.
            self._pool = self._pool_factory(self._workers, self._time_limit)
        return self._pool

    def _close_pool(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None


def _low_priority_pool(workers: int, time_limit_s: float) -> ParsePool:
    return ParsePool(workers, time_limit_s, target=parse_below_the_window)
