"""The rubric: what the reviewer scores each candidate on, on a 1–5 scale, and how much
each criterion weighs in the total.

A default for research candidates ships in `resources/rubric.json`; a library keeps its
own copy once the reviewer edits it (`set_rubric`). Scores given on a criterion that was
later removed stay in the reviews: putting the criterion back brings them back, and an
export can still show them. Every score has one-line anchors saying what a 1, 2 … 5
means, so the fifth candidate of the evening is scored like the first.
"""

from __future__ import annotations

import json
import re
import unicodedata
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from storage.library_settings import set_setting, setting

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "resources" / "rubric.json"
RUBRIC_KEY = "rubric"
SCALE = (1, 2, 3, 4, 5)
MAX_WEIGHT = 100.0


class RubricError(ValueError):
    """A rubric that cannot be used (the message says why, for the reviewer)."""


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    weight: float = 1.0
    description: str = ""
    anchors: tuple[str, ...] = ("", "", "", "", "")  # what a 1 … 5 means

    def anchor(self, score: int) -> str:
        return self.anchors[score - 1] if score in SCALE else ""


@dataclass(frozen=True)
class Rubric:
    criteria: tuple[Criterion, ...] = field(default_factory=tuple)
    name: str = ""

    def weights(self) -> dict[str, float]:
        """{key: weight}, the form `storage.scoring.weighted_total` takes."""
        return {c.key: c.weight for c in self.criteria}

    def keys(self) -> list[str]:
        return [c.key for c in self.criteria]

    def criterion(self, key: str) -> Criterion | None:
        return next((c for c in self.criteria if c.key == key), None)

    def label(self, key: str) -> str:
        found = self.criterion(key)
        return found.label if found else key.replace("_", " ").capitalize()

    def to_dict(self) -> dict[str, Any]:
        criteria = [
            {
                "key": c.key,
                "label": c.label,
                "weight": c.weight,
                "description": c.description,
                "anchors": list(c.anchors),
            }
            for c in self.criteria
        ]
        return {"name": self.name, "criteria": criteria}


# --------------------------------------------------------------------------- reading


def key_for(label: str, taken: Iterable[str] = ()) -> str:
    """A stable key for a new criterion's label ("Teaching (TA)" -> "teaching_ta")."""
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", plain.casefold()).strip("_") or "criterion"
    taken = set(taken)
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


def _criterion(data: Any, position: int) -> Criterion:
    if not isinstance(data, Mapping):
        raise RubricError(f"criterion {position} is not a record")
    label = str(data.get("label") or "").strip()
    if not label:
        raise RubricError(f"criterion {position} has no label")
    key = str(data.get("key") or "").strip() or key_for(label)
    try:
        weight = float(data.get("weight", 1.0))
    except (TypeError, ValueError):
        raise RubricError(f"{label}: the weight must be a number") from None
    if not 0 <= weight <= MAX_WEIGHT:
        raise RubricError(f"{label}: the weight must be between 0 and {MAX_WEIGHT:g}")
    anchors = [str(a).strip() for a in data.get("anchors") or ()][: len(SCALE)]
    anchors += [""] * (len(SCALE) - len(anchors))
    description = str(data.get("description") or "").strip()
    return Criterion(key, label, weight, description, tuple(anchors))


def rubric_from_dict(data: Any) -> Rubric:
    """A checked rubric from its JSON form; raises RubricError."""
    if not isinstance(data, Mapping) or not isinstance(data.get("criteria"), list):
        raise RubricError("a rubric is a record with a list of criteria")
    criteria = tuple(_criterion(c, i + 1) for i, c in enumerate(data["criteria"]))
    keys = [c.key for c in criteria]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise RubricError(f"two criteria share the key {duplicates[0]!r}")
    return Rubric(criteria, str(data.get("name") or ""))


@cache
def default_rubric() -> Rubric:
    """The rubric that ships with Shortlist (resources/rubric.json)."""
    return rubric_from_dict(json.loads(DEFAULT_PATH.read_text(encoding="utf-8")))


# --------------------------------------------------------------------------- the library's

# The list asks for the rubric once per row; the stored record is replaced (never changed
# in place) on every edit, so it is parsed again only when it is a different object.
_parsed: weakref.WeakKeyDictionary[Any, tuple[Any, Rubric]] = weakref.WeakKeyDictionary()


def rubric_of(library: Any) -> Rubric:
    """The library's rubric: its own once edited, else the default."""
    stored = setting(library, RUBRIC_KEY)
    if stored is None:
        return default_rubric()
    cached = _parsed.get(library)
    if cached is not None and cached[0] is stored:
        return cached[1]
    try:
        rubric = rubric_from_dict(stored)
    except RubricError:
        rubric = default_rubric()  # a hand-edited file must not stop the window
    _parsed[library] = (stored, rubric)
    return rubric


def set_rubric(library: Any, rubric: Rubric | None) -> Rubric | None:
    """Make `rubric` the library's (None: back to the default); returns the library's own
    rubric before (None if it used the default), for undo."""
    if rubric is not None:
        rubric = rubric_from_dict(rubric.to_dict())  # checked as if read from disk
    previous = set_setting(library, RUBRIC_KEY, rubric.to_dict() if rubric else None)
    return rubric_from_dict(previous) if previous is not None else None


def with_criterion(rubric: Rubric, label: str, weight: float = 1.0) -> Rubric:
    """The rubric with a new criterion at the end (its key made from the label)."""
    new = Criterion(key_for(label, rubric.keys()), label.strip(), weight)
    return replace(rubric, criteria=(*rubric.criteria, new))
