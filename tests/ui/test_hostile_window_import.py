"""A short run of bench/ui_hostile_import.py: ~40 hostile files dropped on the real window."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import ui_hostile_import as bench
from bench.hostile_files import KINDS, Corpus, generate
from tests.ui.conftest import close_window, open_window

COUNT = 2 * len(KINDS)  # every kind twice: 46 files


@pytest.fixture(scope="module")
def run(qapp, tmp_path_factory: pytest.TempPathFactory, samples_dir: Path):
    work = tmp_path_factory.mktemp("hostile-window")
    paths = generate(work / "files", COUNT, seed=7, corpus=Corpus.load(samples_dir))
    outcome = bench.Outcome(len(paths))
    window = open_window(work / "library")
    window.imports.service.set_pool_options(2, 20.0)
    bench.drop_and_wait(window, work / "files", 50.0, outcome)
    bench.check_alive(window, outcome)
    bench.check_report(window, paths, outcome)
    bench.check_list(window, outcome)
    close_window(window)
    bench.check_library(work / "library", outcome)
    return outcome


def test_the_window_survives_and_stays_responsive(run) -> None:
    outcome = run
    assert outcome.finished
    assert outcome.longest_stall_ms < bench.HANG_MS


def test_every_file_is_in_the_report_and_every_failure_has_a_reason(run) -> None:
    outcome = run
    assert sum(outcome.outcomes.values()) == COUNT
    assert outcome.outcomes["Failed"] > 0 and outcome.outcomes["Added"] > 0
    assert sum(outcome.reasons.values()) == outcome.outcomes["Failed"]
    assert not outcome.problems, outcome.problems


def test_the_library_reopens_with_the_list_s_candidates(run) -> None:
    outcome = run
    assert outcome.candidates == outcome.list_rows > 0
    assert outcome.documents == COUNT - outcome.outcomes["Failed"] - outcome.outcomes["Duplicate"]


@pytest.mark.parametrize(
    ("reason", "vague"),
    [
        ("encrypted: needs a password", False),
        ("empty file (0 bytes)", False),
        ("parser error: KeyError 'x'", True),
        ("the parser process crashed", True),
        ("could not be read", True),
        ("", True),
    ],
)
def test_a_vague_reason_is_caught(reason: str, vague: bool) -> None:
    assert bench.is_vague(reason) is vague
