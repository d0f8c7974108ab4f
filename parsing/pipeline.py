"""parse_file(path) -> ParseResult. Top-level and picklable, so a worker process can run it."""

from __future__ import annotations

import time
from pathlib import Path

from parsing.models import ExtractedText, ParseResult
from parsing.profile_builder import build_profile
from parsing.registry import detect_format, extractor_for


def extract_file(path: str | Path) -> ExtractedText:
    path = Path(path)
    fmt = detect_format(path)
    return extractor_for(fmt)(path)


def parse_extracted(extracted: ExtractedText, path: str = "") -> ParseResult:
    profile = build_profile(extracted)
    return ParseResult(
        path=path,
        kind=profile.kind,
        profile=profile,
        text=extracted.text,
        pages=extracted.pages,
        page_starts=extracted.page_starts,
        warnings=extracted.warnings,
        source_format=extracted.source_format,
    )


def parse_file(path: str | Path) -> ParseResult:
    """Parse one document. Raises `ParseError` (with a human reason) for unusable files."""
    began = time.perf_counter()
    extracted = extract_file(path)
    result = parse_extracted(extracted, str(path))
    return ParseResult(**{**result.__dict__, "seconds": time.perf_counter() - began})
