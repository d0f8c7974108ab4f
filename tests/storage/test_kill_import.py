"""SIGKILL `main.py import` mid-way and inside a backup: the short run of bench/kill_import.py.

20 kills (every second one just after a backup began), each followed by a check of the
library and an import of the same folder that must complete it. The full run is
`make torture` (200 kills).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bench import kill_import


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_imports_lose_nothing_acknowledged(tmp_path: Path) -> None:
    report = kill_import.run(tmp_path, cycles=20, docs=8, preload=300, seed=3, delay=0.8)
    print("\n".join(kill_import.describe(report, 0.0)))
    assert report.kills == 20
    assert report.in_import >= 10, "the kills did not land inside imports"
    assert report.after_ack >= 3 and report.acked > 0, "no kill came after an acknowledgement"
    assert report.in_backup >= 2, "no kill landed inside a backup"
    assert (report.corrupt, report.lost) == (0, 0), report.failures
    assert report.completed == report.completions, report.failures
    assert report.failures == []
