"""One library per hiring round: switching, a locked or damaged library, remembered layout."""

from __future__ import annotations

import pytest

from storage.library import Library
from tests.ui.conftest import close_window, make_result, seeded_library
from ui import settings as S
from ui.dialogs import library_problems
from ui.models.columns import Col


@pytest.fixture
def told(monkeypatch) -> list[tuple[str, str]]:
    """Messages the window would show in a message box (which would block a test)."""
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(
        library_problems, "_tell", lambda _p, title, text, _k: messages.append((title, text))
    )
    return messages


def test_open_library_switches_and_remembers(tmp_path, window_factory, told) -> None:
    first = seeded_library(tmp_path / "round-1", [make_result("Ada Lovelace", ("a@x.org",))])
    second = seeded_library(tmp_path / "round-2", [make_result("Alan Turing", ("t@x.org",))])
    window = window_factory(first)
    window.switcher.open_folder(str(second))
    assert [r.name for r in window.model.all_rows()] == ["Alan Turing"]
    assert window.settings.get(S.RECENT_LIBRARIES)[:2] == [str(second), str(first)]
    with Library.open(first):  # the first library was closed (its lock released)
        pass
    assert not told


def test_a_locked_library_is_refused_with_a_clear_message(tmp_path, window_factory, told) -> None:
    first = seeded_library(tmp_path / "round-1", [make_result("Ada Lovelace", ("a@x.org",))])
    other = seeded_library(tmp_path / "round-2", [make_result("Alan Turing", ("t@x.org",))])
    window = window_factory(first)
    with Library.open(other):  # "another Shortlist" holds it
        window.switcher.open_folder(str(other))
    assert told and told[0][0] == "Library in use"
    assert "already open" in told[0][1]
    assert [r.name for r in window.model.all_rows()] == ["Ada Lovelace"]  # nothing changed


def test_a_damaged_library_offers_the_newest_backup(tmp_path, monkeypatch, told) -> None:
    folder = seeded_library(tmp_path / "library", [make_result("Ada Lovelace", ("a@x.org",))])
    with Library.open(folder) as library:  # a second session: its close leaves a backup
        library.add_parse_results([make_result("Alan Turing", ("t@x.org",))])
    (folder / "library.json").write_bytes(b'{"candidates": {"1": {')  # torn
    offered = []
    monkeypatch.setattr(library_problems, "_offer_backup", lambda _p, e: offered.append(e) or True)
    library = library_problems.open_library(None, folder)
    assert offered and offered[0].backups
    assert library is not None
    with library:
        assert {c.name for c in library.candidates()} >= {"Ada Lovelace"}


def test_hidden_columns_and_docks_are_remembered(tmp_path, window_factory) -> None:
    folder = seeded_library(tmp_path / "library", [make_result("Ada Lovelace", ("a@x.org",))])
    window = window_factory(folder)
    header = window.candidate_list.table.horizontalHeader()
    header.setSectionHidden(Col.DEGREE, True)
    header.setSectionHidden(Col.EMAIL, False)
    window.browser_dock.hide()
    close_window(window)
    again = window_factory(folder)
    header = again.candidate_list.table.horizontalHeader()
    assert header.isSectionHidden(Col.DEGREE) and not header.isSectionHidden(Col.EMAIL)
    assert not again.browser_dock.isVisible()
    again.reset_layout()
    assert again.browser_dock.isVisible() and not header.isSectionHidden(Col.DEGREE)


def test_find_shortcut_focuses_the_search_box(tmp_path, window_factory) -> None:
    from ui.actions import Act

    window = window_factory(seeded_library(tmp_path / "l", [make_result("Ada", ("a@x.org",))]))
    window.actions[Act.FIND].trigger()
    assert window.focusWidget() is window.candidate_list.search


def test_export_opens_with_the_selected_candidate(tmp_path, window_factory, monkeypatch) -> None:
    from ui.actions import Act
    from ui.dialogs import export_dialog

    opened = []
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", lambda dialog: opened.append(dialog))
    window = window_factory(seeded_library(tmp_path / "l", [make_result("Ada", ("a@x.org",))]))
    window.actions[Act.EXPORT].trigger()
    assert len(opened) == 1
    assert window.list_controller.current_candidate() is not None
