"""Emails, phones, links and names: the candidate's own only."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsing.extract_text import lines_from_text
from parsing.fields.contacts import clean_link, find_emails, find_links, find_phones
from parsing.fields.names import display_name, find_name, looks_like_name
from parsing.models import Line, LinkTarget


def _lines(text: str) -> list[Line]:
    return list(lines_from_text(text).lines)


def test_emails_plain_and_obfuscated() -> None:
    lines = _lines("jane.doe@uni.edu · chris AT ashton.codes\nbob [at] lab [dot] org")
    assert [v.text for v in find_emails(lines)] == [
        "jane.doe@uni.edu",
        "chris@ashton.codes",
        "bob@lab.org",
    ]


@pytest.mark.parametrize(
    "text", ["+1-123-456-7890", "+86 151-0113-5718", "618-663-9499", "(555) 123-4567"]
)
def test_phones_as_written(text: str) -> None:
    assert [v.text for v in find_phones(_lines(f"Mobile: {text}"))] == [text]


@pytest.mark.parametrize(
    "text",
    ["2018 - 2022", "arXiv:1909.04990", "26(4), 814-825", "Sep 2022 – Nov 2023", "ZIP 07306"],
)
def test_numbers_that_are_not_phones(text: str) -> None:
    assert find_phones(_lines(text)) == []


def test_links_strip_scheme_and_keep_profiles_not_papers() -> None:
    zone = _lines("https://github.com/jane | jane.github.io | https://arxiv.org/abs/2401.1")
    links = [v.text for v in find_links(zone, zone, [])]
    assert links == ["github.com/jane", "jane.github.io"]


def test_link_behind_an_icon_comes_from_the_annotation() -> None:
    zone = _lines("Jane Doe\nCambridge, UK")
    targets = [LinkTarget("https://github.com/janedoe/", 0, ""), LinkTarget("mailto:j@x.org")]
    assert [v.text for v in find_links(zone, zone, targets)] == ["github.com/janedoe"]


def test_email_domain_is_not_a_link() -> None:
    zone = _lines("jane@gmail.com")
    assert find_links(zone, zone, []) == []


def test_clean_link() -> None:
    assert clean_link("https://www.example.org/me/") == "www.example.org/me"


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Hetong Wang", True),
        ("Aditya K. Mishra", True),
        ("Alexandra (Alli) Nilles", True),
        ("于海鑫", True),
        ("Curriculum Vitae", False),
        ("University of Edinburgh", False),
        ("Full-stack Software Engineer", False),
        ("EDUCATION", False),
        ("Personal Background", False),
        ("jane@example.org", False),
    ],
)
def test_looks_like_name(text: str, ok: bool) -> None:
    assert looks_like_name(text) is ok


def test_name_prefers_the_biggest_font() -> None:
    lines = [
        Line("Curriculum Vitae", 0, 0, 16, size=10),
        Line("Jane Q. Public", 0, 17, 31, size=20),
        Line("Some Other Person", 0, 32, 49, size=10),
    ]
    name, line = find_name(lines)
    assert name is not None and name.text == "Jane Q. Public" and line is lines[1]


def test_name_in_capitals_is_title_cased() -> None:
    assert display_name("CHRIS ASHTON") == "Chris Ashton"


def test_no_name_when_document_names_nobody() -> None:
    name, _ = find_name(_lines("Introduction\nMy academic journey began in 2015."))
    assert name is None


@given(st.text(max_size=200))
def test_contact_finders_never_raise(text: str) -> None:
    line = Line(text, 0, 0, len(text))
    find_emails([line])
    find_phones([line])
    find_links([line], [line], [LinkTarget(text)])
    looks_like_name(text)
    find_name([line])
