"""Import throughput of the command line: sample documents into a fresh library.

    .venv/bin/python bench/import_speed.py [--files 300] [--workers 2]

Copies of the sample documents (bench/sample_docs.py: every copy its own content; with
--pdfs-only the shared sample PDFs only, the corpus of bench/ui_import_stall.py) go
through the real `python main.py import` in a child process (bench/cli_rusage.py, for its
peak memory and its workers'). Times the whole command, start-up and the final save
included. Prints one line, e.g.:

    import 300 files: 21.4 s, 14.0 files/s | 300 stored, 0 failed | peak RSS ...
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.library_checks import audit, parse_import_output  # noqa: E402
from bench.sample_docs import make_copies, sample_sources  # noqa: E402


def measure(work: Path, files: int, workers: int, pdfs_only: bool = False) -> str:
    sources = [p for p in sample_sources() if p.suffix == ".pdf"] if pdfs_only else None
    paths = make_copies(work / "docs", files, sources=sources)
    library, usage = work / "lib", work / "usage.json"
    args = ["import", str(work / "docs"), "--library", str(library), "--workers", str(workers)]
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "cli_rusage.py"), str(usage), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=max(600, files * 5),
    )
    seconds = time.monotonic() - began
    counts = parse_import_output(done.stdout, [str(p) for p in paths]).counts or {}
    stored = counts.get("new", 0) + counts.get("attached", 0) + counts.get("unassigned", 0)
    rss = json.loads(usage.read_text()) if usage.exists() else {}
    found = audit(library)
    return (
        f"import {files} files: {seconds:.1f} s, {files / seconds:.1f} files/s, exit "
        f"{done.returncode} | {stored} stored, {counts.get('failed', '?')} failed | "
        f"{found.candidates} candidates, library problems {len(found.problems)} | peak RSS "
        f"command {rss.get('self_max_rss_mb', 0):.0f} MB, worker "
        f"{rss.get('workers_max_rss_mb', 0):.0f} MB"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pdfs-only", action="store_true", help="only the sample PDFs")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        print(measure(Path(tmp), args.files, args.workers, args.pdfs_only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
