"""The PDF report's content as HTML (Qt's rich-text subset): a cover page with the ranked
shortlist, then one section per candidate. Every value goes through html.escape: text from
a document is never rendered as markup (a CV can hold "<img src=...>" as easily as a name).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from parsing.models import Profile
from storage.export.selection import Entry
from storage.export.summary import (
    award_line,
    degree_fact,
    education_line,
    experience_line,
    facts,
    first_author_mark,
    fmt_score,
    publication_line,
    publications_fact,
    score_rows,
)

ACCENT = "#1f4e79"
MUTED = "#5f6b76"
RULE = "#c9d3dc"
SHADE = "#eef3f7"

STYLE = f"""
body {{ font-family: 'Noto Sans', 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #1d232a; }}
h1 {{ font-size: 22pt; color: {ACCENT}; margin: 0 0 2pt 0; }}
h2 {{ font-size: 15pt; color: {ACCENT}; margin: 0; }}
h3 {{ font-size: 10.5pt; color: {ACCENT}; margin-top: 14pt; margin-bottom: 4pt; }}
p {{ margin: 0 0 4pt 0; }}
li {{ margin-bottom: 3px; }}
.sub {{ color: {MUTED}; font-size: 10pt; }}
.small {{ color: {MUTED}; font-size: 8pt; }}
.label {{ color: {MUTED}; }}
.first {{ color: {ACCENT}; font-size: 8pt; }}
table.ranked {{ border-collapse: collapse; margin-top: 14pt; }}
table.ranked th {{ background-color: {ACCENT}; color: white; font-weight: bold;
                  padding-top: 5px; padding-bottom: 5px; padding-left: 6px; padding-right: 6px; }}
table.ranked td {{ border-bottom: 1px solid {RULE}; vertical-align: top;
                  padding-top: 5px; padding-bottom: 5px; padding-left: 6px; padding-right: 6px; }}
table.facts td {{ vertical-align: top; padding-top: 2px; padding-bottom: 2px; padding-right: 8px; }}
table.scores {{ border-collapse: collapse; margin-bottom: 6px; }}
table.facts {{ margin-bottom: 6px; }}
table.scores th {{ background-color: {SHADE}; text-align: left;
                  padding-top: 3px; padding-bottom: 3px; padding-left: 6px; padding-right: 14px; }}
table.scores td {{ border-bottom: 1px solid {RULE};
                  padding-top: 3px; padding-bottom: 3px; padding-left: 6px; padding-right: 14px; }}
td.num, th.num {{ text-align: right; }}
.notes {{ background-color: {SHADE}; }}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _multiline(text: str) -> str:
    return "<br/>".join(_e(line) for line in text.splitlines())


def report_html(
    entries: Sequence[Entry],
    criteria: Sequence[str],
    title: str = "Shortlist",
    scoring_note: str = "Score: mean of the criterion scores, 1 (weak) to 5 (excellent).",
    anonymised: bool = False,
) -> str:
    body = [_cover(entries, title, scoring_note, anonymised)]
    body += [_candidate(e, criteria) for e in entries]
    return (
        f"<html><head><meta charset='utf-8'/><title>{_e(title)}</title>"
        f"<style>{STYLE}</style></head><body>{''.join(body)}</body></html>"
    )


def _cover(entries: Sequence[Entry], title: str, scoring_note: str, anonymised: bool) -> str:
    count = f"{len(entries)} candidate{'s' if len(entries) != 1 else ''}"
    blind = " · anonymised: candidates appear under their review alias" if anonymised else ""
    head = (
        f"<h1>{_e(title)}</h1>"
        f"<p class='sub'>Report for the selection committee · {date.today():%d %B %Y} · "
        f"{count} in rank order{_e(blind)}</p><p style='font-size: 6pt'>&nbsp;</p>"
    )
    if not entries:
        return head + "<p>No candidates to report.</p>"
    rows = "".join(_cover_row(e) for e in entries)
    table = (
        "<table class='ranked' width='100%' cellspacing='0'>"
        "<tr><th width='9%' align='right'>Rank</th><th width='24%' align='left'>Candidate</th>"
        "<th width='10%' align='right'>Score</th><th width='13%' align='left'>Status</th>"
        "<th width='24%' align='left'>Latest degree</th>"
        "<th width='20%' align='left'>Publications</th></tr>"
        f"{rows}</table>"
    )
    return head + table + f"<p class='small'><br/>{_e(scoring_note)}</p>"


def _cover_row(entry: Entry) -> str:
    review = entry.candidate.review
    tags = f"<br/><span class='small'>{_e(', '.join(review.tags))}</span>" if review.tags else ""
    return (
        f"<tr><td class='num'>{entry.position}</td>"
        f"<td><b>{_e(entry.display_name)}</b>{tags}</td>"
        f"<td class='num'><b>{fmt_score(entry.total)}</b></td>"
        f"<td>{_e(review.status)}</td>"
        f"<td>{_e(degree_fact(entry))}</td>"
        f"<td>{_e(_publications_short(entry))}</td></tr>"
    )


def _publications_short(entry: Entry) -> str:
    fact = publications_fact(entry)  # "35 (14 first-author, 30 peer-reviewed)"
    return fact.split(", ")[0] + ")" if ", " in fact else fact


def _candidate(entry: Entry, criteria: Sequence[str]) -> str:
    profile = entry.candidate.profile
    parts = [
        "<div style='page-break-before: always'></div>",
        _heading(entry),
        _facts(entry),
        _scores(entry, criteria),
        _list("Education", [education_line(e) for e in profile.education]),
        _list("Experience", [experience_line(e) for e in profile.experience]),
        _publications(entry, profile),
        _list("Awards", [award_line(a) for a in profile.awards]),
        _notes(entry.candidate.review.notes),
    ]
    return "".join(parts)


def _heading(entry: Entry) -> str:
    return (
        "<table width='100%' cellspacing='0' cellpadding='0'><tr>"
        f"<td><h2>{entry.position}. {_e(entry.display_name)}</h2></td>"
        f"<td align='right'><h2>{fmt_score(entry.total)}</h2>"
        "<span class='small'>score</span></td></tr></table>"
        f"<hr style='color:{RULE}'/>"
    )


def _facts(entry: Entry) -> str:
    rows = "".join(
        f"<tr><td class='label' width='22%'>{_e(label)}</td><td>{_e(text)}</td></tr>"
        for label, text in facts(entry)
        if label != "Score"
    )
    return f"<table class='facts' width='100%' cellspacing='0'>{rows}</table>"


def _scores(entry: Entry, criteria: Sequence[str]) -> str:
    rows = score_rows(entry, criteria)
    if not any(value != "–" for _, value, _ in rows):
        return "<h3>Scores</h3><p class='sub'>Not scored yet.</p>"
    body = "".join(
        f"<tr><td>{_e(c)}</td><td class='num'>{v}</td>"
        f"<td class='small'>{'given blind' if blind else ''}</td></tr>"
        for c, v, blind in rows
    )
    return (
        "<h3>Scores by criterion</h3><table class='scores' cellspacing='0'>"
        "<tr><th align='left'>Criterion</th><th align='right'>Score</th><th></th></tr>"
        f"{body}<tr><td><b>Total</b></td><td class='num'><b>{fmt_score(entry.total)}</b></td>"
        "<td></td></tr></table>"
    )


def _list(title: str, items: list[str]) -> str:
    items = [i for i in items if i]
    if not items:
        return ""
    return f"<h3>{_e(title)}</h3><ul>{''.join(f'<li>{_e(i)}</li>' for i in items)}</ul>"


def _publications(entry: Entry, profile: Profile) -> str:
    if not profile.publications:
        return ""
    items = []
    for pub in profile.publications:
        title, authors, where = publication_line(pub)
        mark = " <span class='first'>· first author</span>" if first_author_mark(entry, pub) else ""
        detail = " · ".join(_e(p) for p in (authors, where) if p)
        items.append(f"<li><b>{_e(title)}</b>{mark}<br/><span class='small'>{detail}</span></li>")
    return f"<h3>Publications ({len(items)})</h3><ol>{''.join(items)}</ol>"


def _notes(notes: str) -> str:
    if not notes.strip():
        return ""
    return (
        "<h3>Reviewer's notes</h3><table class='notes' width='100%' cellpadding='6' "
        f"cellspacing='0'><tr><td>{_multiline(notes.strip())}</td></tr></table>"
    )
