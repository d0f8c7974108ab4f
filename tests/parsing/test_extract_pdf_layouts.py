"""extract_pdf on the layouts and fonts of real CV generators, rebuilt from scratch with
`tests.pdf_factory`: pdfTeX's bitmap (Type 3) fonts, a Word header table above two
columns, moderncv's right-aligned contact lines, TeX's tilde and hyphenated link text."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject

from parsing.extract_pdf import extract_pdf
from parsing.models import ExtractedText
from parsing.pdf_links import join_anchor
from parsing.pdf_texenc import tex_text
from parsing.textnorm import clean_line
from tests import pdf_factory


def texts(result: ExtractedText) -> list[str]:
    return [line.text for line in result.lines]


# --------------------------------------------------------------------------- Type 3 fonts


def test_type3_bitmap_fonts_give_words_sizes_and_columns(tmp_path: Path) -> None:
    result = extract_pdf(pdf_factory.type3_sidebar_pdf(tmp_path))
    assert texts(result) == [
        "Jane Q. Example",
        "SKILLS",
        "• Python",  # TS1 code 136 is the itemize bullet
        "• Rust",
        "• Causal inference",
        "LANGUAGES",
        "English",
        "French",
        "PROFILE",
        "Applied economist with five years",  # T1 code 28 is the fi ligature
        "of experience estimating the effects",  # code 27: ff
        "of labor market policies.",
        "EXPERIENCE",
        "Senior Economist\tJan 2022 – present",  # code 21: en dash; a wide gap: a tab
        "Wayfair, Boston, MA",
        "Research Assistant\tSummer 2016",
    ]
    # Glyph space is 1/100 em, yet the size is the one set with Tf.
    assert [line.size for line in result.lines[:3]] == [17.0, 9.0, 9.0]
    assert result.lines[9].size == 10.0


def _type3_dict(differences: list[int | str], to_unicode: bool = False) -> DictionaryObject:
    items = ArrayObject(
        NumberObject(item) if isinstance(item, int) else NameObject(item) for item in differences
    )
    encoding = DictionaryObject({NameObject("/Differences"): items})
    font = DictionaryObject(
        {NameObject("/Subtype"): NameObject("/Type3"), NameObject("/Encoding"): encoding}
    )
    if to_unicode:
        font[NameObject("/ToUnicode")] = NameObject("/Identity")
    return font


@pytest.mark.parametrize(
    ("differences", "expected"),
    [
        # T1 text font: ligatures, dashes, quotes and the Latin Extended-A upper half.
        ([21, "/a21", 27, "/a27", "/a28", 97, "/a97", 170, "/a170"],
         {21: "–", 27: "ff", 28: "fi", 170: "ł"}),
        # TS1 companion (symbols only): 136 is a bullet, not T1's "Ĺ".
        ([136, "/a136", 132, "/a132"], {136: "•", 132: "†"}),
        # OT1 (old Computer Modern): ligatures at 11-15, dashes at 123-124.
        ([12, "/a12", 97, "/a97", 123, "/a123"], {12: "fi", 123: "–"}),
    ],
)  # fmt: skip
def test_tex_bitmap_font_codes_are_read_in_their_tex_encoding(
    differences: list[int | str], expected: dict[int, str]
) -> None:
    assert tex_text(_type3_dict(differences)) == expected


@pytest.mark.parametrize(
    "font",
    [
        _type3_dict([65, "/A", "/B"]),  # real glyph names: pypdf's job
        _type3_dict([65, "/a66"]),  # /a<n> naming another code: not the pdfTeX convention
        _type3_dict([28, "/a28"], to_unicode=True),  # a ToUnicode map says it all
    ],
)
def test_other_type3_fonts_are_left_to_pypdf(font: DictionaryObject) -> None:
    assert tex_text(font) is None


# --------------------------------------------------------------------------- header band


def test_a_header_table_above_two_columns_is_read_before_them(tmp_path: Path) -> None:
    lines = texts(extract_pdf(pdf_factory.header_band_pdf(tmp_path)))
    assert lines[:7] == [
        "Aisha Rahman",
        "Chowdhury",
        "Senior Research Engineer",
        "aisha@example.org",
        "+44 7700 900456",
        "linkedin.com/in/aisha",
        "github.com/aishrc",
    ]
    assert lines[7] == "PROFESSIONAL EXPERIENCE"
    assert lines.index("EDUCATION") < lines.index("TECHNICAL SKILLS")
    # A table cell ending in a space is still a cell: a tab, not a space, before the next.
    assert "MEng in Electrical and\t2011 - 2015" in lines


def test_an_indented_first_line_of_a_right_column_is_no_header_band(tmp_path: Path) -> None:
    left = [
        (50, 700 - 12 * i, f"left column sentence {i:02d} runs on to the gutter") for i in range(20)
    ]
    right = [
        (320, 700 - 12 * i, f"right column sentence {i:02d} runs on to the edge") for i in range(20)
    ]
    right[0] = (332, 700, "indented first line of the right column")
    path = pdf_factory.write(
        tmp_path / "indent.pdf", pdf_factory.pdf_bytes([pdf_factory.text_ops(left + right)])
    )
    lines = texts(extract_pdf(path))
    assert lines[:20] == [text for _, _, text in left]
    assert lines[20:] == [text for _, _, text in right]


# --------------------------------------------------------------------------- stacked lines


def test_right_aligned_lines_beside_a_large_name_stay_apart(tmp_path: Path) -> None:
    lines = texts(extract_pdf(pdf_factory.right_aligned_contacts_pdf(tmp_path)))
    assert lines == [
        "Jane Example\tjane.example@inf.ethz.ch",
        "jexample.github.io",
        "+41 79 555 01 23",
    ]


def test_superscripts_and_raised_accents_stay_in_their_line(tmp_path: Path) -> None:
    # A superscript beside its word, and a raised accent drawn over a capital (pdfTeX's
    # OT1 \\"O, centred over the O, so further right): less than half a line above.
    content = pdf_factory.text_ops([(72, 700, "1"), (72, 700 - 14, "Olund")]) + (
        b"BT /F1 7 Tf 1 0 0 1 77.6 703.5 Tm (st) Tj /F1 10 Tf 1 0 0 1 74.2 688.5 Tm (\\250) Tj ET\n"
    )
    path = pdf_factory.write(tmp_path / "raised.pdf", pdf_factory.pdf_bytes([content]))
    lines = texts(extract_pdf(path))
    assert lines == ["1st", "Ölund"]  # the accent goes before the letter it sits over


# --------------------------------------------------------------------------- TeX link text


def test_tex_link_text_follows_the_link_target(tmp_path: Path) -> None:
    result = extract_pdf(pdf_factory.tex_links_pdf(tmp_path))
    assert texts(result) == [
        "Web: luciafernandez.github.io",  # the break hyphen goes: the target has none
        "and more",
        "Site: marcus-okonkwo.com",  # the target has this hyphen: it stays
        "today",
        "homes.cs.example.edu/~jane",  # TeX's \~{} drawn as U+02DC
    ]
    assert [(link.url, link.anchor) for link in result.links] == [
        ("https://luciafernandez.github.io", "luciafernandez.github.io"),
        ("https://marcus-okonkwo.com", "marcus-okonkwo.com"),
        ("https://homes.cs.example.edu/~jane", "homes.cs.example.edu/~jane"),
    ]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("cs.x.edu/\u02dcjane", "cs.x.edu/~jane"),
        ("see https://x.org/\u223cab/c.", "see https://x.org/~ab/c."),  # $\sim$
        ("www.x.edu/a?u=\u02dcb", "www.x.edu/a?u=~b"),
        ("Espa\u02dcna", "España"),  # not an address: an accent
        ("\u223c5 years", "\u223c5 years"),  # "about", not a tilde
        ("Se\u02dcnor at www.x.com/\u02dcb", "Señor at www.x.com/~b"),
    ],
)
def test_tex_tildes_in_addresses(raw: str, clean: str) -> None:
    assert clean_line(raw) == clean


@pytest.mark.parametrize(
    ("first", "second", "url", "joined"),
    [
        ("lucia-", "fdez.github.io", "https://luciafdez.github.io", "luciafdez.github.io"),
        ("what-i-", "like-it/", "https://blog.example/what-i-like-it/", "what-i-like-it/"),
        ("github.com/", "jane/tools", "https://github.com/jane/tools", "github.com/jane/tools"),
        ("Personal", "homepage", "https://jane.example.org", "Personal homepage"),
        ("informa-", "tion.pdf", "https://x.org/other.pdf", "informa- tion.pdf"),
    ],
)  # fmt: skip
def test_link_text_lines_are_joined_as_the_target_spells_them(
    first: str, second: str, url: str, joined: str
) -> None:
    assert join_anchor(first, second, url) == joined


# --------------------------------------------------------------------------- wrapped cells


def test_a_date_range_wrapped_in_its_column_is_put_back_together(tmp_path: Path) -> None:
    assert texts(extract_pdf(pdf_factory.wrapped_dates_pdf(tmp_path))) == [
        "Experience",
        "06/2023–09/2023 Research Intern, Google DeepMind, London",
        "Scalable inference for point processes.",  # no longer starts with "09/2023"
        "2019–2020 Research Assistant, KTH, Stockholm",  # the next entry keeps its dates
        "Sept. 2018 – present Engineer, ICAR, Lyon",
        "Corpus tools for spoken French.",
        "- Biometrika",  # a dash that is no open range stays where it is
        "- Metrika",
    ]
