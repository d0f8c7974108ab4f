"""`main.py parse`: one document to JSON (the schema) or to a summary a person can read."""

from __future__ import annotations

import sys
from pathlib import Path

import orjson

from parsing.models import ParseError, ParseResult, Profile
from parsing.pipeline import parse_file


def run_parse(path: str, as_json: bool = False, full: bool = False) -> int:
    if not Path(path).is_file():
        print(f"{path}: no such file", file=sys.stderr)
        return 2
    try:
        result = parse_file(path)
    except ParseError as exc:
        print(f"{path}: {exc.reason}", file=sys.stderr)
        return 1
    except Exception as exc:  # a parser bug must still end in one clear line
        print(f"{path}: could not be parsed ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 1
    if as_json:
        payload = result.to_dict() if full else result.profile.to_schema()
        sys.stdout.buffer.write(orjson.dumps(payload, option=orjson.OPT_INDENT_2) + b"\n")
    else:
        sys.stdout.write(summary(result))
    return 0


def summary(result: ParseResult) -> str:
    """A plain-text rendering of a profile, for people."""
    profile = result.profile
    out = [f"{Path(result.path).name}: {profile.kind}, {result.pages} page(s)"]
    out.append(f"Name: {profile.name.text if profile.name else '(none found)'}")
    for label, values in (
        ("Email", profile.emails),
        ("Phone", profile.phones),
        ("Link", profile.links),
    ):
        out.extend(f"{label}: {v.text}" for v in values)
    out.extend(_entries(profile))
    if profile.skills:
        out.append("Skills: " + ", ".join(v.text for v in profile.skills))
    if profile.research_interests:
        out.append("Interests: " + "; ".join(v.text for v in profile.research_interests))
    out.extend(f"Warning: {w}" for w in result.warnings)
    return "\n".join(out) + "\n"


def _span(start: str | None, end: str | None) -> str:
    if not start and not end:
        return ""
    if start == end or not start:
        return f" ({end})"
    return f" ({start} – {end or '?'})"


def _entries(profile: Profile) -> list[str]:
    out: list[str] = []
    if profile.education:
        out.append("Education:")
        for e in profile.education:
            what = ", ".join(x for x in (e.degree, e.field) if x)
            gpa = f", GPA {e.gpa}" if e.gpa else ""
            out.append(f"  - {e.institution or '?'}: {what}{gpa}{_span(e.start, e.end)}")
    if profile.experience:
        out.append("Experience:")
        for x in profile.experience:
            role = f"{x.title}, " if x.title else ""
            out.append(f"  - {role}{x.organization or '?'}{_span(x.start, x.end)}")
    if profile.publications:
        out.append(f"Publications ({len(profile.publications)}):")
        for p in profile.publications:
            venue = f" {p.venue}." if p.venue else ""
            year = f" ({p.year})" if p.year else ""
            authors = ", ".join(p.authors)
            out.append(f"  - {p.title}.{venue}{year}" + (f" {authors}" if authors else ""))
    if profile.awards:
        out.append("Awards:")
        out.extend(f"  - {a.title}" + (f" ({a.year})" if a.year else "") for a in profile.awards)
    return out
