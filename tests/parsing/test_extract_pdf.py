"""extract_pdf: words, reading order, links and clean-up on generated and real PDFs, and a
specific ParseError, quickly, for every kind of bad file."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf.errors import DependencyError, LimitReachedError, PdfReadError

import parsing.extract_pdf as extract_pdf_module
from parsing.extract_pdf import NO_TEXT, extract_pdf
from parsing.models import (
    CorruptError,
    EmptyDocumentError,
    EncryptedError,
    ExtractedText,
    NoTextLayerError,
    ParseError,
    TooLargeError,
)
from parsing.pdf_content import TooManyOperations, iter_operations
from parsing.textnorm import clean_line, join_hyphenated
from tests import pdf_factory

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
SAMPLE_PDFS = sorted((SAMPLES / "pdf").glob("*.pdf")) if (SAMPLES / "pdf").is_dir() else []
GLUED = re.compile(r"[^\W\d_]{25,}")
CJK_SPACE_CJK = re.compile(r"[\u3400-\u9fff] [\u3400-\u9fff]")


def texts(result: ExtractedText) -> list[str]:
    return [line.text for line in result.lines]


def assert_consistent(result: ExtractedText) -> None:
    """Line offsets index `text`; page starts are ordered; the text is lines + newlines."""
    for line in result.lines:
        assert result.text[line.start : line.end] == line.text
        assert "\n" not in line.text
        assert result.page_starts[line.page] <= line.start
    assert list(result.page_starts) == sorted(result.page_starts)
    assert len(result.page_starts) == result.pages
    assert result.source_format == "pdf"
    rebuilt = result.text.replace("\n\n", "\n").split("\n")
    assert rebuilt == texts(result)


def within(seconds: float, func: Callable[[], object]) -> object:
    began = time.monotonic()
    try:
        return func()
    finally:
        assert time.monotonic() - began < seconds


# --------------------------------------------------------------------------- words


def test_words_are_rebuilt_from_tj_offsets(tmp_path: Path) -> None:
    result = extract_pdf(pdf_factory.tj_kerned_pdf(tmp_path))
    assert texts(result) == ["infrastructure operations, and security", "DevOps Engineer"]
    assert_consistent(result)


def test_typography_is_cleaned(tmp_path: Path) -> None:
    lines = texts(extract_pdf(pdf_factory.typography_pdf(tmp_path)))
    assert lines[0] == "efficient flow and office"  # ligature glyphs expanded
    assert lines[1] == "well-known Müller"  # soft hyphen drawn as a hyphen; ¨ + u composed
    assert lines[2:4] == ["a long informational", "sentence that wraps"]  # hyphenation undone
    assert lines[4] == "• Bullet item"  # Symbol bullet U+F0B7 -> the one bullet convention


def test_letter_spaced_headings_are_rejoined(tmp_path: Path) -> None:
    lines = texts(extract_pdf(pdf_factory.letter_spaced_pdf(tmp_path)))
    assert lines == ["SKILLS AND TOOLS", "Python, Rust"]


def test_sideways_pages_are_read_in_their_own_direction(tmp_path: Path) -> None:
    lines = texts(extract_pdf(pdf_factory.rotated_pdf(tmp_path)))
    assert lines == [f"Sideways line {n} of the page" for n in (1, 2, 3)]


def test_cjk_has_no_spaces_between_characters(tmp_path: Path) -> None:
    result = extract_pdf(pdf_factory.cjk_pdf(tmp_path))
    assert texts(result) == [pdf_factory.CJK_CHARS[:4], pdf_factory.CJK_CHARS[4:], "ABC"]


def test_text_in_form_xobjects_and_self_painting_forms(tmp_path: Path) -> None:
    result = within(10, lambda: extract_pdf(pdf_factory.form_xobject_pdf(tmp_path)))
    assert texts(result) == ["Page text", "Text inside a form"]  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- reading order


def test_two_columns_are_read_one_after_the_other(tmp_path: Path) -> None:
    result = extract_pdf(pdf_factory.two_column_pdf(tmp_path))
    lines = texts(result)
    assert lines[0].startswith("Jane Q. Example")
    left = [i for i, text in enumerate(lines) if text.startswith("Left column")]
    right = [i for i, text in enumerate(lines) if text.startswith("Sidebar")]
    assert len(left) == 12 and len(right) == 9
    assert max(left) < min(right)
    assert left == sorted(left) and right == list(range(min(right), max(right) + 1))
    assert "\n\nSidebar item 1\n" in result.text  # each column is its own block
    assert_consistent(result)


def test_two_text_columns_on_shared_baselines_are_not_read_across(tmp_path: Path) -> None:
    lines = texts(extract_pdf(pdf_factory.two_column_paper_pdf(tmp_path)))
    assert all(("left" in t) != ("right" in t) for t in lines)
    assert lines[19].startswith("left column sentence 19")
    assert lines[20].startswith("right column sentence 00")


def test_a_sidebar_on_shared_baselines_is_its_own_column(tmp_path: Path) -> None:
    result = extract_pdf(pdf_factory.aligned_sidebar_pdf(tmp_path))
    lines = texts(result)
    assert lines[:3] == ["Contact", "jane@example.org", "+44 1234 567"]
    assert lines[10].startswith("Main column sentence 0 ")
    assert not any(line.heading for line in result.lines)


def test_margin_labels_come_before_their_section_and_are_headings(tmp_path: Path) -> None:
    result = extract_pdf(pdf_factory.margin_label_pdf(tmp_path))
    lines = list(result.lines)
    by_text = {line.text: index for index, line in enumerate(lines)}
    for label, first in [
        ("Education", "University of Somewhere"),
        ("Publications", "Example, J. (2020)"),
        ("Awards", "Best Paper Award"),
    ]:
        index = by_text[label]
        assert lines[index].heading
        assert lines[index + 1].text.startswith(first)
    assert sum(line.heading for line in lines) == 3


# --------------------------------------------------------------------------- links, furniture


def test_links_carry_their_anchor_text(tmp_path: Path) -> None:
    result = extract_pdf(pdf_factory.link_pdf(tmp_path))
    anchors = {link.url: link.anchor for link in result.links}
    assert anchors == {
        "https://github.com/janeexample": "GitHub",
        "mailto:jane@example.org": "jane@example.org",
        "https://www.linkedin.com/in/janeexample": "",  # an icon-only link
        "tel:+1555": "+1 555",
    }
    assert all(link.page == 0 for link in result.links)


def test_page_numbers_go_and_a_running_header_is_kept_once(tmp_path: Path) -> None:
    result = extract_pdf(pdf_factory.header_footer_pdf(tmp_path, pages=3))
    lines = texts(result)
    assert not any(text.startswith("Page ") for text in lines)
    headers = [text for text in lines if "Curriculum Vitae" in text]
    assert headers == ["Jane Q. Example - Curriculum Vitae"]
    assert len(lines) == 1 + 3 * 5
    assert_consistent(result)


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_encrypted_without_user_password_opens(tmp_path: Path, algorithm: str) -> None:
    result = extract_pdf(pdf_factory.encrypted_pdf(tmp_path, algorithm))
    assert texts(result)[0] == "Jane Q. Example"


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_encrypted_with_user_password_is_refused(tmp_path: Path, algorithm: str) -> None:
    path = pdf_factory.encrypted_pdf(tmp_path, algorithm, user_password="secret")
    with pytest.raises(EncryptedError, match="encrypted: needs a password"):
        within(10, lambda: extract_pdf(path))


BAD_FILES: list[tuple[str, Callable[[Path], Path], type[ParseError], str]] = [
    ("truncated", pdf_factory.truncated_pdf, CorruptError, "corrupt PDF"),
    ("zero pages", pdf_factory.zero_page_pdf, EmptyDocumentError, "no pages"),
    ("blank pages", pdf_factory.blank_pages_pdf, NoTextLayerError, NO_TEXT),
    ("flate bomb", pdf_factory.flate_bomb_pdf, TooLargeError, "too large"),
    (
        "2M operators",
        pdf_factory.many_operators_pdf,
        TooLargeError,
        "page 1 has too many drawing operations",
    ),
    ("nested arrays", pdf_factory.nested_arrays_pdf, ParseError, ""),
    ("page tree loop", pdf_factory.page_tree_loop_pdf, CorruptError, "corrupt PDF"),
    ("noise", pdf_factory.not_a_pdf, CorruptError, "corrupt PDF"),
    ("empty file", pdf_factory.empty_file, EmptyDocumentError, "empty"),
]


@pytest.mark.parametrize(
    ("maker", "error", "reason"),
    [case[1:] for case in BAD_FILES],
    ids=[case[0] for case in BAD_FILES],
)
def test_bad_files_fail_fast_with_a_specific_reason(
    tmp_path: Path, maker: Callable[[Path], Path], error: type[ParseError], reason: str
) -> None:
    path = maker(tmp_path)
    began = time.monotonic()
    with pytest.raises(error) as caught:
        extract_pdf(path)
    assert time.monotonic() - began < 10
    assert reason in caught.value.reason
    assert "\n" not in caught.value.reason


@pytest.mark.parametrize(
    ("raised", "error", "reason"),
    [
        (RecursionError("maximum recursion depth exceeded"), CorruptError, "nested too deeply"),
        (ValueError("odd"), CorruptError, "corrupt PDF: ValueError: odd"),
        (MemoryError(), TooLargeError, "memory"),
        (PdfReadError("bad xref"), CorruptError, "corrupt PDF: bad xref"),
        (DependencyError("cryptography>=3.1 is required"), EncryptedError, "cannot decrypt"),
        (LimitReachedError("Limit reached"), TooLargeError, "too large"),
    ],
)
def test_every_failure_becomes_a_parse_error(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    raised: BaseException,
    error: type[ParseError],
    reason: str,
) -> None:
    def explode(path: Path) -> ExtractedText:
        raise raised

    monkeypatch.setattr(extract_pdf_module, "_extract", explode)
    with pytest.raises(error, match=re.escape(reason)):
        extract_pdf(tmp_path / "any.pdf")


def test_pypdf_log_noise_is_muted(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = pdf_factory.truncated_pdf(tmp_path)
    with caplog.at_level(logging.WARNING), pytest.raises(CorruptError):
        extract_pdf(path)
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]
    assert logging.getLogger("pypdf").level == logging.NOTSET  # restored afterwards


def test_content_reader_refuses_huge_streams_quickly() -> None:
    data = b"BT /F1 1 Tf " + b"(a) Tj " * 2_000_000 + b"ET"
    began = time.monotonic()
    with pytest.raises(TooManyOperations):
        for _ in iter_operations(data):
            pass
    assert time.monotonic() - began < 5


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_content_reader_never_crashes_on_noise(noise: bytes) -> None:
    for operands, operator in iter_operations(b"BT /F1 9 Tf " + noise + b" ET"):
        assert isinstance(operator, bytes) and isinstance(operands, list)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_damaged_pdfs_give_text_or_a_parse_error(tmp_path_factory, data) -> None:
    """Flip or cut bytes of a valid PDF: never anything but ExtractedText or ParseError."""
    directory = tmp_path_factory.mktemp("damaged")
    original = bytearray(pdf_factory.margin_label_pdf(directory).read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(original) - 1))
        original[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(original) // 2, len(original)))
    path = pdf_factory.write(directory / "damaged.pdf", bytes(original[:cut]))
    try:
        result = extract_pdf(path)
    except ParseError as exc:
        assert exc.reason and "\n" not in exc.reason
    else:
        assert_consistent(result)


# --------------------------------------------------------------------------- textnorm


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  \u2022\u00a0Item  one ", "• Item one"),
        ("\uf0b7 Word bullet", "• Word bullet"),
        ("➤ Dingbat bullet", "• Dingbat bullet"),
        ("∙ ◦ nested", "• nested"),
        ("\uf09b github.com/x", "github.com/x"),  # Font Awesome PUA icon dropped
        ("📅 July 2023", "July 2023"),
        ("Python • Go • Rust", "Python • Go • Rust"),
        ("Universit`a di M´exico, ˇCech", "Università di México, Čech"),
        ("soft\u00adhyphen", "soft-hyphen"),
        ("ﬁne ﬂow", "fine flow"),
        ("计算机（国家示范性），专业", "计算机（国家示范性），专业"),
        ("x\ufffey\u200bz", "xyz"),
        ("lone\ud800surrogate", "lonesurrogate"),
        ("2019\t\tCambridge", "2019\tCambridge"),
        ("•", ""),
        (" · after a space", "• after a space"),  # a bullet after white space is one too
        ("\r·", ""),
    ],
)
def test_clean_line(raw: str, clean: str) -> None:
    assert clean_line(raw) == clean


@given(st.text(max_size=80))
def test_clean_line_is_idempotent_and_single_line(text: str) -> None:
    once = clean_line(text)
    assert clean_line(once) == once
    assert "\n" not in once and "  " not in once and once == once.strip()


@pytest.mark.parametrize(
    ("upper", "lower", "joined"),
    [
        ("merging of internal De-", "pendabot PRs", ("merging of internal Dependabot", "PRs")),
        ("a self-", "driving car", ("a self-driving", "car")),
        ("see example.org/what-i-", "like-this/ now", ("see example.org/what-i-like-this/", "now")),
        ("ends with a dash -", "next", None),
        # TeX never breaks before a capital: the hyphen is written and the name whole.
        ("Priya Raghunathan-", "Okoye | Fellow", ("Priya Raghunathan-Okoye", "| Fellow")),
        ("worked Jan-", "Dec 2020", None),  # before a number it may be a range
    ],
)
def test_join_hyphenated(upper: str, lower: str, joined: tuple[str, str] | None) -> None:
    assert join_hyphenated(upper, lower) == joined


def test_join_hyphenated_follows_the_document() -> None:
    assert join_hyphenated("co-", "sparse models", {"co-sparse"}) == ("co-sparse", "models")


# --------------------------------------------------------------------------- real samples


def sample(name: str) -> ExtractedText:
    path = SAMPLES / "pdf" / name
    if not path.is_file():
        pytest.skip(f"{path} is not there")
    return extract_pdf(path)


@pytest.mark.parametrize("path", SAMPLE_PDFS, ids=lambda p: p.name)
def test_samples_extract_cleanly(path: Path) -> None:
    result = extract_pdf(path)
    assert_consistent(result)
    assert not GLUED.findall(result.text), "words glued together"
    assert not re.search("[\ue000-\uf8ff\ufffd\u00ad]", result.text)
    assert not result.warnings


def test_sample_margin_label_precedes_first_publication() -> None:
    result = sample("17_mishra-cv.pdf")
    lines = list(result.lines)
    index = next(i for i, line in enumerate(lines) if line.text == "Publications")
    assert lines[index].heading
    assert lines[index + 1].text.startswith("Mishra, A.")
    assert "(2017)" in lines[index + 1].text
    assert not any(re.fullmatch(r"\d+ of \d+", line.text) for line in lines)  # page numbers
    assert "Müller" in result.text and "M¨uller" not in result.text


def test_sample_chinese_headings_and_no_icons() -> None:
    result = sample("10_yu-resume-zh.pdf")
    assert "教育经历" in texts(result)
    assert not CJK_SPACE_CJK.search(result.text)
    assert texts(result)[-1] != "1"  # the page number at the foot is gone


def test_sample_sidebar_cv_reads_main_column_then_sidebar() -> None:
    result = sample("04_ashton-altacv.pdf")
    lines = texts(result)
    page_one = [line.text for line in result.lines if line.page == 0]
    assert page_one.index("EXPERIENCE") < page_one.index("SUMMARY")
    summary = page_one.index("SUMMARY")
    assert page_one[summary + 1].startswith("I am a creative")
    assert lines.index("EDUCATION") + 1 == lines.index("Aberystwyth University, Wales")
    anchors = {link.url: link.anchor for link in result.links}
    assert anchors["https://github.com/ChrisBAshton"] == "ChrisBAshton"


def test_sample_contact_block_beside_the_name_stays_apart_from_it() -> None:
    lines = texts(sample("14_hyndman-cv-3page.pdf"))
    assert lines[0] == "Rob J Hyndman"
    email = next(i for i, text in enumerate(lines) if "@" in text)
    assert email < lines.index("Education and qualifications")


def test_sample_links_include_mailto_and_tel() -> None:
    urls = [link.url for link in sample("06_sb2nov-resume.pdf").links]
    assert any(url.startswith("mailto:") for url in urls)
    assert any(url.startswith("tel:") for url in urls)
