"""The library's schema version and the ordered steps that upgrade older files.

Version 1 (this code's): tables `meta` (one record: schema_version, next ids, created),
`candidates`, `documents`, `reviews` (keyed by candidate id). A step takes the whole raw
TinyDB data of version N-1 and changes it in place into version N.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from storage.errors import LibraryVersionError

SCHEMA_VERSION = 1
TABLES = ("meta", "candidates", "documents", "reviews")

Migration = Callable[[dict[str, Any]], None]

# (version it produces, step). Append only; never edit a released step.
MIGRATIONS: list[tuple[int, Migration]] = []


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_library_data() -> dict[str, Any]:
    meta = {
        "schema_version": SCHEMA_VERSION,
        "next_candidate_id": 1,
        "next_document_id": 1,
        "created": now_iso(),
    }
    return {"meta": {"1": meta}, "candidates": {}, "documents": {}, "reviews": {}}


def check_structure(data: Any) -> str | None:
    """Why this is not a library file, or None when it looks like one."""
    if not isinstance(data, dict):
        return "it does not hold a table of records"
    meta = data.get("meta", {}).get("1") if isinstance(data.get("meta"), dict) else None
    if not isinstance(meta, dict) or not isinstance(meta.get("schema_version"), int):
        return "its version record is missing"
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(r, dict) for r in table.values()):
            return f"its table {name!r} is malformed"
    return None


def schema_version(data: dict[str, Any]) -> int:
    return int(data["meta"]["1"]["schema_version"])


def needs_upgrade(data: dict[str, Any], latest: int | None = None) -> bool:
    latest = SCHEMA_VERSION if latest is None else latest  # read at call time (tests patch it)
    version = schema_version(data)
    if version > latest:
        raise LibraryVersionError(
            f"This library was saved by a newer Shortlist (library version {version}, "
            f"this app knows up to {latest}). Update Shortlist to open it; "
            "the library was not changed."
        )
    return version < latest


def upgrade(
    data: dict[str, Any],
    steps: list[tuple[int, Migration]] | None = None,
    latest: int | None = None,
) -> list[int]:
    """Run every step above the file's version, in order; returns the versions applied."""
    latest = SCHEMA_VERSION if latest is None else latest
    applied = []
    for version, step in sorted(steps if steps is not None else MIGRATIONS, key=lambda s: s[0]):
        if schema_version(data) < version <= latest:
            step(data)
            data["meta"]["1"]["schema_version"] = version
            applied.append(version)
    for name in TABLES:
        data.setdefault(name, {})
    return applied
