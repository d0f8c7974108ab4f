"""Property tests: any text through the text-level parsers ends in a value or a ParseError.

Random Unicode alone rarely gets past the first `if` of a field parser, so most examples
are assembled from CV-shaped fragments (headings in six languages, dates, bullets, contacts,
markup, spreadsheet formulas, control characters) mixed with arbitrary text. Besides "no
exception", each test checks a contract the library relies on: evidence spans inside the
text, values that orjson can store, types as declared. Every example runs under a time
bound, so a loop that never ends fails its test instead of hanging the suite.
"""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Callable, Iterator
from functools import wraps
from typing import Any

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsing.extract_text import decode_bytes, lines_from_text, strip_markup
from parsing.fields import pubtext
from parsing.fields.awards import parse_awards
from parsing.fields.education import parse_education
from parsing.fields.entries import clean_value, columns, trim_place
from parsing.fields.experience import parse_experience
from parsing.fields.interests import interests_from_list, interests_from_prose
from parsing.fields.names import display_name, find_name, looks_like_name
from parsing.fields.projects import parse_projects
from parsing.fields.publications import parse_publications
from parsing.fields.skills import parse_skills
from parsing.fields.venues import recognise
from parsing.models import (
    Award,
    Education,
    Experience,
    Line,
    ParseError,
    Project,
    Publication,
    Value,
)
from parsing.pipeline import parse_extracted
from parsing.textnorm import clean_line, join_hyphenated, strip_surrogates

FRAGMENTS = (
    "EDUCATION",
    "Publications",
    "Honors & Awards",
    "Skills",
    "Research Interests",
    "Experience",
    "Projects",
    "教育经历",
    "Expérience professionnelle",
    "Berufserfahrung",
    "Formación académica",
    "## Awards",
    "Sep 2022 – Present",
    "08/2021-Present",
    "2018.09 - 2022.06",
    "2018年9月 - 2022年6月",
    "Expected May 2025",
    "März 2019 – heute",
    "Fall 2011",
    "PhD in Computer Science, Some University",
    "M.S. and Ph.D.",
    "Research Intern, Google",
    "Jane Q. Doe",
    "VAN DER BERG, Anna",
    "J. Smith, A. Doe, and B. Lee. Robust things. In NeurIPS 2023.",
    "Under review at ICML",
    "Best Paper Award, ACL 2024",
    "Python, C++, PyTorch; LaTeX",
    "jane.doe@example.org",
    "jane [at] example [dot] org",
    "+1 (555) 010-9999",
    "https://github.com/jane",
    "• ",
    "- ",
    "* ",
    "**bold**",
    "[text](#)",
    "<u>x</u>",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://evil.example","x")',
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "\\diamond",
    "\x00\x07\x1b",
    "\u202e",
    "\ufeff",
    "|  |  |",
    "---",
    "1.",
    "(",
    ")",
    ":",
)

fragment = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30))
separator = st.sampled_from(("\n", " ", "\n\n", ", ", "\t", " | ", " – "))


@st.composite
def cv_text(draw: st.DrawFn) -> str:
    parts = draw(st.lists(fragment, max_size=40))
    out = ""
    for part in parts:
        out += part + draw(separator)
    return out


any_text = st.one_of(cv_text(), st.text(max_size=300))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BOUND_S = 5.0  # per example; the slowest legitimate one takes well under 0.1 s


class Hang(Exception):
    pass


@contextlib.contextmanager
def _at_most(seconds: float) -> Iterator[None]:
    """Raise Hang in the main thread after `seconds` (a pure-Python loop is interrupted).

    pytest-timeout uses the same timer: its remaining time is put back afterwards."""
    if not hasattr(signal, "setitimer"):  # Windows: no bound, the suite's timeout remains
        yield
        return

    def hang(_signum: int, _frame: object) -> None:
        raise Hang(f"took more than {seconds:g} s: a loop that never ends?")

    began = time.monotonic()
    old_handler = signal.signal(signal.SIGALRM, hang)
    old_delay, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if old_delay:
            left = old_delay - (time.monotonic() - began)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))


def bounded(test: Callable[..., None]) -> Callable[..., None]:
    @wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        with _at_most(BOUND_S):
            test(*args, **kwargs)

    return run


def _lines(text: str) -> tuple[str, list[Line]]:
    """The cleaned text and its lines, or ("", []) for text with nothing in it."""
    try:
        extracted = lines_from_text(text)
    except ParseError:
        return "", []
    return extracted.text, list(extracted.lines)


def _evidence(data: Any) -> list[dict[str, int]]:
    """Every evidence dict anywhere in a profile's dict form."""
    found: list[dict[str, int]] = []
    if isinstance(data, dict):
        if isinstance(data.get("evidence"), dict):
            found.append(data["evidence"])
        for value in data.values():
            found.extend(_evidence(value))
    elif isinstance(data, list):
        for value in data:
            found.extend(_evidence(value))
    return found


def _inside(evidence: Any, text: str) -> bool:
    return evidence is None or 0 <= evidence.start <= evidence.end <= len(text)


# --------------------------------------------------------------------------- whole pipeline


@SETTINGS
@given(any_text)
@bounded
def test_parse_extracted_on_any_text(text: str) -> None:
    try:
        extracted = lines_from_text(text, "md")
    except ParseError as exc:
        assert exc.reason.strip()  # a clear error, never an empty one
        return
    for line in extracted.lines:
        assert 0 <= line.start <= line.end <= len(extracted.text)
        assert extracted.text[line.start : line.end] == line.text
    result = parse_extracted(extracted, "any.md")
    assert result.kind in ("cv", "statement", "other")
    data = result.to_dict()
    orjson.dumps(data)  # the library must be able to store it: no surrogates, no objects
    for evidence in _evidence(data["profile"]):
        assert 0 <= evidence["start"] <= evidence["end"] <= len(result.text), evidence


@SETTINGS
@given(st.binary(max_size=400))
@bounded
def test_decoding_any_bytes_gives_storable_text(raw: bytes) -> None:
    text = decode_bytes(raw)
    text.encode("utf-8")  # no lone surrogate survives decoding
    for line in text.splitlines():
        assert "\n" not in strip_markup(line)


# --------------------------------------------------------------------------- field parsers


@SETTINGS
@given(any_text)
@bounded
def test_entry_parsers_return_their_types(text: str) -> None:
    cleaned, lines = _lines(text)
    education, moved = parse_education(lines)
    assert all(isinstance(e, Education) and _inside(e.evidence, cleaned) for e in education)
    assert all(isinstance(e, Experience) for e in moved)
    experience = parse_experience(lines)
    assert all(isinstance(e, Experience) and _inside(e.evidence, cleaned) for e in experience)
    projects = parse_projects(lines)
    assert all(isinstance(p, Project) for p in projects)


@SETTINGS
@given(any_text, st.sampled_from((None, "under review", "preprint", "in preparation")))
@bounded
def test_publications_and_awards(text: str, hint: str | None) -> None:
    cleaned, lines = _lines(text)
    for pub in parse_publications(lines, hint):
        assert isinstance(pub, Publication) and _inside(pub.evidence, cleaned)
        assert pub.year is None or 1900 <= pub.year <= 2100, pub
        assert all(isinstance(a, str) for a in pub.authors)
    for award in parse_awards(lines):
        assert isinstance(award, Award) and _inside(award.evidence, cleaned)


@SETTINGS
@given(any_text, st.booleans())
@bounded
def test_skills_and_interests_are_values(text: str, about_research: bool) -> None:
    cleaned, lines = _lines(text)
    interests = [*interests_from_list(lines), *interests_from_prose(lines, about_research)]
    skills = parse_skills(lines)
    for value in [*skills, *interests]:
        assert isinstance(value, Value) and value.text.strip(), value
    for value in interests:
        assert _inside(value.evidence, cleaned), value
    for value in skills:
        assert _inside(value.evidence, cleaned), value


def test_skill_evidence_in_a_tab_separated_row() -> None:
    extracted = lines_from_text("Skills\nProgramming\tPython\tC++\tRust\n")
    for value in parse_skills(list(extracted.lines)):
        assert value.evidence is not None
        assert extracted.text[value.evidence.start : value.evidence.end] == value.text


@SETTINGS
@given(any_text)
@bounded
def test_names(text: str) -> None:
    cleaned, lines = _lines(text)
    value, line = find_name(lines[:12])
    assert value is None or (value.text.strip() and _inside(value.evidence, cleaned))
    assert line is None or line in lines
    for candidate in (text, *(ln.text for ln in lines[:5])):
        assert isinstance(looks_like_name(candidate), bool)
        assert isinstance(display_name(candidate), str)


# --------------------------------------------------------------------------- string helpers


@SETTINGS
@given(any_text)
@bounded
def test_publication_text_helpers(text: str) -> None:
    assert pubtext.find_status(text) in (None, *pubtext_statuses())
    year = pubtext.find_year(text)
    assert year is None or isinstance(year, int)
    assert isinstance(pubtext.looks_like_authors(text), bool)
    assert all(isinstance(a, str) for a in pubtext.split_authors(text))
    assert isinstance(pubtext.venue_start(text), int)
    title, authors, venue = pubtext.split_structured(text, text.splitlines())
    assert all(part is None or isinstance(part, str) for part in (title, authors, venue))
    assert isinstance(pubtext.clean_title(text), str)
    assert pubtext.clean_venue(text, text[:20]) is None or isinstance(
        pubtext.clean_venue(text, text[:20]), str
    )
    assert recognise(text) is None or len(recognise(text)) == 2


def pubtext_statuses() -> tuple[str, ...]:
    return ("published", "accepted", "under review", "submitted", "preprint", "in preparation")


@SETTINGS
@given(any_text, any_text)
@bounded
def test_line_helpers(upper: str, lower: str) -> None:
    for text in (upper, lower):
        assert isinstance(clean_line(text), str)
        assert isinstance(clean_value(text), str)
        assert isinstance(trim_place(text), str)
        assert all(isinstance(c, str) for c in columns(text))
        strip_surrogates(text).encode("utf-8")
    joined = join_hyphenated(upper, lower)
    assert joined is None or all(isinstance(part, str) for part in joined)


@bounded
def test_stray_bracket_in_a_venue_ends() -> None:
    # Found by test_publication_text_helpers: pubtext._balance looped forever here (441cb80).
    assert pubtext.clean_venue(") – ), VA") == "– , VA"
    text = "Jane Doe\nPUBLICATIONS\nJ. Doe. Learning things well. Journal ), VA 2019\n"
    assert parse_extracted(lines_from_text(text)).profile.publications
