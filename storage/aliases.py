"""Blind-mode aliases: what the window's blind mode and every anonymised export call a
candidate instead of their name.

The alias is built from the candidate id. Ids come from a per-library counter, are given
once per candidate and never handed out again (not even after an undo or a merge), so the
alias is stable for the life of the library without storing anything, and an export never
has to write to the library. A committee that only sees "Candidate 17" learns nothing; the
reviewer can always find candidate 17 again.
"""

from __future__ import annotations

ALIAS_PREFIX = "Candidate"


def alias_for(library: object, candidate_id: int) -> str:
    """The stable alias of a candidate (`library` is taken so that a later scheme may keep
    aliases in the library without changing any caller)."""
    del library  # the id alone is enough today
    return alias_from_id(candidate_id)


def alias_from_id(candidate_id: int) -> str:
    return f"{ALIAS_PREFIX} {int(candidate_id)}"
