"""SIGKILL `python main.py import` mid-way and while it writes a backup; then check the library.

    .venv/bin/python bench/kill_import.py [--cycles 200] [--docs 16] [--preload 1000]

The child is the real command line (`main.main(["import", ...])`) with three hooks: it
prints `importing` once the library is open, `ack SHA256` for each file of a batch once
that batch is stored and `Library.flush()` has returned (the definition of acknowledged
for an import: the summary counts a file only then), and, in backup cycles, takes a backup
before every save (the policy's interval set to 0) between `backup-start` and `backup-end`.
Batches are 4 files or 0.2 s, so an import has many moments to be killed between.

Each cycle imports a fresh folder of sample copies and kills the import at a random moment
or just after a backup began; then the library must open, hold every acknowledged file
(ever, not only this cycle's) with its copy and text intact, store no content twice and
keep nothing a killed save left behind once opened; then an import of the same folder
that is not killed must complete it: no failure, every file stored once (the ones already
there reported as duplicates). A run that ends before its kill is counted apart and
does not count as a cycle.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.library_checks import audit, parse_import_output  # noqa: E402
from bench.sample_docs import make_copies  # noqa: E402

BACKUP_EVERY = 2  # every second kill lands in a backup


# --------------------------------------------------------------------------- the child


def child(library: str, folder: str, backups: bool) -> int:
    from bench import import_hooks

    import_hooks.acks()
    if backups:
        import_hooks.frequent_backups()
    return import_hooks.run_import(library, folder)


# --------------------------------------------------------------------------- the parent


@dataclass
class Report:
    kills: int = 0
    in_import: int = 0  # killed after `importing`, before the summary
    after_ack: int = 0  # ... with at least one acknowledged file in that cycle
    in_backup: int = 0  # killed between backup-start and backup-end
    not_killed: int = 0  # the child ended before its kill (counted apart, not a kill)
    acked: int = 0
    corrupt: int = 0
    lost: int = 0
    left_behind: set[str] = field(default_factory=set)  # temp files still there after an open
    orphan_copies: int = 0  # most seen after a kill (reused by the next import)
    completions: int = 0
    completed: int = 0
    failures: list[str] = field(default_factory=list)


@dataclass
class Run:
    lines: list[str]
    exit_code: int
    killed: bool


def _start(library: Path, folder: Path, backups: bool) -> subprocess.Popen:
    argv = [sys.executable, __file__, "child", str(library), str(folder)]
    return subprocess.Popen(
        [*argv, *(["--backups"] if backups else [])],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def run_child(library: Path, folder: Path, mode: str, rng: random.Random, delay: float) -> Run:
    """mode "import": kill `uniform(0, delay)` s after `importing`; "backup": kill within
    10 ms of the n-th `backup-start`; "none": let it finish."""
    proc = _start(library, folder, backups=mode == "backup")
    lines: list[str] = []
    seen = threading.Condition()

    def read() -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            with seen:
                lines.append(line.rstrip("\n"))
                seen.notify_all()
        with seen:
            seen.notify_all()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    want, count = ("importing", 1) if mode != "backup" else ("backup-start", rng.randint(1, 3))
    deadline = time.monotonic() + 120  # a loaded machine may be slow to start Python
    with seen:  # polled too: the output may end a moment before the process does
        while lines.count(want) < count and proc.poll() is None and time.monotonic() < deadline:
            seen.wait(0.05)
    killed = False
    if mode != "none":
        time.sleep(rng.uniform(0.0, delay) if mode == "import" else rng.uniform(0.0, 0.01))
        if proc.poll() is None:
            proc.kill()
            killed = True
    exit_code = proc.wait(timeout=None if mode != "none" else 300)
    reader.join(timeout=10)
    return Run(lines, exit_code, killed)


def check(library: Path, run: Run, acked_before: set[str], report: Report) -> set[str]:
    """After a kill: opens, nothing acknowledged lost, files intact. Returns the acks."""
    acked = acked_before | {line.split()[1] for line in run.lines if line.startswith("ack ")}
    found = audit(library)
    if found.open_error:
        report.corrupt += 1
        report.failures.append(found.open_error)
        return acked
    lost = acked - set(found.shas)
    report.lost += len(lost)
    if lost:
        report.failures.append(f"lost acknowledged files {sorted(lost)[:3]}")
    report.failures += found.problems
    new = set(found.temp_files) - report.left_behind
    report.left_behind |= new
    report.failures += [f"left behind after an open: {t}" for t in sorted(new)]
    report.orphan_copies = max(report.orphan_copies, found.orphan_copies)
    from storage.backups import good_backups, list_backups

    bad = len(list_backups(library / "backups")) - len(good_backups(library / "backups"))
    if bad:
        report.failures.append(f"{bad} backups cannot be opened")
    return acked


def complete(library: Path, folder: Path, paths: list[Path], report: Report) -> None:
    """The same folder again, not killed: it must end the round with every file stored."""
    from storage.files import hash_file

    run = run_child(library, folder, "none", random.Random(0), 0.0)
    report.completions += 1
    summary = parse_import_output("\n".join(run.lines), [str(p) for p in paths])
    counts = summary.counts or {}
    found = audit(library)
    missing = [p.name for p in paths if hash_file(p) not in found.shas]
    if run.exit_code == 0 and summary.accounted == len(paths) and not missing:
        report.completed += 1
    else:
        report.failures.append(
            f"re-import: exit {run.exit_code}, counts {counts}, missing {missing[:3]}"
        )
    report.failures += found.problems


def run(
    work: Path,
    cycles: int,
    docs: int,
    preload: int,
    seed: int,
    delay: float,
    progress: bool = False,
) -> Report:
    from tests.storage import kill_harness

    library = work / "lib"
    kill_harness.preload(library, preload)  # saves and backups long enough to be hit
    rng = random.Random(seed)
    report = Report()
    acked: set[str] = set()  # every acknowledged file so far
    attempt = 0
    while report.kills < cycles and attempt < 2 * cycles:  # a run may end before its kill
        folder = work / f"docs-{attempt:03d}"
        paths = make_copies(folder, docs, tag=attempt)
        mode = "backup" if attempt % BACKUP_EVERY == 1 else "import"
        attempt += 1
        child_run = run_child(library, folder, mode, rng, delay)
        if not child_run.killed:
            report.not_killed += 1
        else:
            report.kills += 1
            ended = any(line.startswith("added ") for line in child_run.lines)
            if "importing" in child_run.lines and not ended:
                report.in_import += 1
                report.after_ack += any(x.startswith("ack ") for x in child_run.lines)
            marks = [x for x in child_run.lines if x.startswith("backup-")]
            report.in_backup += bool(marks) and marks[-1] == "backup-start"
        acked = check(library, child_run, acked, report)
        report.acked += sum(x.startswith("ack ") for x in child_run.lines)
        complete(library, folder, paths, report)
        shutil.rmtree(folder)
        if progress and child_run.killed and report.kills % 20 == 0:
            print(f"  {report.kills} kills, {len(report.failures)} failures", file=sys.stderr)
    return report


def describe(report: Report, seconds: float) -> list[str]:
    return [
        f"kill-import: {report.kills} kills in {seconds:.0f} s: {report.in_import} mid-import "
        f"({report.after_ack} after an ack), {report.in_backup} inside a backup "
        f"| {report.acked} files acknowledged | corrupt {report.corrupt}, lost acknowledged "
        f"{report.lost}, left behind {len(report.left_behind)} | re-imports completed "
        f"{report.completed}/{report.completions} | most orphan copies {report.orphan_copies}"
        + (f" | {report.not_killed} runs ended before their kill" if report.not_killed else ""),
        *(f"  FAILURE {f}" for f in report.failures[:20]),
    ]


def ok(report: Report) -> bool:
    return not report.failures and report.corrupt == report.lost == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=200, help="kills (200)")
    parser.add_argument("--docs", type=int, default=16, help="documents per round (16)")
    parser.add_argument("--preload", type=int, default=1000, help="candidates before (1000)")
    parser.add_argument("--delay", type=float, default=1.2, help="latest kill, s after start")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    began = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        report = run(Path(tmp), args.cycles, args.docs, args.preload, args.seed, args.delay, True)
    print("\n".join(describe(report, time.monotonic() - began)))
    return 0 if ok(report) else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        sys.exit(child(sys.argv[2], sys.argv[3], "--backups" in sys.argv[4:]))
    sys.exit(main())
