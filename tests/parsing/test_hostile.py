"""A small hostile-file run: every file must end in a result or a specific, human reason.

"error" (a Python exception escaping the parser) and "crashed" are parser bugs, never an
acceptable way for a bad file to end. The full-size run is `bench/hostile_files.py --run`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.hostile_files import KINDS, RunReport, describe, generate, kind_of, run

# Every kind once, the cheap mutations a second time: 40 files, a few seconds of work.
CHEAP_AGAIN = [
    "truncated",
    "bitflip",
    "shuffled",
    "ref-loop",
    "tounicode",
    "nested",
    "wrong-type",
    "encoding",
    "markup-text",
    "markup-pdf",
    "no-text",
    "zero-bytes",
    "enc-rc4-user",
    "enc-aes256-open",
    "truncated",
    "bitflip",
    "shuffled",
    "wrong-type",
]
TIMEOUT = 15.0
BOUND = 30.0  # the whole run, workers started and stopped included

# Kinds whose outcome does not depend on where a mutation happened to land.
EXPECTED = {
    "enc-rc4-user": {"encrypted"},
    "enc-aes128-user": {"encrypted"},
    "enc-aes256-user": {"encrypted"},
    "enc-rc4-open": {"ok"},
    "enc-aes128-open": {"ok"},
    "enc-aes256-open": {"ok"},
    "zero-bytes": {"empty"},
    "huge-sparse": {"too-large"},
    "wrong-type": {"unsupported"},
    "docx-bomb": {"too-large"},
    "no-text": {"no-text"},
    "markup-text": {"ok"},
    "markup-pdf": {"ok"},
    "markup-docx": {"ok"},
    "encoding": {"ok"},
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> RunReport:
    kinds = list(KINDS) + CHEAP_AGAIN
    folder = tmp_path_factory.mktemp("hostile")
    paths = generate(folder, len(kinds), seed=7, kinds=kinds)
    result = run(paths, timeout=TIMEOUT, workers=2)
    print("\n".join(describe(result)))
    return result


def test_every_file_has_an_outcome_and_nothing_escapes(report: RunReport) -> None:
    assert report.escaped is None
    assert len(report.outcomes) == len(KINDS) + len(CHEAP_AGAIN)
    assert report.wall < BOUND, f"hostile run took {report.wall:.1f} s"


def test_no_parser_errors_or_crashes(report: RunReport) -> None:
    bugs = [
        f"{Path(o.path).name}: {o.error_code}: {o.error}"
        for o in report.outcomes
        if o.error_code in ("error", "crashed")
    ]
    assert not bugs, "\n".join(bugs)


def test_every_result_can_be_stored(report: RunReport) -> None:
    assert not report.unstorable()


def test_failures_carry_a_code_and_one_human_line(report: RunReport) -> None:
    for outcome in report.outcomes:
        if outcome.result is None:
            assert outcome.error_code and outcome.error, outcome
            assert "\n" not in outcome.error and len(outcome.error) <= 300
            assert outcome.seconds <= TIMEOUT + 2
        else:
            assert outcome.error_code is None and outcome.error is None


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_outcome_matches_the_kind(report: RunReport, kind: str) -> None:
    seen = {
        Path(o.path).name: o.error_code or "ok" for o in report.outcomes if kind_of(o.path) == kind
    }
    assert seen and set(seen.values()) <= EXPECTED[kind], seen
