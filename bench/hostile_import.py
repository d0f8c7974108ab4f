"""Hostile files through the real `python main.py import`, into a fresh library, then checks.

    .venv/bin/python bench/hostile_import.py [--count 500] [--seed 1] [--timeout 20]

The files come from bench/hostile_files.py. The command line runs as a child process
(through bench/cli_rusage.py, so that its workers' peak memory can be read) under an
overall time limit; afterwards:

- it exited 0 or 1 (1: some files failed) within the limit: no crash, no hang;
- every file is accounted for, one by one: stored, a duplicate of stored content, or
  listed as failed, and the summary's counts match;
- every failure names a specific reason (no "parser error: ..." or crash: those are bugs);
- the library opens, each document's copy and text are there and hash right, nothing is
  stored twice, no temporary file is left, `list --json` works and `show ID` (text and
  JSON) works for every candidate;
- markup and spreadsheet formulas (in the documents' names and in reviewer notes set
  here) come out as plain data: JSON round-trips them, CSV and XLSX cells holding one are
  neutralised, Markdown escapes them.

Prints one line; exit status 1 if any check failed (the details follow the line).
"""

from __future__ import annotations

import argparse
import csv
import inspect
import json
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.hostile_files import HOSTILE_NAMES, Corpus, generate  # noqa: E402
from bench.library_checks import (  # noqa: E402
    GENERIC,
    audit,
    cli,
    cli_reads,
    parse_import_output,
)
from parsing.pool import parse_many  # noqa: E402

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝")
# The command line's pool runs each worker under this address-space limit (parse_many's).
WORKER_LIMIT_MB = inspect.signature(parse_many).parameters["memory_mb"].default


@dataclass
class Outcome:
    files: int
    exit_code: int | None  # None: killed at the overall time limit
    wall: float
    counts: dict[str, int] | None = None
    reasons: dict[str, int] = field(default_factory=dict)  # reason (first words) -> files
    timeouts: int = 0  # files a worker gave up on: a specific reason, counted apart
    self_rss_mb: float | None = None
    workers_rss_mb: float | None = None
    candidates: int = 0
    documents: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _reason_key(reason: str) -> str:
    # "encrypted: needs a password" / "corrupt PDF: Stream has ended" -> a short class
    return re.split(r"[:(]", reason, maxsplit=1)[0].strip()[:48]


def run_import(files: Path, library: Path, timeout: float, workers: int | None, limit: float):
    """The real command line on `files`; returns (exit code or None, stdout, usage, wall)."""
    usage = library.parent / "usage.json"
    args = ["import", str(files), "--library", str(library), "--timeout", f"{timeout:g}"]
    if workers:
        args += ["--workers", str(workers)]
    began = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, str(REPO / "bench" / "cli_rusage.py"), str(usage), *args],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=limit,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode(errors="replace") if isinstance(exc.stdout, bytes) else ""
        return None, out or "", {}, time.monotonic() - began
    measured = json.loads(usage.read_text()) if usage.exists() else {}
    return done.returncode, done.stdout, measured, time.monotonic() - began


def account(paths: list[Path], failures: dict[str, str], shas: dict, sources: dict) -> dict:
    """Each file: stored, failed or duplicate (its content stored under another path)."""
    from storage.files import hash_file

    seen = {"stored": 0, "failed": 0, "duplicate": 0, "unaccounted": 0}
    missing: list[str] = []
    for path in paths:
        key = str(path.absolute())
        if key in failures:
            seen["failed"] += 1
        elif key in sources:
            seen["stored"] += 1
        elif hash_file(path) in shas:
            seen["duplicate"] += 1
        else:
            seen["unaccounted"] += 1
            missing.append(path.name)
    seen["examples"] = missing[:5]  # type: ignore[assignment]
    return seen


def check_plain_data(library: Path, out: Path) -> list[str]:
    """Hostile names and notes (as a reviewer could type them: a parsed name is never
    markup) on every candidate, then JSON, CSV, XLSX and Markdown exports."""
    from storage.library import Library

    def hostile(number: int) -> str:
        return HOSTILE_NAMES[number % len(HOSTILE_NAMES)]

    with Library.open(library) as lib:
        ids = [c.id for c in lib.candidates()]
        for number, cid in enumerate(ids):
            lib.set_review(cid, notes=hostile(number))
            lib.update_field(cid, "name", hostile(number + 3))
    problems: list[str] = []
    files = {fmt: out / f"export.{fmt}" for fmt in ("json", "csv", "xlsx", "md")}
    for fmt, target in files.items():
        done = cli("export", "--all", "-o", str(target), "--library", str(library), "--force")
        if done.returncode != 0:
            problems.append(f"export {fmt} exited {done.returncode}: {done.stderr.strip()[:200]}")
    if problems or not ids:
        return problems
    shown = json.loads(cli("show", str(ids[0]), "--json", "--library", str(library)).stdout)
    if (shown["review"]["notes"], shown["profile"]["name"]) != (hostile(0), hostile(3)):
        problems.append("show --json does not give the name and notes back verbatim")
    exported = json.loads(files["json"].read_text(encoding="utf-8"))["candidates"]
    if {c["review"]["notes"] for c in exported} != {hostile(n) for n in range(len(ids))}:
        problems.append("the JSON export does not hold the notes verbatim")
    if {c["name"] for c in exported} != {hostile(n + 3) for n in range(len(ids))}:
        problems.append("the JSON export does not hold the names verbatim")
    with files["csv"].open(newline="", encoding="utf-8-sig") as fh:
        cells = [cell for row in csv.reader(fh) for cell in row]
    live = [c for c in cells if c.lstrip(" ").startswith(FORMULA_START)]
    problems += [f"CSV cell would run as a formula: {c[:40]!r}" for c in live[:3]]
    with zipfile.ZipFile(files["xlsx"]) as book:
        sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/")]
        if any("<f>" in book.read(n).decode() or "<f " in book.read(n).decode() for n in sheets):
            problems.append("the XLSX export holds a formula")
    markdown = files["md"].read_text(encoding="utf-8")
    if re.search(r"(?<!\\)<(?:script|img|b)\b", markdown):
        problems.append("the Markdown export holds live markup")
    return problems


def bench(
    count: int, seed: int, timeout: float, workers: int | None, work: Path, show_each: bool = True
) -> Outcome:
    files_dir, library = work / "files", work / "lib"
    paths = generate(files_dir, count, seed, Corpus.load())
    limit = max(300.0, count * 3.0)  # generous: ~0.1 s per file is typical
    code, stdout, usage, wall = run_import(files_dir, library, timeout, workers, limit)
    result = Outcome(count, code, wall)
    result.self_rss_mb = usage.get("self_max_rss_mb")
    result.workers_rss_mb = usage.get("workers_max_rss_mb")
    if code not in (0, 1):
        result.problems.append(f"import exit code {code} (None: still running after {limit} s)")
    if (result.workers_rss_mb or 0) > WORKER_LIMIT_MB:
        result.problems.append(f"a worker reached {result.workers_rss_mb:.0f} MB")
    parsed = parse_import_output(stdout, [str(p.absolute()) for p in paths])
    result.counts = parsed.counts
    if parsed.counts is None:
        result.problems.append("no summary line: " + stdout.strip()[-200:])
    for path, reason in parsed.failures.items():
        result.reasons[_reason_key(reason)] = result.reasons.get(_reason_key(reason), 0) + 1
        result.timeouts += reason.startswith("timed out")
        if not reason.strip() or GENERIC.match(reason):
            result.problems.append(f"generic reason for {Path(path).name}: {reason}")
    found = audit(library)
    result.candidates, result.documents = found.candidates, found.documents
    result.problems += found.problems
    result.problems += [f"left behind: {t}" for t in found.temp_files]
    seen = account(paths, parsed.failures, found.shas, found.sources)
    if seen["unaccounted"]:
        result.problems.append(f"{seen['unaccounted']} files unaccounted for: {seen['examples']}")
    if parsed.counts:
        stored = parsed.counts["new"] + parsed.counts["attached"] + parsed.counts["unassigned"]
        expected = (stored, parsed.counts["duplicates"], parsed.counts["failed"])
        if expected != (seen["stored"], seen["duplicate"], seen["failed"]):
            result.problems.append(f"summary {expected} != files {seen} (stored, dup, failed)")
        if parsed.accounted != count:
            result.problems.append(f"summary accounts for {parsed.accounted} of {count} files")
    if found.open_error is None:
        result.problems += cli_reads(library, show_each)
        result.problems += check_plain_data(library, work)
    return result


def line(r: Outcome) -> str:
    c = r.counts or {}
    stored = c.get("new", 0) + c.get("attached", 0) + c.get("unassigned", 0)
    rss = f"{r.workers_rss_mb:.0f} MB" if r.workers_rss_mb is not None else "n/a"
    own = f"{r.self_rss_mb:.0f} MB" if r.self_rss_mb is not None else "n/a"
    return (
        f"hostile import: {r.files} files in {r.wall:.1f} s, exit {r.exit_code} | "
        f"stored {stored}, duplicates {c.get('duplicates', 0)}, failed {c.get('failed', 0)} "
        f"({r.timeouts} timed out) | {r.candidates} candidates, {r.documents} documents | "
        f"peak RSS worker {rss}, command {own} | problems {len(r.problems)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per file (20)")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--keep", type=Path, help="work here (files, library) and keep it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        result = bench(args.count, args.seed, args.timeout, args.workers, work)
    print(line(result))
    print("failure reasons: " + ", ".join(f"{k} {n}" for k, n in sorted(result.reasons.items())))
    for problem in result.problems:
        print(f"  PROBLEM {problem}")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
