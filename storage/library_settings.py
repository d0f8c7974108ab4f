"""Library-wide choices kept inside the library file: the rubric, the colour of each tag.

They live in the meta record under "settings" ({key: JSON value}). An older Shortlist
ignores the key, so no schema step is needed, and a copy of the library folder carries
them to another laptop. The meta record is never part of an undo token (it also holds the
id counters, which must not go back), so a setting is undone by setting its previous
value again: `set_setting` returns it for exactly that.
"""

from __future__ import annotations

from typing import Any

from storage.library import Library
from storage.records import canonical

SETTINGS_KEY = "settings"


def settings_record(library: Library) -> dict[str, Any]:
    """Every stored setting (the stored dict itself: records are never changed in place)."""
    with library._lock:
        meta = library._store.raw("meta", 1) or {}
    return meta.get(SETTINGS_KEY) or {}


def setting(library: Library, key: str, default: Any = None) -> Any:
    return settings_record(library).get(key, default)


def set_setting(library: Library, key: str, value: Any) -> Any:
    """Store `value` (None removes the key); returns the value it replaced (or None).
    Saved like every other change, within a second."""

    def work(batch) -> Any:
        # Like relink.py: the same batch mechanism the library's own methods use.
        meta = dict(batch.need("meta", 1))
        settings = dict(meta.get(SETTINGS_KEY) or {})
        previous = settings.get(key)
        if value is None:
            settings.pop(key, None)
        else:
            settings[key] = canonical(value)
        batch.put("meta", 1, {**meta, SETTINGS_KEY: settings})
        return previous

    previous, _token = library._change("setting", work)
    return previous
