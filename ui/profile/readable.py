"""The "Profile" tab: the parsed profile laid out for reading (see summary_html.py).

Clicking an item asks for its evidence; hovering a flagged one says why it is flagged.
Links never open anything: they only name a field and an item.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QFrame, QTextBrowser, QToolTip, QWidget

from parsing.models import Profile
from ui.profile.style import accent, amber, muted
from ui.profile.summary_html import Colors, Marks, parse_href, profile_html, style_sheet


class ReadableView(QTextBrowser):
    itemActivated = Signal(str, int)  # field, index in the profile's field

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("profileReadable")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.document().setDocumentMargin(20)
        self.anchorClicked.connect(self._follow)
        self._profile: Profile | None = None
        self._marks = Marks()
        self._tips: dict[str, str] = {}
        self._placeholder = ""
        self._rendered_with: Colors | None = None

    def show_profile(
        self, profile: Profile | None, marks: Marks | None = None, keep_scroll: bool = False
    ) -> None:
        self._profile, self._marks = profile, marks or Marks()
        scroll = self.verticalScrollBar().value() if keep_scroll else 0
        self._render()
        self.verticalScrollBar().setValue(scroll)

    def show_placeholder(self, text: str) -> None:
        self._profile, self._placeholder = None, text
        self._render()

    def _colors(self) -> Colors:
        palette = self.palette()
        return Colors(
            palette.text().color().name(), muted(palette), accent(palette), amber(palette)
        )

    def _render(self) -> None:
        colors = self._rendered_with = self._colors()
        if self._profile is None:
            self._tips = {}
            self.setPlainText(self._placeholder)
            return
        body, self._tips = profile_html(self._profile, colors, self._marks)
        self.document().setDefaultStyleSheet(style_sheet(colors))
        self.setHtml(body)

    def _follow(self, url) -> None:
        target = parse_href(url.toString())
        if target is not None:
            self.itemActivated.emit(*target)

    def viewportEvent(self, event: QEvent) -> bool:
        # Tooltips arrive at the viewport, in its coordinates (which anchorAt expects).
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self._tips.get(self.anchorAt(event.pos()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Deferred: a theme change arrives while Qt is still re-polishing every widget, and
        # re-rendering inside that cascade recurses.
        if event.type() == QEvent.Type.PaletteChange:
            QTimer.singleShot(0, self, self._recolor)  # cancelled if deleted

    def _recolor(self) -> None:
        if self._colors() != self._rendered_with:
            scroll = self.verticalScrollBar().value()
            self._render()
            self.verticalScrollBar().setValue(scroll)
