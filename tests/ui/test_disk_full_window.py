"""The disk fills up during an import in the window, then space comes back.

The library's atomic writes (library.json and the document texts, which an import writes
before each document's copy) fail with ENOSPC from the moment a few documents have been
acknowledged (stored and flushed), as on a full disk; later they succeed again.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest

from bench.library_checks import audit
from bench.sample_docs import make_copies
from storage import atomic_storage
from tests.ui.conftest import close_window, drop_files, open_window, wait_for, wait_for_import
from ui.models.report_model import FAILED

FILES = 16
FULL_AFTER = 4  # documents stored (and acknowledged) before the disk fills up
DISK_FULL = "the disk is full"


class Disk:
    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.full = False
        real = atomic_storage._write_all

        def write_all(fd: int, payload: bytes) -> None:
            if self.full:
                raise OSError(errno.ENOSPC, "No space left on device")
            real(fd, payload)

        monkeypatch.setattr(atomic_storage, "_write_all", write_all)


def snapshot(library: Path, target: Path) -> Path:
    """The library folder as a crash would leave it now (the lock file aside)."""
    shutil.copytree(library, target, ignore=shutil.ignore_patterns("library.lock"))
    return target


@pytest.fixture(scope="module")
def run(qapp, tmp_path_factory: pytest.TempPathFactory, samples_dir: Path):
    monkeypatch = pytest.MonkeyPatch()
    work = tmp_path_factory.mktemp("disk-full")
    paths = make_copies(work / "docs", FILES)
    disk = Disk(monkeypatch)
    window = open_window(work / "lib")
    acknowledged: set[str] = set()

    def stored(_summary) -> None:
        if disk.full or window.imports.service.report().summary.added < FULL_AFTER:
            return
        window.library.flush(5)  # everything stored so far is on disk: acknowledged
        acknowledged.update(d.sha256 for d in window.library.documents())
        disk.full = True

    window.imports.service.batchStored.connect(stored)
    drop_files(window, paths)
    wait_for_import(window, 60)
    wait_for(lambda: DISK_FULL in window.status.saved_label.text(), 5)
    full = {
        "status": window.status.saved_label.text(),
        "box": window.save_warning.box.text() if window.save_warning.box else "",
        "report": [window.imports.report_dialog().model.row_at(i) for i in range(FILES)],
        "snapshot": audit(snapshot(work / "lib", work / "crash-now")),
        "shown": window.model.rowCount(),
    }
    disk.full = False  # space comes back: the writer's next retry saves
    wait_for(lambda: window.status.saved_label.text() == "All changes saved", 5)
    message = window.statusBar().currentMessage()
    close_window(window)
    monkeypatch.undo()
    yield full, acknowledged, message, audit(work / "lib")


def test_the_import_ends_and_each_file_it_could_not_store_says_the_disk_is_full(run) -> None:
    full = run[0]
    failed = [r for r in full["report"] if r.outcome == FAILED]
    assert failed, "the disk filled up before the end of the import"
    reason = f"could not be stored: {DISK_FULL}: "
    assert all(r.detail.startswith(reason) for r in failed), [r.detail for r in failed]
    assert len(full["report"]) == FILES


def test_the_window_says_the_disk_is_full(run) -> None:
    full = run[0]
    assert full["status"] == f"Not saved: {DISK_FULL}: changes are kept in memory, not saved"
    assert DISK_FULL in full["box"]


def test_nothing_acknowledged_is_lost_while_the_disk_is_full(run) -> None:
    full, acknowledged = run[0], run[1]
    crash = full["snapshot"]
    assert not crash.problems, crash.problems
    assert len(acknowledged) >= FULL_AFTER
    assert acknowledged <= set(crash.shas)


def test_once_space_returns_everything_the_report_stored_is_saved(run) -> None:
    full, acknowledged, message, after = run
    assert "Saved again" in message
    assert not after.problems, after.problems
    stored = [r for r in full["report"] if r.outcome not in (FAILED, "Duplicate")]
    assert after.documents == len(stored) > len(acknowledged)
    assert {r.path for r in stored} == set(after.sources)
