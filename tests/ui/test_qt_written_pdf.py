"""A CV saved as PDF by a Qt application parses like any other.

Qt's PDF engine maps the space glyph to a tab in ToUnicode; words must still be words.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

from parsing.pipeline import parse_file


def _write_cv(path: Path) -> None:
    document = QTextDocument()
    document.setHtml(
        "<h1>Jane Quinn Doe</h1><p>jane.doe@example.org</p>"
        "<h2>Education</h2><p>Stanford University, Ph.D. in Computer Science, 2019 – 2024</p>"
        "<h2>Skills</h2><p>Python, Rust, PyTorch</p>"
    )
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document.print_(writer)


def test_qt_written_pdf_keeps_word_spaces(qapp, tmp_path: Path) -> None:
    path = tmp_path / "cv.pdf"
    _write_cv(path)
    result = parse_file(path)
    assert "\t" not in result.text.split("\n")[0]
    profile = result.profile
    assert profile.name is not None and profile.name.text == "Jane Quinn Doe"
    assert [v.text for v in profile.emails] == ["jane.doe@example.org"]
    assert [v.text for v in profile.skills] == ["Python", "Rust", "PyTorch"]
    assert [e.institution for e in profile.education] == ["Stanford University"]
