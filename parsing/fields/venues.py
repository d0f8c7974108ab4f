"""Venue recognition from the curated list in resources/venues.json."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

VENUES_FILE = Path(__file__).resolve().parents[2] / "resources" / "venues.json"

_GENERIC = (
    r"accepted\s+(?:by|at|to|in)|to appear|under review|under submission|submitted to|"
    r"in proceedings|proceedings of|proc\.|in:|arxiv|journal of|conference on|"
    r"transactions on|workshop on|symposium on|ieee|acm|springer|elsevier"
)


@cache
def load_venues() -> dict[str, tuple[str, str]]:
    """Lower-cased acronym or full name -> (canonical acronym, field)."""
    data = json.loads(VENUES_FILE.read_text(encoding="utf-8"))
    table: dict[str, tuple[str, str]] = {}
    for area, venues in data["fields"].items():
        for acronym, names in venues.items():
            table[acronym.casefold()] = (acronym, area)
            for name in names:
                table[name.casefold()] = (acronym, area)
    return table


def _venue_regex() -> re.Pattern[str]:
    data = json.loads(VENUES_FILE.read_text(encoding="utf-8"))
    acronyms = sorted(
        (re.escape(a) for venues in data["fields"].values() for a in venues),
        key=len,
        reverse=True,
    )
    # An acronym counts as a venue where a year is attached ("ACL 2024", "COLING2024");
    # bare acronyms also appear inside titles ("... with RLAIF", "MoE").
    acronym_year = r"\b(?:" + "|".join(acronyms) + r")\s?'?(?:19|20)?\d\d\b"
    return re.compile(rf"(?i)\b(?:{_GENERIC})|{acronym_year}")


VENUE_AT = _venue_regex()


def recognise(venue: str | None) -> tuple[str, str] | None:
    """(acronym, field) for a venue string naming a listed venue, else None."""
    if not venue:
        return None
    table = load_venues()
    low = venue.casefold()
    for key, value in table.items():
        if len(key) <= 8:
            if re.search(
                rf"(?<![\w-]){re.escape(key)}(?![\w-])|(?<![\w-]){re.escape(key)}(?=\d)", low
            ):
                return value
        elif key in low:
            return value
    return None
