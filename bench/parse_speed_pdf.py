"""PDF extraction speed: `extract_pdf` against bare pypdf `extract_text()` on the same files.

    .venv/bin/python bench/parse_speed_pdf.py [PDF ...] [--repeats N]

Without paths it times the sample PDFs in ../shared/samples/pdf. Each file is opened from
disk in every run (both sides pay for `PdfReader`), one warm-up run, then the median of
`--repeats` runs. Times are CPU seconds of this process (`time.process_time`), which other
work on a shared machine disturbs far less than wall-clock time. The budget (see the
issue): extraction at most 1.15x bare pypdf.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from parsing.extract_pdf import extract_pdf  # noqa: E402

SAMPLES = ROOT.parent / "shared" / "samples" / "pdf"


@dataclass(frozen=True)
class Timing:
    path: Path
    pages: int
    bare: float  # seconds, median
    ours: float

    @property
    def ratio(self) -> float:
        return self.ours / self.bare if self.bare else float("nan")


def bare_pypdf(path: Path) -> int:
    reader = PdfReader(path)
    for page in reader.pages:
        page.extract_text()
    return len(reader.pages)


def _median_seconds(func: Callable[[], object], repeats: int) -> float:
    func()  # warm-up: imports, caches
    samples = []
    for _ in range(repeats):
        began = time.process_time()
        func()
        samples.append(time.process_time() - began)
    return statistics.median(samples)


def time_pdf_extraction(paths: Sequence[Path], repeats: int = 7) -> list[Timing]:
    """Median seconds per file for bare pypdf and for `extract_pdf`, interleaved per file."""
    timings = []
    for path in paths:
        pages = bare_pypdf(path)
        bare = _median_seconds(lambda p=path: bare_pypdf(p), repeats)
        ours = _median_seconds(lambda p=path: extract_pdf(p), repeats)
        timings.append(Timing(path, pages, bare, ours))
    return timings


def report(timings: Sequence[Timing]) -> str:
    lines = [f"{'file':40} {'pages':>5} {'bare ms/p':>10} {'ours ms/p':>10} {'ratio':>6}"]
    for t in timings:
        lines.append(
            f"{t.path.name[:40]:40} {t.pages:5d} {t.bare / t.pages * 1e3:10.1f} "
            f"{t.ours / t.pages * 1e3:10.1f} {t.ratio:6.2f}"
        )
    pages = sum(t.pages for t in timings)
    bare = sum(t.bare for t in timings)
    ours = sum(t.ours for t in timings)
    if pages:
        lines.append(
            f"{'all':40} {pages:5d} {bare / pages * 1e3:10.1f} {ours / pages * 1e3:10.1f} "
            f"{ours / bare:6.2f}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    paths = args.paths or sorted(SAMPLES.glob("*.pdf"))
    if not paths:
        print(f"no PDFs given and none in {SAMPLES}", file=sys.stderr)
        return 2
    print(report(time_pdf_extraction(paths, args.repeats)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
