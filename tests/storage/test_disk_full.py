"""A full disk during `main.py import`: a clear reason, nothing acknowledged lost, and the
same import completes the library once space is freed (bench/disk_full.py, small counts).

Two disks: a real 2 MB tmpfs (root with permission to mount only: skipped, with the reason,
elsewhere) and storage's writes made to fail with ENOSPC past a byte budget (always runs).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench import disk_full

DOCS = 40


def _assert_held(outcome: disk_full.Outcome) -> None:
    print(disk_full.line(outcome, outcome.kind))
    assert outcome.problems == []
    assert outcome.acked > 0, "the disk filled before anything was acknowledged"
    assert outcome.not_imported > 0, "the disk never filled up"
    assert outcome.counted == outcome.acked
    assert outcome.exit_full == 2 and outcome.exit_again == 0
    assert outcome.documents == DOCS


def test_disk_full_by_byte_budget(tmp_path: Path) -> None:
    _assert_held(disk_full.patched_disk(tmp_path, DOCS, budget_kb=1200))


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mounting a tmpfs needs root"
)
def test_disk_full_on_a_small_tmpfs(tmp_path: Path) -> None:
    outcome = disk_full.real_disk(tmp_path, DOCS, size_mb=2)
    if outcome.skipped:
        pytest.skip(outcome.skipped)
    _assert_held(outcome)
