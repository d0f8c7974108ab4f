"""What the search box says about the query: a red border and the error under the box
("unknown field 'nmae:' — did you mean name:?"), gone as soon as the query reads again.

The list keeps the last good result while the query has an error (the model does not
change on a bad query), so a half-typed `score>=` never empties the list.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout

from storage.query import QuerySyntaxError

ERROR_STYLE = "QLineEdit#candidateSearch { border: 1px solid #d64541; }"
PLACEHOLDER = "Search…   neural   edu:oxford   tag:nlp   score>=4   -status:rejected"
HELP = (
    'Words and "quoted phrases" are looked for in profiles and documents.\n'
    "Fields: name: email: tag: (#tag) status: kind: edu: venue: area: interest: skill: "
    "note: file:\n"
    "Numbers: score pubs firstauthor year rank, with > < >= <= = !=  (score>=4, year:2024)\n"
    "Flags: is:shortlisted is:scored is:ranked is:unassigned, has:email has:publications …\n"
    "-term or NOT term excludes; a OR b; (…) groups; case and accents never matter."
)
MESSAGE_STYLE = "color: #d64541; padding: 0 8px;"


class SearchFeedback(QObject):
    def __init__(self, box: QLineEdit, layout: QVBoxLayout, position: int, parent=None):
        super().__init__(parent)
        self.box = box
        box.setObjectName("candidateSearch")
        box.setPlaceholderText(PLACEHOLDER)
        box.setToolTip(HELP)
        self.message = QLabel(box.parentWidget())
        self.message.setObjectName("searchError")
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.insertWidget(position, self.message)

    def show_error(self, error: QuerySyntaxError | None) -> None:
        if error is None:
            self.box.setStyleSheet("")
            self.box.setToolTip(HELP)
            self.message.hide()
            return
        text = f"{error.message} (at character {error.position + 1})"
        self.box.setStyleSheet(ERROR_STYLE)
        self.box.setToolTip(text)
        self.message.setText(text)
        self.message.show()

    @property
    def error_text(self) -> str:
        return self.message.text() if self.message.isVisibleTo(self.box.window()) else ""
