"""What each repeating entry is made of, and the way between its typed value and form text.

No Qt: a spec names an entry's parts, the check each part's text goes through
(validators.py) and how the parts are laid out in rows. The same conversion serves the
simple lists (emails, skills …), whose entries are `Value`s with one part.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, get_args

from parsing.models import Award, Education, Experience, Project, Publication, PublicationStatus
from parsing.models import Value as ParsedValue
from ui.profile import validators as v

STATUSES: tuple[str, ...] = get_args(PublicationStatus)

# kind -> (text -> typed value; raises validators.Invalid)
CHECKS: dict[str, Callable[[str], Any]] = {
    "text": v.clean_text,
    "note": lambda text: (text or "").strip(),
    "date": v.check_date,
    "year": v.check_year,
    "authors": v.split_authors,
    "status": lambda text: text if text in STATUSES else "published",
    "email": v.check_email,
    "phone": v.check_phone,
    "link": v.check_link,
}


@dataclass(frozen=True)
class Part:
    attr: str
    label: str
    kind: str = "text"
    stretch: int = 1
    placeholder: str = ""


@dataclass(frozen=True)
class EntrySpec:
    cls: type
    layout: tuple[tuple[Part, ...], ...]  # rows of parts, as a card shows them

    @property
    def parts(self) -> tuple[Part, ...]:
        return tuple(p for row in self.layout for p in row)


DATE_TIP = "YYYY-MM"


def _dates(*after: Part) -> tuple[Part, ...]:
    return (
        Part("start", "Start", "date", 1, DATE_TIP),
        Part("end", "End", "date", 1, DATE_TIP),
        *after,
    )


EDUCATION = EntrySpec(
    Education,
    (
        (Part("institution", "Institution", stretch=3),),
        (Part("degree", "Degree"), Part("field", "Field", stretch=2)),
        _dates(Part("gpa", "GPA")),
    ),
)
EXPERIENCE = EntrySpec(
    Experience,
    (
        (Part("title", "Title"),),
        (Part("organization", "Organization"),),
        _dates(),
    ),
)
PUBLICATIONS = EntrySpec(
    Publication,
    (
        (Part("title", "Title"),),
        (Part("authors", "Authors", "authors", placeholder="Surname, A.; Other, B."),),
        (Part("venue", "Venue", stretch=3),),
        (Part("year", "Year", "year", 1, "YYYY"), Part("status", "Status", "status", 2)),
    ),
)
AWARDS = EntrySpec(
    Award, ((Part("title", "Title", stretch=4), Part("year", "Year", "year", 1, "YYYY")),)
)
PROJECTS = EntrySpec(
    Project,
    (
        (Part("name", "Name"),),
        _dates(),
        (Part("description", "About", "note"),),
    ),
)


def value_spec(kind: str, placeholder: str = "") -> EntrySpec:
    return EntrySpec(ParsedValue, ((Part("text", "", kind, 1, placeholder),),))


def to_text(kind: str, value: Any) -> str:
    if value is None:
        return ""
    if kind == "authors":
        return v.join_authors(value)
    return str(value)


def texts_of(spec: EntrySpec, entry: Any) -> dict[str, str]:
    return {p.attr: to_text(p.kind, getattr(entry, p.attr, None)) for p in spec.parts}


@dataclass(frozen=True)
class Problem:
    attr: str
    message: str


def entry_from_texts(
    spec: EntrySpec, orig: Any, texts: dict[str, str]
) -> tuple[Any | None, list[Problem]]:
    """The typed entry the texts describe (None: all empty), or the problems found.

    An entry the reviewer did not change is handed back as it was, so its confidence still
    says what the parser thought; a changed one keeps its evidence and counts as checked.
    """
    if orig is not None and texts == texts_of(spec, orig):
        return orig, []  # the parser's own value is not the reviewer's typo: let it be
    values, problems = {}, []
    for part in spec.parts:
        text = texts.get(part.attr, "")
        if orig is not None and text == to_text(part.kind, getattr(orig, part.attr, None)):
            values[part.attr] = getattr(orig, part.attr)  # untouched: not re-checked
            continue
        try:
            values[part.attr] = CHECKS[part.kind](text)
        except v.Invalid as exc:
            problems.append(Problem(part.attr, str(exc)))
    if problems:
        return None, problems
    try:
        v.check_range(values.get("start"), values.get("end"))
    except v.Invalid as exc:
        return None, [Problem("end", str(exc))]
    if _is_blank(spec, values):
        return None, []
    if orig is not None and all(getattr(orig, a) == x for a, x in values.items()):
        return orig, []  # only white space or spelling of a date changed
    base = orig if orig is not None else _empty(spec.cls)
    return replace(base, **values, confidence=1.0), []


def _is_blank(spec: EntrySpec, values: dict[str, Any]) -> bool:
    kinds = {p.attr: p.kind for p in spec.parts}
    return all(x in (None, "", ()) or kinds[a] == "status" for a, x in values.items())


def _empty(cls: type) -> Any:
    if cls is ParsedValue:
        return ParsedValue(text="")
    return cls()
