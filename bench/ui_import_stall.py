"""How responsive is the window while 300 PDFs import?

    .venv/bin/python bench/ui_import_stall.py [--files 300] [--workers 2]

Builds the real window (as `python main.py --library TMP` does, offscreen) on an empty
temporary library, drops a folder of 300 PDFs on it (copies of the shared sample PDFs with
a few bytes appended after %%EOF, so each has its own hash), and measures the longest gap
between ticks of a 5 ms timer on the GUI thread while the import runs: that gap is the
longest time the window could not have reacted to the reviewer.

Prints e.g.: longest stall 32 ms (goal < 50 ms) | 300 files in 95.2 s | 3.2 files/s
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SAMPLE_PDFS = REPO.parent / "shared" / "samples" / "pdf"
GOAL_MS = 50
TICK_MS = 5


def make_corpus(folder: Path, count: int) -> list[Path]:
    sources = sorted(SAMPLE_PDFS.glob("*.pdf"))
    if not sources:
        raise SystemExit(f"no sample PDFs in {SAMPLE_PDFS}")
    made = []
    for number in range(count):
        source = sources[number % len(sources)]
        target = folder / f"{number:03d}-{source.name}"
        shutil.copyfile(source, target)
        with target.open("ab") as fh:  # after %%EOF: still the same, valid PDF
            fh.write(f"\n% shortlist bench copy {number}\n".encode())
        made.append(target)
    return made


class StallMeter:
    """Records the gaps between ticks of a fast timer on the GUI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer(interval=TICK_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps = []
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def longest_ms(self) -> float:
        return max(self.gaps, default=0.0) * 1000

    def percentile_ms(self, fraction: float) -> float:
        if len(self.gaps) < 2:
            return self.longest_ms()
        return statistics.quantiles(self.gaps, n=1000)[int(fraction * 1000) - 1] * 1000


def drop_on(widget, paths: list[Path]) -> None:
    """What a file manager's drop delivers (a drag cannot be driven offscreen)."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = QPointF(widget.rect().center())
    args = (where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton)
    QApplication.sendEvent(widget, QDragEnterEvent(*args, Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(widget, QDropEvent(*args, Qt.KeyboardModifier.NoModifier))


def run(count: int, workers: int, keep: bool) -> int:
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtTest import QTest

    import main as cli
    from ui.app import build_window, settings_store
    from ui.settings import WORKERS, Settings

    scratch = Path(tempfile.mkdtemp(prefix="shortlist-stall-"))
    corpus = scratch / "pdfs"
    corpus.mkdir()
    files = make_corpus(corpus, count)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))
    settings = Settings(settings_store())
    settings.set(WORKERS, workers)
    args = cli.build_parser().parse_args(["--library", str(scratch / "library")])
    window = build_window(args, settings, interactive=False)
    if window is None:
        return 2
    window.show()
    QTest.qWait(200)
    meter = StallMeter()
    meter.start()
    began = time.perf_counter()
    service = window.imports.service
    loop = QEventLoop()
    service.finished.connect(loop.quit)
    drop_on(window, [corpus])  # the same path a file-manager drop takes
    loop.exec()
    seconds = time.perf_counter() - began
    meter.stop()
    during, p99, ticks = meter.longest_ms(), meter.percentile_ms(0.99), len(meter.gaps)
    meter.start()  # what follows the import: the list selects and shows a candidate
    QTest.qWait(600)
    meter.stop()
    after = meter.longest_ms()
    report = service.last_report
    summary = report.summary
    window.close()
    print(
        f"longest stall {during:.0f} ms (goal < {GOAL_MS} ms) | "
        f"{len(files)} files in {seconds:.1f} s | {len(files) / seconds:.1f} files/s"
    )
    print(
        f"  99th percentile gap {p99:.1f} ms over {ticks} ticks; added {summary.added}, "
        f"duplicates {len(summary.duplicates)}, failed {len(summary.failed)}; "
        f"{workers} parser processes; showing the first candidate afterwards: {after:.0f} ms"
    )
    if keep:
        print(f"  kept {scratch}")
    else:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0 if during < GOAL_MS and summary.added == len(files) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the temporary library")
    options = parser.parse_args()
    return run(options.files, options.workers, options.keep)


if __name__ == "__main__":
    sys.exit(main())
