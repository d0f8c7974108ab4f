"""A library of 5,000 candidates: open time, edit stall, time to disk, import, sizes, memory.

    .venv/bin/python bench/library_scale.py [--candidates 5000] [--keep DIR]

Profiles are synthesised in the shapes of the sample labels (numbers of entries, fields,
evidence spans) with made-up names; a third of the candidates also get a statement. The
build runs in this process; the figures come from a fresh child process that opens the
library as the window would, so that its open time and peak memory are honest.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from parsing.models import ParseResult, profile_from_dict  # noqa: E402
from storage.library import Library  # noqa: E402

SYL = "ka lo mi ra en ti so va na de li ha ru jo el an ce si mo ta".split()
WORDS = (
    "learning graph neural robust causal inference language models vision data "
    "efficient sparse bayesian optimisation theory systems networks alignment"
).split()
ORGS = [
    "University of Edinburgh",
    "Peking University",
    "Monash University",
    "Google",
    "Tencent AI Lab",
    "University of Connecticut",
    "Flatiron Institute",
    "ETH Zürich",
]


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYL) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def _ev(rng: random.Random) -> dict:
    start = rng.randint(0, 8000)
    return {"page": rng.randint(0, 3), "start": start, "end": start + rng.randint(5, 80)}


def _val(rng: random.Random, text: str) -> dict:
    return {"text": text, "evidence": _ev(rng), "confidence": round(rng.random(), 2)}


def _title(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def synth_profile(rng: random.Random, name: str, kind: str) -> dict:
    email = f"{name.lower().replace(' ', '.')}@example.org"  # a statement shares the CV's
    if kind == "statement":
        return {
            "kind": kind,
            "name": _val(rng, name),
            "emails": [_val(rng, email)],
            "research_interests": [_val(rng, _title(rng, 3)) for _ in range(rng.randint(1, 5))],
        }
    year = rng.randint(2005, 2020)
    return {
        "kind": "cv",
        "name": _val(rng, name),
        "emails": [_val(rng, email)],
        "phones": [_val(rng, f"+44 7700 {rng.randint(100000, 999999)}")] * rng.randint(0, 1),
        "links": [_val(rng, f"github.com/{name.split()[0].lower()}{rng.randint(1, 99)}")],
        "education": [
            {
                "institution": rng.choice(ORGS),
                "degree": rng.choice(["BSc", "MSc", "PhD"]),
                "field": _title(rng, 2),
                "start": f"{year + 4 * i}-09",
                "end": f"{year + 4 * i + 3}",
                "gpa": None,
                "evidence": _ev(rng),
                "confidence": 0.9,
            }
            for i in range(rng.randint(1, 3))
        ],
        "experience": [
            {
                "organization": rng.choice(ORGS),
                "title": rng.choice(["Research Intern", "Postdoc"]),
                "start": f"{year + i}-01",
                "end": "present",
                "evidence": _ev(rng),
                "confidence": 0.8,
            }
            for i in range(rng.randint(0, 5))
        ],
        "publications": [
            {
                "title": _title(rng, rng.randint(5, 12)),
                "authors": [_name(rng) for _ in range(3)],
                "venue": rng.choice(["ACL 2024", "NeurIPS", "JASA", "Under Review"]),
                "year": rng.randint(2015, 2025),
                "status": "published",
                "evidence": _ev(rng),
                "confidence": 0.7,
            }
            for _ in range(min(int(rng.expovariate(1 / 6)), 40))
        ],
        "awards": [
            {"title": _title(rng, 4), "year": year, "evidence": _ev(rng), "confidence": 0.9}
            for _ in range(rng.randint(0, 4))
        ],
        "skills": [_val(rng, rng.choice(WORDS).capitalize()) for _ in range(rng.randint(0, 15))],
        "research_interests": [_val(rng, _title(rng, 3)) for _ in range(rng.randint(0, 4))],
    }


def synth_result(rng: random.Random, name: str, kind: str, tag: str) -> ParseResult:
    profile = profile_from_dict(synth_profile(rng, name, kind))
    text = f"{tag}\n" + " ".join(rng.choice(WORDS) for _ in range(900))  # ~6 KB of text
    return ParseResult(path="", kind=kind, profile=profile, text=text, pages=rng.randint(1, 4))


def build(folder: Path, n: int, seed: int) -> float:
    rng = random.Random(seed)
    began = time.perf_counter()
    with Library.open(folder) as library:
        for start in range(0, n, 500):
            batch = []
            for i in range(start, min(start + 500, n)):
                name = f"{_name(rng)}{''.join('aeiouyrst'[int(c) % 9] for c in str(i))}"
                batch.append(synth_result(rng, name, "cv", f"cv {i}"))
                if i % 3 == 0:
                    batch.append(synth_result(rng, name, "statement", f"statement {i}"))
            library.add_parse_results(batch)
            library.flush()
    return time.perf_counter() - began


def _folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def measure(folder: Path) -> None:
    began = time.perf_counter()
    library = Library.open(folder)
    rows = library.candidates()
    opened = time.perf_counter() - began
    print(f"open {opened:.2f} s incl. the list of {len(rows)} candidates (goal < 1 s)")
    rng = random.Random(7)
    stalls, durable = [], []
    for k in range(15):
        library.flush()
        cid = rng.choice(rows).id
        t0 = time.perf_counter()
        library.update_field(cid, "skills", [f"Edited skill {k}"])
        t1 = time.perf_counter()
        while not library.save_status().saved:  # no flush(): the writer saves on its own
            time.sleep(0.002)
        stalls.append(t1 - t0)
        durable.append(time.perf_counter() - t0)
    print(
        f"edit stall {statistics.median(stalls) * 1000:.1f} ms median, "
        f"{max(stalls) * 1000:.1f} ms max (goal < 50 ms)"
    )
    print(
        f"edit durable {statistics.median(durable):.2f} s median, "
        f"{max(durable):.2f} s max, without flush() (goal < 1 s)"
    )
    busy = []
    for k in range(60):  # edits while the writer saves the previous ones
        cid = rng.choice(rows).id
        t0 = time.perf_counter()
        library.set_review(cid, notes=f"note {k}")
        edit = time.perf_counter() - t0
        time.sleep(0.015)
        late = time.perf_counter() - t0 - edit - 0.015  # the GIL was held by someone else
        busy.append(edit + max(late, 0.0))
    print(
        f"edit stall while saving {statistics.median(busy) * 1000:.1f} ms median, "
        f"{max(busy) * 1000:.1f} ms max incl. waiting for the writer (60 edits 15 ms apart)"
    )
    library.flush()
    storage = library._storage
    snaps = []
    for k in range(5):
        library.set_review(rows[k].id, notes=f"snapshot {k}")
        t0 = time.perf_counter()
        with library._lock:
            storage.serialise()
        snaps.append(time.perf_counter() - t0)
    print(
        f"writer snapshot {statistics.median(snaps) * 1000:.0f} ms (orjson.dumps under the data "
        "lock, GIL held; the file write and fsync run without either)"
    )
    results = [synth_result(rng, _name(rng) + "x", "cv", f"new {i}") for i in range(300)]
    t0 = time.perf_counter()
    batch_times = []
    for start in range(0, 300, 25):
        b0 = time.perf_counter()
        library.add_parse_results(results[start : start + 25])
        batch_times.append(time.perf_counter() - b0)
    library.flush()
    print(
        f"import 300 results {time.perf_counter() - t0:.2f} s in batches of 25, durable "
        f"(a batch call: {statistics.median(batch_times) * 1000:.0f} ms median, "
        f"{max(batch_times) * 1000:.0f} ms max)"
    )
    library.close()
    db = folder / "library.json"
    print(
        f"library.json {db.stat().st_size / 1e6:.1f} MB "
        f"({db.stat().st_size / len(rows) / 1e3:.1f} KB per candidate)"
    )
    text_mb, backups_mb = _folder_mb(folder / "text"), _folder_mb(folder / "backups")
    print(f"text/ {text_mb:.1f} MB, backups/ {backups_mb:.1f} MB")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB (goal < 300 MB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="build the library here and keep it")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.measure)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "lib"
        seconds = build(folder, args.candidates, args.seed)
        print(f"built {args.candidates} candidates in {seconds:.1f} s")
        sys.stdout.flush()
        return subprocess.call([sys.executable, __file__, "--measure", str(folder)])


if __name__ == "__main__":
    sys.exit(main())
