"""One total score per candidate, shared by the list, the review panel and every export.

A rubric is {criterion: weight}. With one, the total is the weighted mean of the scored
criteria it weighs; without one (or when it weighs none of the scored criteria) it is the
plain mean of the 1–5 scores. Unscored criteria never count as zero: a half-finished review
must not look like a bad one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from storage.models import Score
from storage.rubric import rubric_of

Rubric = Mapping[str, float]


def score_value(score: Score | int | Mapping[str, Any]) -> int:
    if isinstance(score, Score):
        return score.value
    if isinstance(score, Mapping):
        return int(score["value"])
    return int(score)


def weighted_total(
    scores: Mapping[str, Score | int | Mapping[str, Any]], rubric: Rubric | None = None
) -> float | None:
    """The candidate's total on the 1–5 scale, rounded to 2 decimals; None when unscored."""
    values = {criterion: score_value(s) for criterion, s in scores.items()}
    if not values:
        return None
    weighted = [(float(rubric[c]), v) for c, v in values.items() if rubric and rubric.get(c)]
    weighted = [(w, v) for w, v in weighted if w > 0]
    if weighted:
        total = sum(w * v for w, v in weighted) / sum(w for w, _ in weighted)
    else:
        total = sum(values.values()) / len(values)
    return round(total, 2)


def library_rubric(library: object) -> Rubric | None:
    """The library's rubric weights (its own once edited, else the default); an object that
    is not a library (a test's stand-in) may offer a `rubric()` method instead."""
    getter = getattr(library, "rubric", None)
    if callable(getter):
        return getter() or None
    return rubric_of(library).weights() or None


def criteria_of(score_maps: list[Mapping[str, Any]], rubric: Rubric | None = None) -> list[str]:
    """Every criterion scored in `score_maps`: the rubric's order first, then by name."""
    seen = {c for scores in score_maps for c in scores}
    ordered = [c for c in (rubric or {}) if c in seen]
    return ordered + sorted(seen - set(ordered), key=str.casefold)
