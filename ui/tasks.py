"""Run a plain function on a QThreadPool thread and get its result back on the GUI thread.

The picard pattern (picard/util/thread.py): a QRunnable carrying a signals object that
lives on the GUI thread, so `done`/`failed` arrive there through queued connections. The
function must not touch widgets or the library; it gets its inputs as arguments and may
report partial results through `report` (a thread-safe signal emit).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class TaskSignals(QObject):
    done = Signal(object)
    failed = Signal(str)
    partial = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[..., Any], signals: TaskSignals, args: tuple[Any, ...]):
        super().__init__()
        self._work = work
        self._signals = signals
        self._args = args

    def run(self) -> None:
        try:
            result = self._work(*self._args)
        except Exception as exc:  # reported, never lost on a pool thread
            self._signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self._signals.done.emit(result)


def run_task(
    pool: QThreadPool,
    work: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_failed: Callable[[str], None] | None = None,
    on_partial: Callable[[Any], None] | None = None,
    parent: QObject | None = None,
) -> TaskSignals:
    """Start `work(*args)` on `pool`. If `on_partial` is given, `work` receives a `report`
    callable as its last argument. Callbacks run on the thread that owns `parent`."""
    signals = TaskSignals(parent)
    if on_done:
        signals.done.connect(on_done)
    if on_failed:
        signals.failed.connect(on_failed)
    if on_partial:
        signals.partial.connect(on_partial)
        args = (*args, signals.partial.emit)
    signals.done.connect(signals.deleteLater)
    signals.failed.connect(signals.deleteLater)
    pool.start(_Task(work, signals, args))
    return signals
