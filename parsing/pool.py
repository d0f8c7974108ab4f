"""Parse documents in worker processes, each file under a time and a memory limit.

A hostile PDF can burn a CPU for many seconds, eat a gigabyte or crash the interpreter
(tech-risks R-PDF5, §3.6), so parsing never runs in the caller's process. The pool is small
and hand-made rather than `ProcessPoolExecutor` because a running task must be killable: each
worker is fed one path at a time through its own pipe, so the parent always knows which file
a worker is on and can blame exactly that file when it hangs or dies.

No Qt here: the window polls `ParsePool.poll(0)` from a timer on the GUI thread, the command
line uses `parse_many`. Nothing blocks unless a timeout is passed.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from parsing.models import ParseError, ParseResult

Target = Callable[[str], ParseResult]

# SIGTERM is enough for a pure-Python worker; SIGKILL follows if it is still there after this.
_KILL_GRACE = 0.5
# How long a new worker may take to import the parser before its file is given up on.
_MIN_START_LIMIT = 10.0
_MAX_REASON = 300
# After this many workers in a row die before they are ready (a broken install, a target
# that cannot be imported), the queued files fail with the same reason instead of each
# spawning yet another doomed process.
_MAX_FAILED_STARTS = 3


def parse_file(path: str) -> ParseResult:
    """The default target, `parsing.pipeline.parse_file`.

    Imported inside the worker only, so that the window's process never pays for loading
    pypdf and the parser just to create a pool.
    """
    from parsing.pipeline import parse_file as parse

    return parse(path)


# Imported by a fresh worker before it reports ready, so the first file's time limit is not
# spent on imports. Missing modules are skipped: the target will report them per file.
_WARM_UP = ("parsing.pipeline", "parsing.extract_pdf", "parsing.extract_docx")


@dataclass(frozen=True)
class ParseOutcome:
    """How one submitted file ended: a result, or an error code and one human line."""

    path: str
    result: ParseResult | None
    error_code: str | None
    error: str | None
    seconds: float

    @property
    def ok(self) -> bool:
        return self.result is not None


# --------------------------------------------------------------------------- worker side


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _MAX_REASON else line[: _MAX_REASON - 1] + "…"


def _set_limit(name: str, value: int) -> None:
    """Set a soft rlimit, never above the hard one; a no-op where rlimits do not exist."""
    try:
        import resource

        which = getattr(resource, name)
        _soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(which, (value, hard))
    except (ImportError, AttributeError, ValueError, OSError):  # Windows; macOS refuses AS
        pass


def _watch_parent(parent_pid: int) -> None:
    """Exit when the parent goes away, even in the middle of a long file."""

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent_pid:
                os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _silence() -> None:
    # pypdf logs every repaired xref; the results carry their own warnings, so stray log
    # lines would only clutter the terminal the app or the command line was started from.
    logging.getLogger().addHandler(logging.NullHandler())
    logging.getLogger().setLevel(logging.CRITICAL)
    warnings.simplefilter("ignore")


def _warm_up(target: Target) -> None:
    for module in _WARM_UP if target is parse_file else ():
        with contextlib.suppress(ImportError):
            __import__(module)


def _run_one(target: Target, path: str, memory_mb: int) -> tuple[Any, ...]:
    try:
        return ("done", target(path), None, None)
    except ParseError as exc:
        return ("done", None, exc.code, _one_line(exc.reason))
    except MemoryError:
        return ("done", None, "memory", f"out of memory (limit {memory_mb} MB)")
    except Exception as exc:  # a parser bug must still end as this file's outcome
        return ("done", None, "error", _one_line(f"parser error: {type(exc).__name__}: {exc}"))


def _send(conn: Connection, message: tuple[Any, ...], memory_mb: int) -> None:
    try:
        conn.send(message)
    except MemoryError:
        conn.send(("done", None, "memory", f"out of memory (limit {memory_mb} MB)"))
    except (OSError, EOFError):
        raise
    except Exception as exc:  # e.g. an unpicklable result: still one outcome for the file
        reason = f"parser error: result could not be sent back: {type(exc).__name__}: {exc}"
        conn.send(("done", None, "error", _one_line(reason)))


def _worker_main(
    conn: Connection, target: Target, memory_mb: int, cpu_budget: float, quiet: bool
) -> None:
    # Ctrl-C in a terminal reaches the whole process group; the parent decides what to do.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _watch_parent(os.getppid())
    _set_limit("RLIMIT_AS", memory_mb * 1024 * 1024)
    if quiet:
        _silence()
    _warm_up(target)
    try:
        conn.send(("ready", os.getpid()))
        while (path := conn.recv()) is not None:
            # Backstop for an orphan stuck in C code holding the GIL, where the watchdog
            # cannot run: past this much more CPU time the kernel sends SIGXCPU.
            _set_limit("RLIMIT_CPU", int(time.process_time() + cpu_budget) + 1)
            _send(conn, _run_one(target, path, memory_mb), memory_mb)
    except (EOFError, OSError):  # the parent closed the pipe or died
        pass


# --------------------------------------------------------------------------- parent side


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    spawned: float
    ready: bool = False
    path: str | None = None  # the file it is on
    started: float | None = None  # when it began that file (set once the worker is ready)
    eof: bool = False

    @property
    def idle(self) -> bool:
        return self.path is None and not self.eof and self.process.exitcode is None


class ParsePool:
    """Long-lived spawn workers, one file each at a time, with a deadline and a memory cap."""

    def __init__(
        self,
        workers: int | None = None,
        timeout: float = 30.0,
        memory_mb: int = 1536,
        target: Target = parse_file,
        *,
        quiet: bool = True,
    ) -> None:
        self._size = max(1, workers or min(2, os.cpu_count() or 1))
        self._timeout = float(timeout)
        self._memory_mb = int(memory_mb)
        self._target = target
        self._quiet = quiet
        # Never fork: the window's process runs Qt threads.
        self._ctx = multiprocessing.get_context("spawn")
        self._start_limit = max(_MIN_START_LIMIT, self._timeout)
        self._queue: deque[str] = deque()
        self._workers: list[_Worker] = []
        self._done: list[ParseOutcome] = []
        self._dying: list[tuple[BaseProcess, float]] = []
        self._failed_starts = 0
        self._closed = False

    # -- public API

    def submit(self, paths: Iterable[str | Path] | str | Path) -> None:
        if self._closed:
            raise RuntimeError("the parse pool is closed")
        if isinstance(paths, (str, Path)):
            paths = [paths]
        self._queue.extend(str(p) for p in paths)
        self._failed_starts = 0  # a new batch deserves a new try
        self._dispatch()

    def poll(self, timeout: float = 0.0) -> list[ParseOutcome]:
        """Outcomes finished so far; waits up to `timeout` seconds for at least one."""
        end = time.monotonic() + max(0.0, timeout)
        while True:
            self._service()
            remaining = end - time.monotonic()
            if self._done or remaining <= 0 or not self._running():
                break
            self._wait(min(remaining, self._next_deadline() - time.monotonic()))
        done, self._done = self._done, []
        return done

    def pending(self) -> int:
        """Submitted and not yet returned by `poll`."""
        return len(self._queue) + len(self._done) + sum(w.path is not None for w in self._workers)

    def cancel(self) -> None:
        """Drop queued files and unreported outcomes, kill every worker."""
        self._queue.clear()
        self._done.clear()
        for worker in self._workers:
            self._stop(worker)
        self._workers.clear()
        self._reap_all()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._queue.clear()
        self._done.clear()
        for worker in self._workers:
            if worker.path is None:
                worker.conn.close()  # EOF: an idle worker leaves on its own
                self._dying.append((worker.process, time.monotonic() + _KILL_GRACE))
            else:
                self._stop(worker)
        self._workers.clear()
        self._reap_all()

    def pids(self) -> list[int]:
        """Process ids of the live workers (for tests and diagnostics)."""
        return [w.process.pid for w in self._workers if w.process.pid is not None]

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the loop

    def _running(self) -> bool:
        return bool(self._queue) or any(w.path is not None for w in self._workers)

    def _service(self) -> None:
        now = time.monotonic()
        for worker in list(self._workers):
            self._receive(worker, now)
            if worker.process.exitcode is not None:
                self._on_exit(worker, now)
            elif worker.path is not None:
                self._check_deadline(worker, now)
        self._reap(now)
        self._dispatch()

    def _wait(self, seconds: float) -> None:
        handles: list[Any] = [w.conn for w in self._workers if not w.eof]
        handles += [w.process.sentinel for w in self._workers]
        if handles:
            wait(handles, max(0.0, seconds))
        else:
            time.sleep(max(0.0, min(seconds, 0.05)))

    def _next_deadline(self) -> float:
        deadlines = [self._deadline(w) for w in self._workers if w.path is not None]
        return min(deadlines, default=time.monotonic() + 0.25)

    def _deadline(self, worker: _Worker) -> float:
        if worker.started is None:
            return worker.spawned + self._start_limit
        return worker.started + self._timeout

    # -- messages and deaths

    def _receive(self, worker: _Worker, now: float) -> None:
        while not worker.eof:
            try:
                if not worker.conn.poll():
                    return
                message = worker.conn.recv()
            except (EOFError, OSError):
                worker.eof = True  # it died or is dying; the exit code comes later
                return
            if message[0] == "ready":
                worker.ready = True
                self._failed_starts = 0
                if worker.path is not None:
                    worker.started = now
            elif message[0] == "done" and worker.path is not None:
                self._finish(worker, now, *message[1:])

    def _finish(self, worker: _Worker, now: float, *outcome: Any) -> None:
        """Record the worker's file as done; `outcome` is (result, code, reason)."""
        assert worker.path is not None
        began = worker.started if worker.started is not None else worker.spawned
        self._done.append(ParseOutcome(worker.path, *outcome, seconds=now - began))
        worker.path = None
        worker.started = None

    def _on_exit(self, worker: _Worker, now: float) -> None:
        self._workers.remove(worker)
        worker.conn.close()
        exitcode = worker.process.exitcode
        worker.process.close()
        if worker.path is not None:
            code, reason = _exit_reason(exitcode, worker.ready, self._timeout)
            self._finish(worker, now, None, code, reason)
            if not worker.ready:
                self._start_failed(code, reason)

    def _check_deadline(self, worker: _Worker, now: float) -> None:
        if now < self._deadline(worker):
            return
        if worker.started is None:
            late = f"the parser process did not start within {self._start_limit:g} s"
            self._finish(worker, now, None, "crashed", late)
            self._start_failed("crashed", late)
        else:
            self._finish(worker, now, None, "timeout", f"timed out after {self._timeout:g} s")
        self._workers.remove(worker)
        self._stop(worker)

    def _start_failed(self, code: str, reason: str) -> None:
        self._failed_starts += 1
        if self._failed_starts >= _MAX_FAILED_STARTS:
            self._done.extend(ParseOutcome(p, None, code, reason, 0.0) for p in self._queue)
            self._queue.clear()

    # -- starting and stopping workers

    def _dispatch(self) -> None:
        for worker in self._workers:
            if self._queue and worker.idle:
                self._assign(worker, self._queue.popleft())
        while self._queue and len(self._workers) < self._size:
            worker = self._spawn()
            self._assign(worker, self._queue.popleft())

    def _assign(self, worker: _Worker, path: str) -> None:
        try:
            worker.conn.send(path)
        except OSError:  # died while idle: not this file's fault, try it elsewhere
            worker.eof = True
            self._queue.appendleft(path)
            return
        worker.path = path
        worker.started = time.monotonic() if worker.ready else None

    def _spawn(self) -> _Worker:
        parent_end, child_end = self._ctx.Pipe(duplex=True)
        cpu_budget = 2 * self._timeout + 10
        process = self._ctx.Process(
            target=_worker_main,
            args=(child_end, self._target, self._memory_mb, cpu_budget, self._quiet),
            name="shortlist-parser",
            daemon=True,  # multiprocessing's atexit handler ends them with the parent
        )
        process.start()
        child_end.close()  # otherwise the parent would never see EOF when the worker dies
        worker = _Worker(process, parent_end, spawned=time.monotonic())
        self._workers.append(worker)
        return worker

    def _stop(self, worker: _Worker) -> None:
        with contextlib.suppress(OSError):
            worker.process.terminate()
        worker.conn.close()
        self._dying.append((worker.process, time.monotonic() + _KILL_GRACE))

    def _reap(self, now: float) -> None:
        """Collect stopped workers without waiting; SIGKILL those past their grace time."""
        still: list[tuple[BaseProcess, float]] = []
        for process, kill_at in self._dying:
            if process.exitcode is not None:
                process.close()
                continue
            if now >= kill_at:
                with contextlib.suppress(OSError):
                    process.kill()
            still.append((process, kill_at))
        self._dying = still

    def _reap_all(self, limit: float = 2.0) -> None:
        """Block (briefly) until every stopped worker is gone, so none is left as a zombie."""
        end = time.monotonic() + limit
        while self._dying and time.monotonic() < end:
            self._reap(time.monotonic())
            if self._dying:
                wait([p.sentinel for p, _ in self._dying], 0.05)
        for process, _ in self._dying:
            with contextlib.suppress(OSError):
                process.kill()
            process.join(1.0)
        self._dying = [(p, t) for p, t in self._dying if p.exitcode is None]


def _exit_reason(exitcode: int | None, ready: bool, timeout: float) -> tuple[str, str]:
    if exitcode is not None and exitcode == -getattr(signal, "SIGXCPU", 0):
        return "timeout", f"timed out after {timeout:g} s (CPU limit)"
    status = f"signal {-exitcode}" if exitcode and exitcode < 0 else f"exit code {exitcode}"
    if not ready:
        return "crashed", f"the parser process failed to start ({status})"
    return "crashed", f"the parser process crashed ({status})"


def parse_many(
    paths: Iterable[str | Path],
    workers: int | None = None,
    timeout: float = 30.0,
    memory_mb: int = 1536,
    *,
    target: Target = parse_file,
) -> Iterator[ParseOutcome]:
    """Parse `paths` in a pool, yielding outcomes as they finish (not in submission order)."""
    with ParsePool(workers, timeout, memory_mb, target) as pool:
        pool.submit(paths)
        while pool.pending():
            yield from pool.poll(timeout=1.0)


__all__ = ["ParseOutcome", "ParsePool", "parse_file", "parse_many"]
