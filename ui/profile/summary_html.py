"""The readable profile as rich text: a one-page summary a reviewer can scan.

No Qt. Every value from a document goes through `html.escape`, so a name written
`<b>x</b>` or an `<img …>` in a CV is shown as those characters, never rendered. Each item
is a link `ev:<field>:<index>`; following it shows where the item came from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape
from typing import Any

from parsing.models import Profile
from ui.profile.profile_items import (
    FIELD_NAMES,
    LOW_CONFIDENCE_TIP,
    flagged,
    heading,
    is_flagged,
    items,
)

MAX_AUTHORS = 12
MAX_ABOUT = 220  # characters of a project's description in the summary
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
CLICK_TIP = "Click to show where this came from"


@dataclass(frozen=True)
class Colors:
    text: str
    muted: str
    accent: str
    amber: str


@dataclass(frozen=True)
class Marks:
    edited: frozenset[str] = frozenset()
    pending: frozenset[str] = frozenset()


def href(field: str, index: int) -> str:
    return f"ev:{field}:{index}"


def parse_href(link: str) -> tuple[str, int] | None:
    parts = link.split(":")
    if len(parts) != 3 or parts[0] != "ev" or not parts[2].isdigit():
        return None
    return parts[1], int(parts[2])


def style_sheet(colors: Colors) -> str:
    return f"a {{ color: {colors.text}; text-decoration: none; }}"


def date_text(value: str | None) -> str:
    if not value:
        return ""
    if value == "present":
        return "present"
    if len(value) == 7 and value[4] == "-" and value[5:].isdigit() and 1 <= int(value[5:]) <= 12:
        return f"{MONTHS[int(value[5:]) - 1]} {value[:4]}"
    return value


def date_range(start: str | None, end: str | None) -> str:
    a, b = date_text(start), date_text(end)
    if a and b and a != b:
        return f"{a} – {b}"
    return a or b


class _Page:
    """Collects the HTML and the tooltips of its links."""

    def __init__(self, colors: Colors, marks: Marks):
        self.c = colors
        self.marks = marks
        self.out: list[str] = []
        self.tips: dict[str, str] = {}

    def link(self, field: str, index: int, item: Any, inner: str, first: bool = True) -> str:
        """`inner` as a link to the item's evidence; the first link of a flagged item gets
        the amber dot (an entry spread over two lines is still one thing to check)."""
        ref = href(field, index)
        tip = CLICK_TIP
        dot = ""
        if is_flagged(item):
            tip = f"{LOW_CONFIDENCE_TIP} ({round(item.confidence * 100)}% sure)"
            dot = f'<span style="color:{self.c.amber}">●&nbsp;</span>' if first else ""
        self.tips[ref] = tip
        return f'<a href="{ref}">{dot}{inner}</a>'

    def muted(self, text: str, size: str = "") -> str:
        extra = f" font-size:{size};" if size else ""
        return f'<span style="color:{self.c.muted};{extra}">{text}</span>'

    def section(self, field: str) -> None:
        title = escape(heading(field).upper())
        marks = ""
        if field in self.marks.edited:
            marks += f'&nbsp;&nbsp;<span style="color:{self.c.accent}">EDITED</span>'
        if field in self.marks.pending:
            marks += f'&nbsp;&nbsp;<span style="color:{self.c.amber}">NEWER PARSE WAITING</span>'
        self.out.append(
            f'<p style="margin-top:18px; margin-bottom:2px; font-size:8pt; font-weight:700;'
            f' color:{self.c.muted}">{title}{marks}</p>'
        )

    def table(self, rows: Iterable[str]) -> None:
        body = "".join(rows)
        self.out.append(f'<table width="100%" cellspacing="0" cellpadding="0">{body}</table>')


def _entry_rows(
    page: _Page, field: str, index: int, item: Any, main: str, side: str, sub: str
) -> str:
    link = page.link(field, index, item, main)
    if side:
        top = (
            f'<tr><td style="padding-top:7px">{link}</td>'
            f'<td align="right" style="padding-top:7px; padding-left:12px; white-space:nowrap">'
            f"{page.muted(escape(side))}</td></tr>"
        )
    else:  # no date column: the title may use the full width
        top = f'<tr><td colspan="2" style="padding-top:7px">{link}</td></tr>'
    if not sub:
        return top
    sub_link = page.link(field, index, item, page.muted(sub), first=False)
    return top + f'<tr><td colspan="2">{sub_link}</td></tr>'


def _joined(*parts: str | None, sep: str = ", ") -> str:
    return sep.join(escape(p) for p in parts if p)


def _education(page: _Page, index: int, e: Any) -> str:
    if e.degree:
        main = f"<b>{escape(e.degree)}</b>" + (f", {escape(e.field)}" if e.field else "")
    else:
        main = f"<b>{_joined(e.field) or _joined(e.institution) or '(no degree)'}</b>"
    shown = e.institution if (e.degree or e.field) else None
    sub = _joined(shown, f"GPA {e.gpa}" if e.gpa else None, sep=" · ")
    return _entry_rows(page, "education", index, e, main, date_range(e.start, e.end), sub)


def _experience(page: _Page, index: int, e: Any) -> str:
    main = f"<b>{_joined(e.title) or _joined(e.organization) or '(no title)'}</b>"
    sub = _joined(e.organization) if e.title else ""
    return _entry_rows(page, "experience", index, e, main, date_range(e.start, e.end), sub)


def _award(page: _Page, index: int, a: Any) -> str:
    main = _joined(a.title) or "(no title)"
    return _entry_rows(page, "awards", index, a, main, str(a.year or ""), "")


def _project(page: _Page, index: int, p: Any) -> str:
    main = f"<b>{_joined(p.name) or '(no name)'}</b>"
    about = _joined(_shortened(p.description, MAX_ABOUT))
    return _entry_rows(page, "projects", index, p, main, date_range(p.start, p.end), about)


def _shortened(text: str | None, limit: int) -> str | None:
    """A summary shows the start of a long description; the whole is one click away."""
    if not text or len(text) <= limit:
        return text
    cut = text[:limit]
    return cut[: cut.rfind(" ")].rstrip(",;: ") + " …" if " " in cut else cut + "…"


def _publication(page: _Page, index: int, p: Any) -> str:
    authors = list(p.authors[:MAX_AUTHORS])
    more = len(p.authors) - len(authors)
    byline = _joined(*authors) + (f" and {more} more" if more > 0 else "")
    status_color = page.c.muted if p.status == "published" else page.c.accent
    where = _joined(p.venue, str(p.year) if p.year else None)
    status = f'<span style="color:{status_color}; font-size:8pt">{escape(p.status.upper())}</span>'
    lines = [f"<b>{_joined(p.title) or '(no title)'}</b>"]
    if byline:
        lines.append(page.muted(byline))
    lines.append(f"<i>{where}</i>&nbsp;&nbsp;{status}" if where else status)
    body = page.link("publications", index, p, "<br/>".join(lines))
    return (
        f'<tr><td width="26" valign="top" style="padding-top:7px">'
        f"{page.muted(f'{index + 1}.')}</td>"
        f'<td style="padding-top:7px">{body}</td></tr>'
    )


_ROWS: dict[str, Callable[[_Page, int, Any], str]] = {
    "education": _education,
    "experience": _experience,
    "publications": _publication,
    "awards": _award,
    "projects": _project,
}
_INLINE = ("research_interests", "skills")
_CONTACTS = ("emails", "phones", "links")


def _header(page: _Page, profile: Profile) -> None:
    name = profile.name
    title = page.link("name", 0, name, escape(name.text)) if name else page.muted("(no name found)")
    title += _edited_mark(page, "name")
    page.out.append(f'<p style="font-size:17pt; font-weight:600; margin:0">{title}</p>')
    contacts = [
        page.link(field, i, v, escape(v.text))
        for field in _CONTACTS
        for i, v in enumerate(items(profile, field))
    ]
    sep = page.muted("&nbsp;&nbsp;·&nbsp;&nbsp;")
    if contacts:
        marks = "".join(_edited_mark(page, f) for f in _CONTACTS)
        page.out.append(f'<p style="margin-top:4px">{sep.join(contacts)}{marks}</p>')
    _status_line(page, profile)


def _edited_mark(page: _Page, field: str) -> str:
    if field not in page.marks.edited:
        return ""
    what = "" if field == "name" else f" {escape(heading(field).lower())}"
    return (
        f'&nbsp;&nbsp;<span style="color:{page.c.accent}; font-size:8pt; font-weight:400">'
        f"EDITED{what.upper()}</span>"
    )


def _status_line(page: _Page, profile: Profile) -> None:
    count = len(flagged(profile))
    bits = []
    if count:
        bits.append(f'<span style="color:{page.c.amber}">● {count} to check</span>')
    if page.marks.edited:
        bits.append(f'<span style="color:{page.c.accent}">{len(page.marks.edited)} edited</span>')
    if page.marks.pending:
        n = len(page.marks.pending)
        bits.append(f'<span style="color:{page.c.amber}">{n} newer parse waiting</span>')
    if bits:
        page.out.append(f'<p style="margin-top:6px; font-size:9pt">{"&nbsp;&nbsp;".join(bits)}</p>')


def profile_html(profile: Profile, colors: Colors, marks: Marks = Marks()) -> tuple[str, dict]:
    """(HTML body, {link: tooltip}) for the profile."""
    page = _Page(colors, marks)
    _header(page, profile)
    empty = []
    for field in FIELD_NAMES:
        values = items(profile, field)
        if not values and field != "name":
            empty.append(heading(field))
        if not values or field == "name" or field in _CONTACTS:
            continue
        page.section(field)
        if field in _INLINE:
            sep = page.muted("&nbsp;·&nbsp; ")
            links = [page.link(field, i, v, escape(v.text)) for i, v in enumerate(values)]
            page.out.append(f'<p style="margin-top:4px">{sep.join(links)}</p>')
        else:
            page.table(_ROWS[field](page, i, item) for i, item in enumerate(values))
    if empty:
        missing = escape(", ".join(empty))
        page.out.append(
            f'<p style="margin-top:22px">{page.muted(f"Not found: {missing}", "9pt")}</p>'
        )
    return "".join(page.out), page.tips
