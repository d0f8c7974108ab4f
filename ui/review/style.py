"""The review panel's look, from the palette so the light and the dark theme both work:
the focused criterion outlined in the accent colour, the chosen score filled with it."""

from __future__ import annotations

from PySide6.QtGui import QPalette

from ui.profile.style import accent, hairline, is_dark, mix, muted


def review_qss(palette: QPalette) -> str:
    role = QPalette.ColorRole
    window, text = palette.color(role.Window), palette.color(role.WindowText)
    focus_fill = mix(window, palette.color(role.Base), 0.6)
    chosen_text = "#10151c" if is_dark(palette) else "#ffffff"
    return f"""
    QLabel#reviewTitle {{ font-size: 15px; font-weight: 600; }}
    QLabel#reviewTotal {{ font-weight: 600; }}
    QLabel#sectionTitle {{ color: {muted(palette)}; font-weight: 600; }}
    QFrame#sectionLine {{ border: none; border-top: 1px solid {hairline(palette)}; }}
    QLabel#muted {{ color: {muted(palette)}; }}
    QLabel#anchorGuide {{ color: {muted(palette)}; font-size: 11px; }}
    QLabel#blindMark {{ color: {accent(palette)}; }}
    QFrame#criterionRow {{ border: 1px solid transparent; border-radius: 6px; }}
    QFrame#criterionRow[focused="true"] {{
        border: 1px solid {accent(palette)}; background: {focus_fill}; }}
    QFrame#criterionRow[focused="true"] QLabel#criterionLabel {{ font-weight: 600; }}
    QToolButton#scoreButton {{
        padding: 0; border-radius: 4px;
        border: 1px solid {hairline(palette)}; color: {text.name()}; }}
    QToolButton#scoreButton:checked {{
        background: {accent(palette)}; border-color: {accent(palette)};
        color: {chosen_text}; font-weight: 600; }}
    """
