"""TXT/Markdown/DOCX extraction: markup never reaches a value, encodings, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing.extract_docx import extract_docx
from parsing.extract_text import decode_bytes, extract_plain, lines_from_text, strip_markup
from parsing.models import CorruptError, EmptyDocumentError, TooLargeError


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("**top 1%**", "top 1%"),
        ("[Edoardo Ponti](#)", "Edoardo Ponti"),
        ("<u>Post</u>", "Post"),
        ("a \\diamond b", "a  ·  b"),
        ("\\[2\\]", "[2]"),
        ("*Accepted by ICML 2021*", "Accepted by ICML 2021"),
        ("[\\[2\\]](#)", "[2]"),
        ("<img src=x onerror=alert(1)>Jane", "Jane"),
    ],
)
def test_markup_stripped(raw: str, clean: str) -> None:
    assert strip_markup(raw) == clean


def test_markdown_links_kept_as_targets_and_headings_flagged() -> None:
    extracted = lines_from_text("# **Jane Doe**\n[GitHub](https://github.com/jane)\n", "md")
    assert extracted.lines[0].text == "Jane Doe" and extracted.lines[0].heading
    assert extracted.links[0].url == "https://github.com/jane"
    assert extracted.links[0].anchor == "GitHub"


def test_bold_run_in_heading_becomes_its_own_line() -> None:
    extracted = lines_from_text("**Research Interest.** Recent advances in models are great.")
    assert [line.text for line in extracted.lines][:1] == ["Research Interest"]
    assert extracted.lines[0].bold


def test_offsets_point_into_the_text() -> None:
    extracted = lines_from_text("Jane\n\n**Bold** line\n")
    for line in extracted.lines:
        assert extracted.text[line.start : line.end] == line.text


@pytest.mark.parametrize(
    "raw",
    [
        "Zoë Müller 中文".encode("utf-16"),
        "Zoë Müller 中文".encode("utf-16-le"),
        "Zoë Müller".encode("latin-1"),
        "Zoë Müller 中文".encode("utf-8-sig"),
    ],
)
def test_encodings(raw: bytes) -> None:
    assert "Zoë Müller" in decode_bytes(raw)


def test_control_characters_dropped(tmp_path: Path) -> None:
    doc = tmp_path / "cv.txt"
    doc.write_bytes(b"Jane\x00 Doe\x07\x1b\njane@example.org\n")
    assert extract_plain(doc).lines[0].text == "Jane Doe"


def test_empty_text_file(tmp_path: Path) -> None:
    doc = tmp_path / "cv.txt"
    doc.write_text("  \n\n", encoding="utf-8")
    with pytest.raises(EmptyDocumentError):
        extract_plain(doc)


def test_docx_paragraphs_tables_headings_links(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Jane Doe", level=0)
    document.add_paragraph("jane@example.org")
    document.add_heading("Education", level=1)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "MIT, PhD in Physics"
    table.rows[0].cells[1].text = "2015 – 2020"
    path = tmp_path / "cv.docx"
    document.save(str(path))
    extracted = extract_docx(path)
    texts = [line.text for line in extracted.lines]
    assert texts == [
        "Jane Doe",
        "jane@example.org",
        "Education",
        "MIT, PhD in Physics",
        "2015 – 2020",
    ]
    assert extracted.lines[0].heading and extracted.lines[2].heading


def test_docx_zip_bomb_refused(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    with pytest.raises(TooLargeError):
        extract_docx(path)


def test_corrupt_docx(tmp_path: Path) -> None:
    path = tmp_path / "cv.docx"
    path.write_bytes(b"PK\x03\x04" + b"garbage" * 10)
    with pytest.raises(CorruptError):
        extract_docx(path)


def test_front_matter_template_tags_comments_and_setext_headings() -> None:
    text = (
        "---\nlayout: archive\ntitle: CV\n---\n{% include base_path %}\n"
        "<!-- an old job:\nACME Corp 2001 -->\nEducation\n======\n"
        "* B.S. in Physics, `MIT`, 2005 [pdf][1]\n\n[1]: https://example.org/cv.pdf\n"
    )
    extracted = lines_from_text(text, "md")
    texts = [line.text for line in extracted.lines]
    assert texts == ["Education", "* B.S. in Physics, MIT, 2005 pdf"]
    assert extracted.lines[0].heading
    assert extracted.links[0].url == "https://example.org/cv.pdf"
