"""Hostile files through the real `main.py import`: the short run of bench/hostile_import.py.

Every kind of bench/hostile_files.py twice into a fresh library: the command
ends, every file is accounted for with a specific reason when it failed, the library is
intact and readable from the command line, and markup and formulas come out as plain data.
The full run is `make torture` (500 files).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.hostile_files import KINDS
from bench.hostile_import import bench, line


@pytest.mark.slow
def test_hostile_files_through_the_command_line(tmp_path: Path) -> None:
    count = 2 * len(KINDS)
    outcome = bench(count, seed=11, timeout=15.0, workers=2, work=tmp_path)
    print(line(outcome))
    assert outcome.problems == []
    assert outcome.exit_code == 1  # some files failed, the rest were imported
    assert outcome.counts is not None and sum(outcome.counts.values()) == count
    assert outcome.documents > 0 and outcome.candidates > 0
    assert {"encrypted", "empty file", "not a PDF"} <= set(outcome.reasons)
