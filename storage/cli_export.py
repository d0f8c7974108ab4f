"""`python main.py export`: the shortlist as CSV, XLSX, JSON, Markdown, PDF or a packet.

The PDF renderer is handed in by main.py (it needs Qt, which storage never imports), so
the command works the same from the window's process and from a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from storage.errors import LibraryError
from storage.export.export import FORMATS, ExportError, RenderPdf, export
from storage.export.rows import COLUMNS
from storage.library import Library


def parse_ids(text: str) -> list[int]:
    """ "3,5,8-10" -> [3, 5, 8, 9, 10]."""
    ids: list[int] = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        first, dash, last = part.partition("-")
        try:
            start, end = int(first), int(last) if dash else int(first)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a candidate id or range: {part!r}") from None
        ids.extend(range(start, end + 1))
    if not ids:
        raise argparse.ArgumentTypeError("give candidate ids, e.g. 3,5,8-10")
    return ids


def parse_columns(text: str) -> list[str]:
    keys = [k.strip() for k in text.split(",") if k.strip()]
    unknown = [k for k in keys if k not in {c.key for c in COLUMNS}]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown column {', '.join(unknown)}")
    return keys


def add_export_command(
    sub: argparse._SubParsersAction, add_library_option: Callable, render_pdf: RenderPdf
) -> None:
    cmd = sub.add_parser(
        "export",
        help="write the shortlist as CSV, XLSX, JSON, Markdown, a PDF report or a zip packet",
        description="Export candidates. Default: the shortlist, in rank order.",
    )
    cmd.add_argument("--format", "-f", choices=list(FORMATS), help="default: from the suffix")
    cmd.add_argument("--output", "-o", required=True, metavar="FILE")
    scope = cmd.add_mutually_exclusive_group()
    scope.add_argument("--shortlisted", action="store_true", help="the shortlist (default)")
    scope.add_argument("--selection", type=parse_ids, metavar="IDS", help="e.g. 3,5,8-10")
    scope.add_argument("--all", action="store_true", help="every candidate")
    keys = ", ".join(c.key + ("" if c.default else "*") for c in COLUMNS)
    cmd.add_argument(
        "--columns",
        type=parse_columns,
        metavar="KEYS",
        help=f"CSV/XLSX columns, comma-separated (* = not in the default set): {keys}",
    )
    cmd.add_argument(
        "--anonymised",
        "--anonymized",
        action="store_true",
        help="aliases instead of names; no contacts, links or original documents",
    )
    cmd.add_argument("--title", default="Shortlist", help="report and summary title")
    cmd.add_argument("--force", action="store_true", help="replace FILE if it exists")
    add_library_option(cmd)
    cmd.set_defaults(run=lambda args: run_export(args, render_pdf))


def _format(args: argparse.Namespace) -> str | None:
    if args.format:
        return args.format
    suffix = Path(args.output).suffix.lower().lstrip(".")
    return {"markdown": "md", "xls": "xlsx"}.get(suffix, suffix) if suffix else None


def run_export(args: argparse.Namespace, render_pdf: RenderPdf) -> int:
    fmt = _format(args)
    if fmt not in FORMATS:
        print(f"shortlist: say --format ({', '.join(FORMATS)})", file=sys.stderr)
        return 2
    scope = "selection" if args.selection else "all" if args.all else "shortlist"
    try:
        with Library.open(getattr(args, "library", None)) as library:
            result = export(
                library,
                fmt,
                args.output,
                scope=scope,
                ids=args.selection,
                columns=args.columns,
                anonymised=args.anonymised,
                force=args.force,
                render_pdf=render_pdf,
                title=args.title,
            )
    except (ExportError, LibraryError, ValueError) as exc:
        print(f"shortlist: {exc}", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"  {warning}", file=sys.stderr)
    what = "candidate" if result.candidates == 1 else "candidates"
    print(f"wrote {result.candidates} {what} to {result.path}")
    if result.candidates == 0 and scope == "shortlist":
        print("the shortlist is empty: shortlist candidates first, or export --all")
    return 0
