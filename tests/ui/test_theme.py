"""Light, dark and follow-the-system, without the `gsettings monitor` leak of "auto"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from ui import settings as S
from ui.actions import Act
from ui.theme import applied_theme


def _gsettings_processes() -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if b"gsettings" in command:
            found.add(int(entry.name))
    return found


def _window_lightness() -> int:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness()


def test_switching_themes_changes_the_palette_and_starts_no_process(
    tmp_path, window_factory
) -> None:
    before = _gsettings_processes()
    window = window_factory(tmp_path / "library")
    window.actions[Act.THEME_DARK].trigger()
    assert applied_theme(QApplication.instance()) == "dark"
    assert _window_lightness() < 128
    window.actions[Act.THEME_LIGHT].trigger()
    assert _window_lightness() > 128
    window.actions[Act.THEME_SYSTEM].trigger()  # offscreen reports no scheme: light
    assert applied_theme(QApplication.instance()) == "light"
    assert window.settings.get(S.THEME) == "system"
    assert _gsettings_processes() <= before


def test_theme_choice_is_remembered(tmp_path, window_factory) -> None:
    window = window_factory(tmp_path / "library")
    window.actions[Act.THEME_DARK].trigger()
    window.close()
    again = window_factory(tmp_path / "library")
    assert again.actions[Act.THEME_DARK].isChecked()
    assert applied_theme(QApplication.instance()) == "dark"
    again.actions[Act.THEME_LIGHT].trigger()
