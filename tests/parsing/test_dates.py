"""Dates and ranges in the forms CVs write them, and robustness on any input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsing.fields.dates import find_date_range, find_date_ranges, parse_date, strip_dates


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Sep 2022 – Nov 2023", "2022-09", "2023-11"),
        ("08/2021-Present", "2021-08", "present"),
        ("2018.09 - 2022.06", "2018-09", "2022-06"),
        ("2018年9月 – 2022年6月", "2018-09", "2022-06"),
        ("07/2024 – 至今", "2024-07", "present"),
        ("Fall 2013–Spring 2016", "2013", "2016"),
        ("Summer 2012 and 2013", "2012", "2013"),
        ("May 2012 to Nov 2012", "2012-05", "2012-11"),
        ("Sept 2017 - Present", "2017-09", "present"),
        ("2026– Vice-Chancellor", "2026", "present"),
        ("since 2018", "2018", "present"),
        ("15 janv. 2020 – auj.", "2020-01", "present"),
        ("März 2019 – heute", "2019-03", "present"),
        ("enero 2020 - actualidad", "2020-01", "present"),
        ("2019-03-15 – 2020-01-02", "2019-03", "2020-01"),
        ("Sep 15, 2022 - Oct 1, 2023", "2022-09", "2023-10"),
        ("Apr–Jun 2019", "2019-04", "2019-06"),
        ("avril-juin 1987", "1987-04", "1987-06"),
    ],
)
def test_ranges(text: str, start: str, end: str) -> None:
    found = find_date_range(text)
    assert found is not None
    assert (found.start, found.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "value"),
    [("Fall 2011", "2011"), ("2018年9月", "2018-09"), ("Jan 2019", "2019-01"), ("1988", "1988")],
)
def test_single_dates(text: str, value: str) -> None:
    assert parse_date(text) == value


def test_expected_graduation_is_an_end_date() -> None:
    found = find_date_range("Expected May 2025")
    assert found is not None
    assert (found.start, found.end) == (None, "2025-05")


def test_present_as_a_verb_is_not_a_date() -> None:
    assert [r.end for r in find_date_ranges("I present my work in 2020")] == ["2020"]


def test_two_ranges_on_one_line() -> None:
    found = find_date_ranges("2001–2004, 2019– Associate Editor")
    assert [(r.start, r.end) for r in found] == [("2001", "2004"), ("2019", "present")]


def test_strip_dates_leaves_the_rest() -> None:
    assert strip_dates("Google, Software Engineer Oct 2016 – Present") == (
        "Google, Software Engineer"
    )


@given(st.text(max_size=200))
def test_any_text_gives_ranges_or_nothing(text: str) -> None:
    for found in find_date_ranges(text):
        assert found.start is None or found.start[:4].isdigit()
        assert found.end is None or found.end == "present" or found.end[:4].isdigit()
        assert 0 <= found.span_start <= found.span_end <= len(text)
    assert isinstance(strip_dates(text), str)
