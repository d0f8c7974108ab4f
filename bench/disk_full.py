"""The disk fills up during `python main.py import`; then space is freed and it is run again.

    .venv/bin/python bench/disk_full.py [--docs 120] [--size-mb 8] [--budget-kb 4000]

Two full disks:
- real: the library on a tmpfs of --size-mb (needs root and permission to mount; reported
  as skipped, with the reason, where it is not allowed), grown to 8x once full;
- patched: the child's writes fail with ENOSPC once --budget-kb are written
  (bench/import_hooks.py), lifted for the second run; works anywhere.

Checks: the full run exits 2 and says "the disk is full"; its summary counts exactly the
acknowledged files (`ack` after each flush) and lists every other file as not imported
with that reason; with the disk still full the library opens and holds every acknowledged
file, intact; after freeing space the same import completes it (the acknowledged files as
duplicates, no failure) and the library is intact again.
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.library_checks import audit, parse_import_output  # noqa: E402
from bench.sample_docs import make_copies  # noqa: E402

DISK_FULL = "the disk is full"


class MountUnavailable(Exception):
    """This machine will not let us mount a small filesystem (not root, or no permission)."""


@contextlib.contextmanager
def small_disk(folder: Path, size_mb: int) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise MountUnavailable((done.stderr or "mount failed").strip().splitlines()[-1])
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def grow(folder: Path, size_mb: int) -> None:
    subprocess.run(
        ["mount", "-o", f"remount,size={size_mb}m", str(folder)], check=True, capture_output=True
    )


@dataclass
class Outcome:
    kind: str
    files: int
    exit_full: int | None = None
    acked: int = 0
    counted: int = 0  # stored, as the full run's summary says
    not_imported: int = 0  # listed with the disk-full reason
    exit_again: int | None = None
    duplicates_again: int = 0
    documents: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    skipped: str | None = None


def run_child(library: Path, folder: Path, budget: int | None) -> tuple[int, list[str], str]:
    argv = [sys.executable, __file__, "child", str(library), str(folder)]
    done = subprocess.run(
        [*argv, *([str(budget)] if budget is not None else [])],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return done.returncode, done.stdout.splitlines(), done.stderr


def scenario(outcome: Outcome, library: Path, paths: list[Path], free_space, budget) -> Outcome:
    """The import on a full disk, the checks, `free_space()`, the import again, the checks."""
    from storage.files import hash_file

    began = time.monotonic()
    folder = paths[0].parent
    code, lines, stderr = run_child(library, folder, budget)
    outcome.exit_full = code
    acked = {line.split()[1] for line in lines if line.startswith("ack ")}
    outcome.acked = len(acked)
    summary = parse_import_output("\n".join(lines), [str(p) for p in paths])
    counts = summary.counts or {}
    outcome.counted = counts.get("new", 0) + counts.get("attached", 0) + counts.get("unassigned", 0)
    outcome.not_imported = sum(DISK_FULL in r for r in summary.failures.values())
    if code != 2 or DISK_FULL not in stderr:
        outcome.problems.append(f"full run: exit {code}, stderr {stderr.strip()[-160:]!r}")
    if outcome.counted != outcome.acked:
        outcome.problems.append(f"summary counts {outcome.counted} stored, {len(acked)} acked")
    if summary.accounted != len(paths):
        outcome.problems.append(f"summary accounts for {summary.accounted} of {len(paths)}")
    found = audit(library)  # the disk is still full
    outcome.problems += [f"while full: {p}" for p in found.problems]
    lost = acked - set(found.shas)
    if lost:
        outcome.problems.append(f"while full: {len(lost)} acknowledged files lost")
    free_space()
    code, lines, stderr = run_child(library, folder, None)
    outcome.exit_again = code
    again = parse_import_output("\n".join(lines), [str(p) for p in paths])
    outcome.duplicates_again = (again.counts or {}).get("duplicates", 0)
    if code != 0 or outcome.duplicates_again < len(acked):
        outcome.problems.append(f"re-import: exit {code}, {again.counts}, {stderr.strip()[-160:]}")
    found = audit(library)
    outcome.documents = found.documents
    outcome.problems += [f"after re-import: {p}" for p in found.problems]
    missing = [p.name for p in paths if hash_file(p) not in found.shas]
    if missing:
        outcome.problems.append(f"after re-import: {len(missing)} files missing {missing[:3]}")
    outcome.seconds = time.monotonic() - began
    return outcome


def real_disk(work: Path, docs: int, size_mb: int) -> Outcome:
    paths = make_copies(work / "docs", docs)
    outcome = Outcome("tmpfs", docs)
    try:
        with small_disk(work / "disk", size_mb) as disk:
            free = lambda: grow(disk, size_mb * 8)  # noqa: E731
            return scenario(outcome, disk / "lib", paths, free, None)
    except MountUnavailable as exc:
        outcome.skipped = f"cannot mount a {size_mb} MB tmpfs here: {exc}"
        return outcome


def patched_disk(work: Path, docs: int, budget_kb: int) -> Outcome:
    paths = make_copies(work / "docs", docs)
    budget = budget_kb * 1024
    return scenario(Outcome("patched", docs), work / "lib", paths, lambda: None, budget)


def line(o: Outcome, size: str) -> str:
    if o.skipped:
        return f"disk full ({o.kind}, {size}): skipped: {o.skipped}"
    return (
        f"disk full ({o.kind}, {size}): {o.files} files | full run exit {o.exit_full}, "
        f"{o.acked} acknowledged, summary counts {o.counted} stored and {o.not_imported} "
        f"not imported (disk full) | after freeing space: exit {o.exit_again}, "
        f"{o.duplicates_again} duplicates, library {o.documents} documents | "
        f"{o.seconds:.1f} s | problems {len(o.problems)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=120, help="documents to import (120)")
    parser.add_argument("--size-mb", type=int, default=8, help="tmpfs size (8 MB)")
    parser.add_argument("--budget-kb", type=int, default=4000, help="patched budget (4000 KB)")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        real = real_disk(Path(tmp) / "real", args.docs, args.size_mb)
        results.append((real, f"{args.size_mb} MB"))
        patched = patched_disk(Path(tmp) / "patched", args.docs, args.budget_kb)
        results.append((patched, f"{args.budget_kb} KB budget"))
    for outcome, size in results:
        print(line(outcome, size))
        for problem in outcome.problems:
            print(f"  PROBLEM {problem}")
    return 1 if any(o.problems for o, _ in results) else 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        from bench import import_hooks

        import_hooks.acks(batch_size=8, batch_seconds=0.5)
        if len(sys.argv) > 4:
            import_hooks.write_budget(int(sys.argv[4]))
        sys.exit(import_hooks.run_import(sys.argv[2], sys.argv[3]))
    sys.exit(main())
