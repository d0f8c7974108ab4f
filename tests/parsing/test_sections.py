"""Headings in many spellings and languages; sections split under them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsing.extract_text import lines_from_text
from parsing.models import Line
from parsing.sections import heading_type, split_sections


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("EDUCATION", "education"),
        ("Education and qualifications", "education"),
        ("教育经历", "education"),
        ("Formation", "education"),
        ("Ausbildung", "education"),
        ("Formación académica", "education"),
        ("Work Experience", "experience"),
        ("工作经历", "experience"),
        ("Expérience professionnelle", "experience"),
        ("Berufserfahrung", "experience"),
        ("Experiencia laboral", "experience"),
        ("Current position", "experience"),
        ("Selected Publications", "publications"),
        ("Selected research papers", "publications"),
        ("Veröffentlichungen", "publications"),
        ("HONORS & AWARDS", "awards"),
        ("获奖情况", "awards"),
        ("Prix et distinctions", "awards"),
        ("Technical Skills:", "skills"),
        ("技能", "skills"),
        ("Compétences", "skills"),
        ("Research Interests", "interests"),
        ("研究兴趣", "interests"),
        ("References", "references"),
        ("2. Projects", "projects"),
    ],
)
def test_heading_vocabulary(heading: str, kind: str) -> None:
    assert heading_type(heading) == kind


@pytest.mark.parametrize(
    "text",
    [
        "I worked on education technology for three years at a startup in Berlin.",
        "Hetong Wang",
        "University of Edinburgh",
        "Python, Java, C++",
    ],
)
def test_ordinary_lines_are_not_headings(text: str) -> None:
    assert heading_type(text) is None


def test_markdown_headings_split_sections_and_unknown_headings_close_them() -> None:
    text = "# Jane Doe\n\n## Skills\nPython, Rust\n\n## Hobbies\nclimbing, chess\n"
    sections = split_sections(lines_from_text(text, "md").lines)
    kinds = [s.kind for s in sections]
    assert kinds == ["header", "unknown", "skills", "other"]
    skills = next(s for s in sections if s.kind == "skills")
    assert [line.text for line in skills.lines] == ["Python, Rust"]


def test_document_without_headings_is_one_header_section() -> None:
    lines = lines_from_text("Jane Doe\njane@example.org\nI study proteins.\n").lines
    sections = split_sections(lines)
    assert len(sections) == 1 and len(sections[0].lines) == 3


@given(st.text(max_size=120))
def test_heading_type_never_raises(text: str) -> None:
    assert heading_type(text) in (None, *heading_kinds())
    line = Line(text, 0, 0, len(text))
    split_sections([line])


def heading_kinds() -> tuple[str, ...]:
    from parsing.section_words import VOCABULARY

    return tuple(VOCABULARY)
