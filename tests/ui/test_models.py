"""The candidate table model (search and sort in the model) and the rows it shows."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt

from parsing.models import Education, Publication
from storage.queries import CANDIDATE, UNASSIGNED, ListRow, first_author_count, latest_degree
from ui import settings as S
from ui.models.candidate_table import CandidateTableModel
from ui.models.columns import Col, display_name
from ui.settings import Settings


def _row(cid: int, name: str, **values) -> ListRow:
    base = ListRow(
        key=(CANDIDATE, cid),
        name=name,
        email=f"{cid}@example.org",
        status="new",
        shortlisted=False,
        score=None,
        cvs=1,
        statements=0,
        degree="",
        institution="",
        publications=0,
        first_author=0,
        tags=(),
        imported="2026-01-01T00:00:00",
        file_names=(f"cv{cid}.pdf",),
    )
    return replace(base, **values)


@pytest.fixture
def model(qapp) -> CandidateTableModel:
    model = CandidateTableModel()
    model.set_rows(
        [
            _row(1, "Zoë Müller", institution="ETH Zürich", score=4.0, tags=("nlp",)),
            _row(2, "Adam Smith", institution="University of Oxford"),
            _row(3, "", email="anon@example.org", score=2.5),
            replace(_row(4, ""), key=(UNASSIGNED, 9), status="unassigned", file_names=("st.txt",)),
        ]
    )
    return model


def _names(model: CandidateTableModel) -> list[str]:
    return [model.index(i, Col.NAME).data() for i in range(model.rowCount())]


def test_search_ignores_case_and_accents_and_needs_every_word(model) -> None:
    model.set_filter("muller")
    assert _names(model) == ["Zoë Müller"]
    model.set_filter("zurich nlp")
    assert _names(model) == ["Zoë Müller"]
    model.set_filter("oxford nlp")
    assert _names(model) == []
    model.set_filter("")
    assert model.rowCount() == 4


def test_sorting_puts_empty_values_last_both_ways(model) -> None:
    model.sort(Col.SCORE, Qt.SortOrder.AscendingOrder)
    assert _names(model)[:2] == ["anon@example.org", "Zoë Müller"]
    model.sort(Col.SCORE, Qt.SortOrder.DescendingOrder)
    assert _names(model)[:2] == ["Zoë Müller", "anon@example.org"]


def test_rows_without_a_name_show_email_or_file(model) -> None:
    shown = _names(model)
    assert "anon@example.org" in shown and "st.txt" in shown
    position = shown.index("anon@example.org")
    assert model.index(position, Col.NAME).data(Qt.ItemDataRole.FontRole).italic()


def test_upsert_keeps_order_and_updates_in_place(model) -> None:
    model.sort(Col.NAME, Qt.SortOrder.AscendingOrder)
    model.upsert([_row(5, "Bea Bauer"), _row(2, "Adam Smith", shortlisted=True)])
    assert _names(model)[:3] == ["Adam Smith", "anon@example.org", "Bea Bauer"]
    assert model.get((CANDIDATE, 2)).shortlisted
    model.remove([(CANDIDATE, 5)])
    assert "Bea Bauer" not in _names(model)


def test_display_name_prefers_name_then_email() -> None:
    assert display_name(_row(1, "Ada")) == "Ada"
    assert display_name(_row(1, "")) == "1@example.org"


def test_first_author_matches_surname_and_initial() -> None:
    pubs = [
        Publication(title="a", authors=("Hyndman, R. J.", "Other, A.")),
        Publication(title="b", authors=("RJ Hyndman",)),
        Publication(title="c", authors=("Athanasopoulos, G.", "Hyndman, RJ")),
        Publication(title="d", authors=("A. Hyndman",)),  # another Hyndman
        Publication(title="e", authors=()),
    ]
    assert first_author_count("Rob J Hyndman", pubs) == 2
    assert first_author_count("", pubs) == 0


def test_latest_degree_prefers_the_newest_real_degree() -> None:
    entries = (
        Education(institution="Uni A", degree="BSc", end="2016"),
        Education(institution="Society", degree=None, end="2024"),
        Education(institution="Uni B", degree="PhD", end="present"),
        Education(institution="Uni C", degree="MSc", end="2019"),
    )
    assert latest_degree(entries) == ("PhD", "Uni B")
    assert latest_degree(()) == ("", "")


def test_settings_are_typed_with_defaults(tmp_path, qapp) -> None:
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings = Settings(store)
    assert settings.get(S.WORKERS) == 2 and settings.get(S.THEME) == "system"
    settings.set(S.WORKERS, 3)
    settings.remember_library("/a")
    settings.remember_library("/b")
    settings.remember_library("/a")
    settings.sync()
    again = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert again.get(S.WORKERS) == 3  # an int again, not the INI file's string
    assert again.get(S.RECENT_LIBRARIES) == ["/a", "/b"]
    assert again.get(S.GEOMETRY) == QByteArray()


def test_tooltips_from_document_text_are_escaped(qapp) -> None:
    model = CandidateTableModel()
    model.set_rows([_row(1, "", email="<img src=x>", file_names=("<b>cv</b>.pdf",))])
    tip = model.index(0, Col.DOCUMENTS).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;cv&lt;/b&gt;.pdf" in tip and "<b>" not in tip
    assert model.index(0, Col.NAME).data() == "<img src=x>"
