"""Text from documents and file names, shown exactly as written.

Qt renders a tooltip or a message as rich text when it merely looks like HTML, so a file
named `<b>cv</b>.pdf` would turn bold. Labels and models avoid that with
`Qt.TextFormat.PlainText` or plain model strings; tooltips have no such switch, so their
text goes through `tooltip()`, which escapes it inside an explicit rich-text envelope.
"""

from __future__ import annotations

import html


def tooltip(text: str) -> str:
    """A tooltip that shows `text` literally, line breaks kept."""
    if not text:
        return ""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"
