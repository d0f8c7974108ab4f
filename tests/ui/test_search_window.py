"""The search box and the Searches dock of the real window: typing filters the list, the
query language reaches the documents' text, errors are shown and keep the last rows, and
saved searches persist with the library."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from parsing.models import ParseResult, profile_from_dict
from storage.library import Library
from tests.ui.conftest import close_window, seeded_library, wait_for
from ui.search.controller import SearchController
from ui.views.candidate_list import SEARCH_DELAY_MS

PEOPLE = {
    "Zoë Müller": ("zoe@example.org", "I study graph neural networks and protein folding."),
    "Bo Chen": ("bo@example.org", "Reinforcement learning for legged robots."),
    "Ada Lovelace": ("ada@example.org", "Analytical engines and poetical science."),
}


def _result(name: str, email: str, text: str) -> ParseResult:
    profile = profile_from_dict({"kind": "cv", "name": name, "emails": [email]})
    return ParseResult(path="", kind="cv", profile=profile, text=f"{name}\n{text}", pages=1)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    results = [_result(name, email, text) for name, (email, text) in PEOPLE.items()]
    folder = seeded_library(tmp_path / "library", results)
    with Library.open(folder) as library:
        ids = {s.name: s.id for s in library.candidates()}
        library.set_review(ids["Zoë Müller"], status="maybe", tags=["nlp"], scores={"a": 5})
        library.set_review(ids["Bo Chen"], status="rejected", scores={"a": 2})
    return folder


def _shown(window) -> set[str]:
    model = window.model
    return {model.get(model.key_at(i)).name for i in range(model.rowCount())}


def _type(window, text: str) -> None:
    box = window.candidate_list.search
    box.clear()
    QTest.keyClicks(box, text)
    QTest.qWait(SEARCH_DELAY_MS + 80)


def _texts_read(window) -> None:
    loader = window.search_controller.texts
    wait_for(lambda: not window.model.search.texts_pending(), 20)
    assert not loader.busy()


def test_typing_filters_the_list_over_fields_and_document_text(folder, window_factory) -> None:
    window = window_factory(folder)
    assert isinstance(window.search_controller, SearchController)
    _texts_read(window)
    _type(window, "poetical")  # only in Ada's document text
    assert _shown(window) == {"Ada Lovelace"}
    _type(window, "muller")
    assert _shown(window) == {"Zoë Müller"}
    _type(window, '"graph neural" OR robots')
    assert _shown(window) == {"Zoë Müller", "Bo Chen"}
    _type(window, "score>=4 -status:rejected")
    assert _shown(window) == {"Zoë Müller"}
    _type(window, "-(tag:nlp OR is:scored)")
    assert _shown(window) == {"Ada Lovelace"}
    assert window.candidate_list._count.text() == "1 of 3"
    QTest.keyClick(window.candidate_list.search, Qt.Key.Key_Escape)
    QTest.qWait(SEARCH_DELAY_MS + 80)
    assert len(_shown(window)) == 3


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("nmae:chen", "unknown field 'nmae:' — did you mean name:?"),
        ('edu:"peking', "unclosed quote"),
        ("score>=", "expected a number after score>="),
        ("(robots", "unclosed '('"),
    ],
)
def test_a_bad_query_is_shown_and_keeps_the_last_rows(folder, window_factory, query, message):
    window = window_factory(folder)
    feedback = window.search_controller.feedback
    _type(window, "robots")
    assert _shown(window) == {"Bo Chen"}
    _type(window, query)
    assert message in feedback.error_text
    assert "border" in window.candidate_list.search.styleSheet()
    assert _shown(window) == {"Bo Chen"}  # the last good result stays
    _type(window, "name:ada")
    assert feedback.error_text == ""
    assert window.candidate_list.search.styleSheet() == ""
    assert _shown(window) == {"Ada Lovelace"}


def test_saved_searches_filter_and_persist_with_the_library(folder, window_factory) -> None:
    window = window_factory(folder)
    saved = window.search_controller.saved
    names = [s.name for s in window.searches_view.searches()]
    assert names == ["All candidates", "Shortlisted", "To review", "Maybe", "Rejected"]
    _type(window, "tag:nlp OR status:rejected")
    assert saved.save_current("Worth a look")
    assert window.searches_view.current().name == "Worth a look"
    saved.choose(window.searches_view.searches()[0])  # All
    assert len(_shown(window)) == 3
    saved.choose(next(s for s in saved.searches() if s.name == "Worth a look"))
    assert _shown(window) == {"Zoë Müller", "Bo Chen"}
    assert window.candidate_list.search.text() == "tag:nlp OR status:rejected"
    saved.choose(next(s for s in saved.searches() if s.name == "To review"))
    assert _shown(window) == {"Ada Lovelace"}
    assert not saved.save_current("Maybe")  # a built-in's name is refused (a message box)
    close_window(window)

    window = window_factory(folder)
    saved = window.search_controller.saved
    mine = next(s for s in saved.searches() if s.name == "Worth a look")
    saved.choose(mine)
    assert _shown(window) == {"Zoë Müller", "Bo Chen"}
    assert saved.rename(mine, "Strong or out")
    assert [s.name for s in saved.searches() if not s.builtin] == ["Strong or out"]
    assert saved.delete(saved.searches()[-1], confirm=False)
    assert all(s.builtin for s in saved.searches())
    close_window(window)
    with Library.open(folder) as library:
        from storage.saved_searches import own_searches

        assert own_searches(library) == []


@pytest.fixture(autouse=True)
def _no_modal_boxes(monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Ok)


def test_top_venues_and_first_author_columns(tmp_path: Path, window_factory) -> None:
    from ui.models.columns import Col

    def pub(authors, venue):
        return {"title": "T", "authors": authors, "venue": venue, "year": 2024}

    data = {
        "kind": "cv",
        "name": "Zoë Müller",
        "emails": ["zoe@example.org"],
        "publications": [
            pub(["Müller, Z.", "B. Chen"], "NeurIPS 2023"),
            pub(["B. Chen", "Z. Muller"], "Advances in Neural Information Processing Systems"),
            pub(["Z. Müller"], "Findings of ACL 2024"),
        ],
    }
    result = ParseResult(path="", kind="cv", profile=profile_from_dict(data), text="x", pages=1)
    window = window_factory(seeded_library(tmp_path / "library", [result]))
    assert window.model.index(0, Col.TOP_VENUES).data() == "NeurIPS×2, ACL"
    assert window.model.index(0, Col.FIRST_AUTHOR).data() == "2"
    assert not window.candidate_list.table.horizontalHeader().isSectionHidden(Col.TOP_VENUES)
