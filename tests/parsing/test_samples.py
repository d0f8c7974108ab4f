"""Every labelled sample, parsed end to end and scored with the project's own scorer.

Key fields (kind, name, emails) must be right on every sample; each field family must
stay above 0.8 F1 over the set, as the issue's bar asks. The labels are read at test
time, never copied into code.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from parsing.pipeline import parse_file
from tests.conftest import SHARED

KEY_FIELDS = ("kind", "name", "emails")


def _scorer() -> ModuleType:
    path = SHARED / "tools" / "score_parse.py"
    if not path.is_file():
        pytest.skip("../shared/tools/score_parse.py is not beside the repository")
    spec = importlib.util.spec_from_file_location("score_parse", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _labelled(samples: Path) -> list[tuple[Path, dict]]:
    scorer = _scorer()
    out = []
    for label in sorted((samples / "labels").glob("*.json")):
        document = scorer.find_document(samples, label.stem)
        if document is not None:
            out.append((document, json.loads(label.read_text(encoding="utf-8"))))
    return out


@pytest.fixture(scope="module")
def parsed(samples_dir: Path) -> list[tuple[Path, dict, dict]]:
    return [
        (doc, truth, parse_file(doc).profile.to_schema()) for doc, truth in _labelled(samples_dir)
    ]


def test_key_fields_right_on_every_sample(parsed: list) -> None:
    scorer = _scorer()
    wrong = []
    for doc, truth, guess in parsed:
        tallies = {f: scorer.Tally() for f in scorer.ALL_FIELDS}
        misses = scorer.score_document(truth, guess, tallies)
        wrong += [f"{doc.name}: {m}" for m in misses if m.split(":")[0] in KEY_FIELDS]
    assert wrong == []


def test_every_field_family_above_the_bar(parsed: list) -> None:
    scorer = _scorer()
    tallies = {f: scorer.Tally() for f in scorer.ALL_FIELDS}
    for _, truth, guess in parsed:
        scorer.score_document(truth, guess, tallies)
    weak = {}
    for field, tally in tallies.items():
        if field in scorer.SCALARS:
            score = tally.right / tally.total if tally.total else 1.0
        elif tally.tp + tally.fp + tally.fn == 0:
            continue
        else:
            score = tally.f1()[2]
        if score < 0.8:
            weak[field] = round(score, 3)
    assert weak == {}


def test_schema_shape_on_every_sample(parsed: list) -> None:
    for _, _, guess in parsed:
        assert set(guess) == set(_scorer().ALL_FIELDS)
        for entry in guess["publications"]:
            assert entry["year"] is None or isinstance(entry["year"], int)
        for entry in guess["education"] + guess["experience"]:
            for key in ("start", "end"):
                value = entry[key]
                assert value is None or value == "present" or value[:4].isdigit()
