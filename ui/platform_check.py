"""Before creating the QApplication: can Qt open a window here? If not, say why in one line.

When Qt cannot load a platform plugin it prints a screen of `qt.qpa.plugin` lines and
aborts the process, which Python cannot catch. The usual cause on Linux desktops is the
missing xcb-cursor library (Qt >= 6.5 needs it for X11). So: if Qt will use xcb and that
library does not load, ask a throwaway interpreter to create a QApplication; if that one
dies, read its output and turn it into one line the reviewer can act on.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import subprocess
import sys
from collections.abc import Callable, Mapping

XCB_CURSOR_HINT = (
    "Shortlist cannot open its window: Qt needs the xcb-cursor library to use X11. "
    "Install it (Debian/Ubuntu: sudo apt-get install libxcb-cursor0; "
    "Fedora: sudo dnf install xcb-util-cursor) and start Shortlist again."
)
NO_DISPLAY = (
    "Shortlist cannot open its window: no display found (DISPLAY and WAYLAND_DISPLAY are "
    "not set). Start it from a desktop session, or use --screenshot for a picture."
)
_PROBE = "from PySide6.QtWidgets import QApplication; QApplication([])"


def _will_use_xcb(env: Mapping[str, str]) -> bool:
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0] == "xcb"
    # Qt 6 tries Wayland first when a Wayland session is there.
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def _xcb_cursor_loads() -> bool:
    # dlopen, not only find_library: the loader is what fails for Qt (broken or missing file).
    name = ctypes.util.find_library("xcb-cursor") or "libxcb-cursor.so.0"
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def _probe(env: Mapping[str, str]) -> tuple[bool, str]:
    try:
        run = subprocess.run(
            [sys.executable, "-c", _PROBE],
            env=dict(env),
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, str(exc)
    return run.returncode == 0, run.stderr + run.stdout


def _one_line(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    useful = [line for line in lines if "failed to start" in line or "Could not" in line]
    return (useful or lines or ["Qt could not start"])[0]


def platform_problem(
    env: Mapping[str, str] | None = None,
    cursor_loads: Callable[[], bool] = _xcb_cursor_loads,
    probe: Callable[[Mapping[str, str]], tuple[bool, str]] = _probe,
) -> str | None:
    """One line saying why no window can open, or None when Qt should start."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith("xcb"):
        return None  # offscreen, wayland, vnc...: the reviewer chose it
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        return NO_DISPLAY
    if not _will_use_xcb(env) or cursor_loads():
        return None
    started, output = probe(env)
    if started:
        return None
    if "xcb-cursor" in output or "xcb_cursor" in output:
        return XCB_CURSOR_HINT
    return f"Shortlist cannot open its window: {_one_line(output)}"
