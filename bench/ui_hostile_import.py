"""Hostile files dropped on the real window: no crash, no hang, a reason for every failure.

    .venv/bin/python bench/ui_hostile_import.py [--count 500] [--seed 1] [--workers 2]

Writes `--count` files with bench/hostile_files.py's generator, builds the window as
`python main.py --library TMP` does (offscreen), drops the folder on it (the same import
path as a file-manager drop) and waits for the import under an overall time limit. Then:

- the window is alive: the longest event-loop stall during the import (as measured by
  bench/ui_import_stall.py) stays under `HANG_MS`, and a timer still fires afterwards;
- the import report lists every file exactly once (added, attached, unassigned,
  duplicate or failed) and every failure names a specific reason;
- the candidate list shows what the report says was stored;
- after the window has closed (its parser processes with it), the workers' peak memory
  (RUSAGE_CHILDREN) stays under the pool's limit, and the library reopens intact with as
  many candidates as the list had rows.

Prints one line; exit status 1 if any check failed (the problems follow the line).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.hostile_files import Corpus, _children_max_rss_mb, generate  # noqa: E402
from bench.library_checks import GENERIC, audit  # noqa: E402
from bench.ui_import_stall import StallMeter, drop_on  # noqa: E402

# The window froze: longer than any single step of an import should ever hold the GUI thread.
HANG_MS = 1000
WORKER_MEMORY_MB = 1536  # ParsePool's default cap per worker (RLIMIT_AS)
# The import's own fallbacks when a worker gave no reason: as generic as "parser error".
VAGUE = re.compile(r"^(?:could not be read|cannot read the file|memory|timeout|crashed)$")


@dataclass
class Outcome:
    files: int
    finished: bool = False
    seconds: float = 0.0
    longest_stall_ms: float = 0.0
    outcomes: Counter[str] = field(default_factory=Counter)  # report outcome -> files
    reasons: Counter[str] = field(default_factory=Counter)  # failure class -> files
    list_rows: int = 0
    candidates: int = 0
    documents: int = 0
    workers_rss_mb: float | None = None
    problems: list[str] = field(default_factory=list)


def drop_and_wait(window, folder: Path, limit_s: float, outcome: Outcome) -> None:
    """Drop `folder` on the window and run the event loop until the import ends or the limit."""
    from PySide6.QtCore import QEventLoop, QTimer

    service = window.imports.service
    loop = QEventLoop()
    service.finished.connect(loop.quit)
    QTimer.singleShot(int(limit_s * 1000), loop.quit)
    meter = StallMeter()
    meter.start()
    began = time.perf_counter()
    drop_on(window, [folder])
    if service.is_busy():  # a drop that already finished would leave nobody to quit the loop
        loop.exec()
    outcome.seconds = time.perf_counter() - began
    meter.stop()
    outcome.longest_stall_ms = meter.longest_ms()
    outcome.finished = not service.is_busy() and service.last_report is not None
    if not outcome.finished:
        outcome.problems.append(f"the import was still running after {limit_s:.0f} s")
    if outcome.longest_stall_ms > HANG_MS:
        outcome.problems.append(f"the window froze for {outcome.longest_stall_ms:.0f} ms")


def check_alive(window, outcome: Outcome) -> None:
    """The window still reacts: visible, and a zero-delay timer fires within HANG_MS."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    fired: list[float] = []
    asked = time.perf_counter()
    QTimer.singleShot(0, lambda: fired.append(time.perf_counter() - asked))
    QTest.qWait(HANG_MS)
    if not window.isVisible():
        outcome.problems.append("the window is gone")
    if not fired or fired[0] * 1000 > HANG_MS:
        outcome.problems.append("the window no longer processes events")


def check_report(window, paths: list[Path], outcome: Outcome) -> None:
    """Every file in the report dialog once; every failure with a specific reason."""
    from ui.models.report_model import FAILED

    dialog = window.imports.report_dialog()
    if dialog is None:
        outcome.problems.append("no import report was shown")
        return
    rows = [dialog.model.row_at(i) for i in range(dialog.model.rowCount())]
    outcome.outcomes.update(r.outcome for r in rows)
    listed = Counter(r.path for r in rows)
    expected = {str(p.absolute()) for p in paths}
    missing = sorted(expected - set(listed))
    twice = sorted(p for p, n in listed.items() if n > 1)
    extra = sorted(set(listed) - expected)
    for what, found in (("not in the report", missing), ("listed twice", twice)):
        if found:
            names = [Path(p).name for p in found[:5]]
            outcome.problems.append(f"{len(found)} files {what}: {names}")
    if extra:
        outcome.problems.append(f"{len(extra)} unknown paths in the report: {extra[:3]}")
    if not any(r.outcome in ("Added", "Attached", "Unassigned") for r in rows):
        outcome.problems.append("no file was stored: did the parser processes start?")
    ghosts = [r.file_name for r in rows if r.outcome == "Duplicate" and r.key is None]
    if ghosts:  # "already in the library", yet no candidate or document holds it
        outcome.problems.append(f"{len(ghosts)} duplicates of nothing stored: {ghosts[:5]}")
    for row in rows:
        if row.outcome != FAILED:
            continue
        reason = row.detail.strip()
        outcome.reasons[reason_class(reason)] += 1
        if is_vague(reason):
            outcome.problems.append(f"generic reason for {row.file_name}: {reason!r}")


def reason_class(reason: str) -> str:
    """ "corrupt PDF: Stream has ended" -> "corrupt PDF"; a copy's reason is its first's."""
    reason = re.sub(r"^same content as [^:]*: ", "", reason.strip())
    return re.split(r"[:(]", reason, maxsplit=1)[0].strip()[:48]


def is_vague(reason: str) -> bool:
    """A failure reason that does not tell the reviewer what is wrong with the file."""
    reason = reason.strip()
    return not reason or bool(GENERIC.match(reason) or VAGUE.match(reason))


def check_list(window, outcome: Outcome) -> None:
    """The list holds what the report stored (documents can join one candidate)."""
    summary = window.imports.service.last_report.summary
    rows = window.model.all_rows()
    outcome.list_rows = sum(not r.is_unassigned for r in rows)
    if outcome.list_rows != len(summary.new_candidates):
        outcome.problems.append(
            f"the list shows {outcome.list_rows} candidates, the import made "
            f"{len(summary.new_candidates)}"
        )


def check_library(folder: Path, outcome: Outcome) -> None:
    """Reopened after the window closed: intact, and as many candidates as the list had."""
    found = audit(folder)
    outcome.candidates, outcome.documents = found.candidates, found.documents
    outcome.problems += found.problems
    outcome.problems += [f"left behind: {t}" for t in found.temp_files]
    if found.open_error is None and found.candidates != outcome.list_rows:
        outcome.problems.append(
            f"reopened: {found.candidates} candidates, the list had {outcome.list_rows} rows"
        )
    stored = sum(outcome.outcomes[k] for k in ("Added", "Attached", "Unassigned"))
    if found.open_error is None and found.documents != stored:
        outcome.problems.append(f"reopened: {found.documents} documents, report stored {stored}")


def check_memory(outcome: Outcome) -> None:
    """After the window closed: its parser processes have been reaped and can be measured."""
    outcome.workers_rss_mb = _children_max_rss_mb()
    if outcome.workers_rss_mb is not None and outcome.workers_rss_mb > WORKER_MEMORY_MB:
        outcome.problems.append(f"a worker reached {outcome.workers_rss_mb:.0f} MB")


def line(o: Outcome) -> str:
    c = o.outcomes
    rss = f"{o.workers_rss_mb:.0f} MB" if o.workers_rss_mb is not None else "n/a"
    return (
        f"window hostile import: {o.files} files in {o.seconds:.1f} s | longest stall "
        f"{o.longest_stall_ms:.0f} ms | added {c['Added']}, attached {c['Attached']}, "
        f"unassigned {c['Unassigned']}, duplicates {c['Duplicate']}, failed {c['Failed']} | "
        f"reopened: {o.candidates} candidates = {o.list_rows} list rows, {o.documents} documents"
        f" | peak worker RSS {rss} | problems {len(o.problems)}"
    )


def run(count: int, seed: int, workers: int, time_limit_s: int, work: Path) -> Outcome:
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest

    import main as cli
    from ui.app import build_window, settings_store
    from ui.settings import TIME_LIMIT_S, WORKERS, Settings

    paths = generate(work / "files", count, seed, Corpus.load())
    outcome = Outcome(len(paths))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))
    settings = Settings(settings_store())
    settings.set(WORKERS, workers)
    settings.set(TIME_LIMIT_S, time_limit_s)
    args = cli.build_parser().parse_args(["--library", str(work / "library")])
    window = build_window(args, settings, interactive=False)
    if window is None:
        outcome.problems.append("the window did not open")
        return outcome
    window.show()
    QTest.qWait(200)
    drop_and_wait(window, work / "files", max(300.0, count * 2.0), outcome)
    check_alive(window, outcome)
    if outcome.finished:
        check_report(window, paths, outcome)
        check_list(window, outcome)
    window.close()  # stops the parser processes and closes the library
    check_memory(outcome)
    check_library(work / "library", outcome)
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--time-limit", type=int, default=20, help="seconds per file (20)")
    parser.add_argument("--keep", type=Path, help="work here (files, library) and keep it")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="shortlist-ui-hostile-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        outcome = run(args.count, args.seed, args.workers, args.time_limit, work)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(line(outcome))
    print("failure reasons: " + ", ".join(f"{k} {n}" for k, n in sorted(outcome.reasons.items())))
    for problem in outcome.problems:
        print(f"  PROBLEM {problem}")
    return 0 if not outcome.problems else 1


if __name__ == "__main__":
    sys.exit(main())
