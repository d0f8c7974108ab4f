"""Formula neutralisation, file-name cleaning and link schemes (no library needed)."""

from __future__ import annotations

import pytest

from storage.aliases import alias_for
from storage.export.anonymise import masker
from storage.export.facts import is_same_person, split_name
from storage.export.safety import RESERVED_NAMES, safe_cell, safe_filename, safe_url
from storage.scoring import criteria_of, weighted_total


@pytest.mark.parametrize(
    "value",
    [
        '=HYPERLINK("http://x","y")',
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1)",
        "\t=1",
        "\r=1",
        "  =1+1",
        " \t@x",
        "＝1+1",
    ],
)
def test_formula_like_cells_get_a_prefix(value: str) -> None:
    out = safe_cell(value)
    assert out.startswith("'") and out.endswith(value.replace("\r", "").lstrip("\t")[-3:])


@pytest.mark.parametrize("value", ["Ada Lovelace", "4.5", "a=b", "x-y", "", "Müller", "于海鑫"])
def test_plain_cells_are_unchanged(value: str) -> None:
    assert safe_cell(value) == value


def test_numbers_and_none_pass_and_controls_go() -> None:
    assert safe_cell(4.5) == 4.5 and safe_cell(3) == 3 and safe_cell(None) is None
    assert safe_cell("a\x00b\x07c") == "abc"
    assert safe_cell("\x00=1") == "'=1"  # a control character cannot hide a formula


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("../../etc/passwd", "_._etc_passwd"),
        ("a/b\\c", "a_b_c"),
        ("CON", "_CON"),
        ("con.txt", "_con.txt"),
        ("LPT9", "_LPT9"),
        ("name. ", "name"),
        ("..", "file"),
        ("", "file"),
        ("a\x00b", "ab"),
        ("tab\there", "tab here"),
        ('what?*:"<>|', "what_______"),
    ],
)
def test_safe_filename(text: str, expected: str) -> None:
    assert safe_filename(text) == expected


def test_safe_filename_limits_length_in_characters_and_bytes() -> None:
    assert len(safe_filename("x" * 500, max_len=60)) == 60
    long_cjk = safe_filename("于" * 300, max_len=255)
    assert len(long_cjk.encode("utf-8")) <= 200
    assert safe_filename("e\u0301cole") == "\u00e9cole"  # NFC


def test_safe_filename_never_yields_a_path_or_a_device() -> None:
    for text in ("../../x", "/abs/path", "C:\\x", "..\\..\\y", "nul", "aux.pdf", " . . "):
        name = safe_filename(text)
        assert "/" not in name and "\\" not in name and ".." not in name and ":" not in name
        assert name.split(".")[0].upper() not in RESERVED_NAMES


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("github.com/ada", "https://github.com/ada"),
        ("ada@example.org", "mailto:ada@example.org"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("not a link", None),
    ],
)
def test_safe_url(text: str, url: str | None) -> None:
    assert safe_url(text) == url


def test_weighted_total_mean_rubric_and_none() -> None:
    assert weighted_total({}) is None
    assert weighted_total({"a": 4, "b": 5}) == 4.5
    assert weighted_total({"a": 4, "b": 5}, {"a": 3, "b": 1}) == 4.25
    assert weighted_total({"c": 2}, {"a": 1}) == 2.0  # rubric weighs none of them: mean
    assert criteria_of([{"b": 1}, {"a": 2, "c": 3}], {"c": 1}) == ["c", "a", "b"]


def test_alias_is_stable_and_from_the_id() -> None:
    assert alias_for(None, 17) == alias_for(object(), 17) == "Candidate 17"


def test_masker_takes_names_emails_and_links_out() -> None:
    mask = masker(["Rob J Hyndman", "于海鑫"], "Candidate 3")
    text = "Rob J Hyndman (rob@monash.edu, robjhyndman.com) met HYNDMAN; 我是于海鑫。"
    out = mask(text)
    assert "Hyndman" not in out and "HYNDMAN" not in out and "于海鑫" not in out
    assert "rob@monash.edu" not in out and "robjhyndman.com" not in out
    assert out.count("Candidate 3") == 3
    assert mask("Node.js and B.Sc. stay") == "Node.js and B.Sc. stay"


@pytest.mark.parametrize(
    ("author", "same"),
    [("Hyndman, R. J.", True), ("RJ Hyndman", True), ("A. Hyndman", False), ("Smith", False)],
)
def test_same_person(author: str, same: bool) -> None:
    assert is_same_person("Rob J Hyndman", author) is same


def test_split_name() -> None:
    assert split_name("Rob J Hyndman") == ("Hyndman", "Rob J")
    assert split_name("Hyndman, Rob J") == ("Hyndman", "Rob J")
    assert split_name("于海鑫") == ("于海鑫", "")
    assert split_name(None) == ("", "")
