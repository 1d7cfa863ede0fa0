"""Errors raised while reading input, so callers can report them in one line."""
from __future__ import annotations


class IngestError(Exception):
    """Base class of everything ``ingest`` raises on purpose."""


class InputError(IngestError):
    """A file or pasted text that cannot be read as an article."""

    def __init__(self, path: object, problem: str):
        self.path = str(path) if path else "<text>"
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
