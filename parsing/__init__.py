"""Parsing: a document path in, a `ParseResult` out. Pure Python, never imports Qt."""
