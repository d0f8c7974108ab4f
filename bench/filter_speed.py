"""Filtering and sorting the candidate list: milliseconds per keystroke and per sort, at
5,000 and 50,000 candidates (tech-risks §3.4; the goal is 30 ms a keystroke at 5,000).

    .venv/bin/python bench/filter_speed.py [--sizes 5000 50000] [--seed 1] [--gc-freeze]

Candidates are synthesised with bench/library_scale.py's profiles (names, education,
publications with venues, skills); a third also have a statement. Their documents' text
is ~900 words each, drawn from a Zipf-distributed vocabulary of 30,000 made-up words plus
the profile's own words, so that a word's rarity resembles a real CV's (library_scale's
18-word filler would make every word common). Reviews are random: status, tags, scores,
a shortlist.

The rows go into the window's table model and list view (760×820, shown offscreen); each
query is typed one character at a time, and a keystroke's time is the model's filter plus
the view's relayout and repaint (`set_filter` + `processEvents`), as in §3.4. The 150 ms
pause the search box waits before filtering is not counted: it is not work. Sorting is
timed per column the same way, over all rows.

`--gc-freeze` calls gc.freeze() once the rows are in (as an app could after opening a
library): Python's full collections then no longer walk the millions of objects the rows
are made of, which is where the occasional 40–60 ms keystroke at 5,000 rows comes from.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.library_scale import SYL, _name, synth_profile  # noqa: E402
from parsing.models import profile_from_dict  # noqa: E402
from storage.insight import candidate_insight  # noqa: E402
from storage.models import STATUSES, Candidate, Review, Score  # noqa: E402
from storage.queries import CANDIDATE, ListRow, latest_degree  # noqa: E402
from storage.scoring import weighted_total  # noqa: E402
from storage.search_rows import candidate_search_row, with_texts  # noqa: E402
from ui.models.candidate_table import CandidateTableModel  # noqa: E402
from ui.models.columns import COLUMNS  # noqa: E402
from ui.views.candidate_list import CandidateList  # noqa: E402

QUERIES = (
    "optimisation",  # a common word
    "kalomira",  # a made-up word of middling rarity
    "zqxj",  # nowhere
    '"sparse bayesian"',  # a phrase
    "name:chen",
    'edu:"peking university"',
    "venue:neurips year>=2023",
    "score>=4 -status:rejected",
    "pubs>=3 firstauthor>=1 tag:nlp",
    "(tag:nlp OR tag:vision) has:statement -is:shortlisted",
)
TAGS = ("nlp", "vision", "strong", "interview", "theory")
VOCABULARY = 30_000
PARAGRAPHS = 3_000
PARAGRAPH_WORDS = 150
LIST_SIZE = (760, 820)  # the list between the left docks and the profile on a 1680 screen


def _vocabulary(rng: random.Random) -> list[str]:
    words = {"".join(rng.choice(SYL) for _ in range(rng.randint(2, 4))) for _ in range(60_000)}
    return sorted(words)[:VOCABULARY]


def _paragraphs(rng: random.Random) -> list[str]:
    """A pool of paragraphs over a Zipf vocabulary (a few words everywhere, most rare)."""
    vocabulary = _vocabulary(rng)
    rng.shuffle(vocabulary)
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    return [
        " ".join(rng.choices(vocabulary, weights, k=PARAGRAPH_WORDS)) for _ in range(PARAGRAPHS)
    ]


def _review(rng: random.Random) -> Review:
    scores = {c: Score(rng.randint(1, 5)) for c in ("research", "fit") if rng.random() < 0.4}
    return Review(
        status=rng.choice(STATUSES),
        scores=scores,
        tags=tuple(rng.sample(TAGS, rng.randint(0, 2))),
        shortlisted=rng.random() < 0.05,
        rank=None,
    )


def _document_text(rng: random.Random, profile: dict, paragraphs: list[str]) -> str:
    own = [profile["name"]["text"], *(e["institution"] for e in profile.get("education", []))]
    own += [p["title"] for p in profile.get("publications", [])]
    return "\n".join([*own, *rng.sample(paragraphs, 6)])


def synthesise(n: int, seed: int) -> tuple[list[ListRow], list]:
    rng = random.Random(seed)
    paragraphs = _paragraphs(rng)
    rows, search_rows = [], []
    for i in range(n):
        name = f"{_name(rng)} {''.join(rng.choice(SYL) for _ in range(2)).capitalize()}"
        kinds = ["cv"] + (["statement"] if i % 3 == 0 else [])
        data = {**synth_profile(rng, name, "cv"), "kind": "cv"}
        texts = [_document_text(rng, data, paragraphs) for _ in kinds]
        candidate = Candidate(i + 1, profile_from_dict(data), {}, (), _review(rng), "", "")
        insight = candidate_insight(candidate)
        row = _list_row(candidate, kinds, insight)
        search_row = candidate_search_row(candidate, row, kinds, insight)
        rows.append(row)
        search_rows.append(with_texts(search_row, texts))
    return rows, search_rows


def _list_row(candidate: Candidate, kinds: list[str], insight) -> ListRow:
    profile, review = candidate.profile, candidate.review
    degree, institution = latest_degree(profile.education)
    return ListRow(
        key=(CANDIDATE, candidate.id),
        name=candidate.name or "",
        email=profile.emails[0].text if profile.emails else "",
        status=review.status,
        shortlisted=review.shortlisted,
        score=weighted_total(review.scores),
        cvs=kinds.count("cv"),
        statements=kinds.count("statement"),
        degree=degree,
        institution=institution,
        publications=insight.total,
        first_author=insight.first_author,
        tags=review.tags,
        imported="2026-01-01T00:00:00",
        file_names=tuple(f"{candidate.id}-{k}.pdf" for k in kinds),
        rank=review.rank,
        top_venues=insight.top_venues(),
    )


def _timed(work) -> float:
    began = time.perf_counter()
    work()
    QApplication.processEvents()
    return (time.perf_counter() - began) * 1000


def typing(model: CandidateTableModel) -> None:
    every: list[float] = []
    for query in QUERIES:
        model.set_filter("")
        QApplication.processEvents()
        times = [
            _timed(lambda q=query[:end]: model.set_filter(q)) for end in range(1, len(query) + 1)
        ]
        every += times
        print(
            f"  {query!r:58} {len(times):2} keys  median {statistics.median(times):6.1f} ms"
            f"  max {max(times):6.1f} ms  -> {model.rowCount():6} rows"
        )
    print(
        f"  all {len(every)} keystrokes: median {statistics.median(every):.1f} ms, "
        f"90th percentile {statistics.quantiles(every, n=10)[-1]:.1f} ms, max {max(every):.1f} ms"
    )


def sorting(model: CandidateTableModel) -> None:
    model.set_filter("")
    QApplication.processEvents()
    parts = []
    for col, column in COLUMNS.items():
        first = _timed(lambda c=col: model.sort(c, Qt.SortOrder.DescendingOrder))
        again = _timed(lambda c=col: model.sort(c, Qt.SortOrder.AscendingOrder))
        parts.append(f"{column.title} {first:.0f}/{again:.0f}")
    print("  sort, all rows, ms (first by the column: its keys computed / again): ")
    print("    " + ", ".join(parts))


def run(n: int, seed: int, freeze: bool) -> None:
    began = time.perf_counter()
    rows, search_rows = synthesise(n, seed)
    built = time.perf_counter() - began
    model = CandidateTableModel()
    view = CandidateList(model)  # the window's list: its columns, row height, header
    view.resize(LIST_SIZE[0], LIST_SIZE[1])
    view.show()
    loaded = _timed(lambda: model.set_rows(rows, search_rows))
    if freeze:
        gc.collect()
        gc.freeze()
    print(
        f"{n:,} candidates (synthesised in {built:.1f} s; model filled in {loaded:.0f} ms, "
        "word index of every document included: the window reads text after opening)"
    )
    typing(model)
    sorting(model)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory so far {peak:.0f} MB")
    view.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 50000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--gc-freeze", action="store_true", help="gc.freeze() after loading")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    for n in args.sizes:
        run(n, args.seed, args.gc_freeze)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
