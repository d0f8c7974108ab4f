"""Kill a writing process with SIGKILL at random moments, then open the library.

The child (`python -m tests.storage.kill_harness child DIR START`) adds a document and
writes a review note for it, calls `flush()`, and only then prints `ack N`. The parent
kills it after a random delay and checks that the library opens (not corrupt) and holds
every acknowledged note (nothing acknowledged lost). Used by the test suite (a few dozen
cycles) and by bench/kill_loop.py (hundreds).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _person(i: int) -> str:
    letters = "abcdefghij"
    return f"Kim {''.join(letters[int(c)] for c in str(i))}ova"


def child(folder: str, start: int) -> None:
    from storage.library import Library
    from tests.storage.conftest import make_result

    library = Library.open(folder, delay_s=0.01)
    print("ready", flush=True)
    i = start
    while True:
        result = make_result(_person(i), (f"k{i}@example.org",), text=f"document {i}")
        summary = library.add_parse_results([result])
        cid = summary.new_candidates[0].candidate_id
        library.set_review(cid, notes=f"note {i}", tags=[f"t{i % 7}"])
        library.flush()
        print(f"ack {i}", flush=True)
        i += 1


@dataclass
class Report:
    cycles: int = 0
    corrupt: int = 0
    lost: int = 0
    acked: int = 0
    failures: list[str] = field(default_factory=list)


def preload(folder: Path, n: int) -> None:
    """A library of `n` candidates, so that a save takes long enough to be hit mid-way."""
    from storage.library import Library
    from tests.storage.conftest import make_result

    with Library.open(folder) as library:
        items = [make_result(_person(10**6 + i), text=f"pre {i}") for i in range(n)]
        library.add_parse_results(items)


def _run_child(folder: Path, start: int, delay: float, after_open: bool) -> list[int]:
    """Kill `delay` s after the child opened the library (or after its start, to hit the
    opening itself, when not `after_open`); returns the acknowledged numbers."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.storage.kill_harness", "child", str(folder), str(start)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    acked: list[int] = []
    ready = threading.Event()

    def read() -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            if line.startswith("ack "):
                acked.append(int(line.split()[1]))
            elif line.startswith("ready"):
                ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if after_open:
        ready.wait(timeout=60)  # a loaded machine may take a while to start Python
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    reader.join(timeout=5)
    return acked


def _check(folder: Path, acked: list[int], report: Report) -> None:
    from storage.errors import LibraryDamagedError
    from storage.library import Library

    try:
        library = Library.open(folder)
    except LibraryDamagedError as exc:
        report.corrupt += 1
        report.failures.append(str(exc))
        Library.restore_backup(folder, exc.backups[0])
        return
    with library:
        notes = {c.id: library.candidate(c.id).review.notes for c in library.candidates()}
        present = set(notes.values())
        missing = [i for i in acked if f"note {i}" not in present]
        report.lost += len(missing)
        if missing:
            report.failures.append(f"lost acknowledged writes {missing[:5]}")


def run(folder: Path, cycles: int, seed: int = 0, max_delay: float = 1.0) -> Report:
    rng = random.Random(seed)
    report = Report()
    for cycle in range(cycles):
        after_open = cycle % 5 != 4  # every fifth kill may land while the child opens
        delay = rng.uniform(0.0, max_delay if after_open else 0.6)
        acked = _run_child(folder, (cycle + 1) * 100_000, delay, after_open)
        report.cycles += 1
        report.acked += len(acked)
        _check(folder, acked, report)
    return report


if __name__ == "__main__":
    if sys.argv[1] == "child":
        child(sys.argv[2], int(sys.argv[3]))
