"""The limits of the SPARQL layer and the store, declared once as data with their defaults.

Each setting can be overridden by an environment variable ``INCIDENTGRAPH_<NAME>`` (upper
case); a test checks every setting here is documented (has help text).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS = [
    Setting("query_timeout_s", 10.0,
            "Seconds a SPARQL query may run before it is stopped and answered with a timeout error."),
    Setting("max_rows", 10_000,
            "Most result rows (or triples of a graph result) returned; longer answers are truncated and say so."),
    Setting("max_body_bytes", 1_000_000,
            "Largest accepted /sparql request body or query text in bytes; larger requests get 413."),
    Setting("flush_every", 500,
            "Writes (documents committed) to the embedded store between flushes of its in-memory write "
            "buffers to disk; keeps a long ingest's memory flat."),
]
_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> Any:
    """A setting's value: the environment override if set, else the default."""
    setting = _BY_NAME[name]
    raw = os.environ.get("INCIDENTGRAPH_" + name.upper())
    if raw is None:
        return setting.default
    return type(setting.default)(raw)


@dataclass(frozen=True)
class Limits:
    """The limits one query runs under."""

    query_timeout_s: float = _BY_NAME["query_timeout_s"].default
    max_rows: int = _BY_NAME["max_rows"].default
    max_body_bytes: int = _BY_NAME["max_body_bytes"].default

    @classmethod
    def from_settings(cls) -> "Limits":
        return cls(**{f.name: get(f.name) for f in fields(cls)})  # its own settings, not the store's
