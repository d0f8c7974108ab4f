"""Run Shortlist's command line, then record the peak memory of it and of its workers.

    .venv/bin/python bench/cli_rusage.py USAGE.json import DIR --library LIB ...

Exactly `python main.py ARGS` (same `main.main`), in a process of its own, so that
`RUSAGE_CHILDREN` here covers only the parser workers it started and reaped: the figure a
bench needs to show that every worker stays under its memory limit. The exit code is the
command's.
"""

from __future__ import annotations

import json
import multiprocessing
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def _max_rss_mb(who: int) -> float:
    import resource

    kb = resource.getrusage(who).ru_maxrss
    return kb / (1024 * 1024) if sys.platform == "darwin" else kb / 1024


def run(usage_file: Path, argv: list[str]) -> int:
    import resource

    import main as shortlist

    try:
        code = shortlist.main(argv)
    except SystemExit as exc:  # argparse errors end this way
        code = exc.code if isinstance(exc.code, int) else 2
    usage = {
        "self_max_rss_mb": _max_rss_mb(resource.RUSAGE_SELF),
        "workers_max_rss_mb": _max_rss_mb(resource.RUSAGE_CHILDREN),
    }
    usage_file.write_text(json.dumps(usage))
    return code


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(run(Path(sys.argv[1]), sys.argv[2:]))
