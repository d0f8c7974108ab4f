"""The colour of each tag, chosen once per library and kept in it (see library_settings).

A new tag takes the next colour of a palette readable on light and dark backgrounds; the
reviewer can pick another. Colours are "#rrggbb" strings: no Qt here.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Mapping

from storage.library import Library
from storage.library_settings import set_setting, setting

TAG_COLOURS_KEY = "tag_colours"
# Mid-tone hues: white and black text both stay legible on them, in either theme.
PALETTE: tuple[str, ...] = (
    "#3b82f6",  # blue
    "#10b981",  # green
    "#f59e0b",  # amber
    "#ef4444",  # red
    "#8b5cf6",  # violet
    "#06b6d4",  # cyan
    "#ec4899",  # pink
    "#84cc16",  # lime
    "#f97316",  # orange
    "#64748b",  # slate
)
_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def tag_colours(library: Library) -> dict[str, str]:
    stored = setting(library, TAG_COLOURS_KEY) or {}
    return {str(k): v for k, v in stored.items() if isinstance(v, str) and _HEX.fullmatch(v)}


def colour_for(tag: str, known: Mapping[str, str]) -> str:
    """The tag's stored colour, else the palette's next one (by how many are stored)."""
    if tag in known:
        return known[tag]
    used = set(known.values())
    free = [c for c in PALETTE if c not in used]
    return free[0] if free else PALETTE[len(known) % len(PALETTE)]


def shown_colour(tag: str, known: Mapping[str, str]) -> str:
    """The stored colour, else one from the tag's text (a tag may arrive without one, from a
    bulk action or an import): stable, so a chip never changes colour between views."""
    return known.get(tag) or PALETTE[zlib.crc32(tag.encode("utf-8")) % len(PALETTE)]


def with_new_tags(known: Mapping[str, str], tags: Iterable[str]) -> dict[str, str]:
    """`known` plus a colour for each tag it lacks (None when nothing is new)."""
    out = dict(known)
    for tag in tags:
        out[tag] = colour_for(tag, out)
    return out


def set_tag_colours(library: Library, colours: Mapping[str, str]) -> dict[str, str]:
    """Store every tag's colour; returns the colours before (for undo)."""
    bad = [c for c in colours.values() if not _HEX.fullmatch(c)]
    if bad:
        raise ValueError(f"not a colour: {bad[0]!r}")
    previous = set_setting(library, TAG_COLOURS_KEY, dict(colours))
    return dict(previous or {})


def all_tags(library: Library) -> list[str]:
    """Every tag in use, most used first (what tag completion offers)."""
    counts: dict[str, int] = {}
    for summary in library.candidates():
        for tag in summary.tags:
            counts[tag] = counts.get(tag, 0) + 1
    return sorted(counts, key=lambda t: (-counts[t], t.casefold()))
