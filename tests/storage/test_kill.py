"""SIGKILL at random moments while saving: never corrupt, nothing acknowledged lost."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.storage import kill_harness


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_loop(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    kill_harness.preload(folder, 300)
    report = kill_harness.run(folder, cycles=25, seed=1, max_delay=0.5)
    assert report.cycles == 25
    assert report.acked > 25  # the kills really landed among acknowledged writes
    assert (report.corrupt, report.lost) == (0, 0), report.failures
