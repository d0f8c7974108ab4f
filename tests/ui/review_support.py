"""Shared by the review, compare, pool and blind tests: a library of the shared samples,
parsed once per session in this process (the parser is fast; worker processes are the
drop test's business), copied fresh for each test that changes it."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtTest import QTest

from parsing.pipeline import parse_file
from storage.library import Library
from ui import settings as S
from ui.app import settings_store
from ui.main_window import MainWindow
from ui.settings import Settings


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> Path:
    folder = tmp_path_factory.mktemp("samples") / "library"
    files = sorted((samples_dir / "pdf").glob("*.pdf")) + sorted(
        (samples_dir / "text").glob("*.txt")
    )
    with Library.open(folder) as library:
        library.add_parse_results([parse_file(p) for p in files])
    return folder


@pytest.fixture(autouse=True)
def not_blind() -> Iterator[None]:
    """Blind review is remembered in the (session's scratch) settings: start each test
    without it, and leave none on for the next."""
    settings = Settings(settings_store())
    settings.set(S.BLIND_REVIEW, False)
    yield
    settings.set(S.BLIND_REVIEW, False)


@pytest.fixture
def sample_library(sample_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    shutil.copytree(sample_template, folder, ignore=shutil.ignore_patterns("library.lock"))
    return folder


def sample_labels(samples: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted((samples / "labels").glob("*.json"))]


def row_of(window: MainWindow, name: str) -> int:
    model = window.model
    return next(i for i in range(model.rowCount()) if model.get(model.key_at(i)).name == name)


def candidate_id(window: MainWindow, name: str) -> int:
    return next(r.key[1] for r in window.model.all_rows() if r.name == name)


def activate(window: MainWindow) -> None:
    """Shortcuts belong to the active window."""
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)


Patterns = list[tuple[str, re.Pattern[str]]]


def _word(text: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_]){re.escape(text)}(?![^\W_])", re.IGNORECASE)


def forbidden(labels: list[dict], parts: bool = True) -> Patterns:
    """(what, pattern) for the labelled candidates' names, name parts of 3+ letters (as
    words, case ignored), emails and links. Without `parts`: whole names only (a document
    may cite another person who shares a surname with a sample candidate: "Leo Gao")."""
    out: Patterns = []
    for label in labels:
        name = label["name"] or ""
        words = [w for w in re.split(r"[\s.,\-]+", name) if len(w) >= 3] if parts else []
        out += [(w, _word(w)) for w in words] + ([(name, _word(name))] if name else [])
        for value in (*label["emails"], *label["links"]):
            out.append((value, re.compile(re.escape(value), re.IGNORECASE)))
    return out


def label_of(labels: list[dict], name: str | None, emails: list[str]) -> dict | None:
    """The label of the candidate with this name (or, unnamed, one of these emails)."""
    lowered = {e.lower() for e in emails}
    for label in labels:
        if name and label["name"] == name:
            return label
        if not name and lowered & {e.lower() for e in label["emails"]}:
            return label
    return None
