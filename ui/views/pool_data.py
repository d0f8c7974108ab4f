"""The pool at a glance: histograms of total scores and publication counts, with the bin
of the selected candidate marked. No Qt: the chart only draws what this computes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from storage.queries import ListRow

SCORE_EDGES = (1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0)
# Publication counts spread over orders of magnitude: finer bins where students are.
PUBLICATION_BINS: tuple[tuple[int, int | None], ...] = (
    (0, 0),
    (1, 1),
    (2, 2),
    (3, 4),
    (5, 9),
    (10, 19),
    (20, None),
)


@dataclass(frozen=True)
class Histogram:
    title: str
    labels: tuple[str, ...]  # under each bar
    ranges: tuple[str, ...]  # what each bar holds, in words
    counts: tuple[int, ...]
    marked: int | None  # the selected candidate's bin
    left_out: int  # candidates without a value (not scored, no CV)
    left_out_reason: str

    @property
    def total(self) -> int:
        return sum(self.counts)

    def describe(self, index: int) -> str:
        """What a bar says when pointed at (no names: blind review shows it too)."""
        count = self.counts[index]
        text = f"{self.title} {self.ranges[index]}: {count} candidate{'s' if count != 1 else ''}"
        return text + (" · the selected candidate" if index == self.marked else "")


def score_bin(total: float) -> int:
    last = len(SCORE_EDGES) - 2
    for i in range(last + 1):
        if total < SCORE_EDGES[i + 1]:
            return i
    return last  # 5.0 belongs to the top bin


def publication_bin(count: int) -> int:
    for i, (low, high) in enumerate(PUBLICATION_BINS):
        if count >= low and (high is None or count <= high):
            return i
    return 0


def _label(low: int, high: int | None) -> str:
    if high is None:
        return f"{low}+"
    return str(low) if low == high else f"{low}–{high}"


def _histogram(
    title: str,
    labels: tuple[Sequence[str], Sequence[str]],  # (under the bars, in words)
    values: Iterable[tuple[int, int | None]],  # (candidate id, bin or None)
    selected: int | None,
    reason: str,
) -> Histogram:
    counts = [0] * len(labels[0])
    marked, left_out = None, 0
    for cid, index in values:
        if index is None:
            left_out += 1
            continue
        counts[index] += 1
        if cid == selected:
            marked = index
    short, ranges = labels
    return Histogram(title, tuple(short), tuple(ranges), tuple(counts), marked, left_out, reason)


def score_histogram(rows: Iterable[ListRow], selected: int | None) -> Histogram:
    short = [f"{a:g}" for a, _b in pairwise(SCORE_EDGES)]  # a bar is named by its start
    ranges = [f"{a:.1f}–{b:.1f}" for a, b in pairwise(SCORE_EDGES)]
    values = [(r.record_id, score_bin(r.score) if r.score is not None else None) for r in rows]
    return _histogram("Total score", (short, ranges), values, selected, "not scored")


def publication_histogram(rows: Iterable[ListRow], selected: int | None) -> Histogram:
    labels = [_label(low, high) for low, high in PUBLICATION_BINS]
    values = [(r.record_id, publication_bin(r.publications) if r.cvs else None) for r in rows]
    return _histogram("Publications", (labels, labels), values, selected, "no CV")
