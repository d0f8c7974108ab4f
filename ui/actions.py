"""Every QAction of the window, declared once: text, shortcuts, icon, tip.

`build_actions(parent)` makes them all; the window looks them up by `Act` and connects
them. Menus and the toolbar are laid out in `ui/menus.py`. Single-key shortcuts (J, K, /,
?, S) are safe because a focused text field takes plain keys before shortcuts see them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from ui.icons import icon

Key = QKeySequence.StandardKey


class Act(Enum):
    IMPORT_FILES = auto()
    IMPORT_FOLDER = auto()
    OPEN_SAMPLES = auto()
    CANCEL_IMPORT = auto()
    SHOW_IMPORT_REPORT = auto()
    EXPORT = auto()
    NEW_LIBRARY = auto()
    OPEN_LIBRARY = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    FIND = auto()
    PREFERENCES = auto()
    NEXT_CANDIDATE = auto()
    PREVIOUS_CANDIDATE = auto()
    TOGGLE_SHORTLIST = auto()
    SCORE_1 = auto()
    SCORE_2 = auto()
    SCORE_3 = auto()
    SCORE_4 = auto()
    SCORE_5 = auto()
    REJECT = auto()
    ADD_TAG = auto()
    FOCUS_NOTES = auto()
    COMPARE = auto()
    BLIND_REVIEW = auto()
    ASSIGN_DOCUMENT = auto()
    MAKE_OWN_CANDIDATE = auto()
    BULK_STATUS = auto()
    BULK_ADD_TAG = auto()
    BULK_REMOVE_TAG = auto()
    BULK_SHORTLIST = auto()
    BULK_UNSHORTLIST = auto()
    RANK_UP = auto()
    RANK_DOWN = auto()
    RANK_TIE = auto()
    THEME_SYSTEM = auto()
    THEME_LIGHT = auto()
    THEME_DARK = auto()
    RESET_LAYOUT = auto()
    SHORTCUTS = auto()
    ABOUT = auto()


@dataclass(frozen=True)
class Spec:
    text: str
    shortcuts: tuple[QKeySequence | Key | str, ...] = ()
    icon: str | QStyle.StandardPixmap | None = None
    tip: str = ""
    checkable: bool = False


SPECS: dict[Act, Spec] = {
    Act.IMPORT_FILES: Spec("&Import Documents…", ("Ctrl+I",), "import", "Add CVs and statements"),
    Act.IMPORT_FOLDER: Spec("Import &Folder…", ("Ctrl+Shift+I",), "folder-import"),
    Act.OPEN_SAMPLES: Spec("Open &Sample Candidates", (), "samples", "Import six made-up CVs"),
    Act.CANCEL_IMPORT: Spec("&Cancel Import", (), "cancel"),
    Act.SHOW_IMPORT_REPORT: Spec("Last Import &Report…", (), "document"),
    Act.EXPORT: Spec("&Export…", ("Ctrl+E",), "export", "Export the shortlist or a selection"),
    Act.NEW_LIBRARY: Spec("&New Library…", (Key.New,), "library-new"),
    Act.OPEN_LIBRARY: Spec("&Open Library…", (Key.Open,), "library"),
    Act.QUIT: Spec("&Quit", (Key.Quit, "Ctrl+Q"), "quit"),
    Act.UNDO: Spec("&Undo", (Key.Undo,), "undo"),
    Act.REDO: Spec("&Redo", (Key.Redo, "Ctrl+Shift+Z"), "redo"),
    Act.FIND: Spec("&Find Candidate", (Key.Find, "/"), "search", "Search names, schools, tags"),
    Act.PREFERENCES: Spec("&Preferences…", (Key.Preferences, "Ctrl+,"), "preferences"),
    Act.NEXT_CANDIDATE: Spec("&Next Candidate", ("J",), "next"),
    Act.PREVIOUS_CANDIDATE: Spec("&Previous Candidate", ("K",), "previous"),
    Act.TOGGLE_SHORTLIST: Spec("&Shortlist", ("S",), "star", "Add to or take off the shortlist"),
    **{
        act: Spec(f"Score &{n}", (str(n),), "score", f"Give {n} on the focused criterion")
        for n, act in enumerate(
            (Act.SCORE_1, Act.SCORE_2, Act.SCORE_3, Act.SCORE_4, Act.SCORE_5), start=1
        )
    },
    Act.REJECT: Spec("&Reject", ("R",), "reject", "Set the status to rejected"),
    Act.ADD_TAG: Spec("Add &Tag…", ("T",), "tag", "Type a tag for the candidate"),
    Act.FOCUS_NOTES: Spec("&Notes", ("N",), "notes", "Write notes on the candidate"),
    Act.COMPARE: Spec("&Compare Selected…", ("Ctrl+Shift+C",), "compare", "2–4 side by side"),
    Act.BLIND_REVIEW: Spec(
        "&Blind Review", ("Ctrl+Shift+B",), "blind", "Hide who the candidates are", checkable=True
    ),
    Act.ASSIGN_DOCUMENT: Spec("&Assign to Candidate…", ("Ctrl+Shift+A",), "person-assign"),
    Act.MAKE_OWN_CANDIDATE: Spec("&Make Own Candidate", (), "person", "A new candidate for it"),
    # On every selected candidate (Ctrl/Shift-click, Ctrl+A), one undo step each.
    Act.BULK_STATUS: Spec("Set Status of Selected", (), "score", "Set the status of the selected"),
    Act.BULK_ADD_TAG: Spec("Add Tag to Selected…", (), "tag", "Tag every selected candidate"),
    Act.BULK_REMOVE_TAG: Spec("Remove Tag from Selected…", (), "tag"),
    Act.BULK_SHORTLIST: Spec("Shortlist Selected", (), "star"),
    Act.BULK_UNSHORTLIST: Spec("Take Selected Off Shortlist", (), "star-outline"),
    # While the list shows the shortlist in rank order.
    Act.RANK_UP: Spec("Move &Up in Ranking", ("Alt+Up",), "previous"),
    Act.RANK_DOWN: Spec("Move &Down in Ranking", ("Alt+Down",), "next"),
    Act.RANK_TIE: Spec("T&ie with Above", ("Alt+=",), "rank-tie", "Share the rank above"),
    Act.THEME_SYSTEM: Spec("Follow the &System", (), None, checkable=True),
    Act.THEME_LIGHT: Spec("&Light", (), None, checkable=True),
    Act.THEME_DARK: Spec("&Dark", (), None, checkable=True),
    Act.RESET_LAYOUT: Spec("Reset &Layout", (), "layout"),
    Act.SHORTCUTS: Spec("&Keyboard Shortcuts", (Key.HelpContents, "?"), "keyboard"),
    Act.ABOUT: Spec("&About Shortlist", (), "info"),
}


def _sequences(spec: Spec) -> list[QKeySequence]:
    out: list[QKeySequence] = []
    for shortcut in spec.shortcuts:
        if isinstance(shortcut, Key):
            out.extend(QKeySequence.keyBindings(shortcut))
        else:
            out.append(QKeySequence(shortcut))
    unique: dict[str, QKeySequence] = {}
    for seq in out:
        if not seq.isEmpty():
            unique.setdefault(seq.toString(), seq)
    return list(unique.values())


def _make(parent: QWidget, spec: Spec) -> QAction:
    action = QAction(spec.text, parent)
    action.setShortcuts(_sequences(spec))
    if isinstance(spec.icon, str):
        action.setIcon(icon(spec.icon))
    elif spec.icon is not None:
        action.setIcon(parent.style().standardIcon(spec.icon))
    tip = spec.tip or spec.text.replace("&", "").rstrip("…")
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({keys})" if keys else tip)
    action.setStatusTip(tip)
    action.setCheckable(spec.checkable)
    return action


def build_actions(parent: QWidget) -> dict[Act, QAction]:
    """One QAction per `Act`, owned by `parent` (the main window, so shortcuts work
    wherever the focus is in it)."""
    actions = {act: _make(parent, spec) for act, spec in SPECS.items()}
    parent.addActions(list(actions.values()))
    return actions


def _sheet_keys(spec: Spec) -> list[QKeySequence]:
    """The keys a person would type: a standard key's first binding (not the media keys
    some platforms add, such as "Undo" or F14), then the ones spelled out."""
    keys: list[QKeySequence] = []
    for shortcut in spec.shortcuts:
        if isinstance(shortcut, Key):
            keys.extend(QKeySequence.keyBindings(shortcut)[:1])
        else:
            keys.append(QKeySequence(shortcut))
    native = QKeySequence.SequenceFormat.NativeText
    return list({k.toString(native): k for k in keys if not k.isEmpty()}.values())


def shortcut_sheet() -> list[tuple[str, str]]:
    """(what, keys) for the shortcut sheet, from the same declarations."""
    rows = []
    for spec in SPECS.values():
        keys = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in _sheet_keys(spec)
        )
        if keys:
            rows.append((spec.text.replace("&", "").rstrip("…"), keys))
    rows.append(("Next / previous candidate", "Down / Up"))
    rows.append(("Next / previous criterion", "Tab / Shift+Tab"))
    rows.append(("Clear the search", "Esc"))
    return rows
