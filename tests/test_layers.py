"""parsing/ and storage/ never import Qt: checked in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _modules_under(package: str) -> list[str]:
    root = REPO / package
    return [
        ".".join(path.relative_to(REPO).with_suffix("").parts)
        for path in sorted(root.rglob("*.py"))
        if path.name != "__main__.py"
    ]


def test_parsing_and_storage_load_no_qt() -> None:
    modules = _modules_under("parsing") + _modules_under("storage")
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name.removesuffix('.__init__'))\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(qt))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "", f"Qt modules loaded by parsing/storage: {run.stdout}"
    assert len(modules) > 10
