"""Shared test set-up: offscreen Qt, and where the shared samples live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = SHARED / "samples"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    if not (SAMPLES / "labels").is_dir():
        pytest.skip("../shared/samples is not beside the repository")
    return SAMPLES
