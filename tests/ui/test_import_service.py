"""The import service on its own, with stand-in parsers (no PDF parsing, fast)."""

from __future__ import annotations

import functools
import time

from parsing.pool import ParsePool
from storage.library import Library
from tests.parsing.pool_targets import behave
from tests.ui.conftest import wait_for
from ui.import_service import ImportService


def _service(library: Library) -> ImportService:
    factory = functools.partial(ParsePool, target=behave)
    return ImportService(library, workers=2, time_limit_s=30, pool_factory=factory)


def test_cancel_stops_a_running_import_at_once(qapp, tmp_path) -> None:
    files = []
    for number in range(3):
        path = tmp_path / f"sleep-{number}.txt"
        path.write_text(f"never finishes {number}")
        files.append(str(path))
    reports = []
    with Library.open(tmp_path / "library") as library:
        service = _service(library)
        service.finished.connect(reports.append)
        service.import_paths(files)
        wait_for(lambda: len(service._in_pool) == 3, 30)
        began = time.monotonic()
        service.cancel()
        assert time.monotonic() - began < 3
        assert not service.is_busy()
        assert reports and reports[0].cancelled and reports[0].not_done == 3
        assert reports[0].summary.added == 0
        service.close()


def test_each_file_ends_in_the_report(qapp, tmp_path) -> None:
    (tmp_path / "docs").mkdir()
    good = tmp_path / "docs" / "a.txt"
    good.write_text("a plain document")
    (tmp_path / "docs" / "copy.txt").write_text("a plain document")  # same bytes
    bad = tmp_path / "docs" / "bug-1.txt"
    bad.write_text("the stand-in parser raises on this one")
    reports = []
    with Library.open(tmp_path / "library") as library:
        service = _service(library)
        service.finished.connect(reports.append)
        service.import_paths([str(tmp_path / "docs"), str(tmp_path / "missing.pdf")])
        wait_for(lambda: bool(reports), 60)
        summary = reports[0].summary
        failed = dict(summary.failed)
        assert "boom" in failed[str(bad)]
        assert "no such file" in failed[str(tmp_path / "missing.pdf")]
        assert summary.added == 1 and len(summary.duplicates) == 1
        service.close()
