"""Shared helpers: hand-built parse results (no parser needed) and a library per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from parsing.models import ParseResult, profile_from_dict
from storage.library import Library

SHARED = Path(__file__).resolve().parents[3] / "shared"
LABELS = SHARED / "samples" / "labels"


def make_result(
    name: str | None = None,
    emails: tuple[str, ...] = (),
    kind: str = "cv",
    path: str = "",
    text: str | None = None,
    **fields: Any,
) -> ParseResult:
    data = {"kind": kind, "name": name, "emails": list(emails), **fields}
    profile = profile_from_dict(data)
    body = text if text is not None else f"{kind} of {name} {emails} {sorted(fields)} {path}"
    return ParseResult(path=path, kind=kind, profile=profile, text=body, pages=1)


@pytest.fixture
def lib_dir(tmp_path: Path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def library(lib_dir: Path) -> Iterator[Library]:
    lib = Library.open(lib_dir)
    yield lib
    lib.close(discard_unsaved=True)


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
