"""Run a vetted read query against a store and serialize the answer (provisional)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional

from rdflib.term import Node

from . import gate
from .settings import Limits
from .store import Store


@dataclass
class QueryResult:
    body: bytes
    media_type: str
    truncated: bool = False


@dataclass
class Table:
    variables: list[str]
    rows: list[dict[str, Node]]
    truncated: bool = False


def run_query(store: Store, query: str, fmt: str = "json", limits: Optional[Limits] = None,
              bindings: Optional[Mapping[str, Node]] = None) -> QueryResult:
    gate.check(query)
    body, media = store.raw_query(query, fmt)
    return QueryResult(body, media, False)


def select_table(store: Store, query: str, limits: Optional[Limits] = None,
                 bindings: Optional[Mapping[str, Node]] = None) -> Table:
    gate.check(query)
    limits = limits or Limits.from_settings()
    rows = store.select_terms(query, bindings)
    names: list[str] = []
    for r in rows:
        names.extend(k for k in r if k not in names)
    truncated = len(rows) > limits.max_rows
    return Table(names, rows[: limits.max_rows], truncated)
