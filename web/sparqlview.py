"""Helpers of the SPARQL page: show result terms compactly and point at syntax errors.

IRIs of pages in this site become links; well-known namespaces are shown as prefixed
names, so a results table stays readable.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from rdflib import BNode, Literal, URIRef

from graph.namespace import ID, NS

from . import paths

PREFIXES = {
    "id:": str(ID),
    "ig:": NS,
    "rdf:": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs:": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd:": "http://www.w3.org/2001/XMLSchema#",
    "schema:": "https://schema.org/",
    "prov:": "http://www.w3.org/ns/prov#",
}
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_POSITION = re.compile(r"line\s+(\d+),?\s+col(?:umn)?\s+(\d+)", re.IGNORECASE)


@dataclass
class Cell:
    text: str
    url: Optional[str] = None
    kind: str = "literal"  # uri, literal, bnode, empty
    full: str = ""  # the full IRI or the literal's datatype, for the JSON twin

    @property
    def short(self) -> bool:
        """Dates and numbers: kept on one line in the table."""
        return self.full.rsplit("#", 1)[-1] in ("date", "dateTime", "integer", "decimal", "double", "gYear")


def compact(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return prefix + iri[len(ns):]
    return iri


def cell(term) -> Cell:
    if term is None:
        return Cell("", kind="empty")
    if isinstance(term, URIRef):
        return Cell(compact(str(term)), paths.href(term), "uri", str(term))
    if isinstance(term, BNode):
        return Cell(f"_:{term}", kind="bnode")
    if isinstance(term, Literal):
        return Cell(str(term), kind="literal", full=str(term.datatype or ""))
    return Cell(str(term))


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first form keyword outside comments and IRIs."""
    stripped = re.sub(r"#[^\n]*|<[^>\s]*>|\"[^\"\n]*\"|'[^'\n]*'", " ", query)
    m = _FORM.search(stripped)
    return m.group(1).upper() if m else "SELECT"


def error_location(query: str, position: Optional[str]) -> Optional[dict]:
    """The offending line and a caret under the column, when the position names them."""
    m = _POSITION.search(position or "")
    if not m:
        return None
    line, col = int(m.group(1)), int(m.group(2))
    lines = query.splitlines() or [""]
    if not 1 <= line <= len(lines):
        return None
    return {"line": line, "column": col, "text": lines[line - 1], "caret": " " * max(col - 1, 0) + "^"}
