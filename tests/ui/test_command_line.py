"""`main.py --screenshot` and the one-line answer when Qt cannot open a window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.ui.conftest import make_result, seeded_library
from ui.platform_check import NO_DISPLAY, XCB_CURSOR_HINT, platform_problem

REPO = Path(__file__).resolve().parents[2]


def _run_main(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_screenshot_writes_a_png_of_the_window(tmp_path) -> None:
    library = seeded_library(
        tmp_path / "library",
        [make_result("Ada Lovelace", ("ada@example.org",)), make_result("Alan Turing", ())],
    )
    target = tmp_path / "shot.png"
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    run = _run_main(
        "--library", str(library), "--screenshot", str(target), "--select", "2", env=env
    )
    assert run.returncode == 0, run.stderr
    image = QImage(str(target))
    assert not image.isNull() and image.width() >= 1200 and image.height() >= 700


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/xcb check")


@linux_only
def test_a_broken_xcb_cursor_library_gives_one_line(tmp_path) -> None:
    # Simulates a desktop without libxcb-cursor0: an unloadable stand-in comes first.
    fake = tmp_path / "lib"
    fake.mkdir()
    (fake / "libxcb-cursor.so.0").write_bytes(b"")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":77", LD_LIBRARY_PATH=str(fake), XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    run = _run_main("--library", str(tmp_path / "library"), env=env)
    assert run.returncode == 1
    assert run.stderr.strip() == XCB_CURSOR_HINT
    assert "qt.qpa" not in run.stdout + run.stderr


@linux_only
def test_platform_check_decisions() -> None:
    def never(_env):
        raise AssertionError("no probe expected")

    offscreen = {"QT_QPA_PLATFORM": "offscreen"}
    assert platform_problem(offscreen, lambda: False, never) is None
    assert platform_problem({}, lambda: False, never) == NO_DISPLAY
    wayland = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}
    assert platform_problem(wayland, lambda: False, never) is None
    x11 = {"DISPLAY": ":0"}
    assert platform_problem(x11, lambda: True, never) is None
    assert platform_problem(x11, lambda: False, lambda env: (True, "")) is None
    missing = "qt.qpa.plugin: From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed"
    assert platform_problem(x11, lambda: False, lambda env: (False, missing)) == XCB_CURSOR_HINT
    other = "qt.qpa.xcb: could not connect to display :0\nThis application failed to start"
    line = platform_problem(x11, lambda: False, lambda env: (False, other))
    assert line is not None and "\n" not in line and "failed to start" in line
