"""Shortlist: screen candidates for research positions, offline.

python main.py                      open the window
python main.py parse FILE [--json]  parse one document
python main.py import PATH...       add documents (files or folders) to the library
python main.py list | show ID       look into the library
python main.py export ...           write the shortlist as CSV, XLSX, JSON, MD, PDF or ZIP
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys


def _add_library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="library folder (default: the platform's data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shortlist",
        description="Screen candidates' CVs and statements, offline.",
    )
    _add_library_option(parser)
    parser.add_argument("--screenshot", metavar="FILE.png", help="save a window picture and exit")
    parser.add_argument("--select", type=int, default=1, metavar="N", help="candidate to select")
    parser.add_argument("--theme", choices=("light", "dark", "system"), help="window theme")
    sub = parser.add_subparsers(dest="command")

    parse = sub.add_parser("parse", help="parse one document and print its profile")
    parse.add_argument("file")
    parse.add_argument("--json", action="store_true", help="print the profile-schema JSON")
    parse.add_argument("--full", action="store_true", help="with --json: evidence and warnings")

    _add_storage_commands(sub)
    return parser


def _add_storage_commands(sub: argparse._SubParsersAction) -> None:
    try:
        from storage.cli import add_commands
    except ImportError:  # the library commands are not part of this build yet
        return
    add_commands(sub, _add_library_option)
    from storage.cli_export import add_export_command

    add_export_command(sub, _add_library_option, _render_pdf)


def _render_pdf(html: str, output, **options) -> int:
    from ui.report_pdf import render_pdf  # Qt is loaded only when a report is written

    return render_pdf(html, output, **options)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "parse":
        from parsing.cli import run_parse

        return run_parse(args.file, as_json=args.json, full=args.full)
    if args.command is not None:
        return args.run(args)
    try:
        from ui.app import run_app
    except ImportError as exc:
        print(f"shortlist: the window cannot start: {exc}", file=sys.stderr)
        build_parser().print_help()
        return 1
    return run_app(args)


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
