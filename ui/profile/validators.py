"""What a reviewer may type into a profile field, and the schema form it is stored in.

No Qt here: these are the profile schema's rules (profile-schema.md), so anything else that
accepts typed values can share them. Each check returns the normalised value or raises
`Invalid` with a message written for the reviewer.
"""

from __future__ import annotations

import re
from datetime import date

from parsing.fields.dates import find_dates

YEAR_MIN = 1900
YEAR_AHEAD = 6  # an expected degree or a paper "to appear" may be a few years out
AUTHOR_SEPARATOR = "; "  # authors are often written "Surname, Initials", so not a comma

_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[A-Za-z]{2,}$")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
DATE_HINT = "use YYYY, YYYY-MM or “present”"


class Invalid(ValueError):
    """A typed value the schema cannot hold; str() is the message to show."""


def year_max() -> int:
    return date.today().year + YEAR_AHEAD


def clean_text(text: str | None) -> str | None:
    """Free text: outer white space dropped, inner runs folded; empty means no value."""
    folded = " ".join((text or "").split())
    return folded or None


def check_email(text: str) -> str | None:
    value = clean_text(text)
    if value is None:
        return None
    value = value.removeprefix("mailto:")
    if not _EMAIL.match(value):
        raise Invalid(f"“{value}” does not look like an email address (name@example.org)")
    return value


def check_phone(text: str) -> str | None:
    value = clean_text(text)
    if value is None:
        return None
    digits = sum(c.isdigit() for c in value)
    if digits < 5 or re.search(r"[^\d\s+().\-/x]", value, re.IGNORECASE):
        raise Invalid(f"“{value}” does not look like a phone number")
    return value


def check_link(text: str) -> str | None:
    """Links are kept as the schema writes them: no scheme, no trailing slash."""
    value = clean_text(text)
    if value is None:
        return None
    if " " in value or "." not in value:
        raise Invalid(f"“{value}” does not look like a web address")
    return _SCHEME.sub("", value).rstrip("/")


def check_year(text: str) -> int | None:
    value = clean_text(text)
    if value is None:
        return None
    if not value.isdigit() or not YEAR_MIN <= int(value) <= year_max():
        raise Invalid(f"the year must be a number from {YEAR_MIN} to {year_max()}")
    return int(value)


def check_date(text: str) -> str | None:
    """'YYYY', 'YYYY-MM' or 'present'; a date written out ('Sep 2022') is accepted too."""
    value = clean_text(text)
    if value is None:
        return None
    iso = _ISO_DATE.match(value)
    if iso:
        return _iso_date(int(iso.group(1)), iso.group(2))
    points = find_dates(value)
    if len(points) == 1 and points[0].start == 0 and points[0].end == len(value):
        return _in_range(points[0].value)
    raise Invalid(f"“{value}” is not a date: {DATE_HINT}")


def _iso_date(year: int, month: str | None) -> str:
    if month is not None and not 1 <= int(month) <= 12:
        raise Invalid(f"the month must be 01 to 12: {DATE_HINT}")
    value = f"{year:04d}" if month is None else f"{year:04d}-{int(month):02d}"
    return _in_range(value)


def _in_range(value: str) -> str:
    if value != "present" and not YEAR_MIN <= int(value[:4]) <= year_max():
        raise Invalid(f"the year must be from {YEAR_MIN} to {year_max()}")
    return value


def check_range(start: str | None, end: str | None) -> None:
    """An end before its start is a typo worth stopping (checked on normalised dates)."""
    if start and end and "present" not in (start, end) and end < start:
        raise Invalid(f"the end ({end}) is before the start ({start})")
    if start == "present" and end not in (None, "present"):
        raise Invalid("a start of “present” needs an end of “present” or none")


def split_authors(text: str) -> tuple[str, ...]:
    parts = (clean_text(p) for p in (text or "").split(AUTHOR_SEPARATOR.strip()))
    return tuple(p for p in parts if p)


def join_authors(authors: tuple[str, ...] | list[str]) -> str:
    return AUTHOR_SEPARATOR.join(authors)
