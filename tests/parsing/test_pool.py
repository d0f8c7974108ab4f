"""ParsePool: time limits, crashes, memory, cancel and clean shutdown, with fake targets."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterable
from pathlib import Path

import pytest

from parsing.pool import ParseOutcome, ParsePool, parse_many
from tests.parsing.pool_targets import Unloadable, behave, echo

REPO = Path(__file__).resolve().parents[2]


def make_files(folder: Path, names: Iterable[str]) -> list[str]:
    paths = []
    for name in names:
        path = folder / f"{name}.txt"
        path.write_text(f"text of {name}\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def run_all(pool: ParsePool, paths: list[str], limit: float) -> dict[str, ParseOutcome]:
    """Submit and poll until done; fail if it takes longer than `limit` seconds."""
    pool.submit(paths)
    outcomes: dict[str, ParseOutcome] = {}
    end = time.monotonic() + limit
    while pool.pending():
        assert time.monotonic() < end, f"pool still busy after {limit} s: {outcomes}"
        for outcome in pool.poll(timeout=0.2):
            outcomes[Path(outcome.path).stem] = outcome
    assert len(outcomes) == len(paths)
    return outcomes


def alive(pid: int) -> bool:
    """True while the process exists, zombies included (an unreaped child is a leak)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def running(pid: int) -> bool:
    """True while the process exists and is not a zombie (for orphans someone else reaps)."""
    if not alive(pid):
        return False
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def wait_busy(pool: ParsePool, count: int, limit: float = 5.0) -> None:
    end = time.monotonic() + limit
    while len(pool.pids()) < count:
        assert time.monotonic() < end, "workers did not start"
        pool.poll(0.05)


def test_ordinary_files_parse(tmp_path: Path) -> None:
    paths = make_files(tmp_path, [f"doc{i}" for i in range(6)])
    with ParsePool(workers=2, timeout=5, target=echo) as pool:
        outcomes = run_all(pool, paths, limit=10)
        assert pool.pending() == 0
    for name, outcome in outcomes.items():
        assert outcome.ok and outcome.error_code is None and outcome.error is None
        assert outcome.result is not None and outcome.result.text == f"text of {name}\n"
        assert 0 <= outcome.seconds < 5


def test_first_result_arrives_quickly(tmp_path: Path) -> None:
    # Lazy start-up: spawning a worker and importing the parser costs well under a second.
    (path,) = make_files(tmp_path, ["cv"])
    began = time.monotonic()
    with ParsePool(workers=1, timeout=5, target=echo) as pool:
        pool.submit([path])
        outcomes = pool.poll(timeout=5)
        elapsed = time.monotonic() - began
    assert [o.ok for o in outcomes] == [True]
    assert elapsed < 1.5, f"first result after {elapsed:.2f} s"


@pytest.mark.parametrize("kind", ["sleep", "spin"])
def test_hung_file_is_killed_at_the_deadline(tmp_path: Path, kind: str) -> None:
    paths = make_files(tmp_path, [f"{kind}-forever", "a", "b", "c"])
    began = time.monotonic()
    with ParsePool(workers=2, timeout=1.0, target=behave) as pool:
        outcomes = run_all(pool, paths, limit=8)
    hung = outcomes[f"{kind}-forever"]
    assert (hung.error_code, hung.error, hung.result) == ("timeout", "timed out after 1 s", None)
    assert 1.0 <= hung.seconds < 2.0
    assert all(outcomes[name].ok for name in "abc")
    assert time.monotonic() - began < 6


def test_crashes_are_reported_and_the_next_file_still_parses(tmp_path: Path) -> None:
    paths = make_files(tmp_path, ["segv-1", "after-segv", "exit-1", "after-exit"])
    with ParsePool(workers=1, timeout=5, target=behave) as pool:
        outcomes = run_all(pool, paths, limit=15)
    assert outcomes["segv-1"].error_code == "crashed"
    assert outcomes["segv-1"].error == "the parser process crashed (signal 11)"
    assert outcomes["exit-1"].error_code == "crashed"
    assert outcomes["exit-1"].error == "the parser process crashed (exit code 3)"
    assert outcomes["after-segv"].ok and outcomes["after-exit"].ok


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is Linux-only")
def test_memory_hog_is_stopped_by_the_limit(tmp_path: Path) -> None:
    paths = make_files(tmp_path, ["alloc-4gb", "after"])
    began = time.monotonic()
    with ParsePool(workers=1, timeout=10, memory_mb=512, target=behave) as pool:
        outcomes = run_all(pool, paths, limit=15)
    hog = outcomes["alloc-4gb"]
    assert (hog.error_code, hog.error) == ("memory", "out of memory (limit 512 MB)")
    assert hog.seconds < 5
    assert outcomes["after"].ok
    assert time.monotonic() - began < 10


def test_parse_errors_and_parser_bugs_become_outcomes(tmp_path: Path) -> None:
    paths = make_files(tmp_path, ["encrypted-1", "bug-1", "unpicklable-1", "fine"])
    with ParsePool(workers=2, timeout=5, target=behave) as pool:
        outcomes = run_all(pool, paths, limit=10)
    assert outcomes["encrypted-1"].error_code == "encrypted"
    assert outcomes["encrypted-1"].error == "encrypted: needs a password"
    assert outcomes["bug-1"].error_code == "error"
    assert outcomes["bug-1"].error == "parser error: ValueError: boom second line"
    assert outcomes["unpicklable-1"].error_code == "error"
    assert "could not be sent back" in (outcomes["unpicklable-1"].error or "")
    assert outcomes["fine"].ok


def test_cancel_stops_everything_fast_and_leaves_no_children(tmp_path: Path) -> None:
    paths = make_files(tmp_path, [f"sleep-{i}" for i in range(6)])
    pool = ParsePool(workers=2, timeout=60, target=behave)
    pool.submit(paths)
    wait_busy(pool, 2)
    pids = pool.pids()
    began = time.monotonic()
    pool.cancel()
    assert time.monotonic() - began < 1.0
    assert pool.pending() == 0 and pool.poll() == []
    assert not any(alive(pid) for pid in pids)
    assert not set(pids) & {p.pid for p in multiprocessing.active_children()}
    # The pool stays usable after a cancel.
    (fine,) = make_files(tmp_path, ["fine"])
    outcomes = run_all(pool, [fine], limit=10)
    assert outcomes["fine"].ok
    pool.close()


def test_close_leaves_no_children(tmp_path: Path) -> None:
    paths = make_files(tmp_path, ["a", "b", "slow-1", "sleep-1"])
    pool = ParsePool(workers=2, timeout=30, target=behave)
    pool.submit(paths)
    wait_busy(pool, 2)
    while len(pool.poll(0.1)) == 0:
        pass
    pids = pool.pids()
    began = time.monotonic()
    pool.close()
    assert time.monotonic() - began < 1.5
    assert pids and not any(alive(pid) for pid in pids)
    with pytest.raises(RuntimeError):
        pool.submit(paths)


def test_poll_zero_never_waits(tmp_path: Path) -> None:
    paths = make_files(tmp_path, ["sleep-1", "sleep-2", "sleep-3"])
    with ParsePool(workers=2, timeout=30, target=behave) as pool:
        pool.submit(paths)
        wait_busy(pool, 2)
        began = time.perf_counter()
        for _ in range(200):
            assert pool.poll(0) == []
        per_call = (time.perf_counter() - began) / 200
        assert pool.pending() == 3
    assert per_call < 0.002, f"poll(0) took {per_call * 1000:.2f} ms"


def test_workers_exit_when_the_parent_dies(tmp_path: Path) -> None:
    (path,) = make_files(tmp_path, ["sleep-orphan"])
    script = textwrap.dedent(f"""
        import os, sys, time
        sys.path.insert(0, {str(REPO)!r})
        from parsing.pool import ParsePool
        from tests.parsing.pool_targets import behave
        if __name__ == "__main__":
            pool = ParsePool(workers=1, timeout=60, target=behave)
            pool.submit([{path!r}])
            while not pool.pids():
                pool.poll(0.05)
            time.sleep(0.5)
            print(*pool.pids(), flush=True)
            os._exit(0)  # no atexit, no close(): the workers are on their own
    """)
    child = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30, cwd=REPO
    )
    pids = [int(p) for p in child.stdout.split()]
    assert pids, child.stderr
    end = time.monotonic() + 5
    while any(running(pid) for pid in pids) and time.monotonic() < end:
        time.sleep(0.1)
    assert not any(running(pid) for pid in pids)


def test_parse_many_yields_every_file(tmp_path: Path) -> None:
    paths = make_files(tmp_path, ["a", "b", "encrypted-x", "sleep-y"])
    began = time.monotonic()
    outcomes = list(parse_many(paths, workers=2, timeout=1.0, target=behave))
    assert time.monotonic() - began < 6
    codes = {Path(o.path).stem: o.error_code for o in outcomes}
    assert codes == {"a": None, "b": None, "encrypted-x": "encrypted", "sleep-y": "timeout"}


def test_submit_accepts_a_single_path(tmp_path: Path) -> None:
    (path,) = make_files(tmp_path, ["single"])
    with ParsePool(workers=1, timeout=5, target=echo) as pool:
        pool.submit(Path(path))
        assert pool.pending() == 1
        outcomes = pool.poll(timeout=5)
    assert [o.path for o in outcomes] == [path]


def test_a_worker_that_cannot_start_fails_the_batch_without_a_spawn_storm(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    paths = make_files(tmp_path, [f"doc{i}" for i in range(12)])
    with ParsePool(workers=1, timeout=5, target=Unloadable()) as pool:
        outcomes = run_all(pool, paths, limit=15)
    assert {o.error_code for o in outcomes.values()} == {"crashed"}
    assert {o.error for o in outcomes.values()} == {
        "the parser process failed to start (exit code 1)"
    }
    assert capfd.readouterr().err.count("RuntimeError: this target cannot") <= 3
