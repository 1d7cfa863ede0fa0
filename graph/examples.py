"""Example queries: journalists' questions as SPARQL files with their parameters.

Each ``graph/data/queries/*.rq`` starts with a comment header::

    # title: Incidents at a facility, in date order
    # description: The incidents whose target is the facility …
    #   (continued on indented comment lines)
    # param: facility | Facility | https://w3id.org/incidentgraph/id/facility/nord-stream | iri

A parameter is ``name | label | default | kind``, kind one of iri, literal, date, year, int.
``Example.bind`` turns the user's values into rdflib terms for ``store.select(query,
bindings)`` or ``graph.sparql.run_query(..., bindings=...)``: values are bound, never
pasted into the query text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Mapping, Optional

from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from .errors import QueryError

QUERY_DIR = Path(__file__).parent / "data" / "queries"
KINDS = ("iri", "literal", "date", "year", "int")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class ParameterError(QueryError):
    """A value given for an example's parameter is not of its kind."""


@dataclass(frozen=True)
class Parameter:
    name: str
    label: str
    default: str
    kind: str

    def term(self, value: Optional[str]) -> Node:
        """The value (or the default when empty) as an rdflib term of this parameter's kind."""
        text = (value if value is not None else self.default).strip()
        if text == "":
            text = self.default
        try:
            if self.kind == "iri":
                if not re.fullmatch(r"(https?|urn):[^\s<>\"{}|\\^`]+", text):
                    raise ValueError("an http(s) or urn IRI without spaces or <>\"{}|\\^`")
                return URIRef(text)
            if self.kind == "date":
                return Literal(date.fromisoformat(text), datatype=XSD.date)
            if self.kind == "year":
                year = int(text)
                if not 1 <= year <= 9999:
                    raise ValueError("a year from 1 to 9999")
                return Literal(year, datatype=XSD.integer)
            if self.kind == "int":
                return Literal(int(text), datatype=XSD.integer)
            return Literal(text)
        except ValueError as exc:
            raise ParameterError(f"{self.label}: {text!r} is not a valid {self.kind} ({exc})") from exc


@dataclass(frozen=True)
class Example:
    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...] = field(default_factory=tuple)
    query: str = ""

    def bind(self, values: Optional[Mapping[str, str]] = None) -> tuple[str, dict[str, Node]]:
        """The query and its bindings for the given values (defaults for missing ones)."""
        values = values or {}
        return self.query, {p.name: p.term(values.get(p.name)) for p in self.parameters}


def parse_example(name: str, text: str) -> Example:
    """An Example from the text of a .rq file; a malformed header is a ValueError."""
    fields: dict[str, str] = {}
    params: list[Parameter] = []
    last = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line[1:]
        m = re.match(r"\s*(title|description|param):\s*(.*)$", body)
        if m:
            key, value = m.group(1), m.group(2).strip()
            if key == "param":
                parts = [p.strip() for p in value.split("|")]
                if len(parts) != 4 or parts[3] not in KINDS or not _NAME.match(parts[0]):
                    raise ValueError(f"{name}: a param line is 'name | label | default | kind', "
                                     f"kind one of {', '.join(KINDS)}: {value!r}")
                params.append(Parameter(*parts))
                last = None
            else:
                fields[key] = value
                last = key
        elif last and body.startswith(("  ", "\t")):
            fields[last] += " " + body.strip()
    if "title" not in fields:
        raise ValueError(f"{name}: the header has no '# title:' line")
    example = Example(name, fields["title"], fields.get("description", ""), tuple(params), text)
    for p in params:
        p.term(None)  # the default must be valid
        if not re.search(r"\?" + re.escape(p.name) + r"\b", text):
            raise ValueError(f"{name}: parameter ?{p.name} is not used in the query")
    return example


def load_examples(directory: Path = QUERY_DIR) -> list[Example]:
    """Every example query, in file-name order."""
    return [parse_example(path.stem, path.read_text(encoding="utf-8"))
            for path in sorted(Path(directory).glob("*.rq"))]


def get_example(name: str) -> Example:
    for example in load_examples():
        if example.name == name:
            return example
    raise KeyError(name)
