"""How much Shortlist's parser costs on top of bare pypdf text extraction.

    python bench/parse_speed.py [--repeat 5] [--files DIR]

For each sample PDF: (a) `parsing.pipeline.parse_file` (extraction, layout, profile) and
(b) bare `PdfReader(p).pages[i].extract_text()`, in one process, 1 warm-up then N timed
runs each, interleaved so that a noisy neighbour hurts both alike (tech-risks §2). Per file
the median counts; the summary is the sum of medians per document and per page, and the
ratio parser / bare (goal: at most 1.25).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # runnable as `python bench/parse_speed.py`
    sys.path.insert(0, str(REPO))

SAMPLES = REPO.parent / "shared" / "samples" / "pdf"
GOAL = 1.25


def bare_pypdf(path: Path) -> int:
    from pypdf import PdfReader

    reader = PdfReader(path)
    for page in reader.pages:
        page.extract_text()
    return len(reader.pages)


def shortlist_parser(path: Path) -> int:
    from parsing.pipeline import parse_file

    return parse_file(path).pages


@dataclass(frozen=True)
class FileTiming:
    name: str
    pages: int
    parser: float  # median seconds
    bare: float
    error: str | None = None

    @property
    def ratio(self) -> float:
        return self.parser / self.bare if self.bare else float("nan")


def _timed(func: Callable[[Path], int], path: Path) -> float:
    began = time.perf_counter()
    func(path)
    return time.perf_counter() - began


def time_file(path: Path, repeat: int) -> FileTiming:
    try:
        pages = bare_pypdf(path)  # also the warm-up of (b)
        shortlist_parser(path)  # warm-up of (a): imports, caches
    except Exception as exc:  # a sample the parser refuses is reported, not timed
        return FileTiming(path.name, 0, 0.0, 0.0, f"{type(exc).__name__}: {exc}")
    parser_runs, bare_runs = [], []
    for _ in range(repeat):
        parser_runs.append(_timed(shortlist_parser, path))
        bare_runs.append(_timed(bare_pypdf, path))
    return FileTiming(
        path.name, pages, statistics.median(parser_runs), statistics.median(bare_runs)
    )


def summary(timings: list[FileTiming]) -> str:
    done = [t for t in timings if t.error is None]
    docs, pages = len(done), sum(t.pages for t in done)
    parser, bare = sum(t.parser for t in done), sum(t.bare for t in done)
    if not docs or not pages:
        return "no sample could be timed"
    return (
        f"parser {parser / docs:.3f} s/doc {parser / pages:.3f} s/page | "
        f"bare pypdf {bare / docs:.3f} s/doc {bare / pages:.3f} s/page | "
        f"ratio {parser / bare:.2f}"
    )


def row(t: FileTiming, width: int) -> str:
    if t.error:
        return f"{t.name:<{width}}  not parsed: {t.error}"
    return f"{t.name:<{width}}  {t.pages:>5}  {t.parser:>8.3f}  {t.bare:>6.3f}  {t.ratio:>5.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per file (5)")
    parser.add_argument("--files", type=Path, default=SAMPLES, help="folder of PDFs")
    args = parser.parse_args(argv)
    paths = sorted(args.files.glob("*.pdf"))
    if not paths:
        print(f"no PDFs in {args.files}", file=sys.stderr)
        return 2
    width = max(len(p.name) for p in paths)
    print(f"{'file':<{width}}  pages  parser s  bare s  ratio")
    timings = []
    for path in paths:
        timings.append(time_file(path, max(1, args.repeat)))
        print(row(timings[-1], width), flush=True)
    print(summary(timings))
    done = [t for t in timings if t.error is None]
    if not done:
        return 1
    ratio = sum(t.parser for t in done) / sum(t.bare for t in done)
    print(f"goal: parser <= {GOAL}x bare extraction: {'met' if ratio <= GOAL else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
