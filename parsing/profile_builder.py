"""ExtractedText -> Profile: sections found, each field family read from its sections."""

from __future__ import annotations

from parsing.classify import classify
from parsing.fields.awards import parse_awards
from parsing.fields.contacts import (
    annotation_emails,
    annotation_phones,
    find_emails,
    find_links,
    find_phones,
)
from parsing.fields.education import parse_education
from parsing.fields.experience import parse_experience
from parsing.fields.interests import interests_from_list, interests_from_prose
from parsing.fields.names import find_name
from parsing.fields.projects import parse_projects
from parsing.fields.publications import parse_publications
from parsing.fields.skills import parse_skills
from parsing.models import ExtractedText, Line, Profile, Value
from parsing.sections import Section, split_sections

_CONTACT_KINDS = {"header", "contact", "summary"}
_NOT_CANDIDATE = {"references", "publications", "talks", "service", "teaching"}
_TOP_LINES = 12


def build_profile(extracted: ExtractedText) -> Profile:
    lines = list(extracted.lines)
    name, name_line = find_name(_top_lines(lines))
    sections = split_sections(lines, name_line)
    kind = classify(lines, sections)
    return Profile(
        kind=kind,
        name=name,
        **_contacts(sections, extracted, kind),
        **_entries(sections, kind),
        skills=tuple(_collect(sections, "skills", parse_skills)),
        research_interests=tuple(_interests(sections, kind)),
    )


def _top_lines(lines: list[Line]) -> list[Line]:
    first_page = [line for line in lines if line.page == 0] or lines
    return first_page[:_TOP_LINES]


def _zone(sections: list[Section], kind: str) -> list[Line]:
    """Where the candidate's own contacts are: the top, a contact section, a summary."""
    top = []
    for section in sections:
        if section.kind not in ("header", "unknown"):
            break
        top.extend(section.lines)
    zone = top + [line for s in sections if s.kind in _CONTACT_KINDS for line in s.lines]
    if kind == "statement":
        everything = [line for s in sections for line in s.lines]
        zone = zone + everything[:_TOP_LINES] + everything[-6:]
    return zone


def _contacts(sections: list[Section], extracted: ExtractedText, kind: str) -> dict:
    zone = _zone(sections, kind)
    allowed = [line for s in sections if s.kind not in _NOT_CANDIDATE for line in s.lines]
    emails = find_emails(zone) or find_emails(allowed)[:1]
    emails = _merge(emails, annotation_emails(extracted.links))
    phones = find_phones(zone) or find_phones(allowed, labelled_only=True)[:1]
    phones = _merge(phones, annotation_phones(extracted.links))
    links = find_links(zone, allowed, extracted.links)
    return {"emails": tuple(emails), "phones": tuple(phones), "links": tuple(links)}


def _merge(found: list[Value], extra: list[Value]) -> list[Value]:
    import re

    keys = {re.sub(r"\W", "", v.text.casefold()) for v in found}
    out = list(found)
    for value in extra:
        key = re.sub(r"\W", "", value.text.casefold())
        if key not in keys:
            keys.add(key)
            out.append(value)
    return out


def _collect(sections: list[Section], kind: str, parse) -> list:
    out: list = []
    for section in sections:
        if section.kind == kind:
            out.extend(parse(section.lines))
    return out


def _entries(sections: list[Section], kind: str) -> dict:
    if kind == "statement":
        return {}
    education, experience = [], []
    for section in sections:
        if section.kind == "education":
            found, jobs = parse_education(section.lines)
            education.extend(found)
            experience.extend(jobs)
        elif section.kind == "experience" or _teaching_positions(section):
            experience.extend(parse_experience(section.lines))
    publications = []
    for section in sections:
        if section.kind == "publications":
            publications.extend(parse_publications(section.lines, _status_hint(section)))
    return {
        "education": tuple(education),
        "experience": tuple(_dedupe_jobs(experience)),
        "publications": tuple(publications),
        "awards": tuple(_collect(sections, "awards", parse_awards)),
        "projects": tuple(_collect(sections, "projects", parse_projects)),
    }


def _teaching_positions(section: Section) -> bool:
    """Teaching posts are positions; a teaching section of prose yields no entries."""
    return section.kind == "teaching"


def _status_hint(section: Section) -> str | None:
    title = section.title.casefold()
    if "preparation" in title or "progress" in title:
        return "in preparation"
    if "review" in title or "submitted" in title:
        return "under review"
    if "preprint" in title:
        return "preprint"
    return None


def _dedupe_jobs(jobs: list) -> list:
    seen: set[tuple] = set()
    out = []
    for job in jobs:
        key = ((job.organization or "").casefold(), (job.title or "").casefold(), job.start)
        if key not in seen:
            seen.add(key)
            out.append(job)
    return out


def _interests(sections: list[Section], kind: str) -> list[Value]:
    out: list[Value] = []
    for section in sections:
        if section.kind == "interests":
            out.extend(interests_from_list(section.lines))
    if not out and kind == "statement":
        lines = [line for s in sections for line in s.lines]
        out = interests_from_prose(lines, about_research=True)
    if not out and kind == "cv":  # "Research topics I am interested in include ..." in an intro
        intro = [line for s in sections if s.kind in ("header", "summary") for line in s.lines]
        out = interests_from_prose(intro, about_research=True, interest_word=True)
    return out
