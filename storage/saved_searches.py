"""Saved searches: the built-in views of the list and the reviewer's own, per library.

The reviewer's searches live in the library file (`storage.library_settings`, key
"saved_searches": [{"name", "query"}]), so they travel with a copy of the library. A
query is checked (`storage.query.parse`) before it is saved, so a saved search always runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.library import Library
from storage.library_settings import set_setting, setting
from storage.query import parse

SAVED_KEY = "saved_searches"


@dataclass(frozen=True)
class SavedSearch:
    name: str
    query: str
    builtin: bool = False
    by_rank: bool = False  # shown in rank order, where rows can be reordered


SHORTLIST = SavedSearch("Shortlisted", "is:shortlisted", builtin=True, by_rank=True)
BUILTINS: tuple[SavedSearch, ...] = (
    SavedSearch("All candidates", "", builtin=True),
    SHORTLIST,
    SavedSearch("To review", "status:new", builtin=True),
    SavedSearch("Maybe", "status:maybe", builtin=True),
    SavedSearch("Rejected", "status:rejected", builtin=True),
)


class SavedSearchError(ValueError):
    """A name or query that cannot be saved (the message says why, for the reviewer)."""


def own_searches(library: Library) -> list[SavedSearch]:
    stored = setting(library, SAVED_KEY) or []
    return [
        SavedSearch(str(item["name"]), str(item["query"]))
        for item in stored
        if isinstance(item, dict) and "name" in item and "query" in item
    ]


def all_searches(library: Library) -> list[SavedSearch]:
    return [*BUILTINS, *own_searches(library)]


def save_search(library: Library, name: str, query: str) -> SavedSearch:
    """Add the search, or replace the query of the reviewer's search of that name."""
    name = _checked_name(name)
    parse(query)  # raises QuerySyntaxError: only searches that run are kept
    if any(b.name.casefold() == name.casefold() for b in BUILTINS):
        raise SavedSearchError(f"'{name}' is a built-in search: choose another name")
    saved = SavedSearch(name, query.strip())
    kept = [s for s in own_searches(library) if s.name.casefold() != name.casefold()]
    position = _position(library, name)
    kept.insert(position if position is not None else len(kept), saved)
    _store(library, kept)
    return saved


def rename_search(library: Library, old: str, new: str) -> None:
    new = _checked_name(new)
    taken = {s.name.casefold() for s in all_searches(library)} - {old.casefold()}
    if new.casefold() in taken:
        raise SavedSearchError(f"there is already a search called '{new}'")
    searches = own_searches(library)
    if not any(s.name == old for s in searches):
        raise SavedSearchError(f"no saved search called '{old}'")
    _store(library, [SavedSearch(new, s.query) if s.name == old else s for s in searches])


def delete_search(library: Library, name: str) -> None:
    _store(library, [s for s in own_searches(library) if s.name != name])


def _checked_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise SavedSearchError("a saved search needs a name")
    return name


def _position(library: Library, name: str) -> int | None:
    names = [s.name.casefold() for s in own_searches(library)]
    return names.index(name.casefold()) if name.casefold() in names else None


def _store(library: Library, searches: list[SavedSearch]) -> None:
    set_setting(library, SAVED_KEY, [{"name": s.name, "query": s.query} for s in searches])
