"""The ranked shortlist as tie groups, and the reorderings a reviewer makes (no Qt).

The shortlist in rank order is a list of groups: candidates sharing a rank form one group
(a tie, shown "=2"), the others a group of their own. Every reordering works on the groups
and `ranks_of` numbers them again 1, 2, 3…, so ranks stay dense after any move.

- Move up / down: a tied candidate steps out of its tie, just above (below) it; a single
  one swaps places with the group above (below).
- Tie with above: the candidate joins the group of the row above it.
- Drop: the dragged candidates, in their shown order, go before the row dropped on, each
  on its own rank (or at the end).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

Key = Hashable  # a list row's key in the window
Groups = list[list[Key]]


def groups_of(order: Sequence[tuple[Key, int | None]]) -> Groups:
    """Tie groups from (key, rank) in shown order; unranked rows are single groups."""
    groups: Groups = []
    last: int | None = None
    for key, rank in order:
        if groups and rank is not None and rank == last:
            groups[-1].append(key)
        else:
            groups.append([key])
        last = rank
    return groups


def ranks_of(groups: Groups) -> dict[Key, int]:
    return {key: place for place, group in enumerate(groups, start=1) for key in group}


def _find(groups: Groups, key: Key) -> int:
    return next(i for i, group in enumerate(groups) if key in group)


def move(groups: Groups, key: Key, step: int) -> Groups:
    """Move `key` one place up (step -1) or down (+1); at the top or bottom nothing moves."""
    groups = [list(g) for g in groups]
    at = _find(groups, key)
    if len(groups[at]) > 1:  # out of its tie, on the side it moves to
        groups[at].remove(key)
        groups.insert(at if step < 0 else at + 1, [key])
        return groups
    other = at + step
    if 0 <= other < len(groups):
        groups[at], groups[other] = groups[other], groups[at]
    return groups


def tie_with_above(groups: Groups, key: Key, above: Key) -> Groups:
    """`key` shares the rank of `above` (the row shown above it)."""
    groups = [list(g) for g in groups]
    target = _find(groups, above)
    if key in groups[target]:
        return groups
    at = _find(groups, key)
    groups[at].remove(key)
    groups[target].append(key)
    return [g for g in groups if g]


def drop(groups: Groups, keys: Sequence[Key], before: Key | None) -> Groups:
    """`keys` moved before `before` (None: to the end), each on a rank of its own."""
    moving = list(dict.fromkeys(keys))
    if before in moving:
        return [list(g) for g in groups]
    rest = [[k for k in g if k not in moving] for g in groups]
    rest = [g for g in rest if g]
    at = len(rest) if before is None else _find(rest, before)
    return rest[:at] + [[k] for k in moving] + rest[at:]


def changed_ranks(old: dict[Key, int | None], new: dict[Key, int]) -> dict[Key, int]:
    """Only the ranks that differ: each is one library change."""
    return {key: rank for key, rank in new.items() if old.get(key) != rank}
