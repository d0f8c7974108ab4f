"""SIGKILL a process that writes to a library, hundreds of times; then open it each time.

    .venv/bin/python bench/kill_loop.py [--cycles 200] [--preload 1000]

Prints cycles, corrupt opens, acknowledged writes lost (both must be 0).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.storage import kill_harness


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cycles", type=int, default=200)
    parser.add_argument("--preload", type=int, default=1000, help="candidates before the loop")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "lib"
        kill_harness.preload(folder, args.preload)
        began = time.perf_counter()
        report = kill_harness.run(folder, args.cycles, seed=args.seed, max_delay=1.2)
        elapsed = time.perf_counter() - began
        size = (folder / "library.json").stat().st_size / 1e6
    print(f"cycles {report.cycles} ({elapsed:.0f} s, library {size:.1f} MB at the end)")
    print(f"acknowledged writes {report.acked}")
    print(f"corrupt {report.corrupt} (goal 0)")
    print(f"lost acknowledged {report.lost} (goal 0)")
    for failure in report.failures[:10]:
        print(f"  {failure}")
    return 0 if report.corrupt == report.lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
