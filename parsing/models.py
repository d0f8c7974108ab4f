"""The parser's data model: what text extraction yields and what parsing produces.

Plain frozen dataclasses with no behaviour beyond (de)serialisation, so that storage,
the command line and the window can share them without importing any parsing logic.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Literal

Kind = Literal["cv", "statement", "other"]
KINDS: tuple[Kind, ...] = ("cv", "statement", "other")


# --------------------------------------------------------------------------- extraction


@dataclass(frozen=True)
class Line:
    """One visual line of a document, in reading order.

    `start`/`end` are character offsets into `ExtractedText.text`. Font facts are None
    for plain-text sources; `heading` is a hint the source itself gives (a Markdown `#`,
    a DOCX heading style), not a guess.
    """

    text: str
    page: int
    start: int
    end: int
    size: float | None = None
    bold: bool = False
    x: float | None = None
    y: float | None = None
    heading: bool = False


@dataclass(frozen=True)
class LinkTarget:
    """A hyperlink read from the document (PDF link annotation, DOCX relationship, Markdown)."""

    url: str
    page: int = 0
    anchor: str = ""


@dataclass(frozen=True)
class ExtractedText:
    """A document turned into reading-ordered lines, with page boundaries and links."""

    text: str
    lines: tuple[Line, ...]
    page_starts: tuple[int, ...]
    links: tuple[LinkTarget, ...] = ()
    warnings: tuple[str, ...] = ()
    pages: int = 1
    source_format: str = "txt"

    def page_of(self, offset: int) -> int:
        page = 0
        for index, start in enumerate(self.page_starts):
            if offset >= start:
                page = index
        return page


# --------------------------------------------------------------------------- profile


@dataclass(frozen=True)
class Evidence:
    """Where a value came from: a page (0-based) and a character span in the extracted text."""

    page: int
    start: int
    end: int


@dataclass(frozen=True)
class Value:
    """A single extracted string with its evidence and the parser's confidence (0..1)."""

    text: str
    evidence: Evidence | None = None
    confidence: float = 1.0


@dataclass(frozen=True)
class Education:
    institution: str | None = None
    degree: str | None = None
    field: str | None = None
    start: str | None = None
    end: str | None = None
    gpa: str | None = None
    evidence: Evidence | None = None
    confidence: float = 1.0


@dataclass(frozen=True)
class Experience:
    organization: str | None = None
    title: str | None = None
    start: str | None = None
    end: str | None = None
    evidence: Evidence | None = None
    confidence: float = 1.0


PublicationStatus = Literal[
    "published", "accepted", "under review", "submitted", "preprint", "in preparation"
]


@dataclass(frozen=True)
class Publication:
    title: str | None = None
    authors: tuple[str, ...] = ()
    venue: str | None = None
    year: int | None = None
    status: str = "published"
    evidence: Evidence | None = None
    confidence: float = 1.0


@dataclass(frozen=True)
class Award:
    title: str | None = None
    year: int | None = None
    evidence: Evidence | None = None
    confidence: float = 1.0


@dataclass(frozen=True)
class Project:
    name: str | None = None
    start: str | None = None
    end: str | None = None
    description: str = ""
    evidence: Evidence | None = None
    confidence: float = 1.0


@dataclass(frozen=True)
class Profile:
    kind: Kind = "other"
    name: Value | None = None
    emails: tuple[Value, ...] = ()
    phones: tuple[Value, ...] = ()
    links: tuple[Value, ...] = ()
    education: tuple[Education, ...] = ()
    experience: tuple[Experience, ...] = ()
    publications: tuple[Publication, ...] = ()
    awards: tuple[Award, ...] = ()
    skills: tuple[Value, ...] = ()
    research_interests: tuple[Value, ...] = ()
    projects: tuple[Project, ...] = ()

    def to_schema(self) -> dict[str, Any]:
        """The object of `profile-schema.md`: plain values, no evidence, every key present."""
        return {
            "kind": self.kind,
            "name": self.name.text if self.name else None,
            "emails": [v.text for v in self.emails],
            "phones": [v.text for v in self.phones],
            "links": [v.text for v in self.links],
            "education": [_plain(e, Education) for e in self.education],
            "experience": [_plain(e, Experience) for e in self.experience],
            "publications": [
                {
                    "title": p.title,
                    "authors": list(p.authors),
                    "venue": p.venue,
                    "year": p.year,
                }
                for p in self.publications
            ],
            "awards": [{"title": a.title, "year": a.year} for a in self.awards],
            "skills": [v.text for v in self.skills],
            "research_interests": [v.text for v in self.research_interests],
        }

    def to_dict(self) -> dict[str, Any]:
        """Everything, evidence and confidence included, as JSON-ready values."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Profile:
        return profile_from_dict(data)


SCHEMA_FIELDS: tuple[str, ...] = (
    "kind",
    "name",
    "emails",
    "phones",
    "links",
    "education",
    "experience",
    "publications",
    "awards",
    "skills",
    "research_interests",
)


def _plain(entry: Any, cls: type) -> dict[str, Any]:
    skip = {"evidence", "confidence"}
    return {f.name: getattr(entry, f.name) for f in fields(cls) if f.name not in skip}


@dataclass(frozen=True)
class ParseResult:
    """One document parsed: the profile plus everything needed to show where it came from."""

    path: str
    kind: Kind
    profile: Profile
    text: str
    pages: int
    page_starts: tuple[int, ...] = (0,)
    warnings: tuple[str, ...] = ()
    source_format: str = "txt"
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["profile"] = self.profile.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ParseResult:
        values = dict(data)
        values["profile"] = profile_from_dict(values["profile"])
        values["page_starts"] = tuple(values.get("page_starts", (0,)))
        values["warnings"] = tuple(values.get("warnings", ()))
        return cls(**values)

    def with_profile(self, profile: Profile) -> ParseResult:
        return replace(self, profile=profile, kind=profile.kind)


# --------------------------------------------------------------------------- errors


class ParseError(Exception):
    """A document that cannot be parsed, with a reason a person can act on."""

    code = "unreadable"

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class EncryptedError(ParseError):
    code = "encrypted"


class CorruptError(ParseError):
    code = "corrupt"


class EmptyDocumentError(ParseError):
    code = "empty"


class NoTextLayerError(ParseError):
    code = "no-text"


class TooLargeError(ParseError):
    code = "too-large"


class UnsupportedError(ParseError):
    code = "unsupported"


class ParseTimeoutError(ParseError):
    code = "timeout"


# --------------------------------------------------------------------------- (de)serialising


def _evidence(data: Any) -> Evidence | None:
    return Evidence(**data) if isinstance(data, dict) else None


def _value(data: Any) -> Value | None:
    if data is None:
        return None
    if isinstance(data, str):
        return Value(data)
    return Value(
        text=data["text"],
        evidence=_evidence(data.get("evidence")),
        confidence=float(data.get("confidence", 1.0)),
    )


def _entry(cls: type, data: dict[str, Any]) -> Any:
    known = {f.name for f in fields(cls)}
    values = {k: v for k, v in data.items() if k in known}
    values["evidence"] = _evidence(values.get("evidence"))
    if "authors" in values:
        values["authors"] = tuple(values["authors"] or ())
    return cls(**values)


_ENTRY_TYPES: dict[str, type] = {
    "education": Education,
    "experience": Experience,
    "publications": Publication,
    "awards": Award,
    "projects": Project,
}
_VALUE_LISTS = ("emails", "phones", "links", "skills", "research_interests")


def profile_from_dict(data: dict[str, Any]) -> Profile:
    """Inverse of `Profile.to_dict` (also accepts the plain schema form)."""
    values: dict[str, Any] = {"kind": data.get("kind") or "other", "name": _value(data.get("name"))}
    for key in _VALUE_LISTS:
        values[key] = tuple(v for v in (_value(x) for x in data.get(key) or ()) if v)
    for key, cls in _ENTRY_TYPES.items():
        values[key] = tuple(_entry(cls, x) for x in data.get(key) or ())
    return Profile(**values)


def empty_profile(kind: Kind = "other") -> Profile:
    return Profile(kind=kind)


__all__ = [
    "KINDS",
    "SCHEMA_FIELDS",
    "Award",
    "CorruptError",
    "Education",
    "EmptyDocumentError",
    "EncryptedError",
    "Evidence",
    "Experience",
    "ExtractedText",
    "Kind",
    "Line",
    "LinkTarget",
    "NoTextLayerError",
    "ParseError",
    "ParseResult",
    "ParseTimeoutError",
    "Profile",
    "Project",
    "Publication",
    "TooLargeError",
    "UnsupportedError",
    "Value",
    "empty_profile",
    "profile_from_dict",
]
